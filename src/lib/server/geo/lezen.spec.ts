import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { codeVan, jaarUitNaam, leesGrenzen, opsomming } from './lezen';

function vierkant(x: number, y: number, d = 0.1): Polygon {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[x, y],
				[x + d, y],
				[x + d, y + d],
				[x, y + d],
				[x, y]
			]
		]
	};
}

function ft(
	properties: Record<string, unknown>,
	geometry: Feature['geometry'] | null = vierkant(4, 52)
) {
	return { type: 'Feature', properties, geometry } as Feature;
}

function fcTekst(features: unknown[]): string {
	return JSON.stringify({ type: 'FeatureCollection', features });
}

const GEMENGD = [
	ft({ statcode: 'GM0518', jrstatcode: '2026GM0518', statnaam: "'s-Gravenhage" }),
	ft({ statcode: 'PV28', jrstatcode: '2026PV28', statnaam: 'Zuid-Holland' }, vierkant(3, 51, 2)),
	ft({ statcode: 'WK051801', statnaam: 'Een wijk' }),
	ft({ statcode: 'GM0599', jrstatcode: '2026GM0599' }, { type: 'Point', coordinates: [4, 52] }),
	ft({ statcode: 'GM0503', jrstatcode: '2026GM0503' }, null)
];

describe('leesGrenzen: GeoJSON', () => {
	it('detects gemeente and provincie per feature and reports what it skips', () => {
		const r = leesGrenzen(fcTekst(GEMENGD), { bestandsnaam: 'grenzen.geojson' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.formaat).toBe('geojson');
		expect(r.jaar).toBe(2026);
		expect(r.jaarBron).toBe('jrstatcode');
		expect(r.objecten.map((o) => [o.nummer, o.niveau, o.code, o.naam])).toEqual([
			[1, 'gemeente', 'GM0518', "'s-Gravenhage"],
			[2, 'provincie', 'PV28', 'Zuid-Holland']
		]);
		expect(r.overgeslagen).toEqual([
			{ nummer: 3, code: null, reden: 'geen CBS-code (statcode GMxxxx of PVxx)' },
			{ nummer: 4, code: 'GM0599', reden: 'geen vlak maar Point' },
			{ nummer: 5, code: 'GM0503', reden: 'zonder geometrie' }
		]);
	});

	it('reads a file with a byte order mark', () => {
		const r = leesGrenzen(`\uFEFF${fcTekst(GEMENGD.slice(0, 1))}`, { bestandsnaam: 'x.json' });
		expect(r.ok).toBe(true);
	});

	it.each([
		['{"type": ', 'geen geldige JSON'],
		['[1, 2]', 'geen GeoJSON- of TopoJSON-object'],
		['{"type":"Feature"}', 'maar "type" is "Feature"'],
		['{"type":"FeatureCollection"}', 'geen lijst "features"'],
		[
			JSON.stringify({
				type: 'FeatureCollection',
				crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
				features: []
			}),
			'RD (EPSG:28992)'
		],
		[fcTekst([ft({ statnaam: 'zonder code' })]), 'geen gemeente- of provinciegrenzen']
	])('refuses %s with a Dutch message', (tekst, melding) => {
		const r = leesGrenzen(tekst, { bestandsnaam: 'gemeente_2026.json' });
		expect(r.ok).toBe(false);
		expect(!r.ok && r.fouten.join(' ')).toContain(melding);
	});
});

describe('leesGrenzen: the year', () => {
	const zonderJr = fcTekst([ft({ statcode: 'GM0518' })]);

	it('--year wins, with a warning when jrstatcode says otherwise', () => {
		const r = leesGrenzen(fcTekst(GEMENGD), { bestandsnaam: 'gemeente_2025.json', jaar: 2025 });
		expect(r.ok && [r.jaar, r.jaarBron]).toEqual([2025, 'optie']);
		expect(r.ok && r.waarschuwingen).toEqual([
			'Het bestand noemt in jrstatcode 2026; --year 2025 is gebruikt.'
		]);
	});

	it('jrstatcode before the file name', () => {
		const r = leesGrenzen(fcTekst(GEMENGD), { bestandsnaam: 'gemeente_2021.json' });
		expect(r.ok && [r.jaar, r.jaarBron]).toEqual([2026, 'jrstatcode']);
	});

	it('the file name when the features carry no year', () => {
		const r = leesGrenzen(zonderJr, { bestandsnaam: '/data/cbs/gemeente_2022.geojson' });
		expect(r.ok && [r.jaar, r.jaarBron, r.waarschuwingen]).toEqual([2022, 'bestandsnaam', []]);
	});

	it('asks for --year when nothing gives it', () => {
		const r = leesGrenzen(zonderJr, { bestandsnaam: 'gemeenten.geojson' });
		expect(r.ok).toBe(false);
		expect(!r.ok && r.fouten[0]).toContain('geef het op met --year, bijvoorbeeld --year 2026');
	});

	it('refuses a file that mixes years, and an impossible --year', () => {
		const gemengd = fcTekst([
			ft({ statcode: 'GM0518', jrstatcode: '2025GM0518' }),
			ft({ statcode: 'GM0599', jrstatcode: '2026GM0599' })
		]);
		const r = leesGrenzen(gemengd, { bestandsnaam: 'x.json' });
		expect(!r.ok && r.fouten[0]).toContain('meerdere jaren in jrstatcode (2025, 2026)');
		const j = leesGrenzen(zonderJr, { bestandsnaam: 'x.json', jaar: 26 });
		expect(!j.ok && j.fouten[0]).toContain('--year 26 is geen jaartal');
	});

	it.each([
		['gemeente_2026.topojson', 2026],
		['https://example.org/nl/wgs84/provincie_1995.geojson', 1995],
		['cbsgebiedsindelingen2024.json', 2024],
		['gemeenten-20261.json', null],
		['gemeenten.json', null]
	])('jaarUitNaam(%s) = %s', (naam, jaar) => {
		expect(jaarUitNaam(naam)).toBe(jaar);
	});
});

describe('leesGrenzen: TopoJSON', () => {
	const topo = topology({
		gemeenten: {
			type: 'FeatureCollection',
			features: [
				ft({ statcode: 'GM0518', jrstatcode: '2026GM0518', statnaam: "'s-Gravenhage" }),
				ft({ statcode: 'GM0503', jrstatcode: '2026GM0503', statnaam: 'Delft' }, vierkant(4.1, 52))
			]
		} as FeatureCollection,
		provincies: {
			type: 'FeatureCollection',
			features: [ft({ statcode: 'PV28', jrstatcode: '2026PV28' }, vierkant(3, 51, 2))]
		} as FeatureCollection
	});

	it('reads the first object by default, with the shared border decoded on both sides', () => {
		const r = leesGrenzen(JSON.stringify(topo), { bestandsnaam: 'x.topojson' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect([r.formaat, r.object, r.jaar]).toEqual(['topojson', 'gemeenten', 2026]);
		expect(r.objecten.map((o) => o.code)).toEqual(['GM0518', 'GM0503']);
		const ring = (i: number) => (r.objecten[i]!.geometrie as Polygon).coordinates[0]!;
		expect(ring(0)).toContainEqual([4.1, 52.1]);
		expect(ring(1)).toContainEqual([4.1, 52.1]);
	});

	it('reads a named object, and lists the names when the name is wrong', () => {
		const r = leesGrenzen(JSON.stringify(topo), { bestandsnaam: 'x', object: 'provincies' });
		expect(r.ok && r.objecten.map((o) => [o.niveau, o.code])).toEqual([['provincie', 'PV28']]);
		const f = leesGrenzen(JSON.stringify(topo), { bestandsnaam: 'x', object: 'wijken' });
		expect(!f.ok && f.fouten[0]).toBe(
			'De TopoJSON heeft geen object "wijken"; wel: gemeenten, provincies.'
		);
	});

	it('refuses a broken topology with a Dutch message', () => {
		const kapot = { ...topo, arcs: [] };
		const r = leesGrenzen(JSON.stringify(kapot), { bestandsnaam: 'x_2026.topojson' });
		expect(r.ok).toBe(false);
		expect(!r.ok && r.fouten[0]).toContain('De TopoJSON kon niet worden gelezen');
	});
});

describe('codeVan', () => {
	it.each([
		[{ properties: { statcode: 'gm0518 ' } }, { code: 'GM0518', niveau: 'gemeente' }],
		[{ properties: { code: 'PV28' } }, { code: 'PV28', niveau: 'provincie' }],
		[
			{ id: 'GM0363', properties: {} },
			{ code: 'GM0363', niveau: 'gemeente' }
		],
		[{ properties: { jrstatcode: '2026GM0014' } }, { code: 'GM0014', niveau: 'gemeente' }],
		[{ properties: { statcode: 'WK001400' } }, null],
		[{ id: 14, properties: { statcode: 'GM14' } }, null],
		[{ properties: null }, null]
	])('%j → %j', (f, verwacht) => {
		expect(codeVan({ type: 'Feature', geometry: null, ...f } as unknown as Feature)).toEqual(
			verwacht
		);
	});
});

describe('opsomming', () => {
	it('names the first few and counts the rest', () => {
		expect(opsomming(['a', 'b'])).toBe('a, b');
		expect(opsomming(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e en 2 meer');
	});
});
