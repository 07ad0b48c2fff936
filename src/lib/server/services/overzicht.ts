import { and, asc, eq, inArray, lte, min, sql } from 'drizzle-orm';
import {
	parseHalfjaar,
	peildata,
	vorigHalfjaar,
	formatHalfjaar
} from '$lib/domain/periode/halfjaar';
import { peilmaanden } from '$lib/domain/ladder/reeks';
import type { Trede } from '$lib/domain/ladder/trede';
import { db } from '../db';
import {
	beoordelingen,
	besluiten,
	gemeenten,
	imports,
	provincies,
	realisatiecijfers,
	regioGemeenten,
	regios,
	taakstellingen
} from '../db/schema';
import { geldendeBeginstanden } from './beoordelingen';
import {
	cijferSignalen,
	provincieStand,
	type CijferSignaal,
	type GemeenteStand
} from './toezichtcijfers';

export interface OverzichtRij extends GemeenteStand {
	regio: string | null;
	/**
	 * Taakstelling − saldo carried in: the COA-based end saldo of the previous period, or the
	 * beginstand's saldo in the gemeente's first period.
	 */
	opgave: number | null;
	nogTeHuisvesten: number | null;
	/** gehuisvest / opgave (0..n); null without figures or with an opgave ≤ 0. */
	fractieGerealiseerd: number | null;
	/** End saldo if the pace so far holds for the whole period. */
	prognoseEindsaldo: number | null;
	/** The standing by the last judgement up to the end of this period. */
	trede: Trede | null;
	peildatum: string | null;
	tredeIsBesluit: boolean;
	/** No assessment yet: the trede shown is the recorded stand bij aanvang. */
	tredeIsBeginstand: boolean;
	/** Consistency flags on this period's stored COA figures (shown, not hidden). */
	signalen: CijferSignaal[];
}

export interface RegioTotaal {
	regio: string;
	gemeenten: number;
	/** Σ official taakstelling (before herverdeling). */
	taakstellingOrigineel: number;
	/**
	 * Σ taakstelling that counts (after verwerkte herverdelingen). A herverdeling is zero-sum over
	 * its gemeenten, so this equals the official total wherever all of them are counted.
	 */
	taakstelling: number;
	/** Gemeenten whose taakstelling was changed by a verwerkte herverdeling. */
	herverdeeld: number;
	opgave: number;
	gehuisvest: number;
	nogTeHuisvesten: number;
	fractieGerealiseerd: number | null;
	/** Number of gemeenten per trede. */
	treden: Partial<Record<Trede, number>>;
}

/**
 * The province overview of one period: per gemeente the figures, the opgave with carry-over,
 * the standing by the last judgement and a forecast from the pace so far; plus totals per
 * veiligheidsregio. Totals only add figures that exist (no guessing for missing months).
 */
