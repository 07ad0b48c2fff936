/**
 * Issue 5, done-when, in real browsers against the production build (fresh PGlite, demo data;
 * today is 22 November 2026, so period 2026-II has started and the form warns):
 * - the official of 's-Gravenhage types a proposal 's-Gravenhage −2 / Rijswijk +2; an unbalanced
 *   change first shows the running total and the Dutch error, then is fixed and submitted, with
 *   an attachment;
 * - the bestuurder of 's-Gravenhage, on the home page, gets the notice live and agrees;
 * - the bestuurder of Rijswijk agrees in one tab, a second tab that lost its connection acts on
 *   the old version and gets the Dutch stale message;
 * - the toezichthouder processes it (notification drafts), and a third person's province overview
 *   shows both gemeenten's taakstelling change without a reload, the totals staying equal.
 * Screenshots (git-ignored) go to tests/e2e/screenshots/herverdeling-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { DEMO, ga, launchBrowser, persoon, wachtOpHydratie, wachtOpLive } from './helpers';

const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
const PDF = Buffer.from('%PDF-1.4\n% Collegevoorstel uitruil\n%%EOF\n');
const DH = 'GM0518';
const RW = 'GM0603';
const N = 2;

let server: RunningServer;
let browser: Browser;
const contexten: BrowserContext[] = [];

beforeAll(async () => {
	mkdirSync(SCREENSHOTS, { recursive: true });
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
	for (const c of contexten) await c.close().catch(() => {});
	await browser?.close();
	await server?.stop();
});

async function foto(page: Page, naam: string, selector?: string) {
	const file = path.join(SCREENSHOTS, `herverdeling-${naam}.png`);
	const opties = { path: file, animations: 'disabled', caret: 'hide' } as const;
	if (selector) await page.locator(selector).screenshot(opties);
	else await page.screenshot({ ...opties, fullPage: true });
}

async function open(email: string, pad: string) {
	const p = await persoon(browser, server.url, email, pad);
	contexten.push(p.context);
	return p;
}

const merk = (page: Page) =>
	page.evaluate(() => ((window as unknown as { merkteken: string }).merkteken = 'geen-herlaad'));
const gemerkt = (page: Page) =>
	page.evaluate(() => (window as unknown as { merkteken?: string }).merkteken);

/** The cells "Taakstelling" and "Na herverdeling" of a gemeente in the province overview. */
async function taakstelling(page: Page, code: string) {
	const cellen = page.locator(`[data-testid=overzicht] tr[data-gemeente="${code}"] td`);
	// Regio, trede, taakstelling, na herverdeling, …
	const origineel = (await cellen.nth(2).innerText()).trim();
	const na = (await cellen.nth(3).innerText()).trim();
	return { origineel: Number(origineel.replace(/\./g, '')), na };
}

const fmt = (n: number) => n.toLocaleString('nl-NL');

/** The provincie's total taakstelling, before and after herverdeling (regio table footer). */
async function totalen(page: Page) {
	const cellen = page.locator('[data-testid=regio-totalen] tfoot td');
	return {
		taakstelling: (await cellen.nth(1).innerText()).trim(),
		na: (await cellen.nth(2).innerText()).trim()
	};
}

async function geefAkkoord(page: Page, gemeenteCode: string, kenmerk: string) {
	await page.fill(`#datum-${gemeenteCode}`, '2026-11-17');
	await page.fill(`#kenmerk-${gemeenteCode}`, kenmerk);
	await page.getByRole('button', { name: 'Akkoord geven' }).click();
}

