import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { kioskTokenFromLogs, postForm } from '../helpers/app';
import { login, startServer, type RunningServer } from '../helpers/server';
import {
	DEMO,
	ga,
	launchBrowser,
	nieuweContext,
	persoon,
	wachtOpHydratie,
	wachtOpLive
} from './helpers';
import {
	achtergrondVan,
	centrum,
	diagnoseVan,
	FIXTURE_CELLEN,
	lijktOp,
	pixel,
	rgb,
	standenVan,
	verwachteKleur,
	vervaagd,
	wachtOpKaart,
	wachtOpKleur
} from './kaart-hulp';
import type { KaartStanden } from '../../src/lib/kaart/api';
import { TREDEN, type Trede } from '../../src/lib/domain/ladder/trede';
import { ACHTERGROND_KLEUR } from '../../src/lib/kaart/stijl';

/**
 * Issue 4, done-when: the map renders the fixture gemeenten in the colours of their trede
 * (pixels read from the WebGL canvas, headless Chromium via SwiftShader), the time slider
 * changes them, a decision committed in one browser repaints the map in another without a
 * reload, the shared screen and the kiosk link work, and without boundaries the tile map does
 * the same. The latencies are printed, never asserted (bench/kaart-live.ts measures them).
 */

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/geo');
const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
const GROOT = { width: 1920, height: 1080 };

let metGrenzen: RunningServer;
let zonderGrenzen: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	mkdirSync(SCREENSHOTS, { recursive: true });
	[metGrenzen, zonderGrenzen, browser] = await Promise.all([
		startServer({
			env: {
				GEO_GEMEENTEN_SOURCE: path.join(FIXTURES, 'gemeenten_2026.geojson'),
				GEO_PROVINCIES_SOURCE: path.join(FIXTURES, 'provincies_2026.geojson')
			}
		}),
		// Empty, not absent: startServer passes the test process's environment on.
		startServer({ env: { GEO_GEMEENTEN_SOURCE: '', GEO_PROVINCIES_SOURCE: '' } }),
		launchBrowser()
	]);
});

afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => {});
	await browser?.close();
	await Promise.all([metGrenzen?.stop(), zonderGrenzen?.stop()]);
});

async function als(
	server: RunningServer,
	email: string,
	pad: string,
	viewport?: { width: number; height: number }
): Promise<Page> {
	const p = await persoon(browser, server.url, email, pad, viewport);
	contexts.push(p.context);
	return p.page;
}

async function foto(page: Page, naam: string, fullPage = false) {
	await page.mouse.move(0, 0);
	await page.screenshot({ path: path.join(SCREENSHOTS, `${naam}.png`), fullPage });
}

const standVan = (s: KaartStanden, code: string) => s.gemeenten.find((g) => g.code === code)!;

/** A different trede than `t`, one that needs a decision (a date and a kenmerk). */
const andereTrede = (t: Trede | null): Trede => (t === '6' ? '5' : '6');

/** Records a decision on the latest judgement of a gemeente through its page's form. */
async function legBesluitVast(page: Page, code: string, peildatum: string, trede: Trede) {
	await ga(page, `/toezicht/gemeente/${code}`);
	const stap = page.locator(`li.stap[data-peildatum="${peildatum}"]`);
	await stap.getByText('Besluit vastleggen').first().click();
	await stap.locator('select[name=trede]').selectOption(trede);
	await stap.locator('input[name=datum]').fill('2026-10-15');
	await stap.locator('input[name=kenmerk]').fill(`PZH-E2E-${code}-${trede}`);
	await stap.locator('textarea[name=motivatie]').fill('End-to-endtest van de live kaart.');
	const klik = Date.now();
	await stap.getByRole('button', { name: 'Besluit vastleggen' }).click();
	return klik;
}

