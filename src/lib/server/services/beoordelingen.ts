import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import { kamerNaam } from '$lib/domain/autorisatie/rechten';
import { personenPerPeriode } from '$lib/domain/huurcontract/regels';
import {
	beleidVoorPeriode,
	STANDAARD_BELEID,
	type Beleid,
	type BeleidsVersie
} from '$lib/domain/ladder/beleidskader';
import { beoordeelReeks, type Besluit, type MaandCijfers } from '$lib/domain/ladder/reeks';
import { isTrede, type Trede } from '$lib/domain/ladder/trede';
import { halfjaarIndex, parseHalfjaar, type Halfjaar } from '$lib/domain/periode/halfjaar';
import { beleidSchema } from '$lib/schemas/beleid';
import type { Executor } from '../db';
import {
	beginstanden,
	beleidsversies,
	beoordelingen,
	besluiten,
	gemeenten,
	huurcontracten,
	realisatiecijfers,
	taakstellingen
} from '../db/schema';
import { mutate, type AuditActor, type MutatieContext } from '../mutatie';
import { verwerkteWijzigingen } from './herverdeeld';

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

/** The policy a provincie applies to a period (the standard policy without a version). */
export async function beleidVan(
	ex: Executor,
	provincieCode: string,
	periode: string
): Promise<Beleid> {
	const h = parseHalfjaar(periode);
	const versies = await beleidsversiesVan(ex, [provincieCode]);
	const v = h
		? beleidVoorPeriode(
				versies.map((x) => x.versie),
				provincieCode,
				h
			)
		: null;
	return v?.beleid ?? STANDAARD_BELEID;
}

/** A policy version that is not stored (yet): the "Voorbeeld" of the policy page. */
export interface KandidaatVersie {
	provincieCode: string;
	vanaf: Halfjaar;
	beleid: Beleid;
}

/** The rows `beoordelingen` would hold for one gemeente. */
export type BerekendeBeoordeling = typeof beoordelingen.$inferInsert & {
	periode: string;
	kind: 'midpoint' | 'end';
	tredeNa: string;
};

/**
 * Runs the engine for the given gemeenten from their beginstand, stored taakstellingen (with verwerkte
 * herverdelingen), COA figures, accepted huurcontracten, decisions and the provincie's policy
 * versions, without writing anything. A `kandidaat` is
 * applied as the newest version for its `vanaf` (its rows get `beleidsversieId` null).
 */
