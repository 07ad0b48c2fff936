import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { parseHalfjaar } from '$lib/domain/periode/halfjaar';
import { db, type Executor } from '../db';
import { gemeenten, imports, realisatiecijfers, taakstellingen } from '../db/schema';
import type { Melding } from '../import/tabel';
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
	const perGemeente = new Map<string, typeof cijfers>();
	for (const c of cijfers) {
		const lijst = perGemeente.get(c.gemeenteCode);
		if (lijst) lijst.push(c);
		else perGemeente.set(c.gemeenteCode, [c]);
	}
	return rows.map((r) => {
		const eigen = perGemeente.get(r.gemeenteCode) ?? [];
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

/** A consistency flag on stored COA figures of one gemeente and month (issue 3 §3). */
export interface CijferSignaal {
	gemeenteCode: string;
	maand: string;
	/** 'gehuisvest-daalt', 'saldo-wijkt-af', … */
	code: string;
	/** The Dutch sentence, without the "rij 3, kolom 'x':" prefix (shown as `rij`). */
	tekst: string;
	bestandsnaam: string;
	rij: number | null;
	at: Date;
}

/** The sentence of a melding without the place prefix that `melding()` put before it. */
function zonderPlaats(m: Melding): string {
	const waar = [
		m.rij !== null ? `rij ${m.rij}` : null,
		m.kolom !== null ? `kolom '${m.kolom}'` : null
	]
		.filter(Boolean)
		.join(', ');
	const t =
		waar && m.bericht.startsWith(`${waar}: `) ? m.bericht.slice(waar.length + 2) : m.bericht;
	return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * The flags that belong to the stored COA figures of these gemeenten (optionally of one period):
 * the warnings the import that supplied each stored month raised about that gemeente and month,
 * as kept in imports.meldingen. A later import that replaces the figures replaces their flags;
 * nothing is hidden while the flagged figures stand. Sorted by gemeente, month.
 */
export async function cijferSignalen(
	ex: Executor,
	codes: readonly string[],
	periode?: string
): Promise<CijferSignaal[]> {
	if (codes.length === 0) return [];
	const bronnen = await ex
		.select({
			gemeenteCode: realisatiecijfers.gemeenteCode,
			maand: realisatiecijfers.maand,
			importId: realisatiecijfers.importId
		})
		.from(realisatiecijfers)
		.where(
			and(
				inArray(realisatiecijfers.gemeenteCode, [...codes]),
				periode ? eq(realisatiecijfers.periode, periode) : undefined
			)
		);
	if (bronnen.length === 0) return [];
	// Only imports that raised anything; their flag lists are read once, not once per month.
	const metMeldingen = await ex
		.select({
			id: imports.id,
			meldingen: imports.meldingen,
			bestandsnaam: imports.bestandsnaam,
			at: imports.at
		})
		.from(imports)
		.where(
			and(
				inArray(imports.id, [...new Set(bronnen.map((b) => b.importId))]),
				sql`jsonb_array_length(${imports.meldingen}) > 0`
			)
		);
	const perImport = new Map<number, Map<string, CijferSignaal[]>>();
	for (const imp of metMeldingen) {
		const perSleutel = new Map<string, CijferSignaal[]>();
		for (const m of imp.meldingen as Melding[]) {
			// Flags recorded before flags carried their gemeente and month cannot be placed.
			if (!m.gemeenteCode || !m.maand) continue;
			const k = `${m.gemeenteCode}:${m.maand}`;
			perSleutel.set(k, [
				...(perSleutel.get(k) ?? []),
				{
					gemeenteCode: m.gemeenteCode,
					maand: m.maand,
					code: m.code,
					tekst: zonderPlaats(m),
					bestandsnaam: imp.bestandsnaam,
					rij: m.rij,
					at: imp.at
				}
			]);
		}
		perImport.set(imp.id, perSleutel);
	}
	return bronnen
		.flatMap((b) => perImport.get(b.importId)?.get(`${b.gemeenteCode}:${b.maand}`) ?? [])
		.sort((a, b) => a.gemeenteCode.localeCompare(b.gemeenteCode) || a.maand.localeCompare(b.maand));
}
