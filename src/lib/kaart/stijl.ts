/**
 * The MapLibre style of the ladder map, as data (no MapLibre import: this module stays out of
 * the lazy map chunk's way and is unit-tested with the style spec). One GeoJSON source holds
 * the provincie, regio and gemeente features (`promoteId: 'code'`); the colours come from
 * feature state, so a new standing repaints with setFeatureState and never reloads the source:
 *  - `trede`: the trede shown ('0'…'6', or absent: no judgement);
 *  - `buiten`: outside the chosen regio (faded);
 *  - `actief`: hovered, focused or chosen (black outline);
 *  - `gewijzigd`: changed by a live update a moment ago (thick blue outline).
 */
import type {
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification,
	StyleSpecification
} from 'maplibre-gl';
import { TREDEN } from '$lib/domain/ladder/trede';
import { GEEN_STAND_KLEUR, TREDE_KLEUREN } from './palet';

export const BRON = 'grenzen';

/** Layer ids, for queries and tests. */
export const LAAG = {
	achtergrond: 'achtergrond',
	vlak: 'gemeente-vlak',
	rand: 'gemeente-rand',
	regio: 'regio-rand',
	provincie: 'provincie-rand',
	accent: 'gemeente-accent'
} as const;

/** Outline of a changed gemeente; dark blue stands apart from every ladder colour. */
export const GEWIJZIGD_KLEUR = '#1d4ed8';
export const ACHTERGROND_KLEUR = '#f1f3f6';

const soort = (s: string): ExpressionSpecification => ['==', ['get', 'soort'], s];
const staat = (naam: string): ExpressionSpecification => [
	'boolean',
	['feature-state', naam],
	false
];

/** Fill colour by the `trede` feature state; grey without one. */
export function vlakKleur(): ExpressionSpecification {
	const paren = TREDEN.flatMap((t) => [t, TREDE_KLEUREN[t].vlak]);
	return [
		'match',
		['to-string', ['coalesce', ['feature-state', 'trede'], '']],
		...paren,
		GEEN_STAND_KLEUR.vlak
	] as ExpressionSpecification;
}

export interface StijlOpties {
	/** A base map below the gemeenten (then they are a little transparent). */
	metAchtergrond: boolean;
	/** Line widths × this (2 on a shared screen, read from the back of the room). */
	schaal?: number;
	/** Regio outlines to draw (the ids of the indeling); all when undefined. */
	regioIds?: readonly number[];
}

export function regioFilter(regioIds?: readonly number[]): FilterSpecification {
	return regioIds
		? ['all', soort('regio'), ['in', ['get', 'regioId'], ['literal', [...regioIds]]]]
		: soort('regio');
}

/** The layers of the map, bottom to top. */
export function kaartLagen({
	metAchtergrond,
	schaal = 1,
	regioIds
}: StijlOpties): LayerSpecification[] {
	const dekking = metAchtergrond ? 0.8 : 1;
	return [
		{
			id: LAAG.vlak,
			type: 'fill',
			source: BRON,
			filter: soort('gemeente'),
			paint: {
				'fill-color': vlakKleur(),
				'fill-opacity': ['case', staat('buiten'), 0.25, dekking]
			}
		},
		{
			id: LAAG.rand,
			type: 'line',
			source: BRON,
			filter: soort('gemeente'),
			paint: { 'line-color': '#ffffff', 'line-width': 1 * schaal }
		},
		{
			id: LAAG.regio,
			type: 'line',
			source: BRON,
			filter: regioFilter(regioIds),
			layout: { 'line-join': 'round' },
			paint: { 'line-color': '#1b1b1b', 'line-width': 2.5 * schaal }
		},
		{
			id: LAAG.provincie,
			type: 'line',
			source: BRON,
			filter: soort('provincie'),
			layout: { 'line-join': 'round' },
			paint: { 'line-color': '#154273', 'line-width': 3 * schaal }
		},
		{
			id: LAAG.accent,
			type: 'line',
			source: BRON,
			filter: soort('gemeente'),
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': ['case', staat('actief'), '#000000', GEWIJZIGD_KLEUR],
				'line-width': ['case', staat('actief'), 4 * schaal, staat('gewijzigd'), 6 * schaal, 0]
			}
		}
	];
}

/**
 * The style without a base map: a plain background and nothing from the network (the portal
 * must work offline). With `KAART_ACHTERGROND_STIJL` the map loads that style URL instead and
 * adds the source and layers on top once it is loaded.
 */
export function leegStijl(): StyleSpecification {
	return {
		version: 8,
		sources: {},
		layers: [
			{ id: LAAG.achtergrond, type: 'background', paint: { 'background-color': ACHTERGROND_KLEUR } }
		]
	};
}
