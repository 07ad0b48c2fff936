import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { DEMO, launchBrowser, persoon } from './helpers';
import { lijktOp, pixel, standenVan, verwachteKleur, wachtOpKaart } from './kaart-hulp';
import type { KaartGrenzen } from '../../src/lib/kaart/api';
import { labelPunt } from '../../src/lib/kaart/geometrie';

/**
 * The map with the real CBS boundaries of 2026 (issue 4, done-when: "shows all gemeenten of
 * Zuid-Holland"). Uses the files next to the repository (../shared/geo, never copied into it;
 * KAART_ECHTE_GRENZEN points elsewhere) and is skipped where they are absent.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const GEMEENTEN =
	process.env.KAART_ECHTE_GRENZEN ?? path.resolve(ROOT, '../shared/geo/gemeente_2026.topojson');
const PROVINCIES = path.join(path.dirname(GEMEENTEN), 'provincie_2026.topojson');
const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
const aanwezig = existsSync(GEMEENTEN);

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	if (!aanwezig) return;
	mkdirSync(SCREENSHOTS, { recursive: true });
	[server, browser] = await Promise.all([
		startServer({
			env: {
				GEO_GEMEENTEN_SOURCE: GEMEENTEN,
				...(existsSync(PROVINCIES) ? { GEO_PROVINCIES_SOURCE: PROVINCIES } : {})
			}
		}),
		launchBrowser()
	]);
});

afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => {});
	await browser?.close();
	await server?.stop();
});

async function als(email: string, pad: string, viewport?: { width: number; height: number }) {
	const p = await persoon(browser, server.url, email, pad, viewport);
	contexts.push(p.context);
	return p.page;
}

const foto = async (page: Page, naam: string) => {
	await page.mouse.move(0, 0);
	await page.screenshot({ path: path.join(SCREENSHOTS, `${naam}.png`) });
};

describe.skipIf(!aanwezig)('de kaart met de echte CBS-grenzen van Zuid-Holland', () => {
	it('shows all 50 gemeenten in the colour of their trede', async () => {
		const page = await als(DEMO.toezicht.email, '/kaart/PV28');
		await wachtOpKaart(page, 'kaart');
		const grenzen = (await page.evaluate(async () =>
			(await fetch('/api/kaart/PV28/grenzen')).json()
		)) as KaartGrenzen;
		const gemeenten = grenzen.features.filter((f) => f.properties.soort === 'gemeente');
		expect(gemeenten).toHaveLength(50);
		await expect(page.locator('.gemeenteknop').count()).resolves.toBe(50);
		const standen = await standenVan(page);
		const fout: string[] = [];
		for (const f of gemeenten) {
			const s = standen.gemeenten.find((g) => g.code === f.properties.code)!;
			const px = await pixel(page, labelPunt(f.geometry));
			if (!lijktOp(px, verwachteKleur(s.trede))) fout.push(`${s.naam} (${s.trede}): ${px}`);
		}
		// A label point may fall on a 1-pixel border of a sliver-shaped gemeente, not more.
		expect(fout.length, fout.join('; ')).toBeLessThanOrEqual(2);
		await foto(page, 'kaart-echt-zuid-holland');

		const hl = standen.regios.find((r) => r.naam === 'Haaglanden')!;
		await page.selectOption('#kaart-regio', String(hl.id));
		await page.waitForTimeout(1000);
		await foto(page, 'kaart-echt-haaglanden');
	});

	it('shared screen at 1920×1080', async () => {
		const page = await als(DEMO.voorzitter.email, '/kaart/PV28?scherm', {
			width: 1920,
			height: 1080
		});
		await wachtOpKaart(page, 'kaart');
		await page.locator('.ladderkaart.scherm').waitFor();
		await page.waitForTimeout(1000);
		expect(await page.locator('.labels .kaartlabel').count()).toBeGreaterThan(25);
		await foto(page, 'kaart-echt-presentatiescherm-1920');
	});
});
