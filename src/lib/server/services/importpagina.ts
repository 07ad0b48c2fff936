/**
 * The import page's view of the four imports (taakstelling list, COA monthly figures, CBS
 * population, computed taakstelling): who may run which, one preview shape for all of them, and
 * one outcome shape. The imports themselves live in `../import` and the services next to this file.
 */
import { eq } from 'drizzle-orm';
import { mag } from '$lib/domain/autorisatie/rechten';
import { formatSaldo } from '$lib/format/getal';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { db } from '../db';
import { gemeenten, provincies } from '../db/schema';
import type { AuditActor } from '../mutatie';
import { leesTabel, sha256, type Bestand, type Melding } from '../import/tabel';
import type { VerschilStatus } from '../import/taakstelling';
import type { RealisatieCijfers } from '../import/realisatie';
import type { ImportUitkomst } from '../import/vastleggen';
import { importeerBevolking, previewBevolkingImport } from './bevolking';
import { importeerRealisatie, previewRealisatieImport } from './realisatie';
import {
	berekenTaakstellingen,
	importeerTaakstellingen,
	legBerekeningVast,
	previewTaakstellingImport
} from './taakstellingen';

export const IMPORT_SOORTEN = ['taakstelling', 'realisatie', 'bevolking', 'berekening'] as const;
export type ImportSoortKeuze = (typeof IMPORT_SOORTEN)[number];

/** What was chosen besides the file; validated by the page's zod schema. */
export type ImportInvoer =
	| { soort: 'taakstelling'; periode: string }
	| { soort: 'realisatie'; peilmaand: string | null }
	| { soort: 'bevolking'; jaar: number | null }
	| { soort: 'berekening'; periode: string; vg: number };

/**
 * A toezichthouder of the provincie imports everything; a COA-regievoerder (of the provincie or
 * national) only COA's realisatiecijfers. Everyone else: nothing.
 */
export function toegestaneSoorten(actor: Actor, provincieCode: string): ImportSoortKeuze[] {
	if (mag(actor, { actie: 'toezicht.beoordelen', provincieCode })) return [...IMPORT_SOORTEN];
	if (mag(actor, { actie: 'koppelingen.invoeren', provincieCode })) return ['realisatie'];
	return [];
}

export async function provincieNaam(code: string): Promise<string | null> {
	const [row] = await db()
		.select({ naam: provincies.naam })
		.from(provincies)
		.where(eq(provincies.code, code));
	return row?.naam ?? null;
}

export interface MeldingWeergave {
	rij: number | null;
	kolom: string | null;
	/** The sentence without its "rij 3, kolom 'x':" prefix (the page shows where separately). */
	tekst: string;
}

export interface RijWeergave {
	rij: number | null;
	gemeente: string;
	provincieCode: string | null;
	/** COA figures: the month of the row. */
	maand: string | null;
	oud: string | null;
	nieuw: string | null;
	status: VerschilStatus | 'fout';
	/** For a row that could not be read: its cells as written in the file. */
	inBestand: string | null;
	fouten: MeldingWeergave[];
	waarschuwingen: MeldingWeergave[];
}

export interface Voorvertoning {
	soort: ImportSoortKeuze;
	bestandsnaam: string | null;
	telling: Record<VerschilStatus, number>;
	rijen: RijWeergave[];
	/** Findings about the file or the choice as a whole (no row). */
	algemeen: { fouten: MeldingWeergave[]; waarschuwingen: MeldingWeergave[] };
	aantalFouten: number;
	aantalWaarschuwingen: number;
	alGeimporteerd: { at: Date; door: string } | null;
	/**
	 * Rows for gemeenten of another provincie: national lists are normal, but a provincie imports
	 * its own gemeenten only; these rows are skipped (the page says so).
	 */
	buitenProvincie: number;
	toelichting: string | null;
	/** Sent back with "Importeren": the commit must be about exactly what was previewed. */
	sleutel: string;
}

function weergave(m: Melding): MeldingWeergave {
	const waar = [
		m.rij !== null ? `rij ${m.rij}` : null,
		m.kolom !== null ? `kolom '${m.kolom}'` : null
	]
		.filter(Boolean)
		.join(', ');
	let tekst =
		waar && m.bericht.startsWith(`${waar}: `) ? m.bericht.slice(waar.length + 2) : m.bericht;
	tekst = tekst.charAt(0).toUpperCase() + tekst.slice(1);
	return { rij: m.rij, kolom: m.kolom, tekst };
}

const getal = (n: number) => n.toLocaleString('nl-NL');

function cijfers(c: RealisatieCijfers): string {
	const saldo =
		c.saldoVorigePeriode === null
			? ''
			: ` · saldo vorige periode (COA) ${formatSaldo(c.saldoVorigePeriode)}`;
	return `gehuisvest ${getal(c.gehuisvest)} · koppelingen ${getal(c.koppelingen)} · omkoppelingen ${getal(c.omkoppelingen)} · stapelgemeente ${c.stapelgemeente ? 'ja' : 'nee'}${saldo}`;
}

