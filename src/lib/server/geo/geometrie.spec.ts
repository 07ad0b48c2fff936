import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import {
	aantalPunten,
	bboxUnie,
	bboxVan,
	controleerGeometrie,
	geometrieHash,
	lossOp,
	oppervlakte,
	rondAf,
	vereenvoudig,
	vlakken,
	type Grensgeometrie
} from './geometrie';

/** A counter-clockwise square of size `d` with its south-west corner at (x, y). */
function vierkant(x: number, y: number, d = 1): Polygon {
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

/** Signed area of a ring ×2 (positive: counter-clockwise). */
function orientatie(ring: Position[]): number {
	let s = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
	}
	return s;
}

describe('controleerGeometrie', () => {
	it('accepts a polygon and a multipolygon, dropping a third coordinate', () => {
		const r = controleerGeometrie({
			type: 'MultiPolygon',
			coordinates: [
				[
					[
						[4, 52, 3],
						[5, 52, 3],
						[5, 53, 3],
						[4, 52, 3]
					]
				]
			]
		});
		expect(r).toEqual({
			ok: true,
			geometrie: {
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
		});
	});

	it.each([
		[null, 'geen geometrie'],
		[{ type: 'Point', coordinates: [4, 52] }, 'geometrie is Point, geen (Multi)Polygon'],
		[{ type: 'Polygon', coordinates: [] }, 'geometrie zonder coördinaten'],
		[{ type: 'Polygon', coordinates: [[['4', '52']]] }, 'ongeldige coördinaten'],
		[
			{
				type: 'Polygon',
				coordinates: [
					[
						[4, 52],
						[5, 52],
						[4, 52]
					]
				]
			},
			'ring met minder dan 4 punten'
		],
		[
			{
				type: 'Polygon',
				coordinates: [
					[
						[4, 52],
						[5, 52],
						[5, 53],
						[4, 53]
					]
				]
			},
			'ring is niet gesloten'
		],
		[
			vierkant(85000, 446000, 1000),
			'het bestand lijkt in RD (EPSG:28992) te staan; gebruik de WGS84-versie'
		],
		[vierkant(179.5, 52), 'ligt buiten lengte −180..180']
	])('refuses %j: %s', (g, melding) => {
		const r = controleerGeometrie(g);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.fout).toContain(melding);
	});
});

describe('rondAf', () => {
	it('rounds to 5 decimals and drops the points that become equal', () => {
		const g: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[4.123456789, 52.000001],
					[4.2, 52.0000012],
					[4.2000001, 52.0000014], // equal to the previous point after rounding
					[4.2, 52.1],
					[4.123456789, 52.000001]
				]
			]
		};
		expect(rondAf(g)).toEqual({
			type: 'Polygon',
			coordinates: [
				[
					[4.12346, 52],
					[4.2, 52],
					[4.2, 52.1],
					[4.12346, 52]
				]
			]
		});
		expect(rondAf(g, 0)).toBeNull(); // at whole degrees the triangle has no area left
	});

	it('gives one canonical form whatever the start point, direction or order of parts', () => {
		const a = vierkant(0, 0).coordinates[0]!;
		const anders = [...a.slice(2, -1), ...a.slice(0, 2), a[2]!].reverse();
		expect(rondAf({ type: 'Polygon', coordinates: [anders] })).toEqual(vierkant(0, 0));
		const twee = (x: Polygon, y: Polygon): Grensgeometrie => ({
			type: 'MultiPolygon',
			coordinates: [x.coordinates, y.coordinates]
		});
		const p = rondAf(twee(vierkant(5, 5), { type: 'Polygon', coordinates: [anders] }))!;
		expect(p).toEqual(rondAf(twee(vierkant(0, 0), vierkant(5, 5))));
		expect(geometrieHash(p)).toBe(geometrieHash(rondAf(twee(vierkant(0, 0), vierkant(5, 5)))!));
	});

	it('never writes -0', () => {
		const r = rondAf(vierkant(-0.000001, -0.000001, 1))!;
		expect(JSON.stringify(r)).not.toContain('-0,');
		expect(JSON.stringify(r)).not.toContain('-0]');
	});

	it('winds outer rings counter-clockwise and holes clockwise (RFC 7946)', () => {
		const buiten = [...vierkant(0, 0, 4).coordinates[0]!].reverse(); // clockwise
		const gat = vierkant(1, 1, 1).coordinates[0]!; // counter-clockwise
		const r = rondAf({ type: 'Polygon', coordinates: [buiten, gat] })!;
		const [b, h] = vlakken(r)[0]!;
		expect(orientatie(b!)).toBeGreaterThan(0);
		expect(orientatie(h!)).toBeLessThan(0);
		expect(oppervlakte(r)).toBe(15);
	});

	it('drops a collapsed hole, and a polygon whose outer ring collapses together with its holes', () => {
		const klein = vierkant(10, 10, 0.000001);
		const r = rondAf({
			type: 'MultiPolygon',
			coordinates: [
				[vierkant(0, 0, 4).coordinates[0]!, vierkant(1, 1, 0.000001).coordinates[0]!],
				[klein.coordinates[0]!, vierkant(10, 10, 0.0000001).coordinates[0]!]
			]
		})!;
		expect(r).toEqual(vierkant(0, 0, 4));
	});
});

