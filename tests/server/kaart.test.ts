/**
 * The map data API over real HTTP against the production server (issue 4 §3): boundaries from
 * GEO_*_SOURCE imported at start-up, ETag/304, compression on the wire, sessions and kiosk
 * tokens; and the start-up import on PostgreSQL: once, not again on the next start, and never
 * fatal.
 */
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../scripts/pg-throwaway.js';
import { login, startServer, type RunningServer } from '../helpers/server';
import { DEMO_EMAIL, kioskTokenFromLogs, postForm } from '../helpers/app';
import type { KaartGrenzen, KaartStanden } from '../../src/lib/kaart/api';

const GEO = path.resolve(import.meta.dirname, '../fixtures/geo');
const BRONNEN = {
	GEO_GEMEENTEN_SOURCE: path.join(GEO, 'gemeenten_2026.topojson'),
	GEO_PROVINCIES_SOURCE: path.join(GEO, 'provincies_2026.geojson')
};

let server: RunningServer;
let toezicht: string;
let kiosk: string;

beforeAll(async () => {
	server = await startServer({ env: BRONNEN });
	kiosk = kioskTokenFromLogs(server.logs());
	toezicht = await login(server.url, DEMO_EMAIL.toezichthouder);
});
afterAll(async () => {
	await server?.stop();
});

/** A GET as raw bytes (fetch would decode the body and hide the compression). */
function rauw(
	pad: string,
	headers: Record<string, string>
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
	return new Promise((resolve, reject) => {
		http
			.get(`${server.url}${pad}`, { headers }, (res) => {
				const delen: Buffer[] = [];
				res.on('data', (d: Buffer) => delen.push(d));
				res.on('end', () =>
					resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(delen) })
				);
			})
			.on('error', reject);
	});
}

function vraag(pad: string, headers: Record<string, string> = {}) {
	return fetch(`${server.url}${pad}`, { headers });
}

describe('boundaries from GEO_*_SOURCE at start-up', () => {
	it('the start-up banner reports both imports', () => {
		expect(server.logs()).toContain('Grenzen 2026 geïmporteerd uit gemeenten_2026.topojson');
		expect(server.logs()).toContain('Grenzen 2026 geïmporteerd uit provincies_2026.geojson');
	});

	it('GET grenzen: GeoJSON with gemeenten, regio and provincie outlines, cacheable', async () => {
		const r = await vraag('/api/kaart/PV28/grenzen', { cookie: toezicht });
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
		expect(r.headers.get('cache-control')).toBe('private, no-cache');
		expect(r.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}(-br|-gz)?"$/);
		const kaart = (await r.json()) as KaartGrenzen;
		const tel = (soort: string) => kaart.features.filter((f) => f.properties.soort === soort);
		expect([tel('gemeente').length, tel('regio').length, tel('provincie').length]).toEqual([
			12, 3, 1
		]);
		expect(kaart.bronnen).toEqual(['gemeenten_2026.topojson', 'provincies_2026.geojson']);
	});

	it('compresses on the wire with br or gzip, the same JSON as uncompressed', async () => {
		const plat = await rauw('/api/kaart/PV28/grenzen', { cookie: toezicht });
		const br = await rauw('/api/kaart/PV28/grenzen', { cookie: toezicht, 'accept-encoding': 'br' });
		const gz = await rauw('/api/kaart/PV28/grenzen', {
			cookie: toezicht,
			'accept-encoding': 'gzip, deflate'
		});
		expect(plat.headers['content-encoding']).toBeUndefined();
		expect(br.headers['content-encoding']).toBe('br');
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(br.headers.vary).toBe('Accept-Encoding');
		expect(brotliDecompressSync(br.body).equals(plat.body)).toBe(true);
		expect(gunzipSync(gz.body).equals(plat.body)).toBe(true);
		expect(br.body.length).toBeLessThan(plat.body.length / 3);
		// One content, three representations: three strong ETags on one base.
		const basis = plat.headers.etag!.slice(1, -1);
		expect([br.headers.etag, gz.headers.etag]).toEqual([`"${basis}-br"`, `"${basis}-gz"`]);
	});

	it('answers 304 Not Modified to If-None-Match, and 200 to a stale tag', async () => {
		const eerst = await vraag('/api/kaart/PV28/grenzen', { cookie: toezicht });
		const etag = eerst.headers.get('etag')!;
		await eerst.arrayBuffer();
		const weer = await vraag('/api/kaart/PV28/grenzen', {
			cookie: toezicht,
			'if-none-match': etag
		});
		expect(weer.status).toBe(304);
		expect(weer.headers.get('etag')).toBe(etag);
		expect(await weer.text()).toBe('');
		const oud = await vraag('/api/kaart/PV28/grenzen', {
			cookie: toezicht,
			'if-none-match': '"verouderd"'
		});
		expect(oud.status).toBe(200);
		await oud.arrayBuffer();
	});

	it('404 with a Dutch hint when no boundaries are imported (for that year)', async () => {
		const r = await vraag('/api/kaart/PV28/grenzen?jaar=2025', { cookie: toezicht });
		expect(r.status).toBe(404);
		expect(((await r.json()) as { fout: string }).fout).toBe(
			'Er zijn geen gemeentegrenzen van Zuid-Holland voor 2025 geïmporteerd. Importeer ze met `npm run geo:import -- <bestand-of-url>` of stel GEO_GEMEENTEN_SOURCE in.'
		);
	});

	it('refuses bad parameters with 400 and a Dutch message', async () => {
		for (const pad of [
			'/api/kaart/PV28/grenzen?jaar=26',
			'/api/kaart/PV28/standen?peildatum=2026-02-30',
			'/api/kaart/PV28/standen?peildatum=1-4-2026'
		]) {
			const r = await vraag(pad, { cookie: toezicht });
			expect(r.status, pad).toBe(400);
			expect(((await r.json()) as { fout: string }).fout).toMatch(/moet een (jaartal|datum) zijn/);
		}
	});
});

