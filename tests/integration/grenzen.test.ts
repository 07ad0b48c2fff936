/**
 * Boundary import (issue 4 §1) against both database kinds, with the synthetic fixtures of
 * tests/fixtures/geo (see maak.ts there for the layout: a 3×3 block that is Haaglanden, two
 * gemeenten of Hollands Midden, Rotterdam, two gemeenten the demo does not have).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, grenzen, imports, regioGemeenten, regios } from '../../src/lib/server/db/schema';
import type { GeoBron } from '../../src/lib/server/geo/bron';
import { oppervlakte, vlakken, type Grensgeometrie } from '../../src/lib/server/geo/geometrie';
import { SYSTEEM } from '../../src/lib/server/mutatie';
import { currentSeq, eventsSince } from '../../src/lib/server/realtime/publish';
import {
	beschrijfImport,
	importeerGrenzen,
	type GrensImportUitkomst
} from '../../src/lib/server/services/grenzen';
import { rowCount, testDatabase, type TestDatabase } from '../helpers/demo';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/geo');
const CEL = 0.05 * 0.05;

function bron(naam: string, inhoud?: string): GeoBron {
	const bytes =
		inhoud === undefined ? readFileSync(path.join(FIXTURES, naam)) : Buffer.from(inhoud);
	return { bron: `fixtures/${naam}`, naam, bytes };
}

/** The gemeenten fixture with one gemeente's square replaced by a larger one. */
function gewijzigdeGemeenten(code: string, factor: number): string {
	const fc = JSON.parse(readFileSync(path.join(FIXTURES, 'gemeenten_2026.geojson'), 'utf8')) as {
		features: { properties: { statcode: string }; geometry: { coordinates: number[][][] } }[];
	};
	const f = fc.features.find((x) => x.properties.statcode === code)!;
	const [x0, y0] = f.geometry.coordinates[0]![0]!;
	const d = 0.05 * factor;
	f.geometry.coordinates = [
		[
			[x0!, y0!],
			[x0! + d, y0!],
			[x0! + d, y0! + d],
			[x0!, y0! + d],
			[x0!, y0!]
		]
	];
	return JSON.stringify(fc);
}

let t: TestDatabase;
let haaglanden: number;

async function rijen(soort: 'gemeente' | 'provincie' | 'regio') {
	return t.db
		.select()
		.from(grenzen)
		.where(and(eq(grenzen.jaar, 2026), eq(grenzen.soort, soort)))
		.orderBy(asc(grenzen.code));
}

async function stand() {
	return {
		grenzen: (
			await t.db.select({ c: grenzen.code, h: grenzen.hash, i: grenzen.importId }).from(grenzen)
		)
			.map((r) => `${r.c}:${r.h}:${r.i}`)
			.sort(),
		imports: await rowCount(t.db, imports),
		audit: await rowCount(t.db, auditLog),
		seq: await currentSeq(t.db, 'provincie:PV28')
	};
}

function geimporteerd(u: GrensImportUitkomst) {
	if (u.status !== 'geimporteerd') {
		throw new Error(`verwacht geimporteerd, kreeg ${u.status}: ${beschrijfImport(u).join('\n')}`);
	}
	return u;
}

beforeAll(async () => {
	t = await testDatabase();
	const [r] = await t.db.select().from(regios).where(eq(regios.code, 'VR15'));
	haaglanden = r!.id;
});
afterAll(async () => {
	await t?.close();
});

