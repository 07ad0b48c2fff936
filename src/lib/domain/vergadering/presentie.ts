/**
 * Attendance of a meeting (DOMAIN.md §6): the invited members with what became of each, plus
 * guests. The verslag opens with this list (aanwezigen, afwezigen, vervangers), so it is kept
 * structured and turned into those groups here.
 */
import type { Aanhef } from './aanhef';

/** `onbekend`: invited, nothing recorded yet. */
export const AANWEZIGHEID_STATUSSEN = ['onbekend', 'aanwezig', 'afgemeld', 'vervangen'] as const;
export type AanwezigheidStatus = (typeof AANWEZIGHEID_STATUSSEN)[number];

export const AANWEZIGHEID_NAMEN: Record<AanwezigheidStatus, string> = {
	onbekend: 'Nog niet bekend',
	aanwezig: 'Aanwezig',
	afgemeld: 'Afgemeld',
	vervangen: 'Vervangen'
};

export interface Persoon {
	naam: string;
	functie: string;
	organisatie: string;
	/** For speaker notes ("De heer Van Dam geeft aan …"); absent or null: the full name. */
	aanhef?: Aanhef | null;
}

export interface Genodigde extends Persoon {
	userId: number;
	status: AanwezigheidStatus;
	/** Who came instead (status `vervangen` only). */
	vervanger: Persoon | null;
}

export interface Presentielijst {
	/** Members present, and substitutes (with whom they replace), by name. */
	aanwezig: (Persoon & { namens: string | null })[];
	/** Members who sent apologies or were replaced. */
	afwezig: (Persoon & { vervangenDoor: string | null })[];
	/** Invited without a recorded answer. */
	onbekend: Persoon[];
	gasten: Persoon[];
}

const opNaam = <T extends { naam: string }>(a: T, b: T) => a.naam.localeCompare(b.naam, 'nl');
const persoon = (p: Persoon): Persoon => ({
	naam: p.naam,
	functie: p.functie,
	organisatie: p.organisatie
});

/**
 * The attendance as the head of a verslag reads it. A substitute counts as present on behalf of
 * the member, and the member as absent; a guest is listed apart.
 */
export function presentielijst(
	genodigden: readonly Genodigde[],
	gasten: readonly Persoon[]
): Presentielijst {
	const aanwezig: Presentielijst['aanwezig'] = [];
	const afwezig: Presentielijst['afwezig'] = [];
	const onbekend: Persoon[] = [];
	for (const g of genodigden) {
		if (g.status === 'aanwezig') aanwezig.push({ ...persoon(g), namens: null });
		else if (g.status === 'onbekend') onbekend.push(persoon(g));
		else if (g.status === 'afgemeld' || !g.vervanger) {
			afwezig.push({ ...persoon(g), vervangenDoor: null });
		} else {
			afwezig.push({ ...persoon(g), vervangenDoor: g.vervanger.naam });
			aanwezig.push({ ...persoon(g.vervanger), namens: g.naam });
		}
	}
	return {
		aanwezig: aanwezig.sort(opNaam),
		afwezig: afwezig.sort(opNaam),
		onbekend: onbekend.sort(opNaam),
		gasten: gasten.map(persoon).sort(opNaam)
	};
}

/** Counts per status, for the summary above the list. */
export function telAanwezigheid(
	genodigden: readonly Pick<Genodigde, 'status'>[]
): Record<AanwezigheidStatus, number> {
	const uit: Record<AanwezigheidStatus, number> = {
		onbekend: 0,
		aanwezig: 0,
		afgemeld: 0,
		vervangen: 0
	};
	for (const g of genodigden) uit[g.status]++;
	return uit;
}

/** "Beleidsmedewerker, Ministerie van BZK" (parts left out when empty). */
export function functieBij(p: Pick<Persoon, 'functie' | 'organisatie'>): string {
	return [p.functie.trim(), p.organisatie.trim()].filter(Boolean).join(', ');
}