describe('de kaart met grenzen', () => {
	let kijker: Page;
	let standen: KaartStanden;

	it('colours every fixture gemeente by its trede, with legend and table alike', async () => {
		kijker = await als(metGrenzen, DEMO.secretaris.email, '/kaart');
		expect(new URL(kijker.url()).pathname).toBe('/kaart/PV28');
		await wachtOpKaart(kijker, 'kaart');
		standen = await standenVan(kijker);
		expect(standen.peildatum).toBe('2026-10-01');

		for (const code of Object.keys(FIXTURE_CELLEN)) {
			const kleur = await pixel(kijker, centrum(code));
			expect(kleur, code).not.toBeNull();
			expect(
				lijktOp(kleur, verwachteKleur(standVan(standen, code).trede)),
				`${code} (trede ${standVan(standen, code).trede}) is ${kleur}`
			).toBe(true);
		}
		// Inside the provincie but outside every gemeente: the plain background, no base map.
		expect(lijktOp(await pixel(kijker, [4.21, 51.92]), rgb(ACHTERGROND_KLEUR))).toBe(true);

		// Legend: the API's counts, every trede listed.
		for (const t of TREDEN) {
			await expect(kijker.getByTestId(`aantal-${t}`).innerText()).resolves.toBe(
				String(standen.treden[t] ?? 0)
			);
		}
		await expect(kijker.getByTestId('aantal-totaal').innerText()).resolves.toBe('50');
		// The fixture has squares for 12 of Zuid-Holland's 50 gemeenten.
		await expect(kijker.getByTestId('zonder-grens').innerText()).resolves.toContain(
			'38 gemeenten hebben (nog) geen grens'
		);
		// The table shows the same standings, for all 50 gemeenten (also those without boundary).
		const rijen = kijker.locator('[data-testid=kaart-tabel] tbody tr');
		await expect(rijen.count()).resolves.toBe(50);
		const tabel = await rijen.evaluateAll((els) =>
			els.map((e) => [e.getAttribute('data-gemeente'), e.getAttribute('data-trede')])
		);
		expect(tabel).toEqual(standen.gemeenten.map((g) => [g.code, g.trede ?? '']));
		await foto(kijker, 'kaart-provincie', true);
	});

	it('shows the figures on hover and keyboard focus; Enter opens the gemeente page', async () => {
		const p = (await kijker.evaluate(
			(c) =>
				(
					window as unknown as {
						__regietafelKaart: { punt(d: [number, number]): { x: number; y: number } };
					}
				).__regietafelKaart.punt(c),
			centrum('GM0518')
		))!;
		await kijker.mouse.move(p.x + 10, p.y + 10);
		const info = kijker.getByTestId('gemeente-info');
		await info.waitFor();
		const denHaag = standVan(standen, 'GM0518');
		const tekst = await info.innerText();
		expect(tekst).toContain("'s-Gravenhage");
		expect(tekst).toContain(`Trede\n${denHaag.trede} – `);
		expect(tekst).toMatch(/Opgave\s+\d+/);
		expect(tekst).toMatch(/Saldo\s+[−+]?\d+/);
		expect(tekst).toContain('1 oktober 2026, halverwege 2026-II');
		// The table row of the hovered gemeente is highlighted: one selection for both views.
		await expect(
			kijker.locator('tr[data-gemeente="GM0518"]').getAttribute('class')
		).resolves.toContain('actief');
		await kijker.screenshot({ path: path.join(SCREENSHOTS, 'kaart-hover.png') });
		await kijker.mouse.move(0, 0);

		// Keyboard: one tab stop into the map, arrows move to the neighbour, Enter opens.
		const knop = kijker.locator('.gemeenteknop[tabindex="0"]');
		await knop.focus();
		const eerste = await knop.getAttribute('data-gemeente');
		expect(eerste).toBe(standen.gemeenten.find((g) => g.code in FIXTURE_CELLEN)!.code);
		await kijker.locator('.gemeenteknop[data-gemeente="GM0518"]').focus();
		await expect(info.getAttribute('data-gemeente')).resolves.toBe('GM0518');
		expect(
			await kijker.locator('.gemeenteknop[data-gemeente="GM0518"]').getAttribute('aria-label')
		).toContain("'s-Gravenhage: trede");
		await kijker.keyboard.press('ArrowRight');
		await expect(
			kijker.evaluate(() => document.activeElement?.getAttribute('data-gemeente'))
		).resolves.toBe('GM0603');
		await expect(info.getAttribute('data-gemeente')).resolves.toBe('GM0603');
		await kijker.keyboard.press('ArrowUp');
		await expect(
			kijker.evaluate(() => document.activeElement?.getAttribute('data-gemeente'))
		).resolves.toBe('GM1916');
		// The secretaris has no right to gemeente pages: Enter holds the information instead.
		await kijker.keyboard.press('Enter');
		expect(new URL(kijker.url()).pathname).toBe('/kaart/PV28');

		const toezicht = await als(metGrenzen, DEMO.toezicht.email, '/kaart/PV28');
		await wachtOpKaart(toezicht, 'kaart');
		await toezicht.locator('.gemeenteknop[data-gemeente="GM0603"]').focus();
		await toezicht.keyboard.press('Enter');
		await toezicht.waitForURL('**/toezicht/gemeente/GM0603');
		await ga(toezicht, '/kaart/PV28');
		await wachtOpKaart(toezicht, 'kaart');
		const q = (await toezicht.evaluate(
			(c) =>
				(
					window as unknown as {
						__regietafelKaart: { punt(d: [number, number]): { x: number; y: number } };
					}
				).__regietafelKaart.punt(c),
			centrum('GM0599')
		))!;
		await toezicht.mouse.click(q.x, q.y);
		await toezicht.waitForURL('**/toezicht/gemeente/GM0599');
	});

	it('the time slider shows the ladder as it stood on an earlier peildatum', async () => {
		const april = await standenVan(kijker, '2026-04-01');
		const anders = Object.keys(FIXTURE_CELLEN).filter(
			(c) => standVan(april, c).trede !== standVan(standen, c).trede
		);
		expect(anders.length, 'fixture gemeenten whose trede changed since April').toBeGreaterThan(0);
		const schuif = kijker.locator('#peildatum-schuif');
		await schuif.focus();
		await kijker.keyboard.press('Home');
		await kijker.getByTestId('peildatum').filter({ hasText: '1 april 2026' }).waitFor();
		for (const code of anders) {
			await wachtOpKleur(kijker, centrum(code), verwachteKleur(standVan(april, code).trede));
		}
		expect(new URL(kijker.url()).searchParams.get('peildatum')).toBe('2026-04-01');
		for (const t of TREDEN) {
			await expect(kijker.getByTestId(`aantal-${t}`).innerText()).resolves.toBe(
				String(april.treden[t] ?? 0)
			);
		}
		await foto(kijker, 'kaart-april');

		// Playback steps through every peildatum and stops at the latest (live again).
		const voor = (await diagnoseVan(kijker)).repaints.length;
		await kijker.getByRole('button', { name: 'Afspelen' }).click();
		await kijker.getByRole('button', { name: 'Pauze' }).waitFor();
		await kijker.getByRole('button', { name: 'Afspelen' }).waitFor({ timeout: 10_000 });
		await kijker.getByTestId('peildatum').filter({ hasText: '1 oktober 2026' }).waitFor();
		await expect(kijker.locator('.tijdschuif .label').innerText()).resolves.toBe('meest recent');
		expect((await diagnoseVan(kijker)).repaints.length).toBeGreaterThan(voor);
		for (const code of anders) {
			await wachtOpKleur(kijker, centrum(code), verwachteKleur(standVan(standen, code).trede));
		}
	});

	it('filters and zooms to a regio: others fade, legend and table follow', async () => {
		const haaglanden = standen.regios.find((r) => r.naam === 'Haaglanden')!;
		const afstand = async () => {
			const [a, b] = await kijker.evaluate(
				([p, q]) => {
					const k = (
						window as unknown as {
							__regietafelKaart: { punt(d: [number, number]): { x: number; y: number } };
						}
					).__regietafelKaart;
					return [k.punt(p)!, k.punt(q)!];
				},
				[centrum('GM0518'), centrum('GM0603')] as const
			);
			return Math.hypot(a.x - b.x, a.y - b.y);
		};
		const ervoor = await afstand();
		await kijker.selectOption('#kaart-regio', String(haaglanden.id));
		await expect(kijker.getByTestId('aantal-totaal').innerText()).resolves.toBe('9');
		await expect(kijker.locator('[data-testid=kaart-tabel] tbody tr').count()).resolves.toBe(9);
		expect(new URL(kijker.url()).searchParams.get('regio')).toBe(String(haaglanden.id));
		const leiden = standVan(standen, 'GM0546');
		await wachtOpKleur(kijker, centrum('GM0546'), vervaagd(leiden.trede));
		await wachtOpKleur(
			kijker,
			centrum('GM0518'),
			verwachteKleur(standVan(standen, 'GM0518').trede)
		);
		// Hollands Midden is not interactive while Haaglanden is chosen.
		await expect(kijker.locator('.gemeenteknop[data-gemeente="GM0546"]').count()).resolves.toBe(0);
		await kijker.waitForTimeout(900); // the zoom animation
		// Zoomed in on the regio: neighbouring squares lie further apart on screen.
		expect(await afstand()).toBeGreaterThan(ervoor * 1.2);
		await foto(kijker, 'kaart-regio-haaglanden');
		await kijker.selectOption('#kaart-regio', '');
		await expect(kijker.getByTestId('aantal-totaal').innerText()).resolves.toBe('50');
	});

	it('a decision in one browser repaints the map in another, live and without reload', async () => {
		await wachtOpLive(kijker);
		await kijker.evaluate(() => ((window as unknown as { merk: string }).merk = 'geen-herlaad'));
		const code = 'GM0518';
		const nu = standVan(standen, code).trede;
		const nieuw = andereTrede(nu);
		const voorAantal = Number(await kijker.getByTestId(`aantal-${nieuw}`).innerText());

		const toezicht = await als(metGrenzen, DEMO.toezicht.email, '/');
		const klik = await legBesluitVast(toezicht, code, '2026-10-01', nieuw);
		const ms = await wachtOpKleur(kijker, centrum(code), verwachteKleur(nieuw), 5_000);
		const totaal = Date.now() - klik;
		await toezicht.getByText('Besluit vastgelegd', { exact: false }).first().waitFor();

		const d = await diagnoseVan(kijker);
		const laatste = d.repaints.findLast((r) => r.codes.includes(code))!;
		console.log(
			`[kaart live] besluit → andere browser: ${totaal} ms vanaf de klik (kleur gezien na ${ms} ms wachten); commit → repaint ${laatste.commit ? (laatste.t - laatste.commit).toFixed(0) : '?'} ms`
		);
		expect(laatste.commit).not.toBeNull();
		// Highlighted a moment, the legend counted, the table changed — and no reload.
		await expect(
			kijker.locator(`tr[data-gemeente="${code}"]`).getAttribute('class')
		).resolves.toContain('gewijzigd');
		await expect(kijker.getByTestId(`aantal-${nieuw}`).innerText()).resolves.toBe(
			String(voorAantal + 1)
		);
		await expect(
			kijker.locator(`tr[data-gemeente="${code}"]`).getAttribute('data-trede')
		).resolves.toBe(nieuw);
		await expect(kijker.getByTestId('aankondiging').innerText()).resolves.toContain(
			`'s-Gravenhage trede ${nieuw}`
		);
		await foto(kijker, 'kaart-live-gewijzigd');
		await expect(
			kijker.evaluate(() => (window as unknown as { merk?: string }).merk)
		).resolves.toBe('geen-herlaad');
		standen = await standenVan(kijker);
	});

	it('shared-screen mode: large legend and labels, the map fills the screen', async () => {
		const scherm = await als(metGrenzen, DEMO.voorzitter.email, '/kaart/PV28', GROOT);
		await wachtOpKaart(scherm, 'kaart');
		await scherm.getByRole('button', { name: 'Presentatiescherm' }).click();
		await scherm.locator('.ladderkaart.scherm').waitFor();
		const px = (sel: string) =>
			scherm
				.locator(sel)
				.first()
				.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		expect(await px('[data-testid=legenda] li')).toBeGreaterThanOrEqual(22);
		expect(await px('.schermkop h2')).toBeGreaterThanOrEqual(40);
		expect(await px('.labels .kaartlabel')).toBeGreaterThanOrEqual(28);
		// On a big screen the fixture squares are large enough for their names.
		const metNaam = await scherm
			.locator('.labels .kaartlabel')
			.filter({ has: scherm.locator('.naam') })
			.count();
		expect(metNaam).toBeGreaterThanOrEqual(6);
		const namen = await scherm.locator('.labels .kaartlabel .naam').allInnerTexts();
		expect(namen).toEqual(expect.arrayContaining(['Delft', 'Westland', 'Leiden']));
		const vlak = await scherm.getByTestId('kaartvlak').boundingBox();
		expect(vlak!.width).toBeGreaterThan(1200);
		expect(vlak!.height).toBeGreaterThan(700);
		// Still the right colours after the resize.
		await wachtOpKleur(
			scherm,
			centrum('GM0503'),
			verwachteKleur(standVan(standen, 'GM0503').trede)
		);
		await scherm.waitForTimeout(800);
		await foto(scherm, 'kaart-presentatiescherm-1920');
		await scherm.getByRole('button', { name: 'Presentatiescherm sluiten' }).click();
		await expect(scherm.locator('.ladderkaart.scherm').count()).resolves.toBe(0);
		await scherm.context().close();
	});

	it('the kiosk link shows the map on a meeting-room screen, cycling through the regio’s', async () => {
		const token = kioskTokenFromLogs(metGrenzen.logs());
		const context = await nieuweContext(browser, metGrenzen.url, GROOT);
		contexts.push(context);
		const kiosk = await context.newPage();
		await kiosk.goto(`/kiosk/${token}/kaart?rondgang=5`);
		await wachtOpHydratie(kiosk);
		await wachtOpKaart(kiosk, 'kaart');
		await wachtOpLive(kiosk);
		await expect(kiosk.locator('.schermkop h2').innerText()).resolves.toBe(
			'Interventieladder Zuid-Holland'
		);
		await wachtOpKleur(kiosk, centrum('GM0518'), verwachteKleur(standVan(standen, 'GM0518').trede));
		await foto(kiosk, 'kaart-kiosk-1920');
		// No gemeente pages from a kiosk, no table, no way into the app.
		await expect(kiosk.locator('[data-testid=kaart-tabel]').count()).resolves.toBe(0);
		await expect(kiosk.locator('a').count()).resolves.toBe(0);
		expect((await context.cookies()).some((c) => c.name === 'regietafel_sessie')).toBe(false);
		// The rondgang moves on to the first regio by itself.
		await kiosk
			.locator('.schermkop h2')
			.filter({ hasText: `· ${standen.regios[0]!.naam}` })
			.waitFor({ timeout: 10_000 });
		await kiosk.waitForTimeout(900);
		await foto(kiosk, 'kaart-kiosk-rondgang-1920');

		// It is live too: another decision repaints the kiosk.
		const cookie = await login(metGrenzen.url, DEMO.toezicht.email);
		const r = await postForm(metGrenzen.url, '/toezicht/gemeente/GM0503?/besluit', cookie, {
			periode: '2026-II',
			kind: 'midpoint',
			trede: andereTrede(standVan(standen, 'GM0503').trede),
			datum: '2026-10-16',
			kenmerk: 'PZH-E2E-KIOSK',
			motivatie: 'End-to-endtest: kioskkaart live.'
		});
		expect(r.status).toBeLessThan(400);
		await wachtOpKleur(
			kiosk,
			centrum('GM0503'),
			verwachteKleur(andereTrede(standVan(standen, 'GM0503').trede))
		);
		await context.close(); // the rondgang would keep flying from regio to regio
	});

	it('a regional table’s overview shows the map of its regio', async () => {
		const page = await als(
			metGrenzen,
			DEMO.secretarisHaaglanden.email,
			'/regietafels/2/stand/2026-II'
		);
		await wachtOpKaart(page, 'kaart');
		await expect(page.getByTestId('aantal-totaal').innerText()).resolves.toBe('9');
		await expect(page.locator('#kaart-regio').count()).resolves.toBe(0);
		await wachtOpKleur(page, centrum('GM0546'), vervaagd(standVan(standen, 'GM0546').trede));
		await wachtOpKleur(page, centrum('GM0637'), verwachteKleur(standVan(standen, 'GM0637').trede));
		await page.waitForTimeout(900);
		await page.locator('#kaart-titel').scrollIntoViewIfNeeded();
		await foto(page, 'kaart-regietafel-haaglanden');
	});
});

