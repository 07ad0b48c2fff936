import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { buurInRichting, labelPunt } from './geometrie';

const vierkant = (x: number, y: number, d = 1): Position[] => [
	[x, y],
	[x + d, y],
	[x + d, y + d],
	[x, y + d],
	[x, y]
];

/** Even-odd point-in-polygon, to check that a label point lies inside. */
function binnen(p: [number, number], ringen: Position[][]): boolean {
	let in_ = false;
	for (const ring of ringen) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i] as [number, number];
			const [xj, yj] = ring[j] as [number, number];
			if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) in_ = !in_;
		}
	}
	return in_;
}

describe('labelPunt', () => {
	it('is the middle of a square', () => {
		const [x, y] = labelPunt({ type: 'Polygon', coordinates: [vierkant(4.2, 52)] });
		expect(x).toBeCloseTo(4.7, 1);
		expect(y).toBeCloseTo(52.5, 1);
	});

	it('lies inside a U shape, whose centroid does not', () => {
		const u: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[3, 0],
					[3, 3],
					[2, 3],
					[2, 1],
					[1, 1],
					[1, 3],
					[0, 3],
					[0, 0]
				]
			]
		};
		const p = labelPunt(u);
		expect(binnen(p, u.coordinates)).toBe(true);
		expect(binnen([1.5, 1.8], u.coordinates)).toBe(false);
	});

	it('avoids a hole and picks the largest part of a multipolygon', () => {
		const metGat: Polygon = {
			type: 'Polygon',
			coordinates: [vierkant(0, 0, 3), vierkant(1, 1, 1)]
		};
		const p = labelPunt(metGat);
		expect(binnen(p, metGat.coordinates)).toBe(true);
		const eilanden: MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [[vierkant(10, 50, 0.1)], [vierkant(4, 52, 1)]]
		};
		expect(labelPunt(eilanden)[0]).toBeGreaterThan(4);
		expect(labelPunt(eilanden)[0]).toBeLessThan(5);
	});
});

describe('buurInRichting (pijltjestoetsen op de kaart)', () => {
	// A 3×2 grid like the test fixture: codes by column/row.
	const punten = [
		{ code: 'a0', punt: [4.225, 51.975] as const },
		{ code: 'b0', punt: [4.275, 51.975] as const },
		{ code: 'c0', punt: [4.325, 51.975] as const },
		{ code: 'a1', punt: [4.225, 52.025] as const },
		{ code: 'b1', punt: [4.275, 52.025] as const },
		{ code: 'c1', punt: [4.325, 52.025] as const }
	];
	it('moves to the nearest neighbour in the direction of the arrow', () => {
		expect(buurInRichting(punten, 'a0', 'rechts')).toBe('b0');
		expect(buurInRichting(punten, 'b0', 'links')).toBe('a0');
		expect(buurInRichting(punten, 'b0', 'omhoog')).toBe('b1');
		expect(buurInRichting(punten, 'c1', 'omlaag')).toBe('c0');
	});

	it('stays put at the edge', () => {
		expect(buurInRichting(punten, 'c0', 'rechts')).toBeNull();
		expect(buurInRichting(punten, 'a1', 'omhoog')).toBeNull();
		expect(buurInRichting(punten, 'x', 'omhoog')).toBeNull();
	});
});
