import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { login, startServer, type RunningServer } from '../helpers/server';
import { kioskTokenFromLogs, postForm } from '../helpers/app';
import type { KaartStanden } from '../../src/lib/kaart/api';
import {
	centrum,
	FIXTURE_CELLEN,
	pixel,
	verwachteKleur,
	wachtOpKaart,
	wachtOpKleur
} from './kaart-hulp';
import {
	DEMO,
	ga,
	launchBrowser,
	nieuweContext,
	persoon,
	wachtOpHydratie,
	wachtOpLive
} from './helpers';

/**
 * A PRT meeting in three browsers (issue 6): the secretaris runs it, a kiosk link in the room
 * and a participant on their own laptop follow the shared screen live; an afspraak becomes an
 * actiepunt that is on the next meeting's agenda. The demo seeds the PRT's previous meeting
 * (id 1, with afspraken) and its next one (id 2). Screenshots go to tests/e2e/screenshots/.
 */

const MAP = path.resolve(import.meta.dirname, 'screenshots');
const GROOT = { width: 1920, height: 1080 };
const NORMAAL = { width: 1366, height: 900 };
const VERGADERING = '/regietafels/1/vergaderingen/2';
const STAND = 'Stand van zaken huisvesting vergunninghouders';
const KLEIN = { width: 1280, height: 720 };
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/geo');

let server: RunningServer;
let browser: Browser;
let kioskUrl: string;
let kioskToken: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	mkdirSync(MAP, { recursive: true });
	// With the synthetic map fixtures: a 'stand van zaken' item shows the live map.
	[server, browser] = await Promise.all([
		startServer({
			env: {
				GEO_GEMEENTEN_SOURCE: path.join(FIXTURES, 'gemeenten_2026.geojson'),
				GEO_PROVINCIES_SOURCE: path.join(FIXTURES, 'provincies_2026.geojson')
			}
		}),
		launchBrowser()
	]);
	kioskToken = kioskTokenFromLogs(server.logs());
	kioskUrl = `${server.url}/kiosk/${kioskToken}`;
});

afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => {});
	await browser?.close();
	await server?.stop();
});

async function als(email: string, pad: string, viewport = NORMAAL): Promise<Page> {
	const p = await persoon(browser, server.url, email, pad, viewport);
	contexts.push(p.context);
	meldFouten(p.page, email);
	return p.page;
}

async function foto(page: Page, naam: string, volledig = true): Promise<void> {
	const file = path.join(MAP, `${naam}.png`);
	await page.screenshot({ path: file, fullPage: volledig, animations: 'disabled', caret: 'hide' });
	expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
}

/** Polls until `check` holds; the elapsed time (for the log), or null after `ms`. */
async function wachtTot(check: () => Promise<boolean>, ms = 10_000): Promise<number | null> {
	const start = Date.now();
	while (Date.now() - start < ms) {
		if (await check()) return Date.now() - start;
		await new Promise((r) => setTimeout(r, 25));
	}
	return null;
}

const schermTitel = async (page: Page) =>
	(
		await page
			.locator('[data-testid=scherm-titel]')
			.textContent()
			.catch(() => null)
	)?.trim() ?? null;

const agendaTitels = (page: Page) =>
	page
		.locator('[data-testid=agenda] > li')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-titel') ?? ''));

/** Errors in the browser fail loudly in the log (a broken page otherwise just times out). */
function meldFouten(page: Page, wie: string): void {
	page.on('pageerror', (e) => console.error(`[e2e] paginafout bij ${wie}:`, e.message));
}