describe('zonder grenzen: de tegelkaart', () => {
	let page: Page;
	let standen: KaartStanden;

	it('says so in Dutch with the import command and shows one tile per gemeente by regio', async () => {
		page = await als(zonderGrenzen, DEMO.toezicht.email, '/kaart/PV28');
		await wachtOpKaart(page, 'tegels');
		const melding = await page.getByTestId('geen-grenzen').innerText();
		expect(melding).toContain('Er zijn nog geen gemeentegrenzen van Zuid-Holland geïmporteerd.');
		expect(melding).toContain('npm run geo:import -- <bestand-of-url>');
		expect(melding).toContain('GEO_GEMEENTEN_SOURCE');
		await expect(page.locator('canvas').count()).resolves.toBe(0);
		standen = await standenVan(page);
		const tegels = page.locator('[data-testid=tegelkaart] .tegel');
		await expect(tegels.count()).resolves.toBe(50);
		await expect(page.locator('[data-testid=tegelkaart] h3').allInnerTexts()).resolves.toEqual(
			standen.regios.map((r) => r.naam)
		);
		for (const g of standen.gemeenten) {
			expect(
				lijktOp(
					await achtergrondVan(page, `.tegel[data-gemeente="${g.code}"]`),
					verwachteKleur(g.trede),
					0
				),
				g.code
			).toBe(true);
		}
		await foto(page, 'kaart-tegels', true);
	});

	it('has the same interactions: hover and focus, arrows, time slider, live updates', async () => {
		await page.locator('.tegel[data-gemeente="GM0518"]').hover();
		await expect(page.getByTestId('gemeente-info').getAttribute('data-gemeente')).resolves.toBe(
			'GM0518'
		);
		await page.locator('.tegel[data-gemeente="GM0518"]').focus();
		await page.keyboard.press('ArrowRight');
		const naast = await page.evaluate(() => document.activeElement?.getAttribute('data-gemeente'));
		expect(naast).not.toBe('GM0518');
		expect(naast).toMatch(/^GM\d{4}$/);

		// Time slider.
		const april = await standenVan(page, '2026-04-01');
		const code = april.gemeenten.find(
			(g) => g.trede !== standen.gemeenten.find((x) => x.code === g.code)!.trede
		)!.code;
		await page.locator('#peildatum-schuif').focus();
		await page.keyboard.press('Home');
		await page
			.locator(
				`.tegel[data-gemeente="${code}"][data-trede="${april.gemeenten.find((g) => g.code === code)!.trede}"]`
			)
			.waitFor();
		await page.keyboard.press('End');
		await page.getByTestId('peildatum').filter({ hasText: '1 oktober 2026' }).waitFor();

		// Live: a decision committed elsewhere recolours the tile, highlighted, without reload.
		await wachtOpLive(page);
		const doel = 'GM0599';
		const nieuw = andereTrede(standen.gemeenten.find((g) => g.code === doel)!.trede);
		const cookie = await login(zonderGrenzen.url, DEMO.toezicht.email);
		const t0 = Date.now();
		const r = await postForm(zonderGrenzen.url, `/toezicht/gemeente/${doel}?/besluit`, cookie, {
			periode: '2026-II',
			kind: 'midpoint',
			trede: nieuw,
			datum: '2026-10-15',
			kenmerk: 'PZH-E2E-TEGEL',
			motivatie: 'End-to-endtest van de tegelkaart.'
		});
		expect(r.status).toBeLessThan(400);
		const tegel = page.locator(`.tegel[data-gemeente="${doel}"]`);
		await page.locator(`.tegel.gewijzigd[data-gemeente="${doel}"][data-trede="${nieuw}"]`).waitFor({
			timeout: 5_000
		});
		console.log(`[tegelkaart live] besluit → tegel: ${Date.now() - t0} ms`);
		expect(
			lijktOp(
				await achtergrondVan(page, `.tegel[data-gemeente="${doel}"]`),
				verwachteKleur(nieuw),
				0
			)
		).toBe(true);
		await foto(page, 'kaart-tegels-live');

		// Click opens the gemeente page (the toezichthouder may).
		await tegel.click();
		await page.waitForURL(`**/toezicht/gemeente/${doel}`);
	});

	it('shared-screen mode of the tile map', async () => {
		const scherm = await als(zonderGrenzen, DEMO.coa.email, '/kaart/PV28?scherm', GROOT);
		await wachtOpKaart(scherm, 'tegels');
		await scherm.locator('.ladderkaart.scherm').waitFor();
		// The tile map is scaled to fit the screen: all 50 tiles visible without scrolling,
		// with trede numbers readable from the back of the room.
		await scherm.waitForTimeout(300);
		const vlak = scherm.getByTestId('kaartvlak');
		const { passend } = await vlak.evaluate((e) => ({
			passend: e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1
		}));
		expect(passend).toBe(true);
		const nummer = await scherm.locator('.tegel .nummer').first().boundingBox();
		expect(nummer!.height).toBeGreaterThanOrEqual(28);
		const laatste = await scherm.locator('.tegel').last().boundingBox();
		expect(laatste!.y + laatste!.height).toBeLessThanOrEqual(GROOT.height);
		await foto(scherm, 'kaart-tegels-presentatiescherm-1920');
	});
});

