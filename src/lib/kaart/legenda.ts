/**
 * Legend counts: how many gemeenten stand on each trede, for the gemeenten in view (the whole
 * provincie, or one regio). Pure; the map, the tile map and the legend all read these.
 */
import { TREDEN, type Trede } from '$lib/domain/ladder/trede';

export interface LegendaRegel {
	trede: Trede;
	aantal: number;
}

export interface Legenda {
	/** Every trede in ladder order, also those with 0 gemeenten (a legend keeps its rows). */
	treden: LegendaRegel[];
	/** Gemeenten without a judgement on the date shown. */
	zonder: number;
	totaal: number;
}

export function legenda(
	standen: readonly { code: string; trede: Trede | null }[],
	binnen: ReadonlySet<string> | null = null
): Legenda {
	const aantal = new Map<Trede, number>();
	let zonder = 0;
	let totaal = 0;
	for (const s of standen) {
		if (binnen && !binnen.has(s.code)) continue;
		totaal++;
		if (s.trede) aantal.set(s.trede, (aantal.get(s.trede) ?? 0) + 1);
		else zonder++;
	}
	return {
		treden: TREDEN.map((trede) => ({ trede, aantal: aantal.get(trede) ?? 0 })),
		zonder,
		totaal
	};
}
