import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KaartStand, KaartStanden } from './api';
import { KaartFout, KaartToestand, OPLICHTEN_MS } from './toestand.svelte';

const stand = (code: string, trede: KaartStand['trede']): KaartStand => ({
	code,
	naam: code,
	trede,
	tredeRegel: trede,
	tredeIsBesluit: false,
	periode: '2026-II',
	kind: 'midpoint',
	peildatum: '2026-10-01',
	besluitDatum: null,
	opgave: 10,
	gerealiseerd: 5,
	fractieGerealiseerd: 0.5,
	saldo: -5
});

const standen = (peildatum: string, treden: Record<string, KaartStand['trede']>): KaartStanden => ({
	provincie: 'PV28',
	jaar: 2026,
	peildatum,
	peildata: ['2026-04-01', '2026-10-01'],
	treden: {},
	zonderStand: 0,
	gemeenten: Object.entries(treden).map(([c, t]) => stand(c, t)),
	regios: []
});

/** A fake map API: answers per URL, counts requests, can hold an answer back. */
function api() {
	const antwoorden = new Map<string, { status: number; body: unknown; etag?: string }>();
	const verzoeken: { url: string; init?: RequestInit }[] = [];
	let vasthouden: (() => void)[] | null = null;
	const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
		verzoeken.push({ url, init });
		if (vasthouden) await new Promise<void>((r) => vasthouden!.push(r));
		const a = antwoorden.get(url) ?? { status: 404, body: { fout: 'Niet gevonden.' } };
		return new Response(JSON.stringify(a.body), {
			status: a.status,
			headers: a.etag ? { etag: a.etag } : {}
		});
	});
	return {
		fetchMock,
		verzoeken,
		zet: (url: string, body: unknown, etag?: string, status = 200) =>
			antwoorden.set(url, { status, body, etag }),
		houdVast: () => (vasthouden = []),
		laatLos: () => {
			const w = vasthouden ?? [];
			vasthouden = null;
			for (const r of w) r();
		}
	};
}

let a: ReturnType<typeof api>;
const LAATST = '/api/kaart/PV28/standen';
const APRIL = '/api/kaart/PV28/standen?peildatum=2026-04-01';

beforeEach(() => {
	a = api();
	vi.stubGlobal('fetch', a.fetchMock);
});
afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('KaartToestand', () => {
	it('shows an earlier peildatum from the API, revalidating, and caches it', async () => {
		a.zet(APRIL, standen('2026-04-01', { A: '2' }), '"x"');
		const t = new KaartToestand({ provincie: 'PV28', standen: standen('2026-10-01', { A: '1' }) });
		expect(t.peildatum).toBe('2026-10-01');
		await t.kies('2026-04-01');
		expect(t.standen!.gemeenten[0]!.trede).toBe('2');
		expect(t.peildatum).toBe('2026-04-01');
		expect(t.gewijzigd.size).toBe(0); // the slider does not flash
		expect(a.verzoeken[0]!.init?.cache).toBe('no-cache');
		await t.kies('2026-04-01');
		expect(a.verzoeken).toHaveLength(1);
	});

	it('sends the kiosk token in X-Kiosk-Token', async () => {
		a.zet(LAATST, standen('2026-10-01', { A: '1' }));
		const t = new KaartToestand({ provincie: 'PV28', kiosk: 'abc' });
		await t.kies(null);
		expect(new Headers(a.verzoeken[0]!.init?.headers).get('x-kiosk-token')).toBe('abc');
	});

	it('after a live event refetches, highlights what changed for a while, and keeps the timing', async () => {
		vi.useFakeTimers();
		a.zet(LAATST, standen('2026-10-01', { A: '1', B: '2' }), '"1"');
		const t = new KaartToestand({ provincie: 'PV28' });
		await t.kies(null);
		a.zet(LAATST, standen('2026-10-01', { A: '1', B: '6' }), '"2"');
		await t.ververs(1234);
		expect([...t.gewijzigd]).toEqual(['B']);
		expect(t.meting).toMatchObject({ commit: 1234 });
		expect(t.meting!.opgehaald).not.toBeNull();
		vi.advanceTimersByTime(OPLICHTEN_MS + 10);
		expect(t.gewijzigd.size).toBe(0);
		// Same ETag: nothing to show, the object stays the same.
		const voor = t.standen;
		await t.ververs();
		expect(t.standen).toBe(voor);
	});

	it('collapses live events that arrive during a refetch into one more', async () => {
		a.zet(LAATST, standen('2026-10-01', { A: '1' }), '"1"');
		const t = new KaartToestand({ provincie: 'PV28' });
		a.houdVast();
		const eerste = t.ververs();
		void t.ververs();
		void t.ververs();
		a.laatLos();
		await eerste;
		expect(a.verzoeken).toHaveLength(2);
	});

	it('ignores a late answer for a peildatum the user has left', async () => {
		a.zet(APRIL, standen('2026-04-01', { A: '2' }), '"a"');
		a.zet(LAATST, standen('2026-10-01', { A: '1' }), '"l"');
		const t = new KaartToestand({ provincie: 'PV28' });
		a.houdVast();
		const april = t.kies('2026-04-01');
		a.laatLos();
		await t.kies(null);
		await april;
		expect(t.standen!.peildatum).toBe('2026-10-01');
		expect(t.gekozen).toBeNull();
	});

	it('knows when there are no boundaries (404) and reports other errors in Dutch', async () => {
		const t = new KaartToestand({ provincie: 'PV28' });
		await expect(t.grenzen()).resolves.toBeNull();
		a.zet('/api/kaart/PV28/grenzen', { fout: 'Geen toegang.' }, undefined, 403);
		await expect(t.grenzen()).rejects.toBeInstanceOf(KaartFout);
		a.zet(LAATST, { fout: 'Deze kiosklink is ongeldig of ingetrokken.' }, undefined, 401);
		await t.kies(null);
		expect(t.fout).toBe('Deze kiosklink is ongeldig of ingetrokken.');
	});
});