describe('met een achtergrondkaart (KAART_ACHTERGROND_STIJL)', () => {
	let stijlServer: http.Server;
	let server: RunningServer;
	const GROEN = '#00a000';

	beforeAll(async () => {
		// A base-map style of our own, served from another origin (as a tile server would).
		stijlServer = http.createServer((_req, res) => {
			res.writeHead(200, {
				'content-type': 'application/json',
				'access-control-allow-origin': '*'
			});
			res.end(
				JSON.stringify({
					version: 8,
					sources: {},
					layers: [{ id: 'basis', type: 'background', paint: { 'background-color': GROEN } }]
				})
			);
		});
		await new Promise<void>((r) => stijlServer.listen(0, '127.0.0.1', r));
		const { port } = stijlServer.address() as AddressInfo;
		server = await startServer({
			env: {
				GEO_GEMEENTEN_SOURCE: path.join(FIXTURES, 'gemeenten_2026.geojson'),
				KAART_ACHTERGROND_STIJL: `http://127.0.0.1:${port}/stijl.json`
			}
		});
	});
	afterAll(async () => {
		await server?.stop();
		await new Promise((r) => stijlServer?.close(r));
	});

	it('draws the gemeenten slightly transparent over the style from the URL', async () => {
		const page = await als(server, DEMO.toezicht.email, '/kaart/PV28');
		await wachtOpKaart(page, 'kaart');
		const standen = await standenVan(page);
		// Outside the gemeenten: the base map.
		await wachtOpKleur(page, [4.21, 51.92], rgb(GROEN));
		// Inside: 80 % ladder colour over the base map.
		const k = verwachteKleur(standVan(standen, 'GM0503').trede);
		const g = rgb(GROEN);
		const gemengd = k.map((c, i) => Math.round(0.8 * c + 0.2 * g[i]!)) as [number, number, number];
		expect(lijktOp(await pixel(page, centrum('GM0503')), gemengd, 4)).toBe(true);
	});
});
