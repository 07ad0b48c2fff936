import { halfjaarIndex, type Halfjaar } from '../periode/halfjaar';

/**
 * A temporary "do not rise" rule of an aanvullend beleidskader (DOMAIN.md §4, end rule 2):
 * - `fractionOfOpgave`: realised ≥ fraction × opgave (corona years: 0.7);
 * - `taakstellingPlusFractionOfAchterstand`: realised ≥ taakstelling + fraction × achterstand
 *   carried in (LRT advice 2021-II: 0.25).
 * Such a rule keeps the trede; it never changes the carry-over.
 */
export type NietStijgenRegel =
	| { kind: 'fractionOfOpgave'; fraction: number }
	| { kind: 'taakstellingPlusFractionOfAchterstand'; fraction: number };

/** The policy the engine applies; per provincie, versioned, effective from a period. */
export interface Beleid {
	/** Fraction of the midpoint minimum that counts as op schema (normally 1.0; corona: 0.7). */
	midpointThreshold: number;
	notRising: NietStijgenRegel[];
	/** Ignore COA omkoppelingen as an excuse (as in 2021-II). */
	disregardOmkoppelingen: boolean;
	/** Add accepted huurcontracten only when COA figures alone do not reach the opgave. */
	huurcontractenOnlyWhenNeeded: boolean;
}

export const STANDAARD_BELEID: Beleid = {
	midpointThreshold: 1,
	notRising: [],
	disregardOmkoppelingen: false,
	huurcontractenOnlyWhenNeeded: true
};

/** A field-by-field override (a period's policy over the general one). */
export function pasBeleidAan(basis: Beleid, aanpassing: Partial<Beleid> | undefined): Beleid {
	if (!aanpassing) return basis;
	return {
		midpointThreshold: aanpassing.midpointThreshold ?? basis.midpointThreshold,
		notRising: aanpassing.notRising ?? basis.notRising,
		disregardOmkoppelingen: aanpassing.disregardOmkoppelingen ?? basis.disregardOmkoppelingen,
		huurcontractenOnlyWhenNeeded:
			aanpassing.huurcontractenOnlyWhenNeeded ?? basis.huurcontractenOnlyWhenNeeded
	};
}

export interface BeleidsVersie {
	provincieCode: string;
	/** Effective from this period on, until a later version. */
	vanaf: Halfjaar;
	versie: number;
	beleid: Beleid;
}

/** The version in force for a period: the latest `vanaf` ≤ period, highest version number. */
export function beleidVoorPeriode(
	versies: readonly BeleidsVersie[],
	provincieCode: string,
	periode: Halfjaar
): BeleidsVersie | null {
	let gekozen: BeleidsVersie | null = null;
	for (const v of versies) {
		if (v.provincieCode !== provincieCode) continue;
		if (halfjaarIndex(v.vanaf) > halfjaarIndex(periode)) continue;
		if (
			!gekozen ||
			halfjaarIndex(v.vanaf) > halfjaarIndex(gekozen.vanaf) ||
			(halfjaarIndex(v.vanaf) === halfjaarIndex(gekozen.vanaf) && v.versie > gekozen.versie)
		) {
			gekozen = v;
		}
	}
	return gekozen;
}