describe('herverdeling', () => {
	it('two officials propose and agree, the toezichthouder processes, a third browser sees it live', async () => {
		const kijker = await open(DEMO.coa.email, '/toezicht/PV28/2026-II');
		const denHaag = await open(DEMO.bestuurder.email, '/');
		const ambtenaar = await open(DEMO.ambtenaar.email, '/herverdelingen/nieuw');
		const k = kijker.page;
		const b = denHaag.page;
		const a = ambtenaar.page;
		await Promise.all([wachtOpLive(k), wachtOpLive(b)]);
		await merk(k);
		await merk(b);
		const dhVoor = await taakstelling(k, DH);
		const rwVoor = await taakstelling(k, RW);
		const totaalVoor = await totalen(k);
		expect(totaalVoor.taakstelling).toBe(totaalVoor.na);
		await expect(b.getByTestId('wacht-op-akkoord').innerText()).resolves.toContain(
			'Er wachten geen herverdelingsvoorstellen op uw akkoord.'
		);
		// The menu offers herverdelingen to the official (the current section).
		await expect(
			a.locator('nav[aria-label=Hoofdmenu] a[aria-current=page]').innerText()
		).resolves.toBe('Herverdelingen');

		// The form: 2026-II has started (a warning), an unbalanced change (an error and the total).
		await a.selectOption('#periode', '2026-II');
		await a.selectOption('#gemeente-0', DH);
		await a.selectOption('#gemeente-1', RW);
		await a.fill('#wijziging-0', String(-N));
		await a.fill('#wijziging-1', String(N - 1));
		const som = a.locator('form.voorstel [data-testid=som]');
		await expect.poll(() => som.innerText()).toMatch(/^[-−]1$/);
		const fout = a.locator('form.voorstel [role=alert]');
		await expect(fout.innerText()).resolves.toMatch(
			/De wijzigingen tellen op tot [-−]1; dat moet precies 0 zijn \(de som van de taakstellingen blijft gelijk, art\. 29 lid 2 Huisvestingswet 2014\)\./
		);
		await expect(a.locator('form.voorstel').innerText()).resolves.toContain(
			'De periode 2026-II is al begonnen; meld een herverdeling bij voorkeur vóór de start van het halfjaar.'
		);
		// Each row shows the current and the new taakstelling.
		const rij0 = await a.locator('form.voorstel tr[data-rij="0"]').innerText();
		expect(rij0).toContain(fmt(dhVoor.origineel));
		expect(rij0).toContain(fmt(dhVoor.origineel - N));
		await a.fill('#motivatie', 'In Den Haag opent een opvanglocatie; Rijswijk neemt twee over.');
		await foto(a, 'nieuw-fout');

		// Fixed: the total is 0, the error is gone.
		await a.fill('#wijziging-1', String(N));
		await expect.poll(() => som.innerText()).toBe('0');
		await a.getByText('✓ telt op tot 0').waitFor();
		await expect(fout.count()).resolves.toBe(0);
		await foto(a, 'nieuw-klopt');
		await a.getByRole('button', { name: 'Indienen ter akkoord' }).click();
		await a.waitForURL(/\/herverdelingen\/\d+$/);
		const id = Number(/(\d+)$/.exec(new URL(a.url()).pathname)![1]);
		await expect(a.getByTestId('status').innerText()).resolves.toBe('Ingediend, wacht op akkoord');

		// The bestuurder of 's-Gravenhage hears it on the home page, without a reload.
		const melding = b.locator(`[data-testid=akkoord-melding][data-herverdeling="${id}"]`);
		await melding.waitFor({ timeout: 5_000 });
		await expect(melding.innerText()).resolves.toContain(
			`Uw akkoord wordt gevraagd voor herverdelingsvoorstel #${id}`
		);
		await expect(b.locator('[role=status]').filter({ has: melding }).count()).resolves.toBe(1);
		await b.locator(`[data-testid=wacht-op-akkoord] li[data-herverdeling="${id}"]`).waitFor();
		await expect(gemerkt(b)).resolves.toBe('geen-herlaad');
		await foto(b, 'start-melding');

		// Meanwhile the official adds the college's proposal as an attachment.
		await a.setInputFiles('#bijlage-bestand', {
			name: 'Collegevoorstel uitruil.pdf',
			mimeType: 'application/pdf',
			buffer: PDF
		});
		await a.getByRole('button', { name: 'Toevoegen', exact: true }).click();
		await a
			.locator('[data-testid=bijlagen] li')
			.filter({ hasText: 'Collegevoorstel uitruil.pdf' })
			.waitFor();

		await melding.getByRole('link', { name: `Voorstel #${id} bekijken` }).click();
		await b.waitForURL(`**/herverdelingen/${id}`);
		await wachtOpHydratie(b);
		await expect(melding.count()).resolves.toBe(0);
		await b.getByTestId('akkoord-gevraagd').waitFor();
		await expect(b.getByTestId('bijlagen').innerText()).resolves.toContain(
			'Collegevoorstel uitruil.pdf'
		);
		await foto(b, 'akkoord-gevraagd');
		await geefAkkoord(b, DH, 'DH-2026-B&W-311');
		await b.locator(`tr[data-gemeente="${DH}"] [data-reactie="akkoord"]`).waitFor();

		// Rijswijk: two tabs; the second lost its connection and still shows the old version.
		const rijswijk = await open(DEMO.bestuurderRijswijk.email, `/herverdelingen/${id}`);
		const r1 = rijswijk.page;
		const r2 = await rijswijk.context.newPage();
		await ga(r2, `/herverdelingen/${id}`);
		await Promise.all([wachtOpLive(r1), wachtOpLive(r2)]);
		await r2.evaluate(() =>
			(
				window as unknown as { __regietafelLive: { verbreek: () => void } }
			).__regietafelLive.verbreek()
		);
		await geefAkkoord(r1, RW, 'RW-2026-112');
		await r1.getByTestId('status').filter({ hasText: 'Vastgesteld' }).waitFor();
		await geefAkkoord(r2, RW, 'RW-2026-112');
		const verouderd = r2.locator('.melding.fout[role=alert]');
		await verouderd.waitFor();
		await expect(verouderd.innerText()).resolves.toMatch(
			/^Dit voorstel is intussen gewijzigd \(om \d\d:\d\d\); uw akkoord geven is niet verwerkt\. Bekijk de nieuwe stand en probeer het zo nodig opnieuw\.$/
		);
		// The answer reloads the stand: vastgesteld, nothing was written twice.
		await r2.getByTestId('status').filter({ hasText: 'Vastgesteld' }).waitFor();
		await foto(r2, 'verouderd');
		await expect(
			r2
				.getByTestId('geschiedenis')
				.locator('li')
				.filter({ hasText: 'Laatste akkoord: vastgesteld' })
				.count()
		).resolves.toBe(1);
		await rijswijk.context.close();

		// The toezichthouder processes it, after informing the three recipients.
		const toezicht = await open(DEMO.toezicht.email, `/herverdelingen/${id}`);
		const t = toezicht.page;
		await expect(t.getByTestId('status').innerText()).resolves.toBe('Vastgesteld');
		const berichten = t.locator('details.bericht');
		await expect(berichten.count()).resolves.toBe(3);
		await t.getByRole('button', { name: 'Verwerken in het toezicht' }).click();
		await t
			.getByText('Vink aan dat de provincie, BZK en de COA-regievoerder zijn geïnformeerd.')
			.waitFor();
		for (const naam of ['de provincie', 'het ministerie van BZK', 'de COA-regievoerder']) {
			await t.getByLabel(naam, { exact: true }).check();
		}
		await t.getByRole('button', { name: 'Verwerken in het toezicht' }).click();
		await expect(t.getByTestId('status').filter({ hasText: 'Verwerkt' }).innerText()).resolves.toBe(
			'Verwerkt'
		);
		await berichten.first().locator('summary').click();
		await foto(t, 'verwerkt');

		// The third browser: both gemeenten change without a reload; the totals stay equal.
		const rijDH = k.locator(`[data-testid=overzicht] tr[data-gemeente="${DH}"]`);
		await rijDH.locator('[data-testid=herverdeeld] .delta').waitFor({ timeout: 5_000 });
		const dhNa = await taakstelling(k, DH);
		const rwNa = await taakstelling(k, RW);
		expect(dhNa.origineel).toBe(dhVoor.origineel);
		expect(dhNa.na).toMatch(new RegExp(`^${fmt(dhVoor.origineel - N)}\\s*\\([-−]${N}\\)$`));
		expect(rwNa.origineel).toBe(rwVoor.origineel);
		expect(rwNa.na).toMatch(new RegExp(`^${fmt(rwVoor.origineel + N)}\\s*\\(\\+${N}\\)$`));
		await k.getByTestId('herverdeeld-melding').waitFor();
		await expect(totalen(k)).resolves.toEqual(totaalVoor);
		await expect(gemerkt(k)).resolves.toBe('geen-herlaad');
		await foto(k, 'overzicht', 'main > section.kaart');

		// The export has both numbers side by side.
		const csv = await (await k.request.get('/toezicht/PV28/2026-II/export?formaat=csv')).text();
		const regels = csv.split(/\r?\n/);
		const koppen = regels[0]!.split(';');
		const dhRegel = regels.find((r) => r.startsWith(`${DH};`))!.split(';');
		const kol = (naam: string) => dhRegel[koppen.indexOf(naam)];
		expect(kol('Taakstelling')).toBe(String(dhVoor.origineel));
		expect(kol('Herverdeling')).toBe(String(-N));
		expect(kol('Taakstelling na herverdeling')).toBe(String(dhVoor.origineel - N));

		// The gemeente page's timeline names the herverdeling.
		await ga(t, `/toezicht/gemeente/${DH}`);
		const tk = t.locator('li.stap[data-peildatum="2026-10-01"] [data-testid=taakstelling]');
		await expect(tk.innerText()).resolves.toMatch(
			new RegExp(
				`^Taakstelling\\s+${fmt(dhVoor.origineel)}\\s+→ ${fmt(dhVoor.origineel - N)} na herverdeling #${id} \\([-−]${N}\\)$`
			)
		);
		await foto(t, 'gemeente', 'li.stap[data-peildatum="2026-10-01"]');

		// The list, as the toezichthouder sees it, and the regional stand of Haaglanden.
		await ga(t, '/herverdelingen');
		await t
			.locator(`[data-testid=herverdelingen-afgerond] tr[data-herverdeling="${id}"]`)
			.waitFor();
		await foto(t, 'lijst');
		await ga(t, '/regietafels/2/stand/2026-II');
		await expect(
			t
				.locator(`[data-testid=stand] tr[data-gemeente="${RW}"] [data-testid=herverdeeld]`)
				.innerText()
		).resolves.toMatch(new RegExp(`^${fmt(rwVoor.origineel + N)}\\s*\\(\\+${N}\\)$`));

		// On a projector: presentation text size at 1920 × 1080 (the first screen).
		for (const page of [k, t]) {
			await page.setViewportSize({ width: 1920, height: 1080 });
			await page
				.context()
				.addCookies([{ name: 'tekstgrootte', value: 'presentatie', url: server.url }]);
			await page.reload();
			await wachtOpHydratie(page);
		}
		for (const [page, naam] of [
			[k, 'overzicht-presentatie-1920'],
			[t, 'regio-presentatie-1920']
		] as const) {
			await page.screenshot({
				path: path.join(SCREENSHOTS, `herverdeling-${naam}.png`),
				animations: 'disabled'
			});
		}
	}, 180_000);
});