export async function provincieOverzicht(
	provincieCode: string,
	periode: string,
	/** Only these gemeenten (a regional table's regio); totals are then over them. */
	alleen?: ReadonlySet<string>
): Promise<{ rijen: OverzichtRij[]; regios: RegioTotaal[]; totaal: Omit<RegioTotaal, 'regio'> }> {
	const h = parseHalfjaar(periode);
	const stand = (h ? await provincieStand(provincieCode, periode) : []).filter(
		(s) => !alleen || alleen.has(s.gemeenteCode)
	);
	const leeg = {
		gemeenten: 0,
		taakstellingOrigineel: 0,
		taakstelling: 0,
		herverdeeld: 0,
		opgave: 0,
		gehuisvest: 0,
		nogTeHuisvesten: 0,
		fractieGerealiseerd: null,
		treden: {}
	};
	if (!h || stand.length === 0) return { rijen: [], regios: [], totaal: leeg };
	const codes = stand.map((s) => s.gemeenteCode);
	const vorige = formatHalfjaar(vorigHalfjaar(h));
	const [oordelen, besl, regioRijen, signalen, starts, eersten] = await Promise.all([
		// Only what the overview shows: not the stored inputs and explanations (a few kB each, 8 per
		// gemeente after two years), which made this the slowest part for a large provincie.
		db()
			.select({
				gemeenteCode: beoordelingen.gemeenteCode,
				periode: beoordelingen.periode,
				kind: beoordelingen.kind,
				peildatum: beoordelingen.peildatum,
				tredeNa: beoordelingen.tredeNa,
				saldo: sql<number | null>`(${beoordelingen.resultaat}->>'saldo')::int`,
				saldoVorigePeriode: sql<number>`(${beoordelingen.resultaat}->>'saldoVorigePeriode')::int`
			})
			.from(beoordelingen)
			.where(
				and(
					inArray(beoordelingen.gemeenteCode, codes),
					lte(beoordelingen.peildatum, peildata(h).eind)
				)
			)
			.orderBy(asc(beoordelingen.peildatum)),
		db()
			.select()
			.from(besluiten)
			.where(inArray(besluiten.gemeenteCode, codes))
			.orderBy(asc(besluiten.id)),
		db()
			.select({ code: regioGemeenten.gemeenteCode, naam: regios.naam })
			.from(regioGemeenten)
			.innerJoin(regios, eq(regioGemeenten.regioId, regios.id))
			.where(
				and(
					eq(regioGemeenten.jaar, h.jaar),
					eq(regios.type, 'veiligheidsregio'),
					inArray(regioGemeenten.gemeenteCode, codes)
				)
			),
		cijferSignalen(db(), codes, periode),
		geldendeBeginstanden(db(), codes),
		db()
			.select({ code: taakstellingen.gemeenteCode, periode: min(taakstellingen.periode) })
			.from(taakstellingen)
			.where(inArray(taakstellingen.gemeenteCode, codes))
			.groupBy(taakstellingen.gemeenteCode)
	]);
	const eersteVan = new Map(eersten.map((e) => [e.code, e.periode]));
	const perGemeente = <T extends { gemeenteCode: string }>(lijst: readonly T[]) => {
		const m = new Map<string, T[]>();
		for (const x of lijst) {
			const eigen = m.get(x.gemeenteCode);
			if (eigen) eigen.push(x);
			else m.set(x.gemeenteCode, [x]);
		}
		return m;
	};
	const oordelenVan = perGemeente(oordelen);
	const besluitenVan = perGemeente(besl);
	const signalenVan = perGemeente(signalen);
	const regioVan = new Map(regioRijen.map((r) => [r.code, r.naam]));
	const maanden = peilmaanden(h).alle;

	const rijen = stand.map((s): OverzichtRij => {
		const eigen = oordelenVan.get(s.gemeenteCode) ?? [];
		const laatste = eigen.at(-1);
		const besluit = laatste
			? (besluitenVan.get(s.gemeenteCode) ?? [])
					.filter((b) => b.periode === laatste.periode && b.kind === laatste.kind)
					.at(-1)
			: undefined;
		const vorigEinde = eigen.find((o) => o.periode === vorige && o.kind === 'end');
		const ditOordeel = eigen.find((o) => o.periode === periode);
		const start = starts.get(s.gemeenteCode);
		// What the engine carried in (its own assessment of this period says it), else the previous
		// end saldo, else — in the first period — the stand bij aanvang.
		const saldoIn = ditOordeel
			? ditOordeel.saldoVorigePeriode
			: vorigEinde
				? (vorigEinde.saldo ?? 0)
				: eersteVan.get(s.gemeenteCode) === periode
					? (start?.saldo ?? 0)
					: 0;
		const eerste = eersteVan.get(s.gemeenteCode) ?? null;
		const beginstandTelt = !laatste && !!start && (eerste === null || periode >= eerste);
		const opgave = s.taakstelling === null ? null : s.taakstelling - saldoIn;
		const verstreken = s.laatsteMaand ? maanden.indexOf(s.laatsteMaand) + 1 : 0;
		const prognose =
			opgave !== null && s.gehuisvest !== null && verstreken > 0
				? Math.round((s.gehuisvest / verstreken) * 6) - opgave
				: null;
		return {
			...s,
			regio: regioVan.get(s.gemeenteCode) ?? null,
			opgave,
			nogTeHuisvesten: opgave === null ? null : Math.max(0, opgave - (s.gehuisvest ?? 0)),
			fractieGerealiseerd:
				opgave !== null && opgave > 0 && s.gehuisvest !== null ? s.gehuisvest / opgave : null,
			prognoseEindsaldo: prognose,
			trede:
				((besluit?.trede ?? laatste?.tredeNa) as Trede | undefined) ??
				(beginstandTelt ? start.trede : null),
			peildatum: laatste?.peildatum ?? null,
			tredeIsBesluit: !!besluit,
			tredeIsBeginstand: beginstandTelt,
			signalen: signalenVan.get(s.gemeenteCode) ?? []
		};
	});

	const optellen = (lijst: OverzichtRij[]): Omit<RegioTotaal, 'regio'> => {
		const opgave = lijst.reduce((t, r) => t + Math.max(0, r.opgave ?? 0), 0);
		const gehuisvest = lijst.reduce((t, r) => t + (r.gehuisvest ?? 0), 0);
		const treden: Partial<Record<Trede, number>> = {};
		for (const r of lijst) if (r.trede) treden[r.trede] = (treden[r.trede] ?? 0) + 1;
		return {
			gemeenten: lijst.length,
			taakstellingOrigineel: lijst.reduce((t, r) => t + (r.taakstellingOrigineel ?? 0), 0),
			taakstelling: lijst.reduce((t, r) => t + (r.taakstelling ?? 0), 0),
			herverdeeld: lijst.filter((r) => r.herverdeeld !== 0).length,
			opgave,
			gehuisvest,
			nogTeHuisvesten: lijst.reduce((t, r) => t + (r.nogTeHuisvesten ?? 0), 0),
			fractieGerealiseerd: opgave > 0 ? gehuisvest / opgave : null,
			treden
		};
	};
	const regioNamen = [...new Set(rijen.map((r) => r.regio ?? 'Zonder regio'))].sort((a, b) =>
		a.localeCompare(b, 'nl')
	);
	return {
		rijen,
		regios: regioNamen.map((regio) => ({
			regio,
			...optellen(rijen.filter((r) => (r.regio ?? 'Zonder regio') === regio))
		})),
		totaal: optellen(rijen)
	};
}