describe('een vergadering van de PRT', () => {
	let secretaris: Page;
	let kiosk: Page;
	let deelnemer: Page;

	it('de secretaris ziet de komende vergadering met de open actiepunten van de vorige', async () => {
		secretaris = await als(DEMO.secretaris.email, '/regietafels/1');
		const lijst = secretaris.locator('[data-testid=vergaderingen]');
		await expect(lijst.textContent()).resolves.toContain('Gepland');
		await secretaris.locator(`[data-testid=vergaderingen] a[href="${VERGADERING}"]`).click();
		await secretaris.waitForURL(`**${VERGADERING}`);
		await wachtOpHydratie(secretaris);
		await wachtOpLive(secretaris);
		const titels = await agendaTitels(secretaris);
		expect(titels).toContain('Vaststelling verslag vorige vergadering');
		expect(titels).toContain('Actiepunten vorige vergadering');
		const open = secretaris.locator('[data-testid=open-actiepunten] tbody tr[data-actiepunt]');
		await expect(open.count()).resolves.toBe(3);
		// The overdue one is marked, not only by colour.
		await expect(
			secretaris.locator('[data-testid=open-actiepunten] [data-verlopen]').count()
		).resolves.toBe(1);
		await foto(secretaris, 'vergadering-agenda');
		await foto(secretaris, 'vergadering-agenda-boven', false);
	});

	it('verplaatst een agendapunt met het toetsenbord, meldt dat en bewaart de volgorde', async () => {
		const voor = await agendaTitels(secretaris);
		const i = voor.indexOf('Rondvraag');
		const grip = secretaris.locator(
			`[data-testid=agenda] > li[data-titel="Rondvraag"] [data-knop=grip]`
		);
		await grip.focus();
		await secretaris.keyboard.press('Alt+ArrowUp');
		const melding = secretaris.locator('[data-testid=agenda-melding]');
		expect(
			await wachtTot(async () =>
				((await melding.textContent()) ?? '').includes(`‘Rondvraag’ staat nu op plaats ${i} van`)
			)
		).not.toBeNull();
		// Focus stays on the moved item, so a second Alt+↑ moves it again.
		await expect(
			secretaris.evaluate(() => document.activeElement?.closest('li')?.dataset.titel)
		).resolves.toBe('Rondvraag');
		const verwacht = [...voor];
		verwacht.splice(i, 1);
		verwacht.splice(i - 1, 0, 'Rondvraag');
		expect(
			await wachtTot(
				async () => JSON.stringify(await agendaTitels(secretaris)) === JSON.stringify(verwacht)
			)
		).not.toBeNull();
		// Saved on the server: a fresh load shows the new order.
		await ga(secretaris, VERGADERING);
		expect(await agendaTitels(secretaris)).toEqual(verwacht);
		// And back with the button.
		await secretaris.getByRole('button', { name: /^Omlaag\W+Rondvraag$/ }).click();
		expect(
			await wachtTot(
				async () => JSON.stringify(await agendaTitels(secretaris)) === JSON.stringify(voor)
			)
		).not.toBeNull();
	});

	it('verplaatst een agendapunt door het te slepen', async () => {
		await ga(secretaris, VERGADERING);
		const voor = await agendaTitels(secretaris);
		// Both items on screen, so the mouse can carry one to the other.
		await secretaris.setViewportSize({ width: 1366, height: 3200 });
		await secretaris.evaluate(() => window.scrollTo(0, 0));
		const bron = (await secretaris
			.locator('[data-testid=agenda] > li[data-titel="Rondvraag"] [data-knop=grip]')
			.boundingBox())!;
		const doel = (await secretaris
			.locator(`[data-testid=agenda] > li[data-titel="${voor[1]}"] h3`)
			.boundingBox())!;
		await secretaris.mouse.move(bron.x + bron.width / 2, bron.y + bron.height / 2);
		await secretaris.mouse.down();
		await secretaris.mouse.move(bron.x + bron.width / 2 + 6, bron.y + bron.height / 2 + 6, {
			steps: 3
		});
		await secretaris.mouse.move(doel.x + 20, doel.y + doel.height / 2, { steps: 10 });
		await secretaris.mouse.up();
		const verwacht = [voor[0]!, 'Rondvraag', ...voor.slice(1).filter((t) => t !== 'Rondvraag')];
		expect(
			await wachtTot(
				async () => JSON.stringify(await agendaTitels(secretaris)) === JSON.stringify(verwacht)
			)
		).not.toBeNull();
		await expect(
			secretaris.locator('[data-testid=agenda-melding]').textContent()
		).resolves.toContain('‘Rondvraag’ staat nu op plaats 2 van');
		await secretaris.setViewportSize(NORMAAL);
		await ga(secretaris, VERGADERING);
		expect(await agendaTitels(secretaris)).toEqual(verwacht);
	});

	it('een kioskscherm en een deelnemer volgen het agendapunt dat de secretaris kiest', async () => {
		const context = await nieuweContext(browser, server.url, GROOT);
		contexts.push(context);
		kiosk = await context.newPage();
		meldFouten(kiosk, 'kiosk');
		await kiosk.goto(kioskUrl);
		await wachtOpHydratie(kiosk);
		await wachtOpLive(kiosk);
		// No meeting running: the kiosk shows the table as before.
		await expect(kiosk.locator('[data-testid=gedeeld-scherm]').count()).resolves.toBe(0);

		deelnemer = await als(DEMO.deelnemer.email, `${VERGADERING}/scherm`);
		await wachtOpLive(deelnemer);
		expect(await schermTitel(deelnemer)).toContain('De vergadering begint om 09:30');

		await ga(secretaris, VERGADERING);
		await wachtOpLive(secretaris);
		await secretaris.getByRole('button', { name: 'Vergadering starten' }).click();
		const eerste = 'Opening, mededelingen, afmeldingen en vervangers';
		const kioskStart = await wachtTot(async () => (await schermTitel(kiosk)) === eerste);
		expect(kioskStart, 'het kioskscherm toonde de vergadering niet').not.toBeNull();
		expect(await wachtTot(async () => (await schermTitel(deelnemer)) === eerste)).not.toBeNull();

		await secretaris
			.getByRole('button', { name: new RegExp(`^Op het scherm\\W+${STAND}$`) })
			.click();
		const kioskMs = await wachtTot(async () => (await schermTitel(kiosk)) === STAND);
		const deelnemerMs = await wachtTot(async () => (await schermTitel(deelnemer)) === STAND);
		expect(kioskMs, 'het kioskscherm volgde niet').not.toBeNull();
		expect(deelnemerMs, 'de deelnemer volgde niet').not.toBeNull();
		console.info(
			`[e2e] gedeeld scherm: kiosk na ${kioskMs} ms, deelnemer na ${deelnemerMs} ms (gemeten vanaf de klik)`
		);
		await secretaris.getByText(`Nu op het scherm: ${STAND}`).waitFor();

		// The live figures of the table, large; the kiosk stays read-only.
		await kiosk.locator('[data-testid=scherm-stand]').waitFor();
		await expect(
			kiosk.locator('[data-testid=scherm-stand] dd').first().textContent()
		).resolves.toMatch(/\d/);
		// Nothing that changes data or leaves the screen (the map's own gemeente buttons only show
		// a gemeente's figures).
		await expect(
			kiosk.evaluate(
				() =>
					[...document.querySelectorAll('form, button, input, select, textarea, a')].filter(
						(e) => !e.closest('[data-testid=scherm-kaart]')
					).length
			)
		).resolves.toBe(0);
		await expect(kiosk.locator('[data-testid=tijd]').textContent()).resolves.toMatch(
			/van 30 min gebruikt/
		);
		// Beside the figures, the live map of the provincie, coloured by trede (kiosk token auth).
		await wachtOpKaart(kiosk, 'kaart');
		const standen = (await (
			await fetch(`${server.url}/api/kaart/PV28/standen`, {
				headers: { 'x-kiosk-token': kioskToken }
			})
		).json()) as KaartStanden;
		const trede = (code: string) => standen.gemeenten.find((g) => g.code === code)!.trede;
		for (const code of Object.keys(FIXTURE_CELLEN)) {
			const kleur = await pixel(kiosk, centrum(code));
			expect(kleur, code).not.toBeNull();
			await wachtOpKleur(kiosk, centrum(code), verwachteKleur(trede(code)));
		}
		// Live: a decision elsewhere repaints the map on the kiosk, without reload.
		const nieuw = trede('GM0503') === '6' ? '5' : '6';
		const r = await postForm(
			server.url,
			'/toezicht/gemeente/GM0503?/besluit',
			await login(server.url, DEMO.toezicht.email),
			{
				periode: '2026-II',
				kind: 'midpoint',
				trede: nieuw,
				datum: '2026-10-16',
				kenmerk: 'PZH-E2E-SCHERM',
				motivatie: 'End-to-endtest: kaart op het gedeelde scherm live.'
			}
		);
		expect(r.status).toBeLessThan(400);
		await wachtOpKleur(kiosk, centrum('GM0503'), verwachteKleur(nieuw));

		// Projector first: no scrolling, at 1920×1080 and at 1280×720.
		await foto(kiosk, 'gedeeld-scherm-kiosk', false);
		await wachtOpKaart(deelnemer, 'kaart');
		await foto(deelnemer, 'gedeeld-scherm-deelnemer', false);
		for (const [page, naam] of [
			[kiosk, 'gedeeld-scherm-stand-1920'],
			[deelnemer, 'gedeeld-scherm-stand-1280']
		] as const) {
			// As a projector opens it: loaded at that size.
			await page.setViewportSize(naam.endsWith('1920') ? GROOT : KLEIN);
			await ga(page, new URL(page.url()).pathname);
			await wachtOpKaart(page, 'kaart');
			await page.mouse.move(0, 0);
			await wachtOpKleur(page, centrum('GM0503'), verwachteKleur(nieuw));
			await expect(
				page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)
			).resolves.toBe(true);
			await foto(page, naam, false);
		}
		await deelnemer.setViewportSize(NORMAAL);
	});

	it('een afspraak wordt een actiepunt en staat op de agenda van de volgende vergadering', async () => {
		const omschrijving = `Notitie regionale spreiding opstellen (e2e ${Date.now()})`;
		const punt = await secretaris
			.locator('[data-testid=agenda] > li[data-type=stand-van-zaken]')
			.getAttribute('data-punt');
		const li = secretaris.locator(`[data-testid=agenda] > li[data-punt="${punt}"]`);
		await li.locator('summary', { hasText: 'Afspraak vastleggen' }).click();
		await secretaris.fill(`#afspraak-${punt}-omschrijving`, omschrijving);
		await secretaris.selectOption(`#afspraak-${punt}-eigenaar`, {
			label: 'Daan Visser (Ministerie van BZK)'
		});
		await secretaris.fill(`#afspraak-${punt}-deadline`, '2027-01-15');
		await li.getByRole('button', { name: 'Vastleggen' }).click();
		await li.locator(`[data-testid=afspraken-${punt}]`, { hasText: omschrijving }).waitFor();
		// The room sees it on the shared screen at once.
		expect(
			await wachtTot(async () =>
				(
					(await kiosk
						.locator('[data-testid=scherm-afspraken]')
						.textContent()
						.catch(() => '')) ?? ''
				).includes(omschrijving)
			)
		).not.toBeNull();

		// The owner finds it under "Mijn actiepunten", linked from the home page.
		await ga(deelnemer, '/');
		await expect(
			deelnemer.locator('[data-testid=mijn-actiepunten]').textContent()
		).resolves.toMatch(/2\s+lopende actiepunten/);
		await deelnemer.getByRole('link', { name: 'Naar mijn actiepunten' }).click();
		await deelnemer.waitForURL('**/actiepunten');
		await wachtOpHydratie(deelnemer);
		await deelnemer.locator('[data-testid=actiepunten] tr', { hasText: omschrijving }).waitFor();

		// Ending the meeting: the kiosk goes back to the table's screen.
		await secretaris.getByRole('button', { name: 'Vergadering afronden…' }).click();
		await secretaris.getByRole('button', { name: 'Ja, afronden' }).click();
		expect(
			await wachtTot(
				async () => (await kiosk.locator('[data-testid=gedeeld-scherm]').count()) === 0
			)
		).not.toBeNull();

		// The next meeting starts with it under "Actiepunten vorige vergadering".
		await ga(secretaris, '/regietafels/1');
		await secretaris.locator('summary', { hasText: 'Vergadering plannen' }).click();
		await secretaris.fill('#v-datum', '2027-02-11');
		await secretaris.getByRole('button', { name: 'Vergadering plannen' }).click();
		await secretaris.waitForURL(/\/regietafels\/1\/vergaderingen\/\d+$/);
		await wachtOpHydratie(secretaris);
		expect(new URL(secretaris.url()).pathname).not.toBe(VERGADERING);
		const open = secretaris.locator('[data-testid=open-actiepunten]');
		await expect(open.textContent()).resolves.toContain(omschrijving);
		await expect(open.textContent()).resolves.toContain('Daan Visser');
		const punt2 = secretaris.locator(
			'[data-testid=agenda] > li[data-type=actiepunten] .inhoud > p.omschrijving'
		);
		await expect(punt2.textContent()).resolves.toBe('4 open actiepunten; zie de lijst.');
	});

	it('de eigenaar wijzigt de status; de actielijst van de tafel volgt live', async () => {
		await ga(secretaris, '/regietafels/1/actiepunten');
		await wachtOpLive(secretaris);
		await ga(deelnemer, '/actiepunten');
		await wachtOpLive(deelnemer);
		const rij = deelnemer.locator('[data-testid=actiepunten] tr[data-actiepunt]', {
			hasText: 'rijksregelingen'
		});
		const id = await rij.getAttribute('data-actiepunt');
		await deelnemer.selectOption(`#status-${id}`, 'in-uitvoering');
		await rij.getByRole('button', { name: `Wijzigen status actiepunt ${id}` }).click();
		const bijSecretaris = secretaris.locator(
			`[data-testid=actiepunten] tr[data-actiepunt="${id}"]`
		);
		expect(
			await wachtTot(
				async () => (await bijSecretaris.getAttribute('data-status')) === 'in-uitvoering'
			)
		).not.toBeNull();
		// Overdue first: the COA's overdue item heads the table's list.
		await expect(
			secretaris.locator('[data-testid=actiepunten] tbody tr').first().getAttribute('class')
		).resolves.toContain('verlopen');
		await foto(secretaris, 'actiepunten-tafel');
		await foto(deelnemer, 'actiepunten-mijn');
	});
});