function parameters(i: ImportInvoer): string {
	switch (i.soort) {
		case 'taakstelling':
			return `periode=${i.periode}`;
		case 'realisatie':
			return i.peilmaand === null ? '' : `peilmaand=${i.peilmaand}`;
		case 'bevolking':
			return i.jaar === null ? '' : `jaar=${i.jaar}`;
		case 'berekening':
			return `periode=${i.periode};vg=${i.vg}`;
	}
}

/** Identifies the previewed choice and bytes; the commit refuses anything else. */
export function controleSleutel(i: ImportInvoer, bestand: Bestand | null): string {
	return `${i.soort}|${parameters(i)}|${bestand ? sha256(bestand.inhoud) : ''}`;
}

interface Basis {
	regels: {
		rij: number | null;
		gemeente: string;
		provincieCode: string | null;
		maand?: string;
		oud: string | null;
		nieuw: string;
		status: VerschilStatus;
	}[];
	fouten: Melding[];
	waarschuwingen: Melding[];
	telling: Record<VerschilStatus, number>;
	alGeimporteerd: { at: Date; door: string } | null;
	toelichting?: string | null;
	buiten?: number;
}

async function analyse(
	i: ImportInvoer,
	bestand: Bestand | null,
	provincieCode: string
): Promise<Basis> {
	const b = bestand ?? { naam: '', inhoud: new Uint8Array() };
	switch (i.soort) {
		case 'taakstelling': {
			const p = await previewTaakstellingImport(b, i.periode, provincieCode);
			return {
				...p,
				regels: p.regels.map((r) => ({
					rij: r.rij,
					gemeente: `${r.gemeenteNaam} (${r.gemeenteCode})`,
					provincieCode: r.provincieCode,
					oud: r.vorig === null ? null : getal(r.vorig),
					nieuw: getal(r.aantal),
					status: r.status
				}))
			};
		}
		case 'realisatie': {
			const p = await previewRealisatieImport(b, i.peilmaand, provincieCode);
			return {
				...p,
				regels: p.regels.map((r) => ({
					rij: r.rij,
					gemeente: `${r.gemeenteNaam} (${r.gemeenteCode})`,
					maand: r.maand,
					provincieCode: r.provincieCode,
					oud: r.vorig === null ? null : cijfers(r.vorig),
					nieuw: cijfers(r),
					status: r.status
				}))
			};
		}
		case 'bevolking': {
			const p = await previewBevolkingImport(b, i.jaar);
			return {
				...p,
				regels: p.regels.map((r) => ({
					rij: r.rij,
					gemeente: `${r.code === 'NL01' ? 'Nederland' : r.code} (1 januari ${r.jaar})`,
					provincieCode: null,
					oud: r.vorig === null ? null : getal(r.vorig),
					nieuw: getal(r.inwoners),
					status: r.status
				}))
			};
		}
		case 'berekening': {
			const p = await berekenTaakstellingen(i.periode, i.vg, provincieCode);
			return {
				...p,
				regels: p.regels.map((r) => ({
					rij: null,
					gemeente: `${r.gemeenteNaam} (${r.gemeenteCode})`,
					provincieCode: r.provincieCode,
					oud: r.vorig === null ? null : getal(r.vorig),
					nieuw: getal(r.aantal),
					status: r.status
				})),
				toelichting:
					p.iN === null
						? null
						: `Landelijk aantal (vg) ${getal(p.vg)} verdeeld naar het aantal inwoners op 1 januari ${p.peiljaar} (Nederland: ${getal(p.iN)}), per gemeente naar boven afgerond; samen ${getal(p.somLandelijk ?? 0)} voor alle gemeenten van het land.`
			};
		}
	}
}

