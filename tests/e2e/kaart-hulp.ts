/**
 * Helpers for the map's end-to-end tests and the repaint bench: the fixture geometry, the
 * colours to expect, and reading the map through `window.__regietafelKaart`
 * (src/lib/kaart/diagnose.ts).
 */
import type { Page } from 'playwright-core';
import type { KaartStanden } from '../../src/lib/kaart/api';
import type { KaartDiagnose } from '../../src/lib/kaart/diagnose';
import { GEEN_STAND_KLEUR, tredeKleur } from '../../src/lib/kaart/palet';
import { ACHTERGROND_KLEUR } from '../../src/lib/kaart/stijl';
import type { Trede } from '../../src/lib/domain/ladder/trede';

export type RGB = [number, number, number];

/**
 * The squares of tests/fixtures/geo (see maak.ts there): column i, row j of 0.05° cells from
 * 4.2 E, 51.95 N. The centre of each is well inside the gemeente.
 */
export const FIXTURE_CELLEN: Record<string, [number, number]> = {
	GM1783: [0, 0],
	GM0503: [1, 0],
	GM1842: [2, 0],
	GM0518: [0, 1],
	GM0603: [1, 1],
	GM1926: [2, 1],
	GM0629: [0, 2],
	GM1916: [1, 2],
	GM0637: [2, 2],
	GM0547: [3, 1],
	GM0546: [3, 2],
	GM0599: [1, -1]
};

export function centrum(code: string): [number, number] {
	const [i, j] = FIXTURE_CELLEN[code]!;
	return [4.2 + 0.05 * i + 0.025, 51.95 + 0.05 * j + 0.025];
}

export function rgb(hex: string): RGB {
	return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as RGB;
}

/** The fill a gemeente on this trede must have (opaque, no base map). */
export function verwachteKleur(trede: Trede | null): RGB {
	return rgb(trede ? tredeKleur(trede).vlak : GEEN_STAND_KLEUR.vlak);
}

/** A gemeente outside the chosen regio: 25 % of its colour over the background. */
export function vervaagd(trede: Trede | null): RGB {
	const k = verwachteKleur(trede);
	const a = rgb(ACHTERGROND_KLEUR);
	return k.map((c, i) => Math.round(0.25 * c + 0.75 * a[i]!)) as RGB;
}

export function lijktOp(a: readonly number[] | null, b: RGB, marge = 3): boolean {
	return !!a && b.every((c, i) => Math.abs(c - a[i]!) <= marge);
}

/** RGBA of the map canvas at a lng/lat (read from WebGL while a frame is drawn). */
export function pixel(page: Page, lngLat: [number, number]): Promise<number[] | null> {
	return page.evaluate(
		(ll) => (window as unknown as { __regietafelKaart: KaartDiagnose }).__regietafelKaart.pixel(ll),
		lngLat
	);
}

/**
 * Waits until the canvas shows `kleur` at the point (polling from here: each read waits for a
 * frame); returns the milliseconds it took. Fails with the last colour seen.
 */
export async function wachtOpKleur(
	page: Page,
	lngLat: [number, number],
	kleur: RGB,
	timeout = 5_000
): Promise<number> {
	const start = Date.now();
	let laatst: number[] | null = null;
	while (Date.now() - start < timeout) {
		laatst = await pixel(page, lngLat);
		if (lijktOp(laatst, kleur)) return Date.now() - start;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(
		`Na ${timeout} ms toont de kaart op ${lngLat} ${JSON.stringify(laatst)}, niet ${JSON.stringify(kleur)}`
	);
}

/** Waits until the map (or tile map) has painted the standings at least once. */
export async function wachtOpKaart(page: Page, weergave: 'kaart' | 'tegels'): Promise<void> {
	await page.waitForFunction(
		(w) => {
			const k = (window as unknown as { __regietafelKaart?: KaartDiagnose }).__regietafelKaart;
			return k?.weergave === w && k.repaints.length > 0;
		},
		weergave,
		{ timeout: 20_000 }
	);
}

export function diagnoseVan(page: Page) {
	return page.evaluate(() => {
		const k = (window as unknown as { __regietafelKaart: KaartDiagnose }).__regietafelKaart;
		return { weergave: k.weergave, peildatum: k.peildatum, repaints: k.repaints };
	});
}

/** The standings the API gives this browser (its session), as the map fetches them. */
export function standenVan(page: Page, peildatum?: string): Promise<KaartStanden> {
	return page.evaluate(async (p) => {
		const r = await fetch(`/api/kaart/PV28/standen${p ? `?peildatum=${p}` : ''}`);
		return (await r.json()) as KaartStanden;
	}, peildatum);
}

/** Background colour of a DOM element (a tile) as RGB. */
export async function achtergrondVan(page: Page, selector: string): Promise<RGB> {
	const kleur = await page
		.locator(selector)
		.evaluate((e) => getComputedStyle(e as HTMLElement).backgroundColor);
	const m = /rgba?\((\d+), (\d+), (\d+)/.exec(kleur);
	if (!m) throw new Error(`Geen kleur: ${kleur}`);
	return [Number(m[1]), Number(m[2]), Number(m[3])];
}
