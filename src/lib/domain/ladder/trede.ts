/**
 * The interventieladder (DOMAIN.md §4; handreiking §4.3) as an ordered enum with Dutch names.
 */
export const TREDEN = ['0', '1', '2', '3A', '3B', '4', '5', '6'] as const;
export type Trede = (typeof TREDEN)[number];

export const TREDE_NAMEN: Record<Trede, string> = {
	'0': 'taakstelling gerealiseerd',
	'1': 'signaleren',
	'2': 'informatie opvragen en valideren',
	'3A': 'actief toezicht – ambtelijk',
	'3B': 'actief toezicht – bestuurlijk',
	'4': 'vooraankondiging juridische interventie',
	'5': 'besluit tot indeplaatsstelling met begunstigingstermijn',
	'6': 'feitelijke indeplaatsstelling'
};

export function isTrede(s: string): s is Trede {
	return (TREDEN as readonly string[]).includes(s);
}

export function tredeIndex(t: Trede): number {
	return TREDEN.indexOf(t);
}

/** One step up (0→1, …, 2→3A, 3A→3B, …); 6 is the top. */
export function tredeOmhoog(t: Trede): Trede {
	return TREDEN[Math.min(tredeIndex(t) + 1, TREDEN.length - 1)]!;
}

/** Treden 4, 5 and 6 are formal decisions of GS: the engine can only propose them. */
export function vereistBesluitVan(t: Trede): boolean {
	return tredeIndex(t) >= tredeIndex('4');
}

export function tredeLabel(t: Trede): string {
	return `trede ${t} (${TREDE_NAMEN[t]})`;
}
