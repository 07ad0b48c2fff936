/**
 * Plane geometry the map needs in the browser, pure and small: a label point inside each
 * gemeente (for the trede numbers and the keyboard focus) and the neighbour an arrow key
 * moves to. Coordinates are WGS84 [lng, lat]; distances scale lng by cos(lat), which is
 * accurate enough within a provincie.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Ring = Position[];

function schaal(lat: number): number {
	return Math.cos((lat * Math.PI) / 180);
}

/** x positions where the horizontal line y crosses the rings (even-odd). */
function snijX(ringen: readonly Ring[], y: number): number[] {
	const xs: number[] = [];
	for (const ring of ringen) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [x1, y1] = ring[j] as [number, number];
			const [x2, y2] = ring[i] as [number, number];
			if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
		}
	}
	return xs.sort((a, b) => a - b);
}

function snijY(ringen: readonly Ring[], x: number): number[] {
	const ys: number[] = [];
	for (const ring of ringen) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [x1, y1] = ring[j] as [number, number];
			const [x2, y2] = ring[i] as [number, number];
			if (x1 > x !== x2 > x) ys.push(y1 + ((x - x1) * (y2 - y1)) / (x2 - x1));
		}
	}
	return ys.sort((a, b) => a - b);
}

function oppervlak(ring: Ring): number {
	let s = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
	}
	return Math.abs(s / 2);
}

/**
 * A point well inside the (largest part of the) area: of the midpoints of horizontal chords on
 * 15 levels, the one farthest from the boundary in both directions. Always inside, also for
 * concave shapes where the centroid is not.
 */
export function labelPunt(geometrie: Polygon | MultiPolygon): [number, number] {
	const delen = geometrie.type === 'Polygon' ? [geometrie.coordinates] : geometrie.coordinates;
	const ringen = delen.reduce((a, b) => (oppervlak(b[0]!) > oppervlak(a[0]!) ? b : a));
	const buiten = ringen[0]!;
	const ys = buiten.map((p) => p[1]!);
	const [minY, maxY] = [Math.min(...ys), Math.max(...ys)];
	const k = schaal((minY + maxY) / 2);
	let beste: [number, number] = [buiten[0]![0]!, buiten[0]![1]!];
	let score = -1;
	const N = 15;
	for (let n = 1; n <= N; n++) {
		const y = minY + ((maxY - minY) * n) / (N + 1);
		const xs = snijX(ringen, y);
		for (let i = 0; i + 1 < xs.length; i += 2) {
			const x = (xs[i]! + xs[i + 1]!) / 2;
			const breed = ((xs[i + 1]! - xs[i]!) / 2) * k;
			const yy = snijY(ringen, x);
			let hoog = 0;
			for (let j = 0; j + 1 < yy.length; j += 2) {
				if (yy[j]! <= y && y <= yy[j + 1]!) hoog = Math.min(y - yy[j]!, yy[j + 1]! - y);
			}
			// Farthest from the nearest side; of equals, the most central.
			const s = Math.min(breed, hoog) + 0.01 * (breed + hoog);
			if (s > score) {
				score = s;
				beste = [x, y];
			}
		}
	}
	return beste;
}

export type KaartRichting = 'links' | 'rechts' | 'omhoog' | 'omlaag';

/**
 * The point an arrow key moves to from `van`: the nearest one within 60° of the direction,
 * where sideways offset counts double (so the move feels straight). Null when there is none.
 */
export function buurInRichting(
	punten: readonly { code: string; punt: readonly [number, number] }[],
	van: string,
	richting: KaartRichting
): string | null {
	const start = punten.find((p) => p.code === van);
	if (!start) return null;
	const k = schaal(start.punt[1]);
	const [rx, ry] = { links: [-1, 0], rechts: [1, 0], omhoog: [0, 1], omlaag: [0, -1] }[richting];
	let beste: string | null = null;
	let afstand = Infinity;
	for (const p of punten) {
		if (p.code === van) continue;
		const dx = (p.punt[0] - start.punt[0]) * k;
		const dy = p.punt[1] - start.punt[1];
		const voor = dx * rx! + dy * ry!;
		const opzij = Math.abs(dx * ry! - dy * rx!);
		if (voor <= 0 || opzij > voor * Math.tan(Math.PI / 3)) continue;
		const d = voor + 2 * opzij;
		if (d < afstand) {
			afstand = d;
			beste = p.code;
		}
	}
	return beste;
}
