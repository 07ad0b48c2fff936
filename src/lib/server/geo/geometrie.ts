/**
 * Pure geometry for boundaries (no IO): validation, rounding, bounding boxes, areas,
 * simplification and dissolving, on GeoJSON Polygon/MultiPolygon in WGS84 (lon, lat).
 */
import { createHash } from 'node:crypto';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

export type Grensgeometrie = Polygon | MultiPolygon;
export type BBox = [west: number, south: number, east: number, north: number];

/** 5 decimals ≈ 1 m in the Netherlands: far finer than the map needs, and compact. */
export const DECIMALEN = 5;

type Ring = Position[];
type Vlak = Ring[];

/** The polygons of a geometry (a Polygon is one). */
export function vlakken(g: Grensgeometrie): Vlak[] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** A Polygon for one polygon, a MultiPolygon for several. */
export function alsGeometrie(polygonen: Vlak[]): Grensgeometrie {
	return polygonen.length === 1
		? { type: 'Polygon', coordinates: polygonen[0]! }
		: { type: 'MultiPolygon', coordinates: polygonen };
}

export type Controle = { ok: true; geometrie: Grensgeometrie } | { ok: false; fout: string };

function isPositie(p: unknown): p is Position {
	return (
		Array.isArray(p) &&
		p.length >= 2 &&
		typeof p[0] === 'number' &&
		typeof p[1] === 'number' &&
		Number.isFinite(p[0]) &&
		Number.isFinite(p[1])
	);
}

/**
 * Checks the structure of a (Multi)Polygon: rings of at least 4 numeric positions, first equal
 * to last, all within longitude/latitude. Coordinates in metres (RD, EPSG:28992) get their own
 * message, because that is the usual mistake with Dutch boundary files.
 */
export function controleerGeometrie(g: unknown): Controle {
	if (!g || typeof g !== 'object') return { ok: false, fout: 'geen geometrie' };
	const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
	if (type !== 'Polygon' && type !== 'MultiPolygon') {
		return { ok: false, fout: `geometrie is ${String(type)}, geen (Multi)Polygon` };
	}
	const polygonen =
		type === 'Polygon' && Array.isArray(coordinates) && coordinates.length > 0
			? [coordinates]
			: type === 'Polygon'
				? []
				: coordinates;
	if (!Array.isArray(polygonen) || polygonen.length === 0) {
		return { ok: false, fout: 'geometrie zonder coördinaten' };
	}
	const schoon: Vlak[] = [];
	for (const vlak of polygonen) {
		if (!Array.isArray(vlak) || vlak.length === 0) {
			return { ok: false, fout: 'vlak zonder ringen' };
		}
		const ringen: Ring[] = [];
		for (const ring of vlak as unknown[]) {
			if (!Array.isArray(ring) || !ring.every(isPositie)) {
				return { ok: false, fout: 'ongeldige coördinaten (verwacht [lengtegraad, breedtegraad])' };
			}
			const buiten = ring.find((p) => Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90);
			if (buiten) {
				const rd = Math.abs(buiten[0]!) > 1000 || Math.abs(buiten[1]!) > 1000;
				return {
					ok: false,
					fout: rd
						? `coördinaat (${buiten[0]}, ${buiten[1]}) is geen lengte/breedte: het bestand lijkt in RD (EPSG:28992) te staan; gebruik de WGS84-versie (EPSG:4326)`
						: `coördinaat (${buiten[0]}, ${buiten[1]}) ligt buiten lengte −180..180 / breedte −90..90`
				};
			}
			if (ring.length < 4) return { ok: false, fout: 'ring met minder dan 4 punten' };
			const [a, z] = [ring[0]!, ring.at(-1)!];
			if (a[0] !== z[0] || a[1] !== z[1]) return { ok: false, fout: 'ring is niet gesloten' };
			ringen.push(ring.map((p) => [p[0]!, p[1]!]));
		}
		schoon.push(ringen);
	}
	return { ok: true, geometrie: alsGeometrie(schoon) };
}

/** Twice the signed planar area of a ring (positive: counter-clockwise). */
function dubbeleOppervlakte(ring: Ring): number {
	let s = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
	}
	return s;
}

/** Planar area in square degrees (outer rings minus holes); for checks, not for statistics. */
export function oppervlakte(g: Grensgeometrie): number {
	let totaal = 0;
	for (const [buiten, ...gaten] of vlakken(g)) {
		totaal += Math.abs(dubbeleOppervlakte(buiten!)) / 2;
		for (const gat of gaten) totaal -= Math.abs(dubbeleOppervlakte(gat)) / 2;
	}
	return totaal;
}

function rond(v: number, factor: number): number {
	return Math.round(v * factor) / factor || 0; // `|| 0`: no -0 in the JSON
}

/**
 * Rounds every coordinate to `decimalen`, drops repeated points, drops rings that collapse
 * (fewer than 4 positions or no area left) and winds rings as RFC 7946 asks (outer ring
 * counter-clockwise, holes clockwise), in a canonical order (see `beginBijKleinste`). A polygon whose outer ring collapses disappears with its
 * holes; null when nothing is left.
 */
