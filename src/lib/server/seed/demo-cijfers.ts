import { count } from 'drizzle-orm';
import { peilmaanden } from '$lib/domain/ladder/reeks';
import { formatHalfjaar, type Halfjaar } from '$lib/domain/periode/halfjaar';
import { imports, realisatiecijfers, taakstellingen } from '../db/schema';
import { mutate, SYSTEEM } from '../mutatie';
import { db } from '../db';
import { herberekenBeoordelingen } from '../services/beoordelingen';
import { ZUID_HOLLAND_GEMEENTEN } from './zuid-holland';

/** Deterministic pseudo-random numbers per gemeente (so every demo looks the same). */
function generator(code: string) {
	let seed = [...code].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PERIODEN: { periode: Halfjaar; maanden: number }[] = [
	{ periode: { jaar: 2026, helft: 1 }, maanden: 6 },
	// Up to October: the demo is dated late November 2026, when the October overview is in.
	{ periode: { jaar: 2026, helft: 2 }, maanden: 4 }
];

/**
 * SYNTHETIC figures for the demo: taakstellingen for 2026-I and 2026-II and monthly COA-style
 * realisation for the gemeenten of Zuid-Holland. Invented numbers, stored as an import named
 * "Demodata (synthetische cijfers)" so every screen that shows them can say where they come from.
 */
export async function laadDemoCijfers(): Promise<boolean> {
	const [bestaand] = await db().select({ n: count() }).from(taakstellingen);
	if ((bestaand?.n ?? 0) > 0) return false;
	await mutate(SYSTEEM, async (ctx) => {
		const [imp] = await ctx.tx
			.insert(imports)
			.values({
				soort: 'taakstelling',
				bestandsnaam: 'Demodata (synthetische cijfers)',
				sha256: 'demodata-synthetisch',
				rijen: ZUID_HOLLAND_GEMEENTEN.length * PERIODEN.length,
				doorLabel: 'systeem'
			})
			.returning({ id: imports.id });
		const importId = imp!.id;
		for (const g of ZUID_HOLLAND_GEMEENTEN) {
			const r = generator(g.code);
			const omvang = 15 + Math.floor(r() * r() * 420);
			for (const { periode, maanden } of PERIODEN) {
				const p = formatHalfjaar(periode);
				const taakstelling = Math.max(5, Math.round(omvang * (0.85 + r() * 0.3)));
				const tempo = 0.55 + r() * 0.75;
				await ctx.tx.insert(taakstellingen).values({
					periode: p,
					gemeenteCode: g.code,
					aantal: taakstelling,
					bron: 'import',
					importId
				});
				const alle = peilmaanden(periode).alle.slice(0, maanden);
				await ctx.tx.insert(realisatiecijfers).values(
					alle.map((maand, i) => ({
						gemeenteCode: g.code,
						maand,
						periode: p,
						gehuisvest: Math.round((taakstelling * tempo * (i + 1)) / 6),
						koppelingen: Math.round(taakstelling * (0.15 + r() * 0.6)),
						omkoppelingen: r() < 0.04 ? 1 : 0,
						stapelgemeente: tempo < 0.7 && r() < 0.5,
						importId
					}))
				);
			}
		}
		await ctx.audit({
			entity: 'demo-data',
			entityId: 'zuid-holland-cijfers',
			action: 'geladen',
			after: { synthetisch: true, perioden: PERIODEN.map((x) => formatHalfjaar(x.periode)) }
		});
		await herberekenBeoordelingen(
			ctx,
			ZUID_HOLLAND_GEMEENTEN.map((g) => g.code)
		);
	});
	return true;
}
