import { and, eq } from 'drizzle-orm';
import { kamerNaam } from '$lib/domain/autorisatie/rechten';
import type { GebeurtenisType } from '$lib/realtime/events';
import { db, type Executor } from '../db';
import { gemeenten, imports, type ImportSoort } from '../db/schema';
import { mutate, type AuditActor, type MutatieContext } from '../mutatie';
import type { Melding } from './tabel';
import { tel, type VerschilStatus } from './taakstelling';

/** What identifies an import for idempotency: the same kind, bytes and parameters. */
export interface ImportSleutel {
	soort: ImportSoort;
	bestandsnaam: string;
	sha256: string;
	/** What was chosen on import besides the file ('periode=2026-I'); '' when nothing. */
	parameters: string;
}

export type ImportUitkomst<S> =
	| { status: 'geimporteerd'; importId: number; samenvatting: S; waarschuwingen: Melding[] }
	| { status: 'al-geimporteerd'; importId: number; bericht: string }
	| { status: 'geweigerd'; fouten: Melding[]; waarschuwingen: Melding[] };

/** The part of an analysis the commit needs; `schrijf` runs only when there are no errors. */
export interface Verwerking<S> {
	fouten: Melding[];
	waarschuwingen: Melding[];
	rijen: number;
	schrijf: (ctx: MutatieContext, importId: number) => Promise<S>;
}

class Geweigerd extends Error {
	constructor(
		readonly fouten: Melding[],
		readonly waarschuwingen: Melding[]
	) {
		super('import geweigerd');
	}
}

class AlGeimporteerd extends Error {
	constructor(readonly importId: number) {
		super('al geïmporteerd');
	}
}

export async function eerdereImport(exec: Executor, s: ImportSleutel) {
	const [row] = await exec
		.select({ importId: imports.id, at: imports.at, door: imports.doorLabel })
		.from(imports)
		.where(
			and(
				eq(imports.soort, s.soort),
				eq(imports.sha256, s.sha256),
				eq(imports.parameters, s.parameters)
			)
		);
	return row ?? null;
}

const alGeimporteerdBericht = (at: Date, door: string) =>
	`Dit bestand is al geïmporteerd (${at.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })} door ${door}); er is niets gewijzigd.`;

/**
 * Commits an import in one transaction or not at all. The analysis runs inside the transaction
 * (so the difference it writes is against what is stored at that moment); any error rolls the
 * whole transaction back. A repeated import is recognised by the unique key of `imports` even
 * when two requests race, and writes nothing.
 */
export async function legImportVast<S>(
	actor: AuditActor,
	sleutel: ImportSleutel,
	verwerk: (ctx: MutatieContext) => Promise<Verwerking<S>>
): Promise<ImportUitkomst<S>> {
	const eerder = await eerdereImport(db(), sleutel);
	if (eerder) {
		return {
			status: 'al-geimporteerd',
			importId: eerder.importId,
			bericht: alGeimporteerdBericht(eerder.at, eerder.door)
		};
	}
	try {
		return await mutate(actor, async (ctx) => {
			const v = await verwerk(ctx);
			if (v.fouten.length > 0) throw new Geweigerd(v.fouten, v.waarschuwingen);
			const [row] = await ctx.tx
				.insert(imports)
				.values({
					...sleutel,
					rijen: v.rijen,
					meldingen: v.waarschuwingen,
					door: actor.userId,
					doorLabel: actor.label
				})
				.onConflictDoNothing()
				.returning({ id: imports.id });
			if (!row) {
				const e = await eerdereImport(ctx.tx, sleutel);
				throw new AlGeimporteerd(e?.importId ?? 0);
			}
			const samenvatting = await v.schrijf(ctx, row.id);
			await ctx.audit({
				entity: 'import',
				entityId: row.id,
				action: sleutel.soort,
				after: {
					bestandsnaam: sleutel.bestandsnaam,
					parameters: sleutel.parameters,
					sha256: sleutel.sha256,
					rijen: v.rijen,
					samenvatting,
					waarschuwingen: v.waarschuwingen.length
				}
			});
			return {
				status: 'geimporteerd' as const,
				importId: row.id,
				samenvatting,
				waarschuwingen: v.waarschuwingen
			};
		});
	} catch (e) {
		if (e instanceof Geweigerd) {
			return { status: 'geweigerd', fouten: e.fouten, waarschuwingen: e.waarschuwingen };
		}
		if (e instanceof AlGeimporteerd) {
			const eerder = await eerdereImport(db(), sleutel);
			return {
				status: 'al-geimporteerd',
				importId: e.importId,
				bericht: eerder
					? alGeimporteerdBericht(eerder.at, eerder.door)
					: 'Dit bestand is al geïmporteerd; er is niets gewijzigd.'
			};
		}
		throw e;
	}
}

