/**
 * The map data services (issue 4 §3) on both database kinds: the boundary response and its
 * version (ETag) and the standings per peildatum, checked against the province overview and
 * the gemeente timelines they must agree with.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { regios } from '../../src/lib/server/db/schema';
import { peildata, parseHalfjaar } from '../../src/lib/domain/periode/halfjaar';
import { SYSTEEM } from '../../src/lib/server/mutatie';
import { laadDemoCijfers } from '../../src/lib/server/seed/demo-cijfers';
import { tijdlijn } from '../../src/lib/server/services/beoordelingen';
import { legBesluitVast } from '../../src/lib/server/services/besluiten';
import { importeerGrenzen } from '../../src/lib/server/services/grenzen';
import { grenzenKaart, grenzenVersie, kaartStanden } from '../../src/lib/server/services/kaart';
import { provincieOverzicht } from '../../src/lib/server/services/overzicht';
import { auditActor, testDatabase, type TestDatabase } from '../helpers/demo';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/geo');

function bron(naam: string, inhoud?: string) {
	const bytes =
		inhoud === undefined ? readFileSync(path.join(FIXTURES, naam)) : Buffer.from(inhoud);
	return { bron: naam, naam, bytes };
}

let t: TestDatabase;
let haaglanden: number;

beforeAll(async () => {
	t = await testDatabase();
	expect(await laadDemoCijfers()).toBe(true);
	haaglanden = (await t.db.select().from(regios).where(eq(regios.code, 'VR15')))[0]!.id;
});
afterAll(async () => {
	await t?.close();
});

describe('grenzen of a provincie', () => {
	it('there is no version before anything is imported, nor for an unknown provincie', async () => {
		expect(await grenzenVersie('PV28')).toBeNull();
		expect(await grenzenVersie('PV99')).toBeNull();
	});

	it('after the import: gemeenten with name and regio ids, regio outlines, bbox and source', async () => {
		expect((await importeerGrenzen(SYSTEEM, bron('gemeenten_2026.geojson'))).status).toBe(
			'geimporteerd'
		);
		const versie = (await grenzenVersie('PV28'))!;
		expect(versie.manifest.jaar).toBe(2026);
		const kaart = await grenzenKaart(versie);
		expect(kaart).toMatchObject({
			type: 'FeatureCollection',
			provincie: { code: 'PV28', naam: 'Zuid-Holland' },
			jaar: 2026,
			bbox: [4.2, 51.9, 4.4, 52.1],
			bronnen: ['gemeenten_2026.geojson']
		});
		const soorten = kaart.features.map((f) => f.properties.soort);
		expect(soorten.filter((s) => s === 'gemeente')).toHaveLength(12);
		expect(soorten.filter((s) => s === 'regio')).toHaveLength(3);
		expect(soorten).not.toContain('provincie'); // no provincie file imported yet
		const denHaag = kaart.features.find((f) => f.id === 'GM0518')!;
		expect(denHaag.properties).toEqual({
			soort: 'gemeente',
			code: 'GM0518',
			naam: "'s-Gravenhage",
			regios: [haaglanden]
		});
		expect(denHaag.bbox).toEqual([4.2, 52, 4.25, 52.05]);
		const hl = kaart.features.find((f) => f.id === `regio-${haaglanden}`)!;
		expect(hl.properties).toEqual({
			soort: 'regio',
			code: `regio-${haaglanden}`,
			regioId: haaglanden,
			naam: 'Haaglanden',
			type: 'veiligheidsregio',
			regioCode: 'VR15'
		});
		expect(hl.geometry.type).toBe('Polygon');
		// Gemeenten are sorted by name for a stable response.
		const namen = kaart.features.filter((f) => f.properties.soort === 'gemeente');
		expect(namen[0]!.properties.naam).toBe("'s-Gravenhage");
		expect(await grenzenVersie('PV28', 2025)).toBeNull();
		expect(await grenzenVersie('PV27')).toBeNull(); // the demo has no Noord-Holland gemeenten
	});

	it('the version (ETag) is stable, and changes with a provincie outline or a changed gemeente', async () => {
		const a = (await grenzenVersie('PV28'))!.etag;
		expect((await grenzenVersie('PV28', 2026))!.etag).toBe(a);
		await importeerGrenzen(SYSTEEM, bron('provincies_2026.geojson'));
		const b = (await grenzenVersie('PV28'))!;
		expect(b.etag).not.toBe(a);
		const kaart = await grenzenKaart(b);
		expect(kaart.features[0]!.properties).toEqual({
			soort: 'provincie',
			code: 'PV28',
			naam: 'Zuid-Holland',
			jaar: 2026
		});
		expect(kaart.bronnen).toEqual(['gemeenten_2026.geojson', 'provincies_2026.geojson']);

		const fc = JSON.parse(readFileSync(path.join(FIXTURES, 'gemeenten_2026.geojson'), 'utf8')) as {
			features: { properties: { statnaam: string }; geometry: { coordinates: number[][][] } }[];
		};
		fc.features[0]!.geometry.coordinates[0]![2]![0]! += 0.01; // Westland grows a little
		await importeerGrenzen(SYSTEEM, bron('gemeenten_2026_b.geojson', JSON.stringify(fc)));
		const c = (await grenzenVersie('PV28'))!.etag;
		expect(c).not.toBe(b.etag);
		// A repeated import of the same file leaves the version alone.
		await importeerGrenzen(SYSTEEM, bron('gemeenten_2026_b.geojson', JSON.stringify(fc)));
		expect((await grenzenVersie('PV28'))!.etag).toBe(c);
	});
});

describe('standen per peildatum', () => {
	it('lists the peildata and by default the latest standing of every gemeente', async () => {
		const s = await kaartStanden('PV28');
		expect(s.peildata).toEqual(['2026-04-01', '2026-07-01', '2026-10-01']);
		expect(s).toMatchObject({ provincie: 'PV28', jaar: 2026, peildatum: '2026-10-01' });
		expect(s.gemeenten).toHaveLength(50);
		const som = Object.values(s.treden).reduce((a, n) => a + (n ?? 0), 0);
		expect(som + s.zonderStand).toBe(50);
		expect(s.zonderStand).toBe(0);
		for (const code of ['GM0518', 'GM0599', 'GM0546']) {
			const laatste = (await tijdlijn(t.db, code)).at(-1)!;
			const r = laatste.resultaat as { opgave: number; gerealiseerd: number };
			expect(s.gemeenten.find((g) => g.code === code)).toEqual({
				code,
				naam: expect.any(String),
				trede: laatste.trede,
				tredeRegel: laatste.tredeRegel,
				tredeIsBesluit: false,
				periode: '2026-II',
				kind: 'midpoint',
				peildatum: '2026-10-01',
				besluitDatum: null,
				opgave: r.opgave,
				gerealiseerd: r.gerealiseerd,
				fractieGerealiseerd: r.opgave > 0 ? r.gerealiseerd / r.opgave : null,
				saldo: r.gerealiseerd - r.opgave
			});
		}
	});

	it('agrees with the province overview at the end of each period', async () => {
		for (const periode of ['2026-I', '2026-II']) {
			const o = await provincieOverzicht('PV28', periode);
			const s = await kaartStanden('PV28', { peildatum: peildata(parseHalfjaar(periode)!).eind });
			expect(s.gemeenten.map((g) => [g.code, g.trede, g.peildatum])).toEqual(
				expect.arrayContaining(o.rijen.map((r) => [r.gemeenteCode, r.trede, r.peildatum]))
			);
			expect(s.gemeenten).toHaveLength(o.rijen.length);
		}
	});

	it('shows the ladder as it stood on an earlier date (the time slider)', async () => {
		const mei = await kaartStanden('PV28', { peildatum: '2026-05-15' });
		expect(mei.peildatum).toBe('2026-05-15');
		expect(new Set(mei.gemeenten.map((g) => g.peildatum))).toEqual(new Set(['2026-04-01']));
		const denHaag = (await tijdlijn(t.db, 'GM0518')).find((x) => x.peildatum === '2026-04-01')!;
		expect(mei.gemeenten.find((g) => g.code === 'GM0518')!.trede).toBe(denHaag.trede);
		const ervoor = await kaartStanden('PV28', { peildatum: '2025-12-31' });
		expect(ervoor.zonderStand).toBe(50);
		expect(ervoor.treden).toEqual({});
		expect(ervoor.gemeenten[0]).toMatchObject({ trede: null, opgave: null, saldo: null });
		// The list of peildata does not depend on the date shown.
		expect(ervoor.peildata).toEqual(mei.peildata);
	});

	it('a decision sets the trede of its own judgement; earlier judgements keep theirs', async () => {
		const toezicht = await auditActor(t.db, 'toezicht@regietafel.test');
		const r = await legBesluitVast(toezicht, 'GM0599', {
			periode: '2026-I',
			kind: 'end',
			trede: '4',
			datum: '2026-07-20',
			kenmerk: 'PZH-2026-99',
			motivatie: 'Structurele achterstand; besloten door GS.'
		});
		expect(r).toEqual({ ok: true });
		const juli = await kaartStanden('PV28', { peildatum: '2026-07-01' });
		const rotterdam = juli.gemeenten.find((g) => g.code === 'GM0599')!;
		expect(rotterdam).toMatchObject({
			trede: '4',
			tredeIsBesluit: true,
			besluitDatum: '2026-07-20',
			kind: 'end'
		});
		expect(rotterdam.tredeRegel).not.toBeNull();
		const april = await kaartStanden('PV28', { peildatum: '2026-04-01' });
		expect(april.gemeenten.find((g) => g.code === 'GM0599')!.tredeIsBesluit).toBe(false);
	});

	it('a provincie without gemeenten gives an empty list, not an error', async () => {
		const s = await kaartStanden('PV27');
		expect(s).toEqual({
			provincie: 'PV27',
			jaar: null,
			peildatum: null,
			peildata: [],
			treden: {},
			zonderStand: 0,
			gemeenten: [],
			regios: []
		});
	});

	it("groups the gemeenten by the regio's of the regionale tafels (the tile map's blocks)", async () => {
		const s = await kaartStanden('PV28');
		expect(s.regios.map((r) => [r.naam, r.code, r.type, r.gemeenten.length])).toEqual([
			['Haaglanden', 'VR15', 'veiligheidsregio', 9],
			['Hollands Midden', 'VR16', 'veiligheidsregio', 18],
			['Rotterdam-Rijnmond', 'VR17', 'veiligheidsregio', 13],
			['Zuid-Holland-Zuid', 'VR18', 'veiligheidsregio', 10]
		]);
		const hl = s.regios.find((r) => r.id === haaglanden)!;
		expect(hl.gemeenten).toContain('GM0518');
		// Every gemeente exactly once, in the order of the list (by name).
		const alle = s.regios.flatMap((r) => r.gemeenten);
		expect(new Set(alle)).toEqual(new Set(s.gemeenten.map((g) => g.code)));
		expect(alle).toHaveLength(50);
		const plek = new Map(s.gemeenten.map((g, i) => [g.code, i]));
		for (const r of s.regios) {
			const idx = r.gemeenten.map((c) => plek.get(c)!);
			expect(idx).toEqual([...idx].sort((a, b) => a - b));
		}
	});
});