/** Everything the preview shows; writes nothing. */
export async function controleer(
	i: ImportInvoer,
	bestand: Bestand | null,
	provincieCode: string
): Promise<Voorvertoning> {
	const a = await analyse(i, bestand, provincieCode);
	const fouten = a.fouten.map(weergave);
	const waarschuwingen = a.waarschuwingen.map(weergave);
	const perRij = new Map<number, RijWeergave>();
	const rijen: RijWeergave[] = [];
	// The cells of rows that could not be read, so that the official recognises them.
	const ruweRijen = new Map<number, string>();
	if (bestand && fouten.some((m) => m.rij !== null)) {
		try {
			for (const r of (await leesTabel(bestand)).rijen) {
				ruweRijen.set(r.rij, r.cellen.map((c) => (c === '' ? '(leeg)' : c)).join(' · '));
			}
		} catch {
			// Unreadable files have no row errors.
		}
	}
	for (const r of a.regels) {
		const w: RijWeergave = {
			...r,
			maand: r.maand ?? null,
			inBestand: null,
			fouten: [],
			waarschuwingen: []
		};
		rijen.push(w);
		if (r.rij !== null) perRij.set(r.rij, w);
	}
	// A row with an error is not among the analysed rows: it gets a row of its own.
	const bijRij = (m: MeldingWeergave) => {
		let w = perRij.get(m.rij!);
		if (!w) {
			w = {
				rij: m.rij,
				gemeente: '',
				provincieCode: null,
				maand: null,
				oud: null,
				nieuw: null,
				status: 'fout',
				inBestand: ruweRijen.get(m.rij!) ?? null,
				fouten: [],
				waarschuwingen: []
			};
			perRij.set(m.rij!, w);
			rijen.push(w);
		}
		return w;
	};
	for (const m of fouten.filter((m) => m.rij !== null)) {
		const w = bijRij(m);
		w.fouten.push(m);
		w.status = 'fout';
	}
	for (const m of waarschuwingen.filter((m) => m.rij !== null)) bijRij(m).waarschuwingen.push(m);
	rijen.sort((x, y) => (x.rij ?? 0) - (y.rij ?? 0));
	return {
		soort: i.soort,
		bestandsnaam: bestand?.naam ?? null,
		telling: a.telling,
		rijen,
		algemeen: {
			fouten: fouten.filter((m) => m.rij === null),
			waarschuwingen: waarschuwingen.filter((m) => m.rij === null)
		},
		aantalFouten: fouten.length,
		aantalWaarschuwingen: waarschuwingen.length,
		alGeimporteerd: a.alGeimporteerd
			? { at: a.alGeimporteerd.at, door: a.alGeimporteerd.door }
			: null,
		buitenProvincie: a.buiten ?? 0,
		toelichting: a.toelichting ?? null,
		sleutel: controleSleutel(i, bestand)
	};
}

export type Uitkomst =
	| {
			status: 'geimporteerd';
			telling: Record<VerschilStatus, number>;
			waarschuwingen: MeldingWeergave[];
	  }
	| { status: 'al-geimporteerd'; bericht: string }
	| { status: 'geweigerd'; fouten: MeldingWeergave[]; waarschuwingen: MeldingWeergave[] };

function telling(s: unknown): Record<VerschilStatus, number> {
	const t = (s ?? {}) as Partial<Record<VerschilStatus, number>>;
	return { nieuw: t.nieuw ?? 0, gewijzigd: t.gewijzigd ?? 0, ongewijzigd: t.ongewijzigd ?? 0 };
}

/** Commits in one transaction or not at all (see `legImportVast`). */
export async function importeer(
	actor: AuditActor,
	i: ImportInvoer,
	bestand: Bestand | null,
	/** Only this provincie's gemeenten are written (population figures are national). */
	provincieCode: string | null
): Promise<Uitkomst> {
	const b = bestand ?? { naam: '', inhoud: new Uint8Array() };
	let u: ImportUitkomst<unknown>;
	switch (i.soort) {
		case 'taakstelling':
			u = await importeerTaakstellingen(actor, b, i.periode, provincieCode);
			break;
		case 'realisatie':
			u = await importeerRealisatie(actor, b, i.peilmaand, provincieCode);
			break;
		case 'bevolking':
			u = await importeerBevolking(actor, b, i.jaar);
			break;
		case 'berekening':
			u = await legBerekeningVast(actor, i.periode, i.vg, provincieCode);
			break;
	}
	if (u.status === 'geimporteerd') {
		return {
			status: 'geimporteerd',
			telling: telling(u.samenvatting),
			waarschuwingen: u.waarschuwingen.map(weergave)
		};
	}
	if (u.status === 'al-geimporteerd') return { status: 'al-geimporteerd', bericht: u.bericht };
	return {
		status: 'geweigerd',
		fouten: u.fouten.map(weergave),
		waarschuwingen: u.waarschuwingen.map(weergave)
	};
}

/**
 * The provincies whose import page the user may open (for the home page's card): those of their
 * toezichthouder and COA roles; a national COA-regievoerder gets every provincie with gemeenten.
 */
export async function importProvincies(actor: Actor): Promise<{ code: string; naam: string }[]> {
	if (actor.soort !== 'gebruiker') return [];
	const rollen = actor.rollen.filter(
		(r) => r.rol === 'toezichthouder' || r.rol === 'coa-regievoerder'
	);
	if (rollen.length === 0) return [];
	const landelijk = rollen.some((r) => r.rol === 'coa-regievoerder' && r.provincieCode === null);
	const codes = new Set(rollen.map((r) => r.provincieCode).filter((c): c is string => !!c));
	const alle = await db()
		.selectDistinct({ code: provincies.code, naam: provincies.naam })
		.from(provincies)
		.innerJoin(gemeenten, eq(gemeenten.provincieCode, provincies.code))
		.orderBy(provincies.naam);
	return alle.filter(
		(p) => (landelijk || codes.has(p.code)) && toegestaneSoorten(actor, p.code).length > 0
	);
}
