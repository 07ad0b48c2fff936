import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { DEMO, ga, launchBrowser, persoon, wachtOpLive } from './helpers';

/**
 * Issue 3, policy page: a toezichthouder lowers the midpoint threshold in one browser and a second
 * browser's province overview shows the new trede without a reload.
 *
 * The demo's synthetic figures (DEMO_CIJFERS) give Krimpen aan den IJssel (GM0542) 27 housed at
 * the end of September 2026 against a minimum of 38: 71 % of the minimum, so niet op schema on
 * 1 October 2026 under the standard policy (trede 0 → 1), op schema at a threshold of 70 %.
 */
const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const tredeVan = (page: Page, gemeente: string) =>
	page.locator(`tr[data-gemeente="${gemeente}"] .trede`).first().getAttribute('title');

const aantalVersies = (page: Page) => page.locator('li.versie').count();

describe('beleidskader', () => {
	it('een onjuist ingevuld formulier: meldingen per veld, de invoer blijft staan, niets opgeslagen', async () => {
		const { context, page } = await persoon(
			browser,
			server.url,
			DEMO.toezicht.email,
			'/toezicht/PV28/beleid'
		);
		try {
			await expect(aantalVersies(page)).resolves.toBe(0);
			await expect(page.getByTestId('perioden').innerText()).resolves.toContain('standaardbeleid');
			await page.fill('#vanaf', '2026-II');
			await page.fill('#drempel', 'zeventig');
			await page.getByRole('button', { name: '+ Regel toevoegen' }).click();
			await page.getByLabel('Percentage').fill('150');
			await page.getByRole('button', { name: 'Nieuwe versie vastleggen' }).click();
			await page.getByTestId('formulierfout').waitFor();

			await expect(page.locator('#drempel-fout').innerText()).resolves.toBe(
				'Vul een percentage in als getal met hoogstens één decimaal, bijvoorbeeld 72,5.'
			);
			await expect(page.locator('[data-testid=regel] .veldfout').innerText()).resolves.toBe(
				'Het percentage kan niet hoger zijn dan 100.'
			);
			await expect(page.locator('#toelichting-fout').innerText()).resolves.toContain(
				'Leg in een zin uit waarom het beleid wijzigt'
			);
			// What was typed is still there.
			await expect(page.inputValue('#drempel')).resolves.toBe('zeventig');
			await expect(page.getByLabel('Percentage').inputValue()).resolves.toBe('150');
			await expect(aantalVersies(page)).resolves.toBe(0);
			await page.screenshot({
				path: path.join(SCREENSHOTS, 'beleid-formulier-fout.png'),
				fullPage: true
			});
		} finally {
			await context.close();
		}
	});

	it('voorbeeld: welke gemeenten een andere stand krijgen, zonder op te slaan', async () => {
		const { context, page } = await persoon(
			browser,
			server.url,
			DEMO.toezicht.email,
			'/toezicht/PV28/beleid'
		);
		try {
			await page.fill('#vanaf', '2026-II');
			await page.fill('#drempel', '70');
			await expect(page.getByTestId('wijzigt').innerText()).resolves.toContain(
				'Drempel halverwege: 100% → 70% van het minimum'
			);
			await page.getByRole('button', { name: 'Voorbeeld' }).click();
			const voorbeeld = page.getByTestId('voorbeeld');
			await voorbeeld.waitFor();
			await expect(voorbeeld.locator('h3').innerText()).resolves.toMatch(
				/\d+ gemeenten krijgen een andere stand/
			);
			const rij = voorbeeld.locator('tr', { hasText: 'Krimpen aan den IJssel' });
			await expect(rij.innerText()).resolves.toContain('halverwege 2026-II');
			await expect(rij.locator('.trede').nth(0).getAttribute('title')).resolves.toBe(
				'Trede 1: signaleren'
			);
			await expect(rij.locator('.trede').nth(1).getAttribute('title')).resolves.toBe(
				'Trede 0: taakstelling gerealiseerd'
			);
			await expect(aantalVersies(page)).resolves.toBe(0);
		} finally {
			await context.close();
		}
	});

	it('de drempel verlagen in de ene browser verandert de trede in het overzicht van de andere, live', async () => {
		const kijker = await persoon(browser, server.url, DEMO.coa.email, '/toezicht/PV28/2026-II');
		const toezicht = await persoon(
			browser,
			server.url,
			DEMO.toezicht.email,
			'/toezicht/PV28/beleid'
		);
		try {
			const k = kijker.page;
			await wachtOpLive(k);
			await k.evaluate(
				() => ((window as unknown as { merkteken: string }).merkteken = 'geen-herlaad')
			);
			await expect(tredeVan(k, 'GM0542')).resolves.toBe('Trede 1: signaleren');
			await expect(k.getByTestId('beleid').innerText()).resolves.toContain('standaardbeleid');

			const p = toezicht.page;
			await wachtOpLive(p);
			await p.fill('#vanaf', '2026-II');
			await p.fill('#drempel', '70');
			await p.fill('#toelichting', 'Coronamaatregel: drempel halverwege 70% (GS-besluit 2026-41)');
			await p.getByRole('button', { name: 'Nieuwe versie vastleggen' }).click();
			const melding = p.getByTestId('opgeslagen');
			await melding.waitFor();
			await expect(melding.innerText()).resolves.toMatch(
				/^Nieuwe versie vastgelegd; \d+ gemeenten kregen een andere stand\./
			);

			// The other browser repaints the row without a reload.
			await k.waitForFunction(
				() =>
					document.querySelector('tr[data-gemeente="GM0542"] .trede')?.getAttribute('title') ===
					'Trede 0: taakstelling gerealiseerd',
				undefined,
				{ timeout: 5_000 }
			);
			await expect(k.getByTestId('beleid').innerText()).resolves.toContain(
				'versie 1 vanaf 2026-II'
			);
			await expect(
				k.evaluate(() => (window as unknown as { merkteken?: string }).merkteken)
			).resolves.toBe('geen-herlaad');

			// A second version for the same period: the form starts from version 1.
			await p
				.getByTestId('uitgangspunt')
				.filter({ hasText: 'Uitgangspunt: versie 1 vanaf 2026-II; dit wordt versie 2' })
				.waitFor({ timeout: 5_000 });
			await p.getByRole('button', { name: '+ Regel toevoegen' }).click();
			await p.getByLabel('Percentage').fill('70');
			await p.fill('#toelichting', 'LRT-advies: niet stijgen bij 70% van de opgave');
			await p.getByRole('button', { name: 'Nieuwe versie vastleggen' }).click();
			await melding.filter({ hasText: 'Versie 2 geldt vanaf 2026-II' }).waitFor();

			// The history on the policy page: who, when, why, what changed.
			// The success message comes with the action's answer; the history with the page data
			// that is reloaded right after it: wait for that, not for a fixed moment.
			const versies = p.locator('li.versie');
			await expect.poll(() => versies.count(), { timeout: 5_000 }).toBe(2);
			const [twee, een] = [await versies.nth(0).innerText(), await versies.nth(1).innerText()];
			expect(twee).toContain('Versie 2');
			expect(twee).toContain('geldt');
			expect(twee).toContain('Gewijzigd ten opzichte van versie 1 vanaf 2026-II');
			expect(twee).toContain('Nieuw: niet stijgen bij ten minste 70% van de opgave');
			expect(een).toContain('Versie 1');
			expect(een).toContain('vervangen');
			expect(een).toContain(DEMO.toezicht.naam);
			expect(een).toContain('GS-besluit 2026-41');
			expect(een).toContain('Gewijzigd ten opzichte van standaardbeleid');
			expect(een).toContain('Drempel halverwege: 100% → 70% van het minimum');
			const nu = await p.locator('tr[data-bereik="vanaf 2026-II"]').innerText();
			expect(nu).toContain('versie 2 vanaf 2026-II');
			expect(nu).toContain('Drempel halverwege: 70% van het minimum');
			expect(nu).toContain('Niet stijgen bij ten minste 70% van de opgave');
			await p.screenshot({
				path: path.join(SCREENSHOTS, 'beleid-geschiedenis.png'),
				fullPage: true
			});

			// The gemeente page names the version each assessment used.
			await ga(p, '/toezicht/gemeente/GM0542');
			const oktober = p.locator('li.stap[data-peildatum="2026-10-01"]');
			await expect(oktober.getByTestId('beleidsversie').innerText()).resolves.toContain(
				'versie 2 vanaf 2026-II'
			);
			const april = p.locator('li.stap[data-peildatum="2026-04-01"]');
			await expect(april.getByTestId('beleidsversie').innerText()).resolves.toContain(
				'standaardbeleid'
			);
		} finally {
			await kijker.context.close();
			await toezicht.context.close();
		}
	});

	it('twee toezichthouders: wie op een verouderde versie voortbouwt, wordt gewaarschuwd en geweigerd', async () => {
		const a = await persoon(browser, server.url, DEMO.toezicht.email, '/toezicht/PV28/beleid');
		const b = await persoon(browser, server.url, DEMO.toezicht.email, '/toezicht/PV28/beleid');
		try {
			await Promise.all([wachtOpLive(a.page), wachtOpLive(b.page)]);
			for (const { page } of [a, b]) await page.fill('#vanaf', '2027-I');
			await b.page.fill('#drempel', '80');
			await b.page.fill('#toelichting', 'Voorstel van B, op basis van het standaardbeleid');

			await a.page.fill('#drempel', '90');
			await a.page.fill('#toelichting', 'Voorstel van A, eerder opgeslagen');
			await a.page.getByRole('button', { name: 'Nieuwe versie vastleggen' }).click();
			await a.page.getByTestId('opgeslagen').waitFor();

			// B's page learns of it live and says so before B saves.
			const waarschuwing = b.page.getByTestId('nieuwere-versie');
			await waarschuwing.waitFor({ timeout: 5_000 });
			await expect(waarschuwing.innerText()).resolves.toContain(
				'Intussen heeft Tessa de Vries versie 1 vastgelegd voor 2027-I'
			);
			// Saving anyway is refused: no silent overwrite.
			await b.page.getByRole('button', { name: 'Nieuwe versie vastleggen' }).click();
			const fout = b.page.getByTestId('formulierfout');
			await fout.waitFor();
			await expect(fout.innerText()).resolves.toContain('Uw wijziging is niet opgeslagen');
			await expect(b.page.inputValue('#drempel')).resolves.toBe('80');
			await expect(b.page.locator('[data-vanaf="2027-I"] li.versie').count()).resolves.toBe(1);
			await expect(
				b.page.locator('[data-vanaf="2027-I"] li.versie').innerText()
			).resolves.toContain('Voorstel van A');

			// B takes over A's version and continues from there.
			await b.page
				.getByRole('button', { name: /Formulier .*vullen/ })
				.first()
				.click();
			await expect(b.page.inputValue('#drempel')).resolves.toBe('90');
			await expect(b.page.getByTestId('uitgangspunt').innerText()).resolves.toContain(
				'dit wordt versie 2 vanaf 2027-I'
			);
			await expect(waarschuwing.count()).resolves.toBe(0);
			await expect(fout.count()).resolves.toBe(0);
		} finally {
			await a.context.close();
			await b.context.close();
		}
	});
});
