import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { herverdelingGemeenten, herverdelingen, taakstellingen } from '../db/schema';

/**
 * The effect for the engine: Σ change per (periode, gemeente) of verwerkte herverdelingen
 * (issue 5 §3). Added to the official taakstelling wherever the engine or an overview needs the
 * taakstelling that counts.
 */
export async function verwerkteWijzigingen(
	ex: Executor,
	codes: readonly string[]
): Promise<Map<string, number>> {
	const uit = new Map<string, number>();
	if (codes.length === 0) return uit;
	const rows = await ex
		.select({
			periode: herverdelingen.periode,
			gemeenteCode: herverdelingGemeenten.gemeenteCode,
			wijziging: herverdelingGemeenten.wijziging
		})
		.from(herverdelingGemeenten)
		.innerJoin(herverdelingen, eq(herverdelingen.id, herverdelingGemeenten.herverdelingId))
		.where(
			and(
				eq(herverdelingen.status, 'verwerkt'),
				inArray(herverdelingGemeenten.gemeenteCode, [...new Set(codes)])
			)
		);
	for (const r of rows) {
		const k = `${r.periode}/${r.gemeenteCode}`;
		uit.set(k, (uit.get(k) ?? 0) + r.wijziging);
	}
	return uit;
}

export interface TaakstellingMetHerverdeling {
	periode: string;
	/** The official number. */
	origineel: number;
	/** What counts: the official number with the verwerkte herverdelingen. */
	taakstelling: number;
	/** The verwerkte herverdelingen of the period that changed it. */
	herverdelingen: { id: number; wijziging: number }[];
}

/**
 * One gemeente's taakstelling per period, official and after verwerkte herverdelingen side by
 * side (for the gemeente page's timeline), by period.
 */
export async function taakstellingenVan(
	ex: Executor,
	gemeenteCode: string
): Promise<Record<string, TaakstellingMetHerverdeling>> {
	const [tk, hv] = await Promise.all([
		ex
			.select({ periode: taakstellingen.periode, aantal: taakstellingen.aantal })
			.from(taakstellingen)
			.where(eq(taakstellingen.gemeenteCode, gemeenteCode)),
		ex
			.select({
				id: herverdelingen.id,
				periode: herverdelingen.periode,
				wijziging: herverdelingGemeenten.wijziging
			})
			.from(herverdelingGemeenten)
			.innerJoin(herverdelingen, eq(herverdelingen.id, herverdelingGemeenten.herverdelingId))
			.where(
				and(
					eq(herverdelingen.status, 'verwerkt'),
					eq(herverdelingGemeenten.gemeenteCode, gemeenteCode)
				)
			)
			.orderBy(asc(herverdelingen.id))
	]);
	const uit: Record<string, TaakstellingMetHerverdeling> = {};
	for (const t of tk) {
		const eigen = hv
			.filter((h) => h.periode === t.periode)
			.map((h) => ({ id: h.id, wijziging: h.wijziging }));
		uit[t.periode] = {
			periode: t.periode,
			origineel: t.aantal,
			taakstelling: t.aantal + eigen.reduce((s, h) => s + h.wijziging, 0),
			herverdelingen: eigen
		};
	}
	return uit;
}
