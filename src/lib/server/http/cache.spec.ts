import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AntwoordCache, cacheAntwoord, etagMatcht, etagVoor, kiesCodering } from './cache';

describe('kiesCodering', () => {
	it.each([
		[null, 'identity'],
		['', 'identity'],
		['gzip, deflate, br', 'br'],
		['gzip', 'gzip'],
		['br;q=0, gzip', 'gzip'],
		['GZIP;q=0.5', 'gzip'],
		['*', 'br'],
		['*;q=0', 'identity'],
		['deflate', 'identity']
	])('%j → %s', (header, codering) => {
		expect(kiesCodering(header)).toBe(codering);
	});
});

describe('etagMatcht', () => {
	it('matches the content in any coding, weak or strong, in a list, or *', () => {
		expect(etagVoor('abc', 'identity')).toBe('"abc"');
		expect(etagVoor('abc', 'gzip')).toBe('"abc-gz"');
		expect(etagVoor('abc', 'br')).toBe('"abc-br"');
		expect(etagMatcht('"abc"', 'abc')).toBe(true);
		expect(etagMatcht('W/"abc-gz"', 'abc')).toBe(true);
		expect(etagMatcht('"x", "abc-br"', 'abc')).toBe(true);
		expect(etagMatcht('*', 'abc')).toBe(true);
		expect(etagMatcht('"abcd"', 'abc')).toBe(false);
		expect(etagMatcht('abc', 'abc')).toBe(false); // not quoted: not an entity tag
		expect(etagMatcht(null, 'abc')).toBe(false);
	});
});

describe('cacheAntwoord', () => {
	const groot = JSON.stringify({ type: 'FeatureCollection', features: Array(300).fill({ a: 1 }) });

	function verzoek(headers: Record<string, string> = {}) {
		return new Request('http://localhost/api/kaart/PV28/grenzen', { headers });
	}

	it('compresses with br or gzip as accepted, with a strong ETag per coding', async () => {
		for (const [accept, codering] of [
			['br, gzip', 'br'],
			['gzip', 'gzip'],
			['', 'identity']
		] as const) {
			const r = await cacheAntwoord({
				request: verzoek({ 'accept-encoding': accept }),
				basis: 'v1',
				lichaam: () => groot,
				contentType: 'application/json'
			});
			expect(r.status).toBe(200);
			expect(r.headers.get('etag')).toBe(etagVoor('v1', codering));
			expect(r.headers.get('cache-control')).toBe('private, no-cache');
			expect(r.headers.get('vary')).toBe('Accept-Encoding');
			const bytes = Buffer.from(await r.arrayBuffer());
			expect(Number(r.headers.get('content-length'))).toBe(bytes.length);
			const tekst =
				codering === 'br'
					? brotliDecompressSync(bytes)
					: codering === 'gzip'
						? gunzipSync(bytes)
						: bytes;
			expect(tekst.toString()).toBe(groot);
			expect(r.headers.get('content-encoding')).toBe(codering === 'identity' ? null : codering);
			if (codering !== 'identity') expect(bytes.length).toBeLessThan(groot.length / 5);
		}
	});

	it('answers 304 without building the body when If-None-Match names the content', async () => {
		let gebouwd = 0;
		const r = await cacheAntwoord({
			request: verzoek({ 'if-none-match': '"v1-gz"', 'accept-encoding': 'gzip' }),
			basis: 'v1',
			lichaam: () => {
				gebouwd++;
				return groot;
			},
			contentType: 'application/json'
		});
		expect(r.status).toBe(304);
		expect(r.headers.get('etag')).toBe('"v1-gz"');
		expect(await r.text()).toBe('');
		expect(gebouwd).toBe(0);
		const anders = await cacheAntwoord({
			request: verzoek({ 'if-none-match': '"v0-gz"' }),
			basis: 'v1',
			lichaam: () => groot,
			contentType: 'application/json'
		});
		expect(anders.status).toBe(200);
	});

	it('keeps bodies per ETag in the cache (built once), and small bodies uncompressed', async () => {
		const cache = new AntwoordCache(2);
		let gebouwd = 0;
		const vraag = (basis: string, tekst = groot) =>
			cacheAntwoord({
				request: verzoek({ 'accept-encoding': 'gzip' }),
				basis,
				lichaam: () => {
					gebouwd++;
					return tekst;
				},
				contentType: 'application/json',
				cache
			});
		await vraag('a');
		await vraag('a');
		expect(gebouwd).toBe(1);
		await vraag('b');
		await vraag('c'); // evicts a (max 2)
		expect(cache.heeft('a')).toBe(false);
		await vraag('a');
		expect(gebouwd).toBe(4);
		const klein = await vraag('k', '{"x":1}');
		expect(klein.headers.get('content-encoding')).toBeNull();
		expect(klein.headers.get('etag')).toBe('"k"');
		expect(await klein.text()).toBe('{"x":1}');
	});
});
