import { and, asc, eq, inArray } from 'drizzle-orm';
import { parseHalfjaar } from '$lib/domain/periode/halfjaar';
import { db } from '../db';
import { gemeenten, realisatiecijfers, taakstellingen } from '../db/schema';
import { verwerkteWijzigingen } from './herverdeeld';

/** One gemeente's figures for a period, as the province overview shows them. */
export interface GemeenteStand {
	gemeenteCode: string;
	naam: string;
	/**
	 * The taakstelling that counts: the official number plus verwerkte herverdelingen (issue 5
	 * §3), as the engine uses it. Null without an official number.
	 */
	taakstelling: number | null;
	/** The official number (import or computation), before herverdeling. */
	taakstellingOrigineel: number | null;
	/** Σ change by verwerkte herverdelingen for the period (0 when none). */
	herverdeeld: number;
	bron: 'import' | 'berekend' | null;
	/** The latest month with COA figures in the period, or null when none arrived yet. */
	laatsteMaand: string | null;
	gehuisvest: number | null;
	koppelingen: number | null;
	omkoppelingen: number | null;
	/** Months of the period COA marked the gemeente as stapelgemeente (the excuse needs ≥ 3). */
	stapelgemeenteMaanden: number;
	stapelgemeenteInLaatsteMaand: boolean;
}

/**
 * Per gemeente of the provincie (gebiedsindeling of the period's year): the taakstelling and the
 * latest COA figures of the period. Assessments are not made here: this is their input.
 */
export async function provincieStand(
	provincieCode: string,
	periode: string
): Promise<GemeenteStand[]> {
	const h = parseHalfjaar(periode);
	if (!h) return [];
	const rows = await db()
		.select({
			gemeenteCode: gemeenten.code,
			naam: gemeenten.naam,
			taakstelling: taakstellingen.aantal,
			bron: taakstellingen.bron
		})
		.from(gemeenten)
		.leftJoin(
			taakstellingen,
			and(eq(taakstellingen.gemeenteCode, gemeenten.code), eq(taakstellingen.periode, periode))
		)
		.where(and(eq(gemeenten.jaar, h.jaar), eq(gemeenten.provincieCode, provincieCode)))
		.orderBy(asc(gemeenten.naam));
	if (rows.length === 0) return [];
	const codes = rows.map((r) => r.gemeenteCode);
	const herverdeeld = await verwerkteWijzigingen(db(), codes);
	const cijfers = await db()
		.select()
		.from(realisatiecijfers)
		.where(
			and(eq(realisatiecijfers.periode, periode), inArray(realisatiecijfers.gemeenteCode, codes))
		)
		.orderBy(asc(realisatiecijfers.maand));
	return rows.map((r) => {
		const eigen = cijfers.filter((c) => c.gemeenteCode === r.gemeenteCode);
		const laatste = eigen.at(-1);
		const delta =
			r.taakstelling === null ? 0 : (herverdeeld.get(`${periode}/${r.gemeenteCode}`) ?? 0);
		return {
			gemeenteCode: r.gemeenteCode,
			naam: r.naam,
			taakstelling: r.taakstelling === null ? null : r.taakstelling + delta,
			taakstellingOrigineel: r.taakstelling,
			herverdeeld: delta,
			bron: r.bron,
			laatsteMaand: laatste?.maand ?? null,
			gehuisvest: laatste?.gehuisvest ?? null,
			koppelingen: laatste?.koppelingen ?? null,
			omkoppelingen: laatste?.omkoppelingen ?? null,
			stapelgemeenteMaanden: eigen.filter((c) => c.stapelgemeente).length,
			stapelgemeenteInLaatsteMaand: laatste?.stapelgemeente ?? false
		};
	});
}