export async function berekenBeoordelingen(
	ex: Executor,
	gemeenteCodes: readonly string[],
	kandidaat?: KandidaatVersie
): Promise<{ provincies: Map<string, string>; rijen: Map<string, BerekendeBeoordeling[]> }> {
	const codes = [...new Set(gemeenteCodes)];
	const rijen = new Map<string, BerekendeBeoordeling[]>();
	if (codes.length === 0) return { provincies: new Map(), rijen };
	const [provincies, tk, maanden, besl, herverdeeld, contracten, starts] = await Promise.all([
		provincieVan(ex, codes),
		ex.select().from(taakstellingen).where(inArray(taakstellingen.gemeenteCode, codes)),
		ex.select().from(realisatiecijfers).where(inArray(realisatiecijfers.gemeenteCode, codes)),
		ex
			.select()
			.from(besluiten)
			.where(inArray(besluiten.gemeenteCode, codes))
			.orderBy(asc(besluiten.id)),
		verwerkteWijzigingen(ex, codes),
		ex
			.select({
				gemeenteCode: huurcontracten.gemeenteCode,
				periode: huurcontracten.periode,
				personen: huurcontracten.personen,
				status: huurcontracten.status
			})
			.from(huurcontracten)
			.where(
				and(inArray(huurcontracten.gemeenteCode, codes), eq(huurcontracten.status, 'geaccepteerd'))
			),
		geldendeBeginstanden(ex, codes)
	]);
	const versies: { id: number | null; versie: BeleidsVersie }[] = await beleidsversiesVan(ex, [
		...new Set(provincies.values())
	]);
	if (kandidaat) {
		const hoogste = Math.max(
			0,
			...versies
				.filter(
					(v) =>
						v.versie.provincieCode === kandidaat.provincieCode &&
						halfjaarIndex(v.versie.vanaf) === halfjaarIndex(kandidaat.vanaf)
				)
				.map((v) => v.versie.versie)
		);
		versies.push({ id: null, versie: { ...kandidaat, versie: hoogste + 1 } });
	}

	for (const code of codes) {
		const provincie = provincies.get(code);
		const eigenVersies = versies.filter((v) => v.versie.provincieCode === provincie);
		const versieVoor = (h: Halfjaar) =>
			provincie
				? beleidVoorPeriode(
						eigenVersies.map((v) => v.versie),
						provincie,
						h
					)
				: null;
		const stappen = beoordeelReeks({
			// The taakstelling that counts: the official number with verwerkte herverdelingen.
			taakstellingen: new Map(
				tk
					.filter((r) => r.gemeenteCode === code)
					.map((r) => [r.periode, r.aantal + (herverdeeld.get(`${r.periode}/${code}`) ?? 0)])
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
			huurcontracten: personenPerPeriode(contracten.filter((c) => c.gemeenteCode === code)),
			// Where the gemeente stood when it entered the portal (trede 0, saldo 0 without one).
			startTrede: starts.get(code)?.trede,
			startSaldo: starts.get(code)?.saldo
		});
		rijen.set(
			code,
			stappen.map((s) => {
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
			})
		);
	}
	return { provincies, rijen };
}

/**
 * Recomputes the stored assessments of the given gemeenten from their taakstellingen, COA
 * figures, decisions and the provincie's policy, inside the caller's transaction. Returns the
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
	const [{ provincies, rijen }, oud] = await Promise.all([
		berekenBeoordelingen(tx, codes),
		tx.select().from(beoordelingen).where(inArray(beoordelingen.gemeenteCode, codes))
	]);

	const teVervangen: string[] = [];
	const teSchrijven: (typeof beoordelingen.$inferInsert)[] = [];
	for (const code of codes) {
		const provincie = provincies.get(code);
		const nieuw = rijen.get(code) ?? [];
		const vorige = oud.filter((o) => o.gemeenteCode === code);
		// The policy version counts too: a new version with the same outcome is still the one
		// the assessment was made under (the gemeente page names it).
		const sleutel = (r: {
			periode: string;
			kind: string;
			tredeNa: string;
			resultaat: unknown;
			beleidsversieId?: number | null;
		}) => `${r.periode}/${r.kind}/${r.tredeNa}/${r.beleidsversieId ?? '-'}/${stabiel(r.resultaat)}`;
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

/** The gemeenten of a provincie that have a taakstelling (the ones the engine can assess). */
export async function gemeentenMetCijfers(ex: Executor, provincieCode: string): Promise<string[]> {
	const rows = await ex
		.selectDistinct({ code: taakstellingen.gemeenteCode })
		.from(taakstellingen)
		.innerJoin(gemeenten, eq(gemeenten.code, taakstellingen.gemeenteCode))
		.where(eq(gemeenten.provincieCode, provincieCode));
	return rows.map((r) => r.code).sort();
}

/** Recomputes every gemeente of a provincie that has data (after a policy change, or on demand). */
export async function herberekenProvincie(actor: AuditActor, provincieCode: string) {
	return mutate(actor, async (ctx) => {
		const r = await herberekenBeoordelingen(ctx, await gemeentenMetCijfers(ctx.tx, provincieCode));
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
	/** The policy version the assessment used; null: the standard policy. */
	beleid: { id: number; vanaf: string; versie: number } | null;
}

/** All assessments of one gemeente in time order, with the decisions that apply. */
export async function tijdlijn(ex: Executor, gemeenteCode: string): Promise<Stand[]> {
	return (await tijdlijnen(ex, [gemeenteCode])).get(gemeenteCode) ?? [];
}

/**
 * The timelines of several gemeenten at once (empty for a gemeente without assessments),
 * optionally only the assessments up to and including a peildatum: the last entry is then the
 * standing as it was on that date. The newest decision for a (periode, kind) counts.
 */
export async function tijdlijnen(
	ex: Executor,
	gemeenteCodes: readonly string[],
	totEnMet?: string
): Promise<Map<string, Stand[]>> {
	const codes = [...new Set(gemeenteCodes)];
	const uit = new Map<string, Stand[]>(codes.map((c) => [c, []]));
	if (codes.length === 0) return uit;
	const [rows, besl] = await Promise.all([
		ex
			.select({
				b: beoordelingen,
				versie: {
					id: beleidsversies.id,
					vanaf: beleidsversies.vanaf,
					versie: beleidsversies.versie
				}
			})
			.from(beoordelingen)
			.leftJoin(beleidsversies, eq(beleidsversies.id, beoordelingen.beleidsversieId))
			.where(
				and(
					inArray(beoordelingen.gemeenteCode, codes),
					totEnMet === undefined ? undefined : lte(beoordelingen.peildatum, totEnMet)
				)
			)
			.orderBy(asc(beoordelingen.peildatum)),
		ex
			.select()
			.from(besluiten)
			.where(inArray(besluiten.gemeenteCode, codes))
			.orderBy(desc(besluiten.id))
	]);
	const nieuwsteBesluit = new Map<string, (typeof besl)[number]>();
	for (const b of besl) {
		const k = `${b.gemeenteCode}/${b.periode}/${b.kind}`;
		if (!nieuwsteBesluit.has(k)) nieuwsteBesluit.set(k, b);
	}
	for (const { b: r, versie } of rows) {
		const b = nieuwsteBesluit.get(`${r.gemeenteCode}/${r.periode}/${r.kind}`) ?? null;
		uit.get(r.gemeenteCode)!.push({
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
			resultaat: r.resultaat,
			beleid: versie
		});
	}
	return uit;
}

/**
 * The standing per peildatum ("2026-I/midpoint" → trede) of each gemeente as stored: the newest
 * decision's trede, or the rule result. Compared before and after a policy change to tell how
 * many gemeenten got another standing (a new explanation alone is not another standing).
 */
export async function standen(
	ex: Executor,
	gemeenteCodes: readonly string[],
	berekend?: ReadonlyMap<
		string,
		readonly Pick<BerekendeBeoordeling, 'periode' | 'kind' | 'tredeNa'>[]
	>
): Promise<Map<string, Map<string, string>>> {
	const codes = [...new Set(gemeenteCodes)];
	const uit = new Map<string, Map<string, string>>(codes.map((c) => [c, new Map()]));
	if (codes.length === 0) return uit;
	const [rows, besl] = await Promise.all([
		berekend
			? Promise.resolve(
					codes.flatMap((c) => (berekend.get(c) ?? []).map((r) => ({ ...r, gemeenteCode: c })))
				)
			: ex
					.select({
						gemeenteCode: beoordelingen.gemeenteCode,
						periode: beoordelingen.periode,
						kind: beoordelingen.kind,
						tredeNa: beoordelingen.tredeNa
					})
					.from(beoordelingen)
					.where(inArray(beoordelingen.gemeenteCode, codes)),
		ex
			.select()
			.from(besluiten)
			.where(inArray(besluiten.gemeenteCode, codes))
			.orderBy(asc(besluiten.id))
	]);
	const besluitVoor = new Map(
		besl.map((b) => [`${b.gemeenteCode}/${b.periode}/${b.kind}`, b.trede])
	);
	for (const r of rows) {
		uit
			.get(r.gemeenteCode)
			?.set(
				`${r.periode}/${r.kind}`,
				besluitVoor.get(`${r.gemeenteCode}/${r.periode}/${r.kind}`) ?? r.tredeNa
			);
	}
	return uit;
}
