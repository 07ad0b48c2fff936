/**
 * The import page in a real browser against the production build (fresh PGlite, demo data):
 * a toezichthouder previews and commits the official taakstelling list, sees the Dutch row
 * errors of a broken file (and that nothing is stored), and is told that a repeated file was
 * already imported; a COA-regievoerder imports COA's monthly figures and is refused a
 * taakstelling. Screenshots (git-ignored) go to tests/e2e/screenshots/import-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'devalue';
import { startServer, type RunningServer } from '../helpers/server';
import { DEMO, launchBrowser, persoon, wachtOpHydratie } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/imports');
const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
const PAGINA = '/toezicht/PV28/import';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	mkdirSync(SCREENSHOTS, { recursive: true });
	// Without the synthetic demo figures: this test imports 2026-I itself and expects 'nieuw'.
	[server, browser] = await Promise.all([
		startServer({ env: { DEMO_CIJFERS: 'false' } }),
		launchBrowser()
	]);
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function foto(page: Page, naam: string) {
	await page.screenshot({
		path: path.join(SCREENSHOTS, `import-${naam}.png`),
		fullPage: true,
		animations: 'disabled',
		caret: 'hide'
	});
}

async function controleer(page: Page, bestand: string) {
	await page.setInputFiles('#bestand', path.join(FIXTURES, bestand));
	await page.getByRole('button', { name: 'Controleren' }).click();
	const kop = page.locator('#controle-titel');
	await kop.filter({ hasText: bestand }).waitFor({ timeout: 15_000 });
}

const telling = (page: Page, soort: string) =>
	page.locator(`[data-telling="${soort}"] .getal`).textContent();

/** Posts the import form as `use:enhance` does, with the page's cookies. */
async function postActie(
	page: Page,
	actie: string,
	velden: Record<string, string>,
	bestand: string
): Promise<{ status: number; type: string; data: Record<string, unknown> }> {
	const r = await page.request.post(`${server.url}${PAGINA}?/${actie}`, {
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true', origin: server.url },
		multipart: {
			...velden,
			bestand: {
				name: bestand,
				mimeType: 'text/csv',
				buffer: readFileSync(path.join(FIXTURES, bestand))
			}
		}
	});
	const body = (await r.json()) as { type: string; status?: number; data?: string };
	return {
		status: body.status ?? r.status(),
		type: body.type,
		data: typeof body.data === 'string' ? (parse(body.data) as Record<string, unknown>) : {}
	};
}