describe('standings', () => {
	it('per gemeente at a peildatum, with the peildata of the time slider', async () => {
		const r = await vraag('/api/kaart/PV28/standen?peildatum=2026-04-01', { cookie: toezicht });
		expect(r.status).toBe(200);
		const s = (await r.json()) as KaartStanden;
		expect(s.peildata).toEqual(['2026-04-01', '2026-07-01', '2026-10-01']);
		expect(s.gemeenten).toHaveLength(50);
		expect(new Set(s.gemeenten.map((g) => g.peildatum))).toEqual(new Set(['2026-04-01']));
	});

	it('keeps its ETag until a decision changes a standing', async () => {
		const pad = '/api/kaart/PV28/standen';
		const a = await vraag(pad, { cookie: toezicht });
		const etag = a.headers.get('etag')!;
		const voor = (await a.json()) as KaartStanden;
		expect((await vraag(pad, { cookie: toezicht, 'if-none-match': etag })).status).toBe(304);

		const denHaag = voor.gemeenten.find((g) => g.code === 'GM0518')!;
		const besluit = await postForm(server.url, '/toezicht/gemeente/GM0518?/besluit', toezicht, {
			periode: denHaag.periode!,
			kind: denHaag.kind!,
			trede: denHaag.trede === '3A' ? '3B' : '3A',
			motivatie: 'Servertest kaart: besluit wijkt af van de regel, met motivatie.'
		});
		expect(besluit.status).toBeLessThan(400);
		await besluit.arrayBuffer();

		const b = await vraag(pad, { cookie: toezicht, 'if-none-match': etag });
		expect(b.status).toBe(200);
		expect(b.headers.get('etag')).not.toBe(etag);
		const na = (await b.json()) as KaartStanden;
		expect(na.gemeenten.find((g) => g.code === 'GM0518')).toMatchObject({
			trede: denHaag.trede === '3A' ? '3B' : '3A',
			tredeIsBesluit: true
		});
	});
});

describe('access', () => {
	it('a kiosk screen with its token in X-Kiosk-Token sees its own provincie only', async () => {
		for (const pad of ['/api/kaart/PV28/grenzen', '/api/kaart/PV28/standen']) {
			const r = await vraag(pad, { 'x-kiosk-token': kiosk });
			expect(r.status, pad).toBe(200);
			await r.arrayBuffer();
		}
		const ander = await vraag('/api/kaart/PV27/standen', { 'x-kiosk-token': kiosk });
		expect([ander.status, await ander.json()]).toEqual([403, { fout: 'Geen toegang.' }]);
	});

	it('no session and no (valid) token: 401 in JSON', async () => {
		const zonder = await vraag('/api/kaart/PV28/grenzen');
		expect([zonder.status, await zonder.json()]).toEqual([401, { fout: 'Niet ingelogd.' }]);
		const fout = await vraag('/api/kaart/PV28/standen', {
			'x-kiosk-token': 'a'.repeat(32)
		});
		expect([fout.status, await fout.json()]).toEqual([
			401,
			{ fout: 'Deze kiosklink is ongeldig of ingetrokken.' }
		]);
	});
});

describe('start-up import on PostgreSQL', () => {
	it('imports once; the next start finds the year and skips; a bad source never stops the server', async () => {
		const url = createDatabase(
			inject('pgAdminUrl'),
			`kaart_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
		);
		const eerste = await startServer({ databaseUrl: url, env: BRONNEN });
		await eerste.stop();
		expect(eerste.logs()).toContain('Grenzen 2026 geïmporteerd uit gemeenten_2026.topojson');

		const tweede = await startServer({
			databaseUrl: url,
			env: { ...BRONNEN, GEO_PROVINCIES_SOURCE: path.join(GEO, 'bestaat-niet_2027.geojson') }
		});
		try {
			const logs = tweede.logs();
			expect(logs).toContain(
				'Gemeentegrenzen 2026 staan al in de database (gemeenten_2026.topojson).'
			);
			expect(logs).not.toContain('geïmporteerd uit gemeenten_2026');
			expect(logs).toContain(
				`Provinciegrenzen uit GEO_PROVINCIES_SOURCE niet geïmporteerd: Bestand ${path.join(GEO, 'bestaat-niet_2027.geojson')} bestaat niet.`
			);
			const cookie = await login(tweede.url, DEMO_EMAIL.beheerder);
			const r = await fetch(`${tweede.url}/api/kaart/PV28/grenzen`, { headers: { cookie } });
			expect(r.status).toBe(200);
			await r.arrayBuffer();
		} finally {
			await tweede.stop();
		}
	});
});
