/**
 * Map data benchmark (issue 4 §6): the payload of one provincie's boundaries (raw, gzip,
 * brotli; target ≤ 300 KB compressed) and the server time of both map endpoints — cold (first
 * request after start: body built and compressed), warm (200 from the in-memory body cache for
 * the boundaries; the standings are built every time) and 304 (If-None-Match) — against the
 * production server on PGlite and on a throwaway PostgreSQL.
 *
 * Boundaries: GEO_GEMEENTEN_SOURCE (and GEO_PROVINCIES_SOURCE) when set, e.g. the real CBS
 * files in ../shared/geo; otherwise the synthetic test fixture (12 squares), which says
 * nothing about the payload. Printed, never asserted.
 */
import http from 'node:http';
import path from 'node:path';
import { createDatabase, startThrowawayPostgres } from '../scripts/pg-throwaway.js';
import { login, startServer, type RunningServer } from '../tests/helpers/server';

const DOEL_BYTES = 300 * 1024;
const N = 40;

export interface PayloadMeting {
	bron: string;
	gemeenten: number;
	regios: number;
	provincie: boolean;
	punten: number;
	raw: number;
	gzip: number;
	br: number;
}

export interface TijdMeting {
	db: 'pglite' | 'postgres';
	eindpunt: 'grenzen' | 'standen';
	geval: 'koud' | 'warm' | '304';
	n: number;
	/** Client-side round trip on loopback (ms). */
	p50: number;
	p95: number;
	/** Sum of the Server-Timing entries the endpoint reports (ms, median). */
	server: number;
}

export interface KaartResultaat {
	payload: PayloadMeting | null;
	tijden: TijdMeting[];
	bron: string;
}

interface Antwoord {
	status: number;
	ms: number;
	serverMs: number;
	bytes: number;
	etag: string;
	body: Buffer;
}

function get(server: RunningServer, pad: string, headers: Record<string, string>) {
	return new Promise<Antwoord>((resolve, reject) => {
		const t0 = performance.now();
		http
			.get(`${server.url}${pad}`, { headers }, (res) => {
				const delen: Buffer[] = [];
				res.on('data', (d: Buffer) => delen.push(d));
				res.on('end', () => {
					const body = Buffer.concat(delen);
					const timing = String(res.headers['server-timing'] ?? '');
					const serverMs = [...timing.matchAll(/dur=([\d.]+)/g)].reduce(
						(t, m) => t + Number(m[1]),
						0
					);
					resolve({
						status: res.statusCode!,
						ms: performance.now() - t0,
						serverMs,
						bytes: body.length,
						etag: String(res.headers.etag ?? ''),
						body
					});
				});
			})
			.on('error', reject);
	});
}

