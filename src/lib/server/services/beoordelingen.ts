import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import { kamerNaam } from '$lib/domain/autorisatie/rechten';
import { beleidVoorPeriode, STANDAARD_BELEID } from '$lib/domain/ladder/beleidskader';
import { beoordeelReeks, type Besluit, type MaandCijfers } from '$lib/domain/ladder/reeks';
import { isTrede } from '$lib/domain/ladder/trede';
import { parseHalfjaar } from '$lib/domain/periode/halfjaar';
import { beleidSchema } from '$lib/schemas/beleid';
import type { Executor } from '../db';
import {
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
	const [provincies, tk, maanden, besl, oud] = await Promise.all([
		provincieVan(tx, codes),
		tx.select().from(taakstellingen).where(inArray(taakstellingen.gemeenteCode, codes)),
		tx.select().from(realisatiecijfers).where(inArray(realisatiecijfers.gemeenteCode, codes)),
		tx
			.select()
			.from(besluiten)
			.where(inArray(besluiten.gemeenteCode, codes))
			.orderBy(asc(besluiten.id)),
		tx.select().from(beoordelingen).where(inArray(beoordelingen.gemeenteCode, codes))
	]);
	const versies = await beleidsversiesVan(tx, [...new Set(provincies.values())]);

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
			beleidVoor: (h) => versieVoor(h)?.beleid ?? STANDAARD_BELEID
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
		await tx.delete(beoordelingen).where(eq(beoordelingen.gemeenteCode, code));
		if (nieuw.length > 0) await tx.insert(beoordelingen).values(nieuw);
		const p = provincie ?? 'onbekend';
		gewijzigd.set(p, [...(gewijzigd.get(p) ?? []), code]);
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
			.select()
			.from(beoordelingen)
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
	for (const r of rows) {
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
			resultaat: r.resultaat
		});
	}
	return uit;
}