export async function provincieNaam(code: string): Promise<string | null> {
	const [row] = await db()
		.select({ naam: provincies.naam })
		.from(provincies)
		.where(eq(provincies.code, code));
	return row?.naam ?? null;
}

/** Where the figures of a period come from (import file names), so a screen can say so. */
export async function bronnen(provincieCode: string, periode: string): Promise<string[]> {
	const rows = await db()
		.selectDistinct({ naam: imports.bestandsnaam })
		.from(imports)
		.innerJoin(taakstellingen, eq(taakstellingen.importId, imports.id))
		.innerJoin(gemeenten, eq(gemeenten.code, taakstellingen.gemeenteCode))
		.where(and(eq(taakstellingen.periode, periode), eq(gemeenten.provincieCode, provincieCode)));
	const cijfers = await db()
		.selectDistinct({ naam: imports.bestandsnaam })
		.from(imports)
		.innerJoin(realisatiecijfers, eq(realisatiecijfers.importId, imports.id))
		.innerJoin(gemeenten, eq(gemeenten.code, realisatiecijfers.gemeenteCode))
		.where(and(eq(realisatiecijfers.periode, periode), eq(gemeenten.provincieCode, provincieCode)));
	return [...new Set([...rows, ...cijfers].map((r) => r.naam))].sort();
}
