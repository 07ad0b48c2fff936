import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import {
	aanwezigen,
	DEMO,
	ga,
	launchBrowser,
	mededelingTeksten,
	nieuweContext,
	persoon,
	wachtOpHydratie,
	volledigeFoto,
	wachtOpLive
} from './helpers';

/**
 * A kiosk link from creation to revocation, with a real display and real people; screenshots of
 * the beheer page, the display at 1920×1080 and the revoked display (tests/e2e/screenshots/).
 */

const foto = volledigeFoto;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => {});
	await browser?.close();
	await server?.stop();
});

const SCHERM = 'Statenzaal e2e';
const PRT = 'Provinciale Regietafel Zuid-Holland';

async function wachtTot(check: () => Promise<boolean>, ms: number): Promise<number | null> {
	const start = Date.now();
	while (Date.now() - start < ms) {
		if (await check()) return Date.now() - start;
		await new Promise((r) => setTimeout(r, 25));
	}
	return null;
}

describe('kioskscherm', () => {
	let beheerder: Page;
	let kiosk: Page;
	let kioskUrl: string;

	it('de beheerder maakt een kiosklink voor de PRT', async () => {
		const p = await persoon(browser, server.url, DEMO.beheerder.email, '/beheer/kiosk-links');
		contexts.push(p.context);
		beheerder = p.page;
		await beheerder.selectOption('#regietafelId', { label: PRT });
		await beheerder.fill('#naam', SCHERM);
		await beheerder.getByRole('button', { name: 'Link aanmaken' }).click();
		const url = beheerder.locator('[data-testid=kiosk-url]');
		await url.waitFor();
		kioskUrl = (await url.textContent())!.trim();
		expect(kioskUrl).toMatch(new RegExp(`^${server.url}/kiosk/[A-Za-z0-9_-]{20,}$`));
		const rij = beheerder.locator('tbody tr', { hasText: SCHERM });
		await expect(rij.textContent()).resolves.toContain('Actief');
		await foto(beheerder, 'beheer-kiosk-links');
	});

	it('een scherm zonder inloggen toont de tafel alleen-lezen en live', async () => {
		const context = await nieuweContext(browser, server.url, { width: 1920, height: 1080 });
		contexts.push(context);
		kiosk = await context.newPage();
		await kiosk.goto(kioskUrl);
		await wachtOpHydratie(kiosk);
		await wachtOpLive(kiosk);
		expect(new URL(kiosk.url()).pathname).toMatch(/^\/kiosk\//);
		await expect(kiosk.locator('h1').textContent()).resolves.toBe(PRT);
		expect((await mededelingTeksten(kiosk)).length).toBeGreaterThan(0);
		// Nothing to change anything with, and no way into the app.
		await expect(kiosk.locator('form, button, input, textarea, select').count()).resolves.toBe(0);
		await expect(kiosk.locator('a').count()).resolves.toBe(0);
		expect((await context.cookies()).some((c) => c.name === 'regietafel_sessie')).toBe(false);
		await kiosk.evaluate(() => ((window as unknown as { __markering: string }).__markering = 'K'));
	});

	it('een mededeling van de secretaris verschijnt live op het kioskscherm', async () => {
		const { context, page: secretaris } = await persoon(
			browser,
			server.url,
			DEMO.secretaris.email,
			'/regietafels/1'
		);
		contexts.push(context);
		await wachtOpLive(secretaris);
		// The display is visible to the people at the table.
		expect(
			await wachtTot(
				async () =>
					((await secretaris.locator('[data-testid=aanwezig]').textContent()) ?? '').includes(
						SCHERM
					),
				5000
			)
		).not.toBeNull();
		expect(await aanwezigen(secretaris)).not.toContain(SCHERM); // a screen, not a person

		const tekst = `Donderdag om 14.00 uur: de halfjaarcijfers per regio (kiosktest ${String(Date.now()).slice(-4)}).`;
		await secretaris.fill('#tekst', tekst);
		await secretaris.getByRole('button', { name: 'Plaatsen', exact: true }).click();
		await secretaris.getByText('Mededeling geplaatst.').waitFor();
		const na = await wachtTot(async () => (await mededelingTeksten(kiosk)).includes(tekst), 5000);
		expect(na, 'mededeling verscheen niet op het kioskscherm').not.toBeNull();
		console.info(`[e2e] kiosk: mededeling zichtbaar ${na} ms na de bevestiging aan de secretaris`);
		await expect(
			kiosk.evaluate(() => (window as unknown as { __markering?: string }).__markering)
		).resolves.toBe('K');

		// Readable from the back of the room: headings larger than the text, meta lines not tiny.
		await kiosk
			.locator(`[data-testid=aanwezig] [data-aanwezige="${DEMO.secretaris.naam}"]`)
			.waitFor();
		const px = (selector: string) =>
			kiosk
				.locator(selector)
				.first()
				.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		const tekstPx = await px('[data-testid=mededelingen] .tekst');
		expect(tekstPx).toBeGreaterThanOrEqual(20);
		expect(await px('main h2')).toBeGreaterThan(tekstPx);
		expect(await px('[data-testid=mededelingen] .meta')).toBeGreaterThanOrEqual(18);
		await foto(kiosk, 'kiosk-1920');
	});

	it('na intrekken toont het kioskscherm vanzelf dat de link ongeldig is', async () => {
		await ga(beheerder, '/beheer/kiosk-links');
		await beheerder.getByRole('button', { name: `Intrekken ${SCHERM}` }).click();
		await beheerder.getByText('Kiosklink ingetrokken', { exact: false }).waitFor();

		const weg = await wachtTot(
			async () =>
				((await kiosk.locator('body').textContent()) ?? '').includes('ongeldig of ingetrokken'),
			10_000
		);
		expect(weg, 'kioskscherm toonde niet dat de link is ingetrokken').not.toBeNull();
		await expect(kiosk.locator('[data-testid=mededelingen]').count()).resolves.toBe(0);
		await foto(kiosk, 'kiosk-ingetrokken-1920');

		// A fresh visit with the revoked link is refused as well.
		const r = await kiosk.goto(kioskUrl);
		expect(r?.status()).toBe(404);
		await expect(kiosk.locator('body').textContent()).resolves.toContain('ongeldig of ingetrokken');
	});
});
