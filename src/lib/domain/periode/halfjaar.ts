/**
 * Kalenderhalfjaren (DOMAIN.md §2): `YYYY-I` = 1 januari–30 juni, `YYYY-II` = 1 juli–31 december.
 * Dates are ISO strings (`YYYY-MM-DD`) in the Dutch calendar; no clock is read here.
 */
export interface Halfjaar {
	jaar: number;
	helft: 1 | 2;
}

const PATROON = /^(\d{4})-(I|II)$/;

export function parseHalfjaar(tekst: string): Halfjaar | null {
	const m = PATROON.exec(tekst);
	if (!m) return null;
	const jaar = Number(m[1]);
	if (jaar < 1990 || jaar > 2200) return null;
	return { jaar, helft: m[2] === 'I' ? 1 : 2 };
}

const DATUM = /^(\d{4})-(\d{2})-\d{2}$/;

/** The kalenderhalfjaar a date (ISO `YYYY-MM-DD`) falls in; null for anything else. */
export function halfjaarVanDatum(datum: string): Halfjaar | null {
	const m = DATUM.exec(datum);
	if (!m) return null;
	const maand = Number(m[2]);
	if (maand < 1 || maand > 12) return null;
	return parseHalfjaar(`${m[1]}-${maand <= 6 ? 'I' : 'II'}`);
}

export function formatHalfjaar(h: Halfjaar): string {
	return `${h.jaar}-${h.helft === 1 ? 'I' : 'II'}`;
}

export function volgendHalfjaar(h: Halfjaar): Halfjaar {
	return h.helft === 1 ? { jaar: h.jaar, helft: 2 } : { jaar: h.jaar + 1, helft: 1 };
}

export function vorigHalfjaar(h: Halfjaar): Halfjaar {
	return h.helft === 2 ? { jaar: h.jaar, helft: 1 } : { jaar: h.jaar - 1, helft: 2 };
}

/** Sortable index: consecutive half years differ by exactly 1. */
export function halfjaarIndex(h: Halfjaar): number {
	return h.jaar * 2 + (h.helft - 1);
}

export interface Peildata {
	/** First day of the period. */
	start: string;
	/** Midpoint check: 1 April or 1 October. */
	midden: string;
	/** End-of-period judgement: 1 July, or 1 January of the next year. */
	eind: string;
}

/** The peildata of a period (DOMAIN.md §4): start, midpoint (1 apr / 1 okt), end (1 jul / 1 jan). */
export function peildata(h: Halfjaar): Peildata {
	return h.helft === 1
		? { start: `${h.jaar}-01-01`, midden: `${h.jaar}-04-01`, eind: `${h.jaar}-07-01` }
		: { start: `${h.jaar}-07-01`, midden: `${h.jaar}-10-01`, eind: `${h.jaar + 1}-01-01` };
}

/**
 * The year whose 1 January population determines the taakstelling (art. 29 lid 1: the
 * calendar year before the year of the half year).
 */
export function peiljaarBevolking(h: Halfjaar): number {
	return h.jaar - 1;
}

/** The half year a date falls in (the caller passes the clock: the domain reads none). */
export function halfjaarVan(d: Date): Halfjaar {
	return { jaar: d.getFullYear(), helft: d.getMonth() < 6 ? 1 : 2 };
}