export function rondAf(g: Grensgeometrie, decimalen = DECIMALEN): Grensgeometrie | null {
	const factor = 10 ** decimalen;
	const polygonen: Vlak[] = [];
	for (const vlak of vlakken(g)) {
		const ringen: Ring[] = [];
		for (const [i, ring] of vlak.entries()) {
			const r: Ring = [];
			for (const p of ring) {
				const q = [rond(p[0]!, factor), rond(p[1]!, factor)];
				const vorig = r.at(-1);
				if (!vorig || vorig[0] !== q[0] || vorig[1] !== q[1]) r.push(q);
			}
			const a = dubbeleOppervlakte(r);
			if (r.length < 4 || a === 0) {
				if (i === 0) break; // the outer ring collapsed: the holes go with it
				continue;
			}
			const moetLinksom = i === 0;
			ringen.push(beginBijKleinste(a > 0 === moetLinksom ? r : r.reverse()));
		}
		if (ringen.length > 0) {
			const [buiten, ...gaten] = ringen;
			polygonen.push([buiten!, ...gaten.sort((x, y) => vergelijk(x[0]!, y[0]!))]);
		}
	}
	polygonen.sort((x, y) => vergelijk(x[0]![0]!, y[0]![0]!));
	return polygonen.length > 0 ? alsGeometrie(polygonen) : null;
}

function vergelijk(p: Position, q: Position): number {
	return p[0]! - q[0]! || p[1]! - q[1]!;
}

/**
 * The same ring, starting at its smallest point (west-most, then south-most): together with
 * the fixed winding and the sorted parts, equal areas get equal JSON whatever the file's format
 * or point order, so a repeated import is recognised by its content.
 */
function beginBijKleinste(ring: Ring): Ring {
	const punten = ring.slice(0, -1);
	let k = 0;
	for (let i = 1; i < punten.length; i++) if (vergelijk(punten[i]!, punten[k]!) < 0) k = i;
	const r = [...punten.slice(k), ...punten.slice(0, k)];
	return [...r, r[0]!];
}

export function bboxVan(g: Grensgeometrie): BBox {
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const vlak of vlakken(g)) {
		for (const p of vlak[0]!) {
			w = Math.min(w, p[0]!);
			e = Math.max(e, p[0]!);
			s = Math.min(s, p[1]!);
			n = Math.max(n, p[1]!);
		}
	}
	return [w, s, e, n];
}

/** The smallest box around several boxes. */
export function bboxUnie(boxen: readonly BBox[]): BBox | null {
	if (boxen.length === 0) return null;
	return [
		Math.min(...boxen.map((b) => b[0])),
		Math.min(...boxen.map((b) => b[1])),
		Math.max(...boxen.map((b) => b[2])),
		Math.max(...boxen.map((b) => b[3]))
	];
}

export function aantalPunten(g: Grensgeometrie): number {
	return vlakken(g).reduce((t, v) => t + v.reduce((u, r) => u + r.length, 0), 0);
}

/** Hex SHA-256 of the geometry's JSON (stable: geometries are built with a fixed key order). */
export function geometrieHash(g: Grensgeometrie): string {
	return createHash('sha256')
		.update(JSON.stringify({ type: g.type, coordinates: g.coordinates }))
		.digest('hex');
}

/** Several parts of one area (the same code twice in a file) as one geometry. */
export function voegSamen(delen: readonly Grensgeometrie[]): Grensgeometrie {
	return alsGeometrie(delen.flatMap(vlakken));
}

function alsTopologie(geometrieen: ReadonlyMap<string, Grensgeometrie>): Topology {
	const fc: FeatureCollection<Grensgeometrie> = {
		type: 'FeatureCollection',
		features: [...geometrieen].map(([id, geometry]): Feature<Grensgeometrie> => ({
			type: 'Feature',
			id,
			properties: {},
			geometry
		}))
	};
	// No quantization: coordinates stay exact, so borders that are equal point for point become
	// shared arcs (the gemeenten of one file share their borders exactly).
	return topology({ grenzen: fc });
}

/**
 * Simplifies areas together, so neighbours keep one shared border (Visvalingam via
 * topojson-simplify): drops roughly the fraction `fractie` (0..1) of the points with the
 * smallest effective area; junctions between areas always stay. Returns geometry per id;
 * an area that collapses is absent.
 */
export function vereenvoudig(
	geometrieen: ReadonlyMap<string, Grensgeometrie>,
	fractie: number
): Map<string, Grensgeometrie> {
	if (!(fractie > 0) || geometrieen.size === 0) return new Map(geometrieen);
	const topo = presimplify(alsTopologie(geometrieen) as Topology<Objects>);
	// quantile() sorts the weights descending: its p is the fraction of points that stays.
	const eenvoudig = simplify(topo, quantile(topo, 1 - Math.min(fractie, 1)));
	const fc = feature(eenvoudig, eenvoudig.objects.grenzen as GeometryCollection);
	const uit = new Map<string, Grensgeometrie>();
	for (const f of fc.features) {
		const g = f.geometry as Grensgeometrie | null;
		if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && g.coordinates.length > 0) {
			uit.set(String(f.id), g);
		}
	}
	return uit;
}

/**
 * Dissolves areas into one outline (a regio from its gemeenten): borders the areas share
 * disappear, holes and separate parts stay. Null for no input.
 */
export function lossOp(
	geometrieen: readonly Grensgeometrie[],
	decimalen = DECIMALEN
): Grensgeometrie | null {
	if (geometrieen.length === 0) return null;
	const topo = alsTopologie(new Map(geometrieen.map((g, i) => [String(i), g])));
	const samen = merge(topo, (topo.objects.grenzen as GeometryCollection).geometries as never);
	return rondAf(alsGeometrie(samen.coordinates), decimalen);
}
