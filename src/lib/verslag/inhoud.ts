/**
 * What a published version of a verslag holds (`verslag_versies.inhoud`) and how it becomes the
 * data of the exports. Shared by server and browser (the read-only view of a version renders the
 * same structure). Pure.
 */
import { blokkenVan, platteTekst, type Blok, type PmNode } from './blokken';

export interface Persoon {
	naam: string;
	functie: string;
	organisatie: string;
}

/** One line of a frozen figures table: a regio (PRT) or a gemeente (regional table). */
export interface CijferRij {
	naam: string;
	taakstelling: number | null;
	opgave: number | null;
	gehuisvest: number | null;
	nogTeHuisvesten: number | null;
	/** gehuisvest / opgave (0..n), or null. */
	gerealiseerd: number | null;
	/** A gemeente's trede ("2", "3A"), or for a regio the count per trede ("trede 1: 3 · trede 2: 1"). */
	trede: string | null;
}

/** The "stand van zaken" figures of a table frozen into the verslag (issue 6 §4). */
export interface VastgelegdeCijfers {
	halfjaar: string;
	eenheid: 'regio' | 'gemeente';
	rijen: CijferRij[];
	totaal: CijferRij;
}

/** Frozen figures as a version carries them: with when and by whom they were frozen. */
export interface CijfersInVerslag extends VastgelegdeCijfers {
	vastgelegdOp: string;
	door: string;
}

export interface InhoudAgendapunt {
	id: number;
	/** 1-based position on the agenda. */
	nummer: number;
	titel: string;
	type: string;
	/** The text as ProseMirror JSON (null: nothing written). */
	pm: PmNode | null;
	cijfers: CijfersInVerslag | null;
	/** Afspraken (actiepunten recorded at this agendapunt) as one line each. */
	afspraken: string[];
}

export interface InhoudActiepunt {
	nummer: number;
	omschrijving: string;
	eigenaar: string;
	deadline: string | null;
	status: string;
}

/** The rendered content of a verslag: a version reads the same forever. */
export interface VerslagInhoud {
	regietafel: string;
	vergadering: {
		id: number;
		datum: string;
		begintijd: string;
		eindtijd: string;
		locatie: string;
	};
	aanwezigheid: {
		aanwezigen: Persoon[];
		afwezigen: Persoon[];
		vervangers: (Persoon & { voor: string })[];
		gasten: Persoon[];
	};
	agendapunten: InhoudAgendapunt[];
	/** The action list at the time (actiepunten of this meeting and still running earlier ones). */
	actiepunten: InhoudActiepunt[];
	/**
	 * Fingerprint of what the members comment on (text, figures, afspraken, attendance; not the
	 * statuses of the action list): equal fingerprints mean "nothing changed".
	 */
	vingerafdruk: string;
}

/** The part of the content the fingerprint covers. */
export function vingerafdrukDeel(i: Omit<VerslagInhoud, 'vingerafdruk'>) {
	return {
		regietafel: i.regietafel,
		vergadering: i.vergadering,
		aanwezigheid: i.aanwezigheid,
		agendapunten: i.agendapunten
	};
}

/**
 * JSON with object keys sorted, so that equal values give equal text (jsonb in PostgreSQL does
 * not keep key order, and a Yjs document may list attributes in any order).
 */