describe('cijfers importeren in de browser', () => {
	it('toezichthouder: controleren, importeren, fouten per rij, al geïmporteerd', async () => {
		const { context, page } = await persoon(browser, server.url, DEMO.toezicht.email);
		try {
			// The home page links to the provincie's import page.
			await page.getByRole('link', { name: 'Cijfers importeren voor Zuid-Holland' }).click();
			await page.waitForURL((u) => u.pathname === PAGINA);
			await wachtOpHydratie(page);
			await expect(page.locator('h1').textContent()).resolves.toContain('Cijfers importeren');
			await expect(
				page.getByLabel('Taakstelling per gemeente (officiële lijst)').isChecked()
			).resolves.toBe(true);
			await page.getByLabel('Periode', { exact: true }).selectOption('2026-I');
			await foto(page, 'formulier');

			// Preview: four new rows, nothing stored yet.
			await controleer(page, 'taakstelling-2026-I.csv');
			await expect(telling(page, 'nieuw')).resolves.toBe('4');
			await expect(telling(page, 'gewijzigd')).resolves.toBe('0');
			await expect(telling(page, 'ongewijzigd')).resolves.toBe('0');
			const rijen = page.locator('[data-testid=rijen] tbody tr[data-status]');
			await expect(rijen.count()).resolves.toBe(4);
			await expect(
				rijen.evaluateAll((r) => r.map((e) => e.getAttribute('data-status')))
			).resolves.toEqual(['nieuw', 'nieuw', 'nieuw', 'nieuw']);
			await expect(page.locator('tr[data-rij="3"]').innerText()).resolves.toContain(
				"'s-Gravenhage (GM0518)"
			);
			await expect(page.locator('tr[data-rij="3"]').innerText()).resolves.toContain('274');
			await foto(page, 'voorvertoning');

			// Commit.
			await page.getByRole('button', { name: 'Importeren' }).click();
			const uitkomst = page.locator('[data-testid=uitkomst]');
			await uitkomst.filter({ hasText: 'Geïmporteerd.' }).waitFor({ timeout: 15_000 });
			await expect(uitkomst.innerText()).resolves.toContain('4 nieuw, 0 gewijzigd, 0 ongewijzigd');
			await foto(page, 'geimporteerd');

			// A broken file: every error in Dutch at its row and column; no import button.
			await controleer(page, 'taakstelling-fouten.csv');
			await foto(page, 'fouten');
			const fouten = page.locator('[data-testid=fouten]');
			await expect(fouten.innerText()).resolves.toContain('Er is niets opgeslagen');
			const rijtekst = (rij: number) => page.locator(`tr[data-rij="${rij}"] + tr`).innerText();
			await expect(rijtekst(3)).resolves.toContain("'12a' is geen geheel getal");
			await expect(rijtekst(4)).resolves.toContain(
				'Gemeentecode GM9999 bestaat niet in de gebiedsindeling van 2026'
			);
			await expect(rijtekst(5)).resolves.toContain('De taakstelling mag niet negatief zijn (-3)');
			await expect(rijtekst(6)).resolves.toContain('GM0503 staat al op rij 2');
			await expect(rijtekst(7)).resolves.toContain("'XX12' is geen gemeentecode");
			await expect(rijtekst(8)).resolves.toContain('De taakstelling ontbreekt');
			await expect(page.locator('tr[data-rij="3"] + tr').innerText()).resolves.toContain('aantal');
			await expect(page.getByRole('button', { name: 'Importeren' }).count()).resolves.toBe(0);

			// Committing it anyway (as a crafted request with the preview's key) is refused, and
			// no import is recorded: previewing it again does not say "al geïmporteerd".
			const sleutel = await page.locator('input[name=sleutel]').inputValue();
			const geweigerd = await postActie(
				page,
				'importeren',
				{ soort: 'taakstelling', periode: '2026-I', sleutel },
				'taakstelling-fouten.csv'
			);
			expect(geweigerd.type).toBe('success');
			expect((geweigerd.data.uitkomst as { status: string }).status).toBe('geweigerd');
			const opnieuw = await postActie(
				page,
				'controleren',
				{ soort: 'taakstelling', periode: '2026-I' },
				'taakstelling-fouten.csv'
			);
			expect((opnieuw.data.voorvertoning as { alGeimporteerd: unknown }).alGeimporteerd).toBe(null);

			// The good file again: already imported, nothing to do.
			await controleer(page, 'taakstelling-2026-I.csv');
			const al = page.locator('[data-testid=al-geimporteerd]');
			await expect(al.innerText()).resolves.toContain('Al geïmporteerd.');
			await expect(al.innerText()).resolves.toContain('Tessa de Vries');
			await expect(telling(page, 'ongewijzigd')).resolves.toBe('4');
			await expect(page.getByRole('button', { name: 'Importeren' }).count()).resolves.toBe(0);
			await foto(page, 'al-geimporteerd');
		} finally {
			await context.close();
		}
	});

	it('COA-regievoerder: importeert realisatiecijfers, een taakstelling wordt geweigerd', async () => {
		const { context, page } = await persoon(browser, server.url, DEMO.coa.email);
		try {
			await page.getByRole('link', { name: 'Cijfers importeren voor Zuid-Holland' }).click();
			await page.waitForURL((u) => u.pathname === PAGINA);
			await wachtOpHydratie(page);
			// Only the COA figures are offered: no choice of kind at all.
			await expect(page.getByRole('radio').count()).resolves.toBe(0);
			await expect(page.locator('main').innerText()).resolves.toContain(
				'COA-realisatiecijfers (maandoverzicht)'
			);

			await controleer(page, 'realisatie-2026-03.csv');
			await expect(telling(page, 'nieuw')).resolves.toBe('3');
			await expect(page.locator('tr[data-rij="3"]').innerText()).resolves.toContain(
				'gehuisvest 100 · koppelingen 40'
			);
			await foto(page, 'coa-voorvertoning');
			await page.getByRole('button', { name: 'Importeren' }).click();
			const uitkomst = page.locator('[data-testid=uitkomst]');
			await uitkomst.filter({ hasText: 'Geïmporteerd.' }).waitFor({ timeout: 15_000 });
			await expect(uitkomst.innerText()).resolves.toContain('3 nieuw');

			// A taakstelling posted by hand is refused with 403 and a Dutch reason.
			const r = await postActie(
				page,
				'controleren',
				{ soort: 'taakstelling', periode: '2026-I' },
				'taakstelling-2026-I.csv'
			);
			expect(r.type).toBe('failure');
			expect(r.status).toBe(403);
			expect((r.data.fouten as { soort: string }).soort).toContain('alleen COA-realisatiecijfers');
		} finally {
			await context.close();
		}
	});

	it('weigert de pagina aan wie niet mag importeren', async () => {
		const { context, page } = await persoon(browser, server.url, DEMO.secretaris.email);
		try {
			await expect(page.getByRole('link', { name: /Cijfers importeren/ }).count()).resolves.toBe(0);
			const r = await page.goto(PAGINA);
			expect(r?.status()).toBe(403);
		} finally {
			await context.close();
		}
	});
});