export interface GemeenteInfo {
	naam: string;
	provincieCode: string;
}

/** The gemeenten of one year's gebiedsindeling (CBS codes change by herindeling). */
export async function gemeentenVanJaar(
	exec: Executor,
	jaar: number
): Promise<Map<string, GemeenteInfo>> {
	const rows = await exec
		.select({ code: gemeenten.code, naam: gemeenten.naam, provincieCode: gemeenten.provincieCode })
		.from(gemeenten)
		.where(eq(gemeenten.jaar, jaar));
	return new Map(rows.map((r) => [r.code, { naam: r.naam, provincieCode: r.provincieCode }]));
}

/**
 * Tells every provincie room whose gemeenten changed; one event per provincie, carrying the
 * codes of its own gemeenten only (a room is an authorization scope).
 */
export async function publiceerPerProvincie(
	ctx: MutatieContext,
	type: GebeurtenisType,
	perGemeente: Iterable<{ gemeenteCode: string; provincieCode: string }>,
	payload: Record<string, unknown>
): Promise<string[]> {
	const perProvincie = new Map<string, Set<string>>();
	for (const g of perGemeente) {
		let s = perProvincie.get(g.provincieCode);
		if (!s) perProvincie.set(g.provincieCode, (s = new Set()));
		s.add(g.gemeenteCode);
	}
	const codes = [...perProvincie.keys()].sort();
	for (const code of codes) {
		await ctx.publish(kamerNaam({ soort: 'provincie', code }), type, {
			...payload,
			gemeenten: [...perProvincie.get(code)!].sort()
		});
	}
	return codes;
}

/** Names compared loosely: case, accents, apostrophes, dashes and spaces do not matter. */
export function zelfdeNaam(a: string, b: string): boolean {
	const n = (s: string) =>
		s
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[\s'’`\-.]/g, '');
	return n(a) === n(b);
}

/**
 * Restricts an analysis to the gemeenten of one provincie: a provincie supervises its own
 * gemeenten, so a national list imported on Zuid-Holland's page writes Zuid-Holland's rows only.
 * Rows elsewhere are counted (`buiten`) and their warnings dropped; errors stay, because the
 * file as a whole must be sound. `bereik` null: no restriction (command line, tests).
 */
export function beperkTot<
	R extends { rij: number | null; provincieCode: string; status: VerschilStatus },
	A extends { regels: R[]; waarschuwingen: Melding[]; telling: Record<VerschilStatus, number> }
>(a: A, bereik: string | null): A & { buiten: number } {
	if (bereik === null) return { ...a, buiten: 0 };
	const binnen = a.regels.filter((r) => r.provincieCode === bereik);
	const buitenRijen = new Set(
		a.regels.filter((r) => r.provincieCode !== bereik && r.rij !== null).map((r) => r.rij)
	);
	return {
		...a,
		regels: binnen,
		waarschuwingen: a.waarschuwingen.filter((m) => m.rij === null || !buitenRijen.has(m.rij)),
		telling: tel(binnen),
		buiten: a.regels.length - binnen.length
	};
}

/** The idempotency parameters with the provincie the import was restricted to. */
export const metBereik = (parameters: string, bereik: string | null) =>
	bereik === null ? parameters : [parameters, `provincie=${bereik}`].filter(Boolean).join(';');
