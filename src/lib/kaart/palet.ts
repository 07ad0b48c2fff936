/**
 * The one colour scale of the interventieladder, used by the trede labels in tables
 * (TredeLabel.svelte), the map, the tile map and the legend. Ordered and colour-blind safe:
 * trede 0 (taakstelling gerealiseerd) is a light green (not blue: on a map that reads as
 * water), 1 to 6 run from light yellow to dark brown (ColorBrewer YlOrBr, re-spaced to about
 * 11 L* apart), so the order reads in lightness alone — also in greyscale and with any kind of colour blindness. `palet.spec.ts` checks the
 * order, the distance between neighbours under simulated deuteranopia, protanopia and
 * tritanopia, and the contrast of the label text. The trede number is printed wherever space
 * allows, so colour is never the only cue.
 */
import { TREDEN, type Trede } from '$lib/domain/ladder/trede';

export interface TredeKleur {
	/** Fill of the area (map, tile, label). */
	vlak: string;
	/** Text on that fill (contrast ≥ 4.5:1). */
	tekst: string;
}

export const TREDE_KLEUREN: Readonly<Record<Trede, TredeKleur>> = {
	'0': { vlak: '#d4ecd0', tekst: '#1e4620' },
	'1': { vlak: '#ffdc83', tekst: '#3d2600' },
	'2': { vlak: '#ffad3b', tekst: '#2e1a00' },
	'3A': { vlak: '#f4821d', tekst: '#1f0f00' },
	'3B': { vlak: '#db5d0a', tekst: '#000000' },
	'4': { vlak: '#b64203', tekst: '#ffffff' },
	'5': { vlak: '#8a3005', tekst: '#ffffff' },
	'6': { vlak: '#5e2206', tekst: '#ffffff' }
};

/** A gemeente without a judgement (yet) on the date shown. */
export const GEEN_STAND_KLEUR: TredeKleur = { vlak: '#c2c2c2', tekst: '#1b1b1b' };

export function tredeKleur(t: Trede | null | undefined): TredeKleur {
	return t ? TREDE_KLEUREN[t] : GEEN_STAND_KLEUR;
}

/** The treden in ladder order with their colours (legend order). */
export const PALET: readonly (TredeKleur & { trede: Trede })[] = TREDEN.map((trede) => ({
	trede,
	...TREDE_KLEUREN[trede]
}));