function kwantiel(xs: number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

async function meetServer(
	db: 'pglite' | 'postgres',
	server: RunningServer,
	metPayload: boolean
): Promise<{ tijden: TijdMeting[]; payload: Omit<PayloadMeting, 'bron'> | null }> {
	const cookie = await login(server.url, 'toezicht@regietafel.test');
	const basis = { cookie };
	const tijden: TijdMeting[] = [];
	let payload: Omit<PayloadMeting, 'bron'> | null = null;
	for (const eindpunt of ['grenzen', 'standen'] as const) {
		const pad = `/api/kaart/PV28/${eindpunt}`;
		// Cold: the first request after start, as a browser asks it (br).
		const koud = await get(server, pad, { ...basis, 'accept-encoding': 'br, gzip' });
		if (koud.status !== 200) throw new Error(`${pad}: HTTP ${koud.status} ${koud.body}`);
		tijden.push({
			db,
			eindpunt,
			geval: 'koud',
			n: 1,
			p50: koud.ms,
			p95: koud.ms,
			server: koud.serverMs
		});
		if (eindpunt === 'grenzen' && metPayload) {
			const raw = await get(server, pad, basis);
			const gz = await get(server, pad, { ...basis, 'accept-encoding': 'gzip' });
			const kaart = JSON.parse(raw.body.toString()) as {
				features: { properties: { soort: string }; geometry: unknown }[];
			};
			const soort = (s: string) => kaart.features.filter((f) => f.properties.soort === s).length;
			payload = {
				gemeenten: soort('gemeente'),
				regios: soort('regio'),
				provincie: soort('provincie') > 0,
				punten: kaart.features.reduce(
					(t, f) => t + (JSON.stringify(f.geometry).match(/\],\[/g)?.length ?? 0) + 1,
					0
				),
				raw: raw.bytes,
				gzip: gz.bytes,
				br: koud.bytes
			};
		}
		for (const geval of ['warm', '304'] as const) {
			const ms: number[] = [];
			const srv: number[] = [];
			for (let i = 0; i < N; i++) {
				const r = await get(server, pad, {
					...basis,
					'accept-encoding': 'br, gzip',
					...(geval === '304' ? { 'if-none-match': koud.etag } : {})
				});
				if (r.status !== (geval === '304' ? 304 : 200)) {
					throw new Error(`${pad} ${geval}: HTTP ${r.status}`);
				}
				ms.push(r.ms);
				srv.push(r.serverMs);
			}
			tijden.push({
				db,
				eindpunt,
				geval,
				n: N,
				p50: kwantiel(ms, 0.5),
				p95: kwantiel(ms, 0.95),
				server: kwantiel(srv, 0.5)
			});
		}
	}
	return { tijden, payload };
}

export async function runKaart(log: (r: string) => void): Promise<KaartResultaat> {
	const echt = process.env.GEO_GEMEENTEN_SOURCE;
	const env: Record<string, string> = {
		GEO_GEMEENTEN_SOURCE:
			echt ?? path.resolve(import.meta.dirname, '../tests/fixtures/geo/gemeenten_2026.geojson'),
		...(process.env.GEO_PROVINCIES_SOURCE
			? { GEO_PROVINCIES_SOURCE: process.env.GEO_PROVINCIES_SOURCE }
			: {})
	};
	const bron = echt
		? path.basename(echt)
		: 'synthetische fixture (zet GEO_GEMEENTEN_SOURCE voor echte grenzen)';
	log(`grenzen: ${bron}`);

	const tijden: TijdMeting[] = [];
	log('PGlite-server starten…');
	const pglite = await startServer({ env });
	let payload: PayloadMeting | null;
	try {
		const m = await meetServer('pglite', pglite, true);
		tijden.push(...m.tijden);
		payload = m.payload && { bron, ...m.payload };
	} finally {
		await pglite.stop();
	}
	log('PostgreSQL-server starten…');
	const pg = await startThrowawayPostgres();
	try {
		const server = await startServer({ databaseUrl: createDatabase(pg.url, 'bench_kaart'), env });
		try {
			tijden.push(...(await meetServer('postgres', server, false)).tijden);
		} finally {
			await server.stop();
		}
	} finally {
		pg.stop();
	}
	return { payload, tijden, bron };
}

export function kaartTabel(r: KaartResultaat): string {
	const kb = (n: number) =>
		`${(n / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} KB`;
	const ms = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
	const regels: string[] = [];
	if (r.payload) {
		const p = r.payload;
		regels.push(
			`Kaartgrenzen Zuid-Holland (${p.bron}): ${p.gemeenten} gemeenten, ${p.regios} regio's${p.provincie ? ', provincie' : ''}, ${p.punten.toLocaleString('nl-NL')} punten`,
			'| ruw | gzip | brotli | doel (gecomprimeerd) |',
			'| --- | --- | --- | --- |',
			`| ${kb(p.raw)} | ${kb(p.gzip)} | ${kb(p.br)} | ≤ ${kb(DOEL_BYTES)}: ${Math.max(p.gzip, p.br) <= DOEL_BYTES ? 'ja' : 'NEE'} |`,
			''
		);
	}
	regels.push(
		'Servertijd kaart-API (loopback; server = som van Server-Timing, mediaan)',
		'| database | eindpunt | geval | n | p50 ms | p95 ms | server ms |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...r.tijden.map(
			(t) =>
				`| ${t.db} | ${t.eindpunt} | ${t.geval} | ${t.n} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.server)} |`
		)
	);
	return regels.join('\n');
}
