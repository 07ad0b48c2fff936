/**
 * The map data API (issue 4), shared by server and browser. Geometry and standings are two
 * endpoints, so the geometry can stay cached (ETag) while the standings change:
 * - GET /api/kaart/<PVxx>/grenzen?jaar=<jjjj>   → KaartGrenzen (GeoJSON), 404 without boundaries
 * - GET /api/kaart/<PVxx>/standen?peildatum=<jjjj-mm-dd> → KaartStanden
 * Both answer `Cache-Control: private, no-cache` with a strong ETag (304 on If-None-Match) and
 * compress with br or gzip when the client accepts it. A kiosk screen sends its token in the
 * `X-Kiosk-Token` header; a browser with a session needs nothing extra.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Trede } from '$lib/domain/ladder/trede';

export const KIOSK_HEADER = 'x-kiosk-token';

type BBox = [west: number, south: number, east: number, north: number];

export interface GemeenteEigenschappen {
	soort: 'gemeente';
	code: string;
	naam: string;
	/** Ids of the regio's (all types) the gemeente belongs to in this year. */
	regios: number[];
}

export interface RegioEigenschappen {
	soort: 'regio';
	/** `regio-<id>`: unique among all features, for MapLibre's promoteId. */
	code: string;
	regioId: number;
	naam: string;
	type: string;
	/** Official code where one exists (VR15). */
	regioCode: string | null;
}

export interface ProvincieEigenschappen {
	soort: 'provincie';
	code: string;
	naam: string;
	/** Year of the provincie boundary (the most recent one up to the map's year). */
	jaar: number;
}

export type KaartEigenschappen =
	GemeenteEigenschappen | RegioEigenschappen | ProvincieEigenschappen;

export type KaartFeature = Feature<Polygon | MultiPolygon, KaartEigenschappen> & {
	id: string;
	bbox: BBox;
};

export interface KaartGrenzen extends FeatureCollection<
	Polygon | MultiPolygon,
	KaartEigenschappen
> {
	features: KaartFeature[];
	provincie: { code: string; naam: string };
	/** The year of the gebiedsindeling. */
	jaar: number;
	/** Around the provincie's gemeenten. */
	bbox: BBox;
	/** File names of the imports the boundaries come from (for the attribution). */
	bronnen: string[];
}

export interface KaartStand {
	code: string;
	naam: string;
	/** What counts: the decision's trede where there is one, else the rule result. */
	trede: Trede | null;
	tredeRegel: Trede | null;
	tredeIsBesluit: boolean;
	/** The judgement the standing comes from (the last one up to the requested peildatum). */
	periode: string | null;
	kind: 'midpoint' | 'end' | null;
	/** Date of that judgement. */
	peildatum: string | null;
	/** Date of the decision, when the trede is a decision. */
	besluitDatum: string | null;
	opgave: number | null;
	gerealiseerd: number | null;
	/** gerealiseerd / opgave (0..n); null when the opgave is 0 or less. */
	fractieGerealiseerd: number | null;
	/** gerealiseerd − opgave (negative: achterstand); at a midpoint the balance so far. */
	saldo: number | null;
}

/**
 * A regio of the map's indeling (one regio type, see KaartStanden.regios) with its member
 * gemeenten in the standings' year: the groups of the tile map and the regio filter.
 */
export interface KaartRegio {
	id: number;
	naam: string;
	type: string;
	/** Official code where one exists (VR15). */
	code: string | null;
	/** CBS codes of its gemeenten in this provincie, in the order of `gemeenten`. */
	gemeenten: string[];
}

export interface KaartStanden {
	provincie: string;
	/** Year of the gebiedsindeling the gemeenten come from (ask the boundaries of this year). */
	jaar: number | null;
	/** The peildatum shown: the requested one, or the most recent available. */
	peildatum: string | null;
	/** Every date with judgements in this provincie, ascending: the steps of the time slider. */
	peildata: string[];
	/** Number of gemeenten per trede (the legend). */
	treden: Partial<Record<Trede, number>>;
	zonderStand: number;
	gemeenten: KaartStand[];
	/**
	 * The regio's of one type that divide this provincie's gemeenten in `jaar` (the type the
	 * provincie's regionale tafels use, else veiligheidsregio), by name. A gemeente may be in
	 * none of them.
	 */
	regios: KaartRegio[];
}
