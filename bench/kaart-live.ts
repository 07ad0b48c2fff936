/**
 * Live map benchmark (issue 4 §6): the time from a committed change to the repaint of the map
 * in a second browser. One browser (headless Chromium, WebGL via SwiftShader) shows
 * /kaart/PV28; decisions for 's-Gravenhage are committed through the gemeente page's form
 * action (as a browser without JavaScript posts it), each with another trede. The page reports
 * every frame that showed changed standings in `window.__regietafelKaart.repaints`, with the
 * commit time of the live event behind it (the server's clock: same machine), when the event
 * arrived and when the refetched standings were in. Measured for the MapLibre map and for the
 * tile map (a server without boundaries). Also prints which pages load MapLibre
 * (bench/kaart-bundel.ts). Printed, never asserted; a change that never repaints is an error.
 *
 * BENCH_KAART_N=<n> changes per scenario (default 15). Boundaries: GEO_GEMEENTEN_SOURCE when
 * set (e.g. ../shared/geo/gemeente_2026.topojson), else the synthetic test fixture.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { postForm } from '../tests/helpers/app';
import { login, startServer, type RunningServer } from '../tests/helpers/server';
import { launchBrowser, persoon } from '../tests/e2e/helpers';
import { wachtOpKaart } from '../tests/e2e/kaart-hulp';
import type { KaartDiagnose, KaartRepaint } from '../src/lib/kaart/diagnose';
import { analyseerBundels, bundelTabel, type BundelAnalyse } from './kaart-bundel';

const TREDEN = ['6', '5', '4', '3B', '3A', '2', '1', '0'] as const;
const CODE = 'GM0518';

export interface LiveMeting {
	weergave: 'kaart' | 'tegels';
	n: number;
	/** Commit (live event's t) → frame drawn in the other browser, ms. */
	commitP50: number;
	commitP95: number;
	commitMax: number;
	/** Start of the POST → frame drawn (includes the form action itself). */
	postP50: number;
	postP95: number;
	/** Medians of the parts: commit → event in the browser → standings fetched → frame. */
	socket: number;
	ophalen: number;
	schilderen: number;
}

export interface KaartLiveResultaat {
	bron: string;
	metingen: LiveMeting[];
	bundels: BundelAnalyse;
	fouten: string[];
}

