import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium; never a downloaded browser (see STACK.md item 6). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DEMO_WACHTWOORD = 'Regietafel-demo-2026';

/** Demo accounts used by the tests (see src/lib/server/seed/demo.ts). */
export const DEMO = {
	beheerder: { email: 'beheerder@regietafel.test', naam: 'Bram Beheer' },
	toezicht: { email: 'toezicht@regietafel.test', naam: 'Tessa de Vries' },
	secretaris: { email: 'secretaris@regietafel.test', naam: 'Sanne Bakker' },
	voorzitter: { email: 'voorzitter@regietafel.test', naam: 'Victor van Dam' },
	deelnemer: { email: 'deelnemer@regietafel.test', naam: 'Daan Visser' },
	ambtenaar: { email: 'ambtenaar.denhaag@regietafel.test', naam: 'Aisha el Amrani' },
	bestuurder: { email: 'bestuurder.denhaag@regietafel.test', naam: 'Bart Jansen' },
	bestuurderRijswijk: { email: 'bestuurder.rijswijk@regietafel.test', naam: 'Roos Visser' },
	coa: { email: 'coa@regietafel.test', naam: 'Chris Smit' },
	secretarisHaaglanden: { email: 'secretaris.haaglanden@regietafel.test', naam: 'Hanna de Boer' }
} as const;

export type DemoPersoon = (typeof DEMO)[keyof typeof DEMO];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			// WebGL2 through SwiftShader, for the map (STACK.md item 6; never
			// --disable-software-rasterizer: MapLibre then finds no WebGL2).
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader'
		]
	});
}

/** A fresh context (own cookies, own socket) per simulated person. */
export function nieuweContext(
	browser: Browser,
	baseURL: string,
	viewport: { width: number; height: number } = { width: 1366, height: 900 }
): Promise<BrowserContext> {
	return browser.newContext({ baseURL, viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
}

/** Waits until the root layout's onMount ran: clicks before hydration are lost (STACK.md item 7). */
export async function wachtOpHydratie(page: Page): Promise<void> {
	await page.waitForFunction(() => document.body.dataset.hydrated === 'true', undefined, {
		timeout: 15_000
	});
}

export async function ga(page: Page, pad: string): Promise<void> {
	await page.goto(pad);
	await wachtOpHydratie(page);
}

/** Fills the real login form on the current page (must be /inloggen) and submits it. */
export async function vulLoginIn(
	page: Page,
	email: string,
	wachtwoord = DEMO_WACHTWOORD
): Promise<void> {
	await wachtOpHydratie(page);
	await page.fill('#email', email);
	await page.fill('#wachtwoord', wachtwoord);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

/** Logs in through the form and waits until the app (not the login page) is hydrated. */
export async function logIn(page: Page, email: string, pad = '/inloggen'): Promise<void> {
	await ga(page, pad);
	await vulLoginIn(page, email);
	await page.waitForURL((u) => u.pathname !== '/inloggen', { timeout: 15_000 });
	await wachtOpHydratie(page);
}

/**
 * Sessions of earlier form logins in this test file, per server and person: a second browser of
 * the same person starts with that session's cookie instead of typing the password again (the
 * login form itself is tested in login.e2e.ts; each login costs an argon2 check and two page
 * loads). A session that no longer works (logged out) falls back to the form.
 */
const sessies = new Map<string, { name: string; value: string; domain: string; path: string }[]>();

/** New context + page, logged in as `email`, on `pad`. */
export async function persoon(
	browser: Browser,
	baseURL: string,
	email: string,
	pad = '/',
	viewport?: { width: number; height: number }
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await nieuweContext(browser, baseURL, viewport);
	const page = await context.newPage();
	const sleutel = `${baseURL}|${email}`;
	const eerder = sessies.get(sleutel);
	if (eerder) {
		await context.addCookies(eerder);
		await ga(page, pad);
		if (new URL(page.url()).pathname !== '/inloggen') return { context, page };
		sessies.delete(sleutel);
	}
	await logIn(page, email);
	const cookies = await context.cookies();
	sessies.set(
		sleutel,
		cookies
			.filter((c) => c.name === 'regietafel_sessie')
			.map(({ name, value, domain, path }) => ({ name, value, domain, path }))
	);
	if (new URL(page.url()).pathname !== pad) await ga(page, pad);
	return { context, page };
}

/** Waits until the page's live connection is up (the header shows 'Live'). */
export async function wachtOpLive(page: Page): Promise<void> {
	await page.waitForSelector('[data-live-status="verbonden"]', { timeout: 10_000 });
}

/** Names in a presence list ([data-testid=aanwezig]). */
export function aanwezigen(page: Page): Promise<string[]> {
	return page
		.locator('[data-testid=aanwezig] [data-aanwezige]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-aanwezige') ?? ''));
}

/** Texts of the mededelingen shown on the page. */
export function mededelingTeksten(page: Page): Promise<string[]> {
	return page
		.locator('[data-testid=mededelingen] .tekst')
		.evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''));
}

/** Where the screenshots for a human review go (git-ignored). */
export const SCHERMAFDRUKKEN = path.resolve(import.meta.dirname, 'screenshots');

/** Saves a full-page PNG in tests/e2e/screenshots/ and checks that it is one. */
export async function volledigeFoto(page: Page, naam: string): Promise<void> {
	mkdirSync(SCHERMAFDRUKKEN, { recursive: true });
	const file = path.join(SCHERMAFDRUKKEN, `${naam}.png`);
	await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
	const png = readFileSync(file);
	expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
	expect(png.length).toBeGreaterThan(5_000);
}