describe('bbox, points, hash', () => {
	it('bboxVan and bboxUnie', () => {
		expect(bboxVan(vierkant(4, 52, 0.5))).toEqual([4, 52, 4.5, 52.5]);
		expect(bboxUnie([bboxVan(vierkant(4, 52)), bboxVan(vierkant(6, 50))])).toEqual([4, 50, 7, 53]);
		expect(bboxUnie([])).toBeNull();
	});

	it('counts positions and hashes equal geometry equally', () => {
		expect(aantalPunten(vierkant(0, 0))).toBe(5);
		expect(geometrieHash(vierkant(0, 0))).toBe(geometrieHash(vierkant(0, 0)));
		expect(geometrieHash(vierkant(0, 0))).not.toBe(geometrieHash(vierkant(0, 0, 2)));
	});
});

describe('lossOp (dissolve)', () => {
	it('two adjacent squares become one polygon whose area is the sum', () => {
		const r = lossOp([vierkant(4, 52, 0.1), vierkant(4.1, 52, 0.1)])!;
		expect(r.type).toBe('Polygon');
		expect(vlakken(r)).toHaveLength(1);
		expect(vlakken(r)[0]).toHaveLength(1); // no ring left along the shared border
		expect(oppervlakte(r)).toBeCloseTo(0.02, 10);
		expect(bboxVan(r)).toEqual([4, 52, 4.2, 52.1]);
		// The shared border's inner points are gone: a rectangle (plus the kept junctions).
		expect(aantalPunten(r)).toBeLessThanOrEqual(7);
	});

	it('squares that touch at a corner only stay two parts', () => {
		const r = lossOp([vierkant(0, 0), vierkant(1, 1)])!;
		expect(r.type).toBe('MultiPolygon');
		expect(vlakken(r)).toHaveLength(2);
		expect(oppervlakte(r)).toBe(2);
	});

	it('a ring of eight squares around an empty middle keeps the hole', () => {
		const ring = [0, 1, 2].flatMap((x) =>
			[0, 1, 2].filter((y) => x !== 1 || y !== 1).map((y) => vierkant(x, y))
		);
		const r = lossOp(ring)!;
		expect(r.type).toBe('Polygon');
		expect(vlakken(r)[0]).toHaveLength(2);
		expect(oppervlakte(r)).toBe(8);
	});

	it('nothing in, nothing out', () => {
		expect(lossOp([])).toBeNull();
	});

	it('property: any set of grid cells dissolves to the summed area within their bbox', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), {
					minLength: 1,
					maxLength: 20,
					selector: ([x, y]) => `${x},${y}`
				}),
				(cellen) => {
					const d = 0.01;
					const r = lossOp(cellen.map(([x, y]) => vierkant(4 + x * d, 52 + y * d, d)))!;
					expect(oppervlakte(r)).toBeCloseTo(cellen.length * d * d, 10);
					const xs = cellen.map(([x]) => x);
					const ys = cellen.map(([, y]) => y);
					const [w, s, e, n] = bboxVan(r);
					expect(w).toBeCloseTo(4 + Math.min(...xs) * d, 8);
					expect(s).toBeCloseTo(52 + Math.min(...ys) * d, 8);
					expect(e).toBeCloseTo(4 + (Math.max(...xs) + 1) * d, 8);
					expect(n).toBeCloseTo(52 + (Math.max(...ys) + 1) * d, 8);
				}
			),
			{ numRuns: 60 }
		);
	});
});

describe('vereenvoudig', () => {
	/** Two areas sharing a wiggly border of 41 points. */
	function buren(): Map<string, Grensgeometrie> {
		const grens: Position[] = Array.from({ length: 41 }, (_, i) => [
			5 + 0.002 * Math.sin(i * 1.7),
			52 + i * 0.01
		]);
		const links: Position[] = [[4.9, 52], ...grens, [4.9, 52.4], [4.9, 52]];
		const rechts: Position[] = [[5.1, 52], [5.1, 52.4], ...[...grens].reverse(), [5.1, 52]];
		return new Map<string, Grensgeometrie>([
			['GM0001', { type: 'Polygon', coordinates: [links] }],
			['GM0002', { type: 'Polygon', coordinates: [rechts] }]
		]);
	}

	it('drops points but keeps the shared border shared (dissolving leaves no slivers)', () => {
		const voor = buren();
		const na = vereenvoudig(voor, 0.6);
		const punten = (m: Map<string, Grensgeometrie>) =>
			[...m.values()].reduce((t, g) => t + aantalPunten(g), 0);
		// 0.6 drops about 60 % of the points (the 41-point border is drawn on both sides).
		expect(punten(na)).toBeLessThan(punten(voor) * 0.5);
		expect(punten(na)).toBeGreaterThan(punten(voor) * 0.3);
		// More is dropped the higher the fraction.
		const aantallen = [0.2, 0.4, 0.6, 0.8].map((f) => punten(vereenvoudig(voor, f)));
		expect([...aantallen].sort((a, b) => b - a)).toEqual(aantallen);
		expect(new Set(aantallen).size).toBe(4);
		const samen = lossOp([...na.values()])!;
		expect(vlakken(samen)).toHaveLength(1);
		expect(vlakken(samen)[0]).toHaveLength(1);
		const som = [...na.values()].reduce((t, g) => t + oppervlakte(g), 0);
		expect(oppervlakte(samen)).toBeCloseTo(som, 10);
	});

	it('with fraction 0 returns the input', () => {
		const voor = buren();
		expect(vereenvoudig(voor, 0)).toEqual(voor);
	});
});