function kwantiel(xs: number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

async function meet(
	browser: Browser,
	server: RunningServer,
	weergave: 'kaart' | 'tegels',
	n: number,
	fouten: string[]
): Promise<LiveMeting> {
	const { context, page } = await persoon(
		browser,
		server.url,
		'secretaris@regietafel.test',
		'/kaart/PV28'
	);
	try {
		await wachtOpKaart(page, weergave);
		await page.waitForSelector('[data-live-status="verbonden"]', { timeout: 10_000 });
		const cookie = await login(server.url, 'toezicht@regietafel.test');
		const commit: number[] = [];
		const post: number[] = [];
		const socket: number[] = [];
		const ophalen: number[] = [];
		const schilderen: number[] = [];
		for (let i = 0; i < n; i++) {
			const voor = await page.evaluate(
				() =>
					(window as unknown as { __regietafelKaart: KaartDiagnose }).__regietafelKaart.repaints
						.length
			);
			const t0 = performance.timeOrigin + performance.now();
			const r = await postForm(server.url, `/toezicht/gemeente/${CODE}?/besluit`, cookie, {
				periode: '2026-II',
				kind: 'midpoint',
				trede: TREDEN[i % TREDEN.length]!,
				datum: '2026-10-15',
				kenmerk: `BENCH-${i}`,
				motivatie: 'Benchmark van de live kaart.'
			});
			await r.arrayBuffer();
			if (r.status >= 400) throw new Error(`Besluit ${i}: HTTP ${r.status}`);
			let rp: KaartRepaint | undefined;
			try {
				rp = await wachtOpRepaint(page, voor);
			} catch {
				fouten.push(`${weergave}: wijziging ${i} niet binnen 10 s op het scherm`);
				continue;
			}
			commit.push(rp.t - rp.commit!);
			post.push(rp.t - t0);
			socket.push(rp.ontvangen! - rp.commit!);
			ophalen.push(rp.opgehaald! - rp.ontvangen!);
			schilderen.push(rp.t - rp.opgehaald!);
			await page.waitForTimeout(250);
		}
		return {
			weergave,
			n: commit.length,
			commitP50: kwantiel(commit, 0.5),
			commitP95: kwantiel(commit, 0.95),
			commitMax: Math.max(...commit),
			postP50: kwantiel(post, 0.5),
			postP95: kwantiel(post, 0.95),
			socket: kwantiel(socket, 0.5),
			ophalen: kwantiel(ophalen, 0.5),
			schilderen: kwantiel(schilderen, 0.5)
		};
	} finally {
		await context.close();
	}
}

async function wachtOpRepaint(page: Page, voor: number): Promise<KaartRepaint> {
	const h = await page.waitForFunction(
		([n, code]) => {
			const r = (window as unknown as { __regietafelKaart: KaartDiagnose }).__regietafelKaart
				.repaints;
			return r.slice(n).find((x) => x.commit !== null && x.codes.includes(code)) ?? false;
		},
		[voor, CODE] as const,
		{ timeout: 10_000, polling: 10 }
	);
	return (await h.jsonValue()) as KaartRepaint;
}

export async function runKaartLive(log: (r: string) => void): Promise<KaartLiveResultaat> {
	const n = Number(process.env.BENCH_KAART_N ?? 15);
	const echt = process.env.GEO_GEMEENTEN_SOURCE;
	const bron = echt
		? path.basename(echt)
		: 'synthetische fixture (zet GEO_GEMEENTEN_SOURCE voor echte grenzen)';
	const fouten: string[] = [];
	const bundels = analyseerBundels();
	const browser = await launchBrowser();
	const metingen: LiveMeting[] = [];
	try {
		log(`kaart (MapLibre), grenzen: ${bron}…`);
		const metGrenzen = await startServer({
			env: {
				GEO_GEMEENTEN_SOURCE:
					echt ?? path.resolve(import.meta.dirname, '../tests/fixtures/geo/gemeenten_2026.geojson')
			}
		});
		try {
			metingen.push(await meet(browser, metGrenzen, 'kaart', n, fouten));
		} finally {
			await metGrenzen.stop();
		}
		log('tegelkaart (zonder grenzen)…');
		// Empty, not absent: startServer passes this process's environment on.
		const zonder = await startServer({
			env: { GEO_GEMEENTEN_SOURCE: '', GEO_PROVINCIES_SOURCE: '' }
		});
		try {
			metingen.push(await meet(browser, zonder, 'tegels', n, fouten));
		} finally {
			await zonder.stop();
		}
	} finally {
		await browser.close();
	}
	for (const r of bundels.regels) {
		if (r.maplibreStatisch) fouten.push(`${r.component} laadt MapLibre vooraf`);
	}
	return { bron, metingen, bundels, fouten };
}

export function kaartLiveTabel(r: KaartLiveResultaat): string {
	const ms = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 0 });
	return [
		`Van commit tot repaint in een tweede browser (headless Chromium, SwiftShader; grenzen: ${r.bron})`,
		'| weergave | n | commit→beeld p50 | p95 | max | POST-start→beeld p50 | p95 | socket | standen ophalen | tekenen |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...r.metingen.map(
			(m) =>
				`| ${m.weergave} | ${m.n} | ${ms(m.commitP50)} | ${ms(m.commitP95)} | ${ms(m.commitMax)} | ${ms(m.postP50)} | ${ms(m.postP95)} | ${ms(m.socket)} | ${ms(m.ophalen)} | ${ms(m.schilderen)} |`
		),
		'(ms; de laatste drie zijn medianen van de delen van commit→beeld)',
		'',
		'Welke pagina’s MapLibre laden (Vite-manifest van de laatste build):',
		bundelTabel(r.bundels)
	].join('\n');
}
