import { asc, desc, eq, inArray } from 'drizzle-orm';
import { kamerNaam } from '$lib/domain/autorisatie/rechten';
import { beleidVoorPeriode, STANDAARD_BELEID } from '$lib/domain/ladder/beleidskader';
import { beoordeelReeks, type Besluit, type MaandCijfers } from '$lib/domain/ladder/reeks';
import { isTrede, type Trede } from '$lib/domain/ladder/trede';
import { parseHalfjaar } from '$lib/domain/periode/halfjaar';
import { beleidSchema } from '$lib/schemas/beleid';
import type { Executor } from '../db';
import {
	beginstanden,
	beleidsversies,
	beoordelingen,
	besluiten,
	gemeenten,
	realisatiecijfers,
	taakstellingen
} from '../db/schema';
import { mutate, type AuditActor, type MutatieContext } from '../mutatie';

/** JSON with sorted keys: jsonb does not keep key order, so compare this way. */
function stabiel(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(stabiel).join(',')}]`;
	if (v && typeof v === 'object') {
		const o = v as Record<string, unknown>;
		return `{${Object.keys(o)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stabiel(o[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(v) ?? 'null';
}

/** The provincie of each gemeente code, from its most recent gebiedsindeling. */
async function provincieVan(ex: Executor, codes: readonly string[]): Promise<Map<string, string>> {
	const rows = await ex
		.select({ code: gemeenten.code, provincie: gemeenten.provincieCode })
		.from(gemeenten)
		.where(inArray(gemeenten.code, [...codes]))
		.orderBy(asc(gemeenten.jaar));
	return new Map(rows.map((r) => [r.code, r.provincie]));
}

async function beleidsversiesVan(ex: Executor, provincieCodes: readonly string[]) {
	if (provincieCodes.length === 0) return [];
	const rows = await ex
		.select()
		.from(beleidsversies)
		.where(inArray(beleidsversies.provincieCode, [...provincieCodes]));
	return rows.flatMap((r) => {
		const vanaf = parseHalfjaar(r.vanaf);
		const beleid = beleidSchema.safeParse(r.beleid);
		if (!vanaf || !beleid.success) return []; // the write path validates; never trust silently
		return [
			{
				id: r.id,
				versie: { provincieCode: r.provincieCode, vanaf, versie: r.versie, beleid: beleid.data }
			}
		];
	});
}

export interface Beginstand {
	trede: Trede;
	saldo: number;
}

/**
 * The beginstand that counts per gemeente: the newest row (the table is append-only). A gemeente
 * without one starts at trede 0 with saldo 0.
 */
export async function geldendeBeginstanden(
	ex: Executor,
	codes: readonly string[]
): Promise<Map<string, Beginstand>> {
	const uit = new Map<string, Beginstand>();
	if (codes.length === 0) return uit;
	const rows = await ex
		.select({
			code: beginstanden.gemeenteCode,
			trede: beginstanden.trede,
			saldo: beginstanden.saldo
		})
		.from(beginstanden)
		.where(inArray(beginstanden.gemeenteCode, [...codes]))
		.orderBy(asc(beginstanden.id));
	for (const r of rows) if (isTrede(r.trede)) uit.set(r.code, { trede: r.trede, saldo: r.saldo });
	return uit;
}

/**
 * Recomputes the stored assessments of the given gemeenten from their beginstand, taakstellingen,
 * COA figures, decisions and the provincie's policy, inside the caller's transaction. Returns the
 * gemeenten whose standing changed, per provincie, and tells those provincie rooms.
 */
export async function herberekenBeoordelingen(
	ctx: MutatieContext,
	gemeenteCodes: readonly string[]
): Promise<Map<string, string[]>> {
	const codes = [...new Set(gemeenteCodes)];
	const gewijzigd = new Map<string, string[]>();
	if (codes.length === 0) return gewijzigd;
	const tx = ctx.tx;
	const [provincies, tk, maanden, besl, oud, starts] = await Promise.all([
		provincieVan(tx, codes),
		tx.select().from(taakstellingen).where(inArray(taakstellingen.gemeenteCode, codes)),
		tx.select().from(realisatiecijfers).where(inArray(realisatiecijfers.gemeenteCode, codes)),
		tx
			.select()
			.from(besluiten)
			.where(inArray(besluiten.gemeenteCode, codes))
			.orderBy(asc(besluiten.id)),
		tx.select().from(beoordelingen).where(inArray(beoordelingen.gemeenteCode, codes)),
		geldendeBeginstanden(tx, codes)
	]);
	const versies = await beleidsversiesVan(tx, [...new Set(provincies.values())]);
	const teVervangen: string[] = [];
	const teSchrijven: (typeof beoordelingen.$inferInsert)[] = [];

	for (const code of codes) {
		const provincie = provincies.get(code);
		const eigenVersies = versies.filter((v) => v.versie.provincieCode === provincie);
		const versieVoor = (h: NonNullable<ReturnType<typeof parseHalfjaar>>) =>
			provincie
				? beleidVoorPeriode(
						eigenVersies.map((v) => v.versie),
						provincie,
						h
					)
				: null;
		const stappen = beoordeelReeks({
			taakstellingen: new Map(
				tk.filter((r) => r.gemeenteCode === code).map((r) => [r.periode, r.aantal])
			),
			maanden: new Map(
				maanden
					.filter((r) => r.gemeenteCode === code)
					.map((r): [string, MaandCijfers] => [r.maand, r])
			),
			besluiten: besl
				.filter((b) => b.gemeenteCode === code && isTrede(b.trede))
				.map((b): Besluit => ({
					periode: b.periode,
					kind: b.kind,
					trede: b.trede as Besluit['trede']
				})),
			beleidVoor: (h) => versieVoor(h)?.beleid ?? STANDAARD_BELEID,
			// Where the gemeente stood when it entered the portal (trede 0, saldo 0 without one).
			startTrede: starts.get(code)?.trede,
			startSaldo: starts.get(code)?.saldo
		});
		const nieuw = stappen.map((s) => {
			const h = parseHalfjaar(s.beoordeling.period)!;
			const versie = versieVoor(h);
			return {
				gemeenteCode: code,
				periode: s.beoordeling.period,
				kind: s.beoordeling.kind,
				peildatum: s.beoordeling.peildatum,
				beleidsversieId: versie
					? (eigenVersies.find((v) => v.versie === versie)?.id ?? null)
					: null,
				invoer: s.invoer,
				resultaat: s.beoordeling,
				tredeVoor: s.beoordeling.tredeVoor,
				tredeNa: s.beoordeling.tredeNa
			};
		});
		const vorige = oud.filter((o) => o.gemeenteCode === code);
		const sleutel = (r: { periode: string; kind: string; tredeNa: string; resultaat: unknown }) =>
			`${r.periode}/${r.kind}/${r.tredeNa}/${stabiel(r.resultaat)}`;
		const zelfde =
			vorige.length === nieuw.length &&
			vorige.map(sleutel).sort().join('|') === nieuw.map(sleutel).sort().join('|');
		if (zelfde) continue;
		teVervangen.push(code);
		teSchrijven.push(...nieuw);
		const p = provincie ?? 'onbekend';
		gewijzigd.set(p, [...(gewijzigd.get(p) ?? []), code]);
	}

	// In bulk: one statement per chunk instead of two per gemeente (a national COA file touches
	// all 342; per-statement round trips dominated the import's commit time).
	for (let i = 0; i < teVervangen.length; i += 1000) {
		await tx
			.delete(beoordelingen)
			.where(inArray(beoordelingen.gemeenteCode, teVervangen.slice(i, i + 1000)));
	}
	for (let i = 0; i < teSchrijven.length; i += 500) {
		await tx.insert(beoordelingen).values(teSchrijven.slice(i, i + 500));
	}

	for (const [provincie, lijst] of gewijzigd) {
		await ctx.audit({
			entity: 'beoordelingen',
			entityId: provincie,
			action: 'herberekend',
			after: { gemeenten: lijst }
		});
		if (/^PV\d{2}$/.test(provincie)) {
			await ctx.publish(
				kamerNaam({ soort: 'provincie', code: provincie }),
				'beoordelingen.gewijzigd',
				{
					gemeenten: lijst
				}
			);
		}
	}
	return gewijzigd;
}

/** Recomputes every gemeente of a provincie that has data (after a policy change, or on demand). */
export async function herberekenProvincie(actor: AuditActor, provincieCode: string) {
	return mutate(actor, async (ctx) => {
		const codes = await ctx.tx
			.selectDistinct({ code: taakstellingen.gemeenteCode })
			.from(taakstellingen)
			.innerJoin(gemeenten, eq(gemeenten.code, taakstellingen.gemeenteCode))
			.where(eq(gemeenten.provincieCode, provincieCode));
		const r = await herberekenBeoordelingen(
			ctx,
			codes.map((c) => c.code)
		);
		// Also audit a recomputation that changed nothing: it was asked for.
		if (r.size === 0) {
			await ctx.audit({
				entity: 'beoordelingen',
				entityId: provincieCode,
				action: 'herberekend-ongewijzigd'
			});
		}
		return r;
	});
}

export interface Stand {
	gemeenteCode: string;
	periode: string;
	kind: 'midpoint' | 'end';
	peildatum: string;
	/** The rule result. */
	tredeRegel: string;
	/** What counts: the newest decision's trede, or the rule result. */
	trede: string;
	besluit: {
		trede: string;
		datum: string | null;
		kenmerk: string | null;
		motivatie: string;
		door: string;
	} | null;
	resultaat: unknown;
}

/** All assessments of one gemeente in time order, with the decisions that apply. */
export async function tijdlijn(ex: Executor, gemeenteCode: string): Promise<Stand[]> {
	const [rows, besl] = await Promise.all([
		ex
			.select()
			.from(beoordelingen)
			.where(eq(beoordelingen.gemeenteCode, gemeenteCode))
			.orderBy(asc(beoordelingen.peildatum)),
		ex
			.select()
			.from(besluiten)
			.where(eq(besluiten.gemeenteCode, gemeenteCode))
			.orderBy(desc(besluiten.id))
	]);
	return rows.map((r) => {
		const b = besl.find((x) => x.periode === r.periode && x.kind === r.kind) ?? null;
		return {
			gemeenteCode: r.gemeenteCode,
			periode: r.periode,
			kind: r.kind,
			peildatum: r.peildatum,
			tredeRegel: r.tredeNa,
			trede: b?.trede ?? r.tredeNa,
			besluit: b
				? {
						trede: b.trede,
						datum: b.datum,
						kenmerk: b.kenmerk,
						motivatie: b.motivatie,
						door: b.doorLabel
					}
				: null,
			resultaat: r.resultaat
		};
	});
}
