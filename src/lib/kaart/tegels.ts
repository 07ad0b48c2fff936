/**
 * The schematic tile map (issue 4 §5): without imported boundaries every gemeente is one tile,
 * grouped by regio. Pure layout and keyboard navigation; the component only draws it.
 */
import type { KaartRegio } from './api';

export interface Tegel {
	code: string;
	naam: string;
	/** 0-based position inside its group. */
	kolom: number;
	rij: number;
}

export interface TegelGroep {
	/** Regio id, or null for the gemeenten that are in none of the regio's. */
	regioId: number | null;
	naam: string;
	kolommen: number;
	rijen: number;
	tegels: Tegel[];
}

/**
 * One group per regio (in the given order) plus 'Overige gemeenten' for the rest, each a
 * near-square block (⌈√n⌉ columns, at most `maxKolommen`) filled row by row in the order of
 * `gemeenten` (by name). A gemeente in several regio's appears in the first only.
 */
export function tegelIndeling(
	gemeenten: readonly { code: string; naam: string }[],
	regios: readonly Pick<KaartRegio, 'id' | 'naam' | 'gemeenten'>[],
	maxKolommen = 6
): TegelGroep[] {
	const naam = new Map(gemeenten.map((g) => [g.code, g.naam]));
	const geplaatst = new Set<string>();
	const groep = (regioId: number | null, titel: string, codes: string[]): TegelGroep | null => {
		const lijst = gemeenten.filter((g) => codes.includes(g.code) && !geplaatst.has(g.code));
		if (lijst.length === 0) return null;
		for (const g of lijst) geplaatst.add(g.code);
		const kolommen = Math.max(1, Math.min(maxKolommen, Math.ceil(Math.sqrt(lijst.length))));
		return {
			regioId,
			naam: titel,
			kolommen,
			rijen: Math.ceil(lijst.length / kolommen),
			tegels: lijst.map((g, i) => ({
				code: g.code,
				naam: naam.get(g.code) ?? g.code,
				kolom: i % kolommen,
				rij: Math.floor(i / kolommen)
			}))
		};
	};
	const groepen: TegelGroep[] = [];
	for (const r of regios) {
		const g = groep(r.id, r.naam, r.gemeenten);
		if (g) groepen.push(g);
	}
	const rest = groep(
		null,
		groepen.length ? 'Overige gemeenten' : 'Gemeenten',
		gemeenten.map((g) => g.code)
	);
	if (rest) groepen.push(rest);
	return groepen;
}

export type Richting = 'links' | 'rechts' | 'omhoog' | 'omlaag' | 'begin' | 'eind';

/**
 * The tile the arrow keys move to: left/right walk the reading order (across groups), up/down
 * stay in the column and continue in the previous/next group (nearest column). Null at the
 * edges, so focus stays put.
 */
export function tegelBuur(
	groepen: readonly TegelGroep[],
	code: string,
	richting: Richting
): string | null {
	const volgorde = groepen.flatMap((g) => g.tegels.map((t) => t.code));
	if (richting === 'begin') return volgorde[0] ?? null;
	if (richting === 'eind') return volgorde.at(-1) ?? null;
	const gi = groepen.findIndex((g) => g.tegels.some((t) => t.code === code));
	if (gi < 0) return null;
	const g = groepen[gi]!;
	const t = g.tegels.find((x) => x.code === code)!;
	if (richting === 'links' || richting === 'rechts') {
		const i = volgorde.indexOf(code) + (richting === 'rechts' ? 1 : -1);
		return volgorde[i] ?? null;
	}
	const stap = richting === 'omlaag' ? 1 : -1;
	const binnen = g.tegels.find((x) => x.kolom === t.kolom && x.rij === t.rij + stap);
	if (binnen) return binnen.code;
	const ander = groepen[gi + stap];
	if (!ander) return null;
	const rij = stap === 1 ? 0 : ander.rijen - 1;
	const kandidaten = ander.tegels.filter((x) => x.rij === rij);
	const beste = kandidaten.reduce<Tegel | null>(
		(b, x) => (!b || Math.abs(x.kolom - t.kolom) < Math.abs(b.kolom - t.kolom) ? x : b),
		null
	);
	return beste?.code ?? null;
}
