import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { herverdelingGemeenten, herverdelingen } from '../db/schema';

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