export function stabielJson(waarde: unknown): string {
	if (waarde === null || typeof waarde !== 'object') return JSON.stringify(waarde ?? null);
	if (Array.isArray(waarde)) return `[${waarde.map(stabielJson).join(',')}]`;
	const o = waarde as Record<string, unknown>;
	return `{${Object.keys(o)
		.filter((k) => o[k] !== undefined)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${stabielJson(o[k])}`)
		.join(',')}}`;
}

/** Is any text written in the verslag? */
export function heeftTekst(agendapunten: readonly Pick<InhoudAgendapunt, 'pm'>[]): boolean {
	return agendapunten.some((a) =>
		blokkenVan(a.pm).some((b) =>
			'items' in b
				? b.items.some((i) => platteTekst(i).trim() !== '')
				: platteTekst(b.delen).trim() !== ''
		)
	);
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/** The fields of the regional overview (services/overzicht.ts) that a frozen table keeps. */
interface StandRij {
	naam: string;
	taakstelling: number | null;
	opgave: number | null;
	gehuisvest: number | null;
	nogTeHuisvesten: number | null;
	fractieGerealiseerd: number | null;
	trede: string | null;
}
interface StandTotaal {
	taakstelling: number;
	opgave: number;
	gehuisvest: number;
	nogTeHuisvesten: number;
	fractieGerealiseerd: number | null;
	treden: Partial<Record<string, number>>;
}
export interface Stand {
	rijen: StandRij[];
	regios: (StandTotaal & { regio: string })[];
	totaal: StandTotaal;
}

const TREDE_VOLGORDE = ['0', '1', '2', '3A', '3B', '4', '5', '6'];

/** "trede 1: 3 · trede 2: 1" (treden in ladder order), or null when none is known. */
export function tredenTekst(treden: Partial<Record<string, number>>): string | null {
	const delen = Object.entries(treden)
		.filter(([, n]) => (n ?? 0) > 0)
		.sort(([a], [b]) => TREDE_VOLGORDE.indexOf(a) - TREDE_VOLGORDE.indexOf(b))
		.map(([t, n]) => `trede ${t}: ${n}`);
	return delen.length > 0 ? delen.join(' · ') : null;
}

const totaalRij = (naam: string, t: StandTotaal): CijferRij => ({
	naam,
	taakstelling: t.taakstelling,
	opgave: t.opgave,
	gehuisvest: t.gehuisvest,
	nogTeHuisvesten: t.nogTeHuisvesten,
	gerealiseerd: t.fractieGerealiseerd,
	trede: tredenTekst(t.treden)
});

/**
 * The frozen table of a regietafel's stand van zaken: for the PRT one row per regio, for a
 * regional table one row per gemeente of its regio; with the total.
 */
export function cijfersUitStand(
	stand: Stand,
	halfjaar: string,
	eenheid: 'regio' | 'gemeente'
): VastgelegdeCijfers {
	const rijen: CijferRij[] =
		eenheid === 'regio'
			? stand.regios.map((r) => totaalRij(r.regio, r))
			: [...stand.rijen]
					.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
					.map((r) => ({
						naam: r.naam,
						taakstelling: r.taakstelling,
						opgave: r.opgave,
						gehuisvest: r.gehuisvest,
						nogTeHuisvesten: r.nogTeHuisvesten,
						gerealiseerd: r.fractieGerealiseerd,
						trede: r.trede
					}));
	return { halfjaar, eenheid, rijen, totaal: totaalRij('Totaal', stand.totaal) };
}

/** A small table as plain text cells (exports and the web view render the same). */
export interface CijferTabel {
	titel: string;
	kop: string[];
	rijen: string[][];
}

const getal = (n: number | null) => (n === null ? '—' : n.toLocaleString('nl-NL'));
const procent = (f: number | null) =>
	f === null ? '—' : `${Math.round(f * 100).toLocaleString('nl-NL')}%`;

export function halfjaarTekst(halfjaar: string): string {
	const m = /^(\d{4})-(I|II)$/.exec(halfjaar);
	return m ? `${m[2] === 'I' ? 'eerste' : 'tweede'} halfjaar ${m[1]}` : halfjaar;
}

export function cijferTabel(c: VastgelegdeCijfers & { vastgelegdOp?: string }): CijferTabel {
	const cellen = (r: CijferRij) => [
		r.naam,
		getal(r.taakstelling),
		getal(r.opgave),
		getal(r.gehuisvest),
		getal(r.nogTeHuisvesten),
		procent(r.gerealiseerd),
		r.trede ?? '—'
	];
	return {
		titel: `Stand van zaken ${halfjaarTekst(c.halfjaar)}${
			c.vastgelegdOp ? ` (vastgelegd op ${datumKort(c.vastgelegdOp)})` : ''
		}`,
		kop: [
			c.eenheid === 'regio' ? 'Regio' : 'Gemeente',
			'Taakstelling',
			'Opgave',
			'Gehuisvest',
			'Nog te huisvesten',
			'Gerealiseerd',
			c.eenheid === 'regio' ? 'Treden' : 'Trede'
		],
		rijen: [...c.rijen.map(cellen), cellen(c.totaal)]
	};
}

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

/** "12 nov. 2026" for an ISO date or timestamp (Dutch calendar). */
export function datumKort(iso: string): string {
	const d = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
	return d.toLocaleDateString('nl-NL', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'Europe/Amsterdam'
	});
}

export interface ExportAgendapunt {
	nummer: number;
	titel: string;
	blokken: Blok[];
	afspraken: string[];
	cijfers?: CijferTabel | null;
}

/** How a version is marked in an export. */
export interface VersieLabel {
	status: 'concept' | 'vastgesteld';
	/** "concept 2", "werkversie", or null. */
	versie: string | null;
	vastgesteld: { datum: string; door: string } | null;
}

/** The content of a version (or of the current draft) as the exports' data. */
export function exportGegevens(i: Omit<VerslagInhoud, 'vingerafdruk'>, label: VersieLabel) {
	return {
		regietafel: i.regietafel,
		datum: i.vergadering.datum,
		tijd: `${i.vergadering.begintijd}–${i.vergadering.eindtijd}`,
		locatie: i.vergadering.locatie.trim() || null,
		...label,
		aanwezigen: i.aanwezigheid.aanwezigen,
		afwezigen: i.aanwezigheid.afwezigen,
		vervangers: i.aanwezigheid.vervangers,
		gasten: i.aanwezigheid.gasten,
		agendapunten: i.agendapunten.map((a): ExportAgendapunt => ({
			nummer: a.nummer,
			titel: a.titel,
			blokken: blokkenVan(a.pm),
			afspraken: a.afspraken,
			cijfers: a.cijfers ? cijferTabel(a.cijfers) : null
		})),
		actiepunten: i.actiepunten
	};
}

/** "prt-zuid-holland", "regietafel-haaglanden": a table's name for file names. */
export function tafelSlug(naam: string): string {
	return (
		naam
			.replace(/^provinciale regietafel\b/i, 'PRT')
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'regietafel'
	);
}

/** "verslag-prt-zuid-holland-2026-11-12.docx" (a concept version gets "-concept-2"). */
export function exportBestandsnaam(
	onderdeel: 'verslag' | 'actielijst',
	tafelNaam: string,
	datum: string,
	extensie: 'docx' | 'pdf',
	versie: { soort: 'concept' | 'vastgesteld'; nummer: number } | null
): string {
	const achter = !versie
		? '-werkversie'
		: versie.soort === 'vastgesteld'
			? '-vastgesteld'
			: `-concept-${versie.nummer}`;
	return `${onderdeel}-${tafelSlug(tafelNaam)}-${datum}${achter}.${extensie}`;
}
