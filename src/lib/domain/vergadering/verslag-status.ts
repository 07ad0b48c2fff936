/**
 * The life of a verslag (issue 6 §5, DOMAIN.md §6): the secretaris publishes concept versions,
 * members comment on the latest concept, and at the next meeting of the same table, during its
 * agendapunt "Vaststelling verslag", the verslag is vastgesteld and locked. Pure: the rules as
 * functions answering a Dutch reason (null = allowed), so the buttons can show why not and the
 * services refuse with the same words.
 */

export interface VersieKern {
	nummer: number;
	soort: 'concept' | 'vastgesteld';
}

export interface Blokkade<C extends string> {
	code: C;
	reden: string;
}

/** Why "Concept publiceren" is not possible now, or null. */
export function publicatieBlokkade(s: {
	vastgesteld: boolean;
	heeftTekst: boolean;
	/** Fingerprint of the latest published version (null: none yet). */
	laatsteVingerafdruk: string | null;
	huidigeVingerafdruk: string;
}): Blokkade<'VASTGESTELD' | 'LEEG' | 'ONGEWIJZIGD'> | null {
	if (s.vastgesteld) {
		return {
			code: 'VASTGESTELD',
			reden: 'Het verslag is vastgesteld; er komen geen nieuwe concepten meer.'
		};
	}
	if (!s.heeftTekst) return { code: 'LEEG', reden: 'Het verslag is nog leeg.' };
	if (s.laatsteVingerafdruk === s.huidigeVingerafdruk) {
		return { code: 'ONGEWIJZIGD', reden: 'Er is niets gewijzigd sinds het laatste concept.' };
	}
	return null;
}

/** Why a member cannot comment on version `nummer`, or null. */
export function opmerkingBlokkade(laatste: VersieKern | null, nummer: number): string | null {
	if (!laatste) return 'Er is nog geen concept gepubliceerd.';
	if (laatste.soort === 'vastgesteld') {
		return 'Het verslag is vastgesteld; opmerkingen zijn niet meer mogelijk.';
	}
	if (laatste.nummer !== nummer) {
		return `Er is intussen een nieuwer concept (concept ${laatste.nummer}); plaats uw opmerking daarbij.`;
	}
	return null;
}

export interface VergaderMoment {
	id: number;
	datum: string;
	begintijd: string;
}

/** Is `a` earlier than `b` (date, start time, then order of planning)? */
export function eerder(a: VergaderMoment, b: VergaderMoment): boolean {
	if (a.datum !== b.datum) return a.datum < b.datum;
	if (a.begintijd !== b.begintijd) return a.begintijd < b.begintijd;
	return a.id < b.id;
}

export interface VerslagKandidaat extends VergaderMoment {
	/** A concept was published. */
	concept: boolean;
	vastgesteld: boolean;
}

/**
 * Whose verslag the meeting `huidig` vaststelt: the most recent earlier meeting of the table
 * with a published concept that is not vastgesteld yet (null: none).
 */
export function teVerslagVaststellen<T extends VerslagKandidaat>(
	huidig: VergaderMoment,
	kandidaten: readonly T[]
): T | null {
	let beste: T | null = null;
	for (const k of kandidaten) {
		if (k.id === huidig.id || !eerder(k, huidig) || !k.concept || k.vastgesteld) continue;
		if (!beste || eerder(beste, k)) beste = k;
	}
	return beste;
}

/**
 * Why the verslag cannot be vastgesteld now at this agendapunt of the current meeting, or null.
 * Decided: only while the current meeting is `bezig` (the vaststelling is an act of the meeting,
 * not of the secretaris afterwards), only at an agendapunt of type `vaststelling-verslag`.
 */
export function vaststellingBlokkade(s: {
	huidigeStatus: 'gepland' | 'bezig' | 'afgerond';
	agendapuntType: string;
}): string | null {
	if (s.agendapuntType !== 'vaststelling-verslag') {
		return 'Een verslag wordt vastgesteld bij het agendapunt ‘Vaststelling verslag’.';
	}
	if (s.huidigeStatus === 'gepland') {
		return 'Het verslag wordt tijdens de vergadering vastgesteld: start eerst de vergadering.';
	}
	if (s.huidigeStatus === 'afgerond') {
		return 'Deze vergadering is afgerond; het verslag kan hier niet meer worden vastgesteld.';
	}
	return null;
}
