import { asc, eq } from 'drizzle-orm';
import { parseHalfjaar } from '$lib/domain/periode/halfjaar';
import { db } from '../db';
import { regioGemeenten, regietafels } from '../db/schema';
import { provincieOverzicht } from './overzicht';
import type { TafelOverzicht } from './regietafels';

/**
 * The gemeenten of a regional table's regio in the year of the period: the membership of that
 * year, else of the nearest earlier year, else of the earliest year known (a herindeling moves
 * gemeenten between regio's, so membership is per year).
 */
async function gemeentenVanTafel(tafelId: number, jaar: number): Promise<Set<string> | null> {
	const rows = await db()
		.select({ jaar: regioGemeenten.jaar, code: regioGemeenten.gemeenteCode })
		.from(regietafels)
		.innerJoin(regioGemeenten, eq(regioGemeenten.regioId, regietafels.regioId))
		.where(eq(regietafels.id, tafelId))
		.orderBy(asc(regioGemeenten.jaar));
	if (rows.length === 0) return null;
	const jaren = [...new Set(rows.map((r) => r.jaar))];
	const gekozen = jaren.filter((j) => j <= jaar).at(-1) ?? jaren[0]!;
	return new Set(rows.filter((r) => r.jaar === gekozen).map((r) => r.code));
}

/**
 * The stand van zaken of a regietafel for one period: for a regional table the gemeenten of its
 * regio with their totals, for the PRT the whole provincie with totals per regio.
 */
export async function tafelStand(tafel: TafelOverzicht, periode: string) {
	const h = parseHalfjaar(periode);
	const alleen =
		tafel.soort === 'regionaal' && h ? await gemeentenVanTafel(tafel.id, h.jaar) : null;
	// A regional table without a regio has no gemeenten of its own: show none, not all.
	if (tafel.soort === 'regionaal' && !alleen) {
		return provincieOverzicht(tafel.provincieCode, periode, new Set());
	}
	return provincieOverzicht(tafel.provincieCode, periode, alleen ?? undefined);
}