describe('geo:import of gemeenten', () => {
	it('stores the matched gemeenten, rounded, and reports the rest', async () => {
		const voor = await stand();
		const u = geimporteerd(await importeerGrenzen(SYSTEEM, bron('gemeenten_2026.geojson')));
		const v = u.verslag;
		expect([v.jaar, v.jaarBron, v.formaat]).toEqual([2026, 'jrstatcode', 'geojson']);
		const [g] = v.niveaus;
		expect(g).toMatchObject({
			niveau: 'gemeente',
			inBestand: 14,
			bekend: 50,
			gekoppeld: 12,
			nieuw: 12,
			gewijzigd: 0,
			ongewijzigd: 0,
			nietGekoppeld: ['GM0363', 'GM0014'],
			leeg: []
		});
		expect(g!.zonderGrens).toHaveLength(38);
		expect(g!.zonderGrens).toContain('GM0505'); // Dordrecht: a point in the file, no boundary
		expect(v.overgeslagen.map((o) => o.nummer)).toEqual([15, 16]);

		const gemeenteRijen = await rijen('gemeente');
		expect(gemeenteRijen.map((r) => r.code)).toEqual([
			'GM0503',
			'GM0518',
			'GM0546',
			'GM0547',
			'GM0599',
			'GM0603',
			'GM0629',
			'GM0637',
			'GM1783',
			'GM1842',
			'GM1916',
			'GM1926'
		]);
		const denHaag = gemeenteRijen.find((r) => r.code === 'GM0518')!;
		// 4.2000004 → 4.2 and 52.0000003 → 52: 5 decimals, counter-clockwise.
		expect(denHaag.geometrie).toEqual({
			type: 'Polygon',
			coordinates: [
				[
					[4.2, 52],
					[4.25, 52],
					[4.25, 52.05],
					[4.2, 52.05],
					[4.2, 52]
				]
			]
		});
		expect(denHaag.bbox).toEqual([4.2, 52, 4.25, 52.05]);
		expect(denHaag.punten).toBe(5);
		expect(new Set(gemeenteRijen.map((r) => r.importId))).toEqual(new Set([u.importId]));

		const [imp] = await t.db.select().from(imports).where(eq(imports.id, u.importId));
		expect(imp).toMatchObject({
			soort: 'grenzen',
			bestandsnaam: 'gemeenten_2026.geojson',
			parameters: 'jaar=2026',
			rijen: 12 + 2
		});
		const na = await stand();
		expect(na.imports).toBe(voor.imports + 1);
		expect(na.audit).toBe(voor.audit + 1);
		// One event for provincie:PV28 after the commit.
		expect(na.seq).toBe(voor.seq + 1);
		const { gemist } = await eventsSince(t.db, 'provincie:PV28', voor.seq);
		expect(gemist).toHaveLength(1);
		expect(gemist[0]).toMatchObject({ type: 'grenzen.gewijzigd', payload: { jaar: 2026 } });
		expect((gemist[0]!.payload as { gemeenten: string[] }).gemeenten).toHaveLength(12);
	});

	it('derives the regio outlines by dissolving their member gemeenten', async () => {
		const r = await rijen('regio');
		expect(r).toHaveLength(3); // Haaglanden, Hollands Midden (2 of 18), Rotterdam-Rijnmond (1)
		const hl = r.find((x) => x.code === String(haaglanden))!;
		const g = hl.geometrie as Grensgeometrie;
		// The 3×3 block becomes one square: one polygon, one ring, the area of nine gemeenten.
		expect(g.type).toBe('Polygon');
		expect(vlakken(g)[0]).toHaveLength(1);
		expect(oppervlakte(g)).toBeCloseTo(9 * CEL, 9);
		expect(hl.bbox).toEqual([4.2, 51.95, 4.35, 52.1]);
	});

	it('a repeated import changes nothing and says so', async () => {
		const voor = await stand();
		const u = await importeerGrenzen(SYSTEEM, bron('gemeenten_2026.geojson'));
		expect(u.status).toBe('ongewijzigd');
		expect(u.status === 'ongewijzigd' && u.bericht).toMatch(
			/^Niets gewijzigd: de grenzen van 2026 uit gemeenten_2026\.geojson zijn al precies zo opgeslagen \(import #\d+/
		);
		expect(beschrijfImport(u)[0]).toContain('Niets gewijzigd');
		expect(await stand()).toEqual(voor);
	});

	it('the same boundaries as TopoJSON change nothing either (the content decides)', async () => {
		const voor = await stand();
		const u = await importeerGrenzen(SYSTEEM, bron('gemeenten_2026.topojson'));
		expect(u.status).toBe('ongewijzigd');
		expect(u.status !== 'geweigerd' && [u.verslag.formaat, u.verslag.object]).toEqual([
			'topojson',
			'gemeente_2026'
		]);
		expect(await stand()).toEqual(voor);
	});

	it('a changed gemeente is rewritten with its regio; the original file afterwards restores both', async () => {
		const origineel = await rijen('regio');
		const b = geimporteerd(
			await importeerGrenzen(
				SYSTEEM,
				bron('gemeenten_2026_b.geojson', gewijzigdeGemeenten('GM1783', 0.5))
			)
		);
		expect(b.verslag.niveaus[0]).toMatchObject({ nieuw: 0, gewijzigd: 1, ongewijzigd: 11 });
		expect(b.verslag.regios).toMatchObject({ afgeleid: 3, nieuw: 0, gewijzigd: 1, verwijderd: 0 });
		const hl = (await rijen('regio')).find((x) => x.code === String(haaglanden))!;
		expect(hl.importId).toBe(b.importId);
		expect(oppervlakte(hl.geometrie as Grensgeometrie)).toBeCloseTo(8.25 * CEL, 9);

		// Back to the first file: its imports row is reused, the rows are as before.
		const a = geimporteerd(await importeerGrenzen(SYSTEEM, bron('gemeenten_2026.geojson')));
		expect(a.verslag.niveaus[0]).toMatchObject({ gewijzigd: 1 });
		expect(await rijen('regio')).toEqual(origineel);
	});

	it('imports provincies from their own file, matched against the provincies', async () => {
		const u = geimporteerd(await importeerGrenzen(SYSTEEM, bron('provincies_2026.geojson')));
		expect(u.verslag.niveaus).toHaveLength(1);
		expect(u.verslag.niveaus[0]).toMatchObject({
			niveau: 'provincie',
			gekoppeld: 2,
			nieuw: 2,
			nietGekoppeld: ['PV99'],
			bekend: 12
		});
		expect(u.verslag.niveaus[0]!.zonderGrens).toHaveLength(10);
		expect(u.verslag.regios).toBeNull();
		expect((await rijen('provincie')).map((r) => r.code)).toEqual(['PV27', 'PV28']);
	});

	it('one transaction: a file with a broken part writes nothing at all', async () => {
		const voor = await stand();
		// Valid, changed gemeenten (they would be written first) plus a provincie whose ring
		// is not closed: the whole import is refused.
		const fc = JSON.parse(gewijzigdeGemeenten('GM1783', 0.5)) as { features: unknown[] };
		fc.features.push({
			type: 'Feature',
			properties: { statcode: 'PV28', jrstatcode: '2026PV28' },
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[4, 51],
						[5, 51],
						[5, 52],
						[4, 52]
					]
				]
			}
		});
		const u = await importeerGrenzen(SYSTEEM, bron('kapot_2026.geojson', JSON.stringify(fc)));
		expect(u).toEqual({
			status: 'geweigerd',
			fouten: ['Object #17 (PV28): ring is niet gesloten.']
		});
		expect(await stand()).toEqual(voor);
	});

	it('refuses a year without gemeenten, unknown codes, areas that vanish, a bad fraction', async () => {
		const voor = await stand();
		const jaar = await importeerGrenzen(SYSTEEM, bron('gemeenten_2026.geojson'), { jaar: 2025 });
		expect(jaar.status === 'geweigerd' && jaar.fouten[0]).toContain(
			'Er staan geen gemeenten van 2025 in de database'
		);
		const vreemd = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { statcode: 'GM0363', jrstatcode: '2026GM0363' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[4, 52],
								[5, 52],
								[5, 53],
								[4, 52]
							]
						]
					}
				}
			]
		});
		const geen = await importeerGrenzen(SYSTEEM, bron('nh.geojson', vreemd));
		expect(geen.status === 'geweigerd' && geen.fouten[0]).toBe(
			'Geen van de 1 gemeenten in het bestand komt voor in de database (gebiedsindeling 2026): GM0363. Klopt het jaar?'
		);
		const piepklein = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { statcode: 'GM0518', jrstatcode: '2026GM0518' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[4.3, 52.1],
								[4.300001, 52.1],
								[4.300001, 52.100001],
								[4.3, 52.1]
							]
						]
					}
				}
			]
		});
		const leeg = await importeerGrenzen(SYSTEEM, bron('klein.geojson', piepklein));
		expect(leeg.status === 'geweigerd' && leeg.fouten[0]).toBe(
			'Van geen van de gemeenten bleef na afronden een vlak over; kies een kleinere --simplify of controleer de coördinaten.'
		);
		const fractie = await importeerGrenzen(SYSTEEM, bron('gemeenten_2026.geojson'), {
			vereenvoudig: 1.5
		});
		expect(fractie.status).toBe('geweigerd');
		expect(await stand()).toEqual(voor);
	});

	it('recomputes regio outlines on every gemeente import (a gemeente leaves its regio)', async () => {
		await t.db
			.delete(regioGemeenten)
			.where(
				and(
					eq(regioGemeenten.regioId, haaglanden),
					eq(regioGemeenten.jaar, 2026),
					eq(regioGemeenten.gemeenteCode, 'GM0603')
				)
			);
		const u = geimporteerd(await importeerGrenzen(SYSTEEM, bron('gemeenten_2026.geojson')));
		expect(u.verslag.niveaus[0]).toMatchObject({ nieuw: 0, gewijzigd: 0, ongewijzigd: 12 });
		expect(u.verslag.regios).toMatchObject({ gewijzigd: 1 });
		const hl = (await rijen('regio')).find((x) => x.code === String(haaglanden))!;
		const g = hl.geometrie as Grensgeometrie;
		// Rijswijk was the middle cell: Haaglanden is now a square ring with a hole.
		expect(vlakken(g)[0]).toHaveLength(2);
		expect(oppervlakte(g)).toBeCloseTo(8 * CEL, 9);
	});
});
