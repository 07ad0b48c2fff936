import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import {
	DEMO,
	ga,
	launchBrowser,
	nieuweContext,
	persoon,
	vulLoginIn,
	wachtOpHydratie,
	volledigeFoto,
	wachtOpLive
} from './helpers';

/**
 * Screenshots of every page for a human review (git-ignored: tests/e2e/screenshots/), each with
 * an assertion that the page shows what it should, plus a keyboard-only pass over the login.
 */

const NORMAAL = { width: 1366, height: 900 };
const GROOT = { width: 1920, height: 1080 };
const MOBIEL = { width: 390, height: 844 };

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

// No test uses another's pages: closed at once, so they no longer take part in live updates.
afterEach(async () => {
	for (const c of contexts.splice(0)) await c.close().catch(() => {});
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function als(
	email: string,
	pad = '/',
	viewport: { width: number; height: number } = NORMAAL
): Promise<Page> {
	const { context, page } = await persoon(browser, server.url, email, pad, viewport);
	contexts.push(context);
	return page;
}

async function anoniem(viewport = NORMAAL): Promise<Page> {
	const context = await nieuweContext(browser, server.url, viewport);
	contexts.push(context);
	return context.newPage();
}

const foto = volledigeFoto;

const tekst = async (page: Page, selector = 'body') =>
	(await page.locator(selector).first().textContent()) ?? '';

// The kiosk pages and kiosk-link beheer: kiosk.e2e.ts.
describe('schermafdrukken van elke pagina', () => {
	it('inloggen, met het demovak', async () => {
		const page = await anoniem();
		await ga(page, '/inloggen');
		expect(await tekst(page, 'h1')).toBe('Inloggen');
		expect(await tekst(page, '.demo')).toContain('Demo-omgeving');
		await foto(page, 'inloggen');

		await vulLoginIn(page, DEMO.secretaris.email, 'verkeerd-wachtwoord');
		await page.getByRole('alert').waitFor();
		await foto(page, 'inloggen-fout');
	});

	it('startpagina van de secretaris', async () => {
		const page = await als(DEMO.secretaris.email);
		await wachtOpLive(page);
		expect(await tekst(page, 'h1')).toBe(`Goedendag, ${DEMO.secretaris.naam}`);
		expect(await tekst(page)).toContain('Mijn regietafels');
		await foto(page, 'home-secretaris');
	});

	it("startpagina van een gemeente-ambtenaar (met 'Mijn gemeente')", async () => {
		const page = await als(DEMO.ambtenaar.email);
		await wachtOpLive(page);
		expect(await tekst(page)).toContain('Mijn gemeente');
		expect(await tekst(page)).toContain("'s-Gravenhage");
		await foto(page, 'home-gemeente-ambtenaar');
	});

	it('regietafels', async () => {
		const page = await als(DEMO.secretaris.email, '/regietafels');
		await wachtOpLive(page);
		expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
		await foto(page, 'regietafels');
	});

	it('stand van zaken: regionale tafel en PRT (projector)', async () => {
		const regio = await als(DEMO.secretarisHaaglanden.email, '/regietafels/2');
		await wachtOpLive(regio);
		await regio.getByRole('link', { name: 'Stand van zaken' }).click();
		await regio.waitForURL(/\/regietafels\/2\/stand\/\d{4}-(I|II)$/);
		await wachtOpLive(regio);
		// Haaglanden has nine gemeenten; the total row adds up what the rows show.
		expect(await regio.locator('[data-testid="stand"] tbody tr').count()).toBe(9);
		expect(await tekst(regio, '[data-testid="stand"] tfoot')).toContain('Totaal (9)');
		await foto(regio, 'regietafel-stand-haaglanden');
		const prt = await als(DEMO.secretaris.email, '/regietafels/1/stand', GROOT);
		await wachtOpLive(prt);
		expect(await prt.locator('[data-testid="regio-totalen"] tbody tr').count()).toBe(4);
		await foto(prt, 'regietafel-stand-prt-1920');
	});

	it('PRT als secretaris (met formulieren) en als deelnemer', async () => {
		const secretaris = await als(DEMO.secretaris.email, '/regietafels/1');
		await wachtOpLive(secretaris);
		await secretaris.fill(
			'#tekst',
			'Agenda donderdag 14.00 uur: halfjaarcijfers taakstelling en de voortgang per regio.'
		);
		await secretaris.getByRole('button', { name: 'Plaatsen', exact: true }).click();
		await secretaris.getByText('Mededeling geplaatst.').waitFor();

		const deelnemer = await als(DEMO.deelnemer.email, '/regietafels/1');
		await wachtOpLive(deelnemer);
		await deelnemer.locator(`[data-aanwezige="${DEMO.secretaris.naam}"]`).waitFor();
		await secretaris.locator(`[data-aanwezige="${DEMO.deelnemer.naam}"]`).waitFor();

		// Name and organisation stay apart in the presence list.
		expect(await tekst(deelnemer, `[data-aanwezige="${DEMO.secretaris.naam}"]`)).toMatch(
			/Sanne Bakker\s·\sProvincie Zuid-Holland/
		);
		expect(await secretaris.locator('#tekst').count()).toBe(1);
		expect(await secretaris.locator('#userId').count()).toBe(1);
		await foto(secretaris, 'regietafel-prt-secretaris');

		// Only the logout form in the user menu: no table actions for a deelnemer.
		expect(await deelnemer.locator('main form').count()).toBe(0);
		await foto(deelnemer, 'regietafel-prt-deelnemer');

		// Projector: presentation text size switched on in the header, kept by a cookie.
		await secretaris.setViewportSize(GROOT);
		await secretaris.getByRole('button', { name: 'Presentatiegrootte' }).click();
		await expect(secretaris.locator('html').getAttribute('data-tekstgrootte')).resolves.toBe(
			'presentatie'
		);
		await secretaris.reload();
		await wachtOpHydratie(secretaris);
		await wachtOpLive(secretaris);
		await expect(secretaris.locator('html').getAttribute('data-tekstgrootte')).resolves.toBe(
			'presentatie'
		);
		await expect(
			secretaris.getByRole('button', { name: 'Presentatiegrootte' }).getAttribute('aria-pressed')
		).resolves.toBe('true');
		await secretaris.locator(`[data-aanwezige="${DEMO.deelnemer.naam}"]`).waitFor();
		await foto(secretaris, 'regietafel-prt-presentatie-1920');
	});

	it('beheer: gebruikers, ook met validatiefouten', async () => {
		const page = await als(DEMO.beheerder.email, '/beheer/gebruikers');
		await wachtOpLive(page);
		expect(await page.locator('tbody tr').count()).toBeGreaterThan(5);
		await foto(page, 'beheer-gebruikers');

		await page.getByRole('button', { name: 'Account aanmaken' }).click();
		await page.locator('.veldfout').first().waitFor();
		expect(await page.locator('.veldfout').count()).toBeGreaterThanOrEqual(3);
		expect(await tekst(page, '.nieuw')).toContain('Kies een organisatie.');
		// No button that can only fail: a beheerder cannot deactivate their own account.
		const eigen = page.locator('tbody tr', { hasText: DEMO.beheerder.email });
		expect(await eigen.getByRole('button').count()).toBe(0);
		expect(await eigen.textContent()).toContain('uw account');
		await foto(page, 'beheer-gebruikers-fouten');
	});

	it('account, met een validatiefout', async () => {
		const page = await als(DEMO.deelnemer.email, '/account');
		await wachtOpLive(page);
		await page.fill('#huidig', 'iets');
		await page.fill('#nieuw', 'kort');
		await page.fill('#herhaal', 'anders');
		await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
		await page.locator('.veldfout').first().waitFor();
		await foto(page, 'account-fout');
	});

	it('account: de aanhef in verslagen kiezen', async () => {
		const page = await als(DEMO.coa.email, '/account');
		await wachtOpLive(page);
		const voorbeeld = page.getByTestId('aanhef-voorbeeld');
		await expect(voorbeeld.textContent()).resolves.toBe('Chris Smit geeft aan dat …');
		await page.getByLabel('Aanhef', { exact: true }).selectOption('de heer');
		await page.getByRole('button', { name: 'Aanhef opslaan' }).click();
		await page.getByText('Uw aanhef is opgeslagen.').waitFor();
		await expect(voorbeeld.textContent()).resolves.toBe('De heer Smit geeft aan dat …');
		await foto(page, 'account-aanhef');
		// Back to none, so other tests see the demo as it ships.
		await page.getByLabel('Aanhef', { exact: true }).selectOption('');
		await page.getByRole('button', { name: 'Aanhef opslaan' }).click();
		await expect.poll(() => voorbeeld.textContent()).toBe('Chris Smit geeft aan dat …');
	});

	it('403 en 404', async () => {
		const page = await als(DEMO.deelnemer.email);
		const verboden = await page.goto('/beheer/gebruikers');
		expect(verboden?.status()).toBe(403);
		expect(await tekst(page, 'h1:visible')).toBe('Geen toegang');
		await foto(page, 'fout-403');

		const weg = await page.goto('/bestaat-niet');
		expect(weg?.status()).toBe(404);
		await wachtOpHydratie(page);
		expect(await tekst(page, 'h1:visible')).toBe('Niet gevonden');
		// A short error page fits the window (no scrollbar).
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(NORMAAL.height);
		await foto(page, 'fout-404');

		const geenTafel = await page.goto('/regietafels/999');
		expect(geenTafel?.status()).toBe(404);
		await wachtOpHydratie(page);
		expect(await tekst(page)).toContain('Deze regietafel bestaat niet.');
		await foto(page, 'fout-404-regietafel');
	});

	it('startpagina op een telefoon (390x844)', async () => {
		const page = await als(DEMO.secretaris.email, '/', MOBIEL);
		await wachtOpLive(page);
		// Nothing sticks out sideways.
		const breedte = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(breedte).toBeLessThanOrEqual(MOBIEL.width);
		await foto(page, 'home-mobiel');
	});
});

describe('alleen met het toetsenbord', () => {
	it('eerst de skiplink (zichtbaar), dan het formulier, en versturen met Enter', async () => {
		const page = await anoniem();
		await ga(page, '/inloggen');

		await page.keyboard.press('Tab');
		const skip = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			const r = el.getBoundingClientRect();
			return { tekst: el.textContent?.trim(), klasse: el.className, top: r.top, hoogte: r.height };
		});
		expect(skip.tekst).toBe('Naar de inhoud');
		expect(skip.klasse).toContain('skiplink');
		expect(skip.top).toBeGreaterThanOrEqual(0);
		expect(skip.hoogte).toBeGreaterThan(10);
		await foto(page, 'inloggen-skiplink');

		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
		await page.keyboard.type(DEMO.deelnemer.email);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('wachtwoord');
		await page.keyboard.type('Regietafel-demo-2026');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Inloggen');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => u.pathname === '/');
		await wachtOpHydratie(page);
		expect(await tekst(page, 'h1')).toBe(`Goedendag, ${DEMO.deelnemer.naam}`);

		// In the app, too, the skip link comes first and jumps to the main content.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
			'Naar de inhoud'
		);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
	});
});
