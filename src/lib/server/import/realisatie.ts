import { MAANDEN } from '$lib/domain/periode/maanden';
import { geldendeBeginstanden, herberekenBeoordelingen } from '../services/beoordelingen';
import { and, eq, inArray, min, sql } from 'drizzle-orm';
import { formatHalfjaar, parseHalfjaar, vorigHalfjaar } from '$lib/domain/periode/halfjaar';
import { formatDatum } from '$lib/format/datum';
import { formatSaldo, leesSaldo } from '$lib/format/getal';
import type { Executor } from '../db';
import { beoordelingen, realisatiecijfers, taakstellingen } from '../db/schema';
import type { MutatieContext } from '../mutatie';
import {
	cel,
	koppelKolommen,
	leesGeheelGetal,
	leesGemeentecode,
	leesJaNee,
	melding,
	type Melding,
	type Tabel
} from './tabel';
import { geenGemeentenFout, tel, type VerschilStatus } from './taakstelling';
import {
	gemeentenVanJaar,
	publiceerPerProvincie,
	zelfdeNaam,
	type GemeenteInfo
} from './vastleggen';

/** The columns of COA's monthly overview (TVS export) and of provinces' own sheets. */
export const REALISATIE_KOLOMMEN = {
	code: { namen: ['gemeentecode', 'code', 'cbs-code', 'cbscode', 'gm-code'], verplicht: true },
	naam: { namen: ['gemeentenaam', 'gemeente', 'naam'], verplicht: false },
	maand: { namen: ['maand', 'peilmaand', 'periode maand'], verplicht: false },
	gehuisvest: {
		namen: [
			'gehuisvest',
			'gerealiseerd',
			'realisatie',
			'huisvesting',
			'gehuisvest sinds start periode'
		],
		verplicht: true
	},
	koppelingen: {
		namen: ['koppelingen', 'gekoppeld', 'koppelingen incl prognose', 'koppelingen incl. prognose'],
		verplicht: true
	},
	omkoppelingen: { namen: ['omkoppelingen', 'omgekoppeld'], verplicht: true },
	stapelgemeente: { namen: ['stapelgemeente', 'stapel'], verplicht: true },
	/**
	 * Optional: the achterstand (−) or voorsprong (+) COA carries into the period. Compared with
	 * the portal's own carry-over ('saldo-wijkt-af'), never used instead of it.
	 */
	saldoVorigePeriode: {
		namen: [
			'saldo vorige periode',
			'saldo begin periode',
			'saldo start periode',
			'achterstand/voorsprong',
			'voorsprong/achterstand',
			'achterstand voorsprong',
			'overloop',
			'overloop vorige periode',
			'meegenomen saldo'
		],
		verplicht: false
	}
} as const;

export interface RealisatieCijfers {
	gehuisvest: number;
	koppelingen: number;
	omkoppelingen: number;
	stapelgemeente: boolean;
	/** COA's carried saldo (+ voorsprong, − achterstand); null when the file does not state it. */
	saldoVorigePeriode: number | null;
}

export interface RealisatieRegel extends RealisatieCijfers {
	rij: number;
	gemeenteCode: string;
	gemeenteNaam: string;
	provincieCode: string;
	maand: string;
	periode: string;
	vorig: RealisatieCijfers | null;
	status: VerschilStatus;
	/** Consistency flags of this row (codes of its warnings). */
	signalen: string[];
}

export interface RealisatieAnalyse {
	regels: RealisatieRegel[];
	fouten: Melding[];
	waarschuwingen: Melding[];
	telling: Record<VerschilStatus, number>;
}

/** '2026-03', '2026-3', '03-2026', '3/2026', '202603', '2026-03-31' (Excel date), 'maart 2026'. */
export function leesMaand(tekst: string): string | null {
	const t = tekst.trim().toLowerCase();
	let jaar: number | null = null;
	let maand: number | null = null;
	let m: RegExpExecArray | null;
	if ((m = /^(\d{4})[-/ ](\d{1,2})(?:[-/]\d{1,2})?$/.exec(t))) [jaar, maand] = [+m[1]!, +m[2]!];
	else if ((m = /^(\d{1,2})[-/ ](\d{4})$/.exec(t))) [maand, jaar] = [+m[1]!, +m[2]!];
	else if ((m = /^(\d{4})(\d{2})$/.exec(t))) [jaar, maand] = [+m[1]!, +m[2]!];
	else if ((m = /^([a-z]+)\s+(\d{4})$/.exec(t))) {
		const i = MAANDEN.findIndex((n) => n === m![1] || n.slice(0, 3) === m![1]);
		if (i >= 0) [maand, jaar] = [i + 1, +m[2]!];
	}
	if (jaar === null || maand === null || maand < 1 || maand > 12 || jaar < 1990 || jaar > 2200) {
		return null;
	}
	return `${jaar}-${String(maand).padStart(2, '0')}`;
}

export function periodeVanMaand(maand: string): string {
	const [j, m] = maand.split('-').map(Number) as [number, number];
	return formatHalfjaar({ jaar: j, helft: m <= 6 ? 1 : 2 });
}

/** The previous month within the same half year, or null at the period's first month. */
function vorigeMaandInPeriode(maand: string): string | null {
	const [j, m] = maand.split('-').map(Number) as [number, number];
	if (m === 1 || m === 7) return null;
	return `${j}-${String(m - 1).padStart(2, '0')}`;
}

function volgendeMaandInPeriode(maand: string): string | null {
	const [j, m] = maand.split('-').map(Number) as [number, number];
	if (m === 6 || m === 12) return null;
	return `${j}-${String(m + 1).padStart(2, '0')}`;
}

/** What the portal carries into a period, and where that comes from. */
export interface PortaalSaldo {
	saldo: number;
	bron:
		| { soort: 'eindbeoordeling'; periode: string; peildatum: string }
		| { soort: 'beginstand' }
		| { soort: 'geen-beginstand' };
}

/**
 * The saldo the portal carries into each (gemeente, periode) asked for: the stored end
 * assessment's saldo of the previous period or, for the gemeente's first period with a
 * taakstelling (or when it has none yet), its beginstand (0 without one). Null — no comparison —
 * for a later period whose previous one has no end assessment, or a period before the first.
 */
export async function portaalSaldoBijStart(
	exec: Executor,
	codes: readonly string[],
	gevraagd: readonly { gemeenteCode: string; periode: string }[]
): Promise<Map<string, PortaalSaldo>> {
	const uit = new Map<string, PortaalSaldo>();
	if (gevraagd.length === 0) return uit;
	const vorige = (periode: string) => formatHalfjaar(vorigHalfjaar(parseHalfjaar(periode)!));
	const [eindes, eerste, starts] = await Promise.all([
		exec
			.select({
				code: beoordelingen.gemeenteCode,
				periode: beoordelingen.periode,
				peildatum: beoordelingen.peildatum,
				resultaat: beoordelingen.resultaat
			})
			.from(beoordelingen)
			.where(
				and(
					inArray(beoordelingen.gemeenteCode, [...codes]),
					eq(beoordelingen.kind, 'end'),
					inArray(beoordelingen.periode, [...new Set(gevraagd.map((g) => vorige(g.periode)))])
				)
			),
		exec
			.select({ code: taakstellingen.gemeenteCode, periode: min(taakstellingen.periode) })
			.from(taakstellingen)
			.where(inArray(taakstellingen.gemeenteCode, [...codes]))
			.groupBy(taakstellingen.gemeenteCode),
		geldendeBeginstanden(exec, codes)
	]);
	const eind = new Map(eindes.map((e) => [`${e.code}:${e.periode}`, e]));
	const eersteVan = new Map(eerste.map((e) => [e.code, e.periode]));
	for (const { gemeenteCode, periode } of gevraagd) {
		const v = vorige(periode);
		const e = eind.get(`${gemeenteCode}:${v}`);
		const saldo = (e?.resultaat as { saldo?: unknown } | undefined)?.saldo;
		if (e && typeof saldo === 'number') {
			uit.set(`${gemeenteCode}:${periode}`, {
				saldo,
				bron: { soort: 'eindbeoordeling', periode: v, peildatum: e.peildatum }
			});
			continue;
		}
		// 'YYYY-I' < 'YYYY-II' < 'YYYY+1-I' as text.
		const eerstePeriode = eersteVan.get(gemeenteCode) ?? null;
		if (eerstePeriode !== null && periode !== eerstePeriode) continue;
		const b = starts.get(gemeenteCode);
		uit.set(`${gemeenteCode}:${periode}`, {
			saldo: b?.saldo ?? 0,
			bron: b ? { soort: 'beginstand' } : { soort: 'geen-beginstand' }
		});
	}
	return uit;
}

function saldoBericht(periode: string, coa: number, p: PortaalSaldo): string {
	const s = formatSaldo;
	switch (p.bron.soort) {
		case 'eindbeoordeling':
			return `COA meldt een saldo van ${s(coa)} uit ${p.bron.periode}; het portaal berekende ${s(p.saldo)} (eindbeoordeling ${formatDatum(p.bron.peildatum)}). Het portaal rekent met zijn eigen saldo; controleer de COA-cijfers en die van ${p.bron.periode}.`;
		case 'beginstand':
			return `COA meldt een saldo van ${s(coa)} bij de start van ${periode}; de vastgelegde stand bij aanvang zegt ${s(p.saldo)}. Het portaal rekent met ${s(p.saldo)}; controleer de COA-cijfers of de stand bij aanvang.`;
		case 'geen-beginstand':
			return `COA meldt een saldo van ${s(coa)} bij de start van ${periode}; het portaal rekent met ${s(p.saldo)}, omdat er geen stand bij aanvang is vastgelegd. Leg die vast op de gemeentepagina als het COA-saldo klopt.`;
	}
}

/**
 * Validates COA's monthly figures and flags inconsistencies (issue 3 §3) instead of silently
 * accepting them: koppelingen below zero and unknown gemeentecodes are errors; gehuisvest
 * falling within a period (it counts since the period's start, so it can only rise) is a
 * warning, because COA does correct its registration and the figure must still be importable.
 * So is a carried saldo that differs from the portal's own ('saldo-wijkt-af').
 */
export async function analyseerRealisatie(
	exec: Executor,
	tabel: Tabel,
	/** `YYYY-MM` for rows without a month (chosen on import). */
	peilmaand: string | null
): Promise<RealisatieAnalyse> {
	const fouten: Melding[] = [];
	const waarschuwingen: Melding[] = [];
	const { kolommen, fouten: kolomFouten } = koppelKolommen(tabel, REALISATIE_KOLOMMEN);
	fouten.push(...kolomFouten);
	if (peilmaand !== null && leesMaand(peilmaand) === null) {
		fouten.push(melding('maand-ongeldig', `'${peilmaand}' is geen maand zoals '2026-03'.`));
	}
	if (!kolommen.maand && peilmaand === null) {
		fouten.push(
			melding('maand-ontbreekt', "Het bestand heeft geen kolom 'maand'; kies de peilmaand.")
		);
	}
	if (tabel.rijen.length === 0) {
		fouten.push(melding('geen-rijen', 'Het bestand bevat geen rijen onder de kopregel.'));
	}
	if (fouten.length > 0) return { regels: [], fouten, waarschuwingen, telling: tel([]) };
	const standaard = peilmaand === null ? null : leesMaand(peilmaand);

	const gemeentenPerJaar = new Map<number, Map<string, GemeenteInfo>>();
	const gemeenten = async (jaar: number) => {
		let g = gemeentenPerJaar.get(jaar);
		if (!g) gemeentenPerJaar.set(jaar, (g = await gemeentenVanJaar(exec, jaar)));
		return g;
	};

	const gelezen: Omit<RealisatieRegel, 'vorig' | 'status' | 'signalen'>[] = [];
	const gezien = new Map<string, number>();
	for (const rij of tabel.rijen) {
		const plaats = (kolom: string) => ({ rij: rij.rij, kolom });
		const code = cel(rij, kolommen, 'code')!;
		const maandCel = cel(rij, kolommen, 'maand');
		let goed = true;

		const maand = maandCel && maandCel.waarde !== '' ? leesMaand(maandCel.waarde) : standaard;
		if (maand === null) {
			goed = false;
			fouten.push(
				melding(
					'maand-ongeldig',
					`'${maandCel?.waarde ?? ''}' is geen maand zoals '2026-03'.`,
					plaats(maandCel?.kolom ?? 'maand')
				)
			);
		}
		const gemeenteCode = leesGemeentecode(code.waarde);
		const jaar = maand ? Number(maand.slice(0, 4)) : null;
		const bekend = jaar === null ? null : await gemeenten(jaar);
		let info: GemeenteInfo | undefined;
		if (gemeenteCode === null) {
			goed = false;
			fouten.push(
				melding(
					'code-ongeldig',
					`'${code.waarde}' is geen gemeentecode (verwacht zoals GM0518).`,
					plaats(code.kolom)
				)
			);
		} else if (bekend && jaar !== null) {
			info = bekend.get(gemeenteCode);
			if (bekend.size === 0) {
				goed = false;
				if (!fouten.some((f) => f.code === 'geen-gemeenten')) fouten.push(geenGemeentenFout(jaar));
			} else if (!info) {
				goed = false;
				fouten.push(
					melding(
						'code-onbekend',
						`gemeentecode ${gemeenteCode} bestaat niet in de gebiedsindeling van ${jaar}.`,
						plaats(code.kolom)
					)
				);
			}
		}

		const getallen: Partial<Record<'gehuisvest' | 'koppelingen' | 'omkoppelingen', number>> = {};
		for (const k of ['gehuisvest', 'koppelingen', 'omkoppelingen'] as const) {
			const c = cel(rij, kolommen, k)!;
			const n = leesGeheelGetal(c.waarde);
			if (n === null) {
				goed = false;
				fouten.push(
					melding(
						'geen-getal',
						c.waarde === '' ? `${k} ontbreekt.` : `'${c.waarde}' is geen geheel getal.`,
						plaats(c.kolom)
					)
				);
			} else if (n < 0) {
				goed = false;
				fouten.push(
					melding(
						k === 'koppelingen' ? 'koppelingen-negatief' : 'negatief',
						`${k} kan niet onder nul liggen (${n}).`,
						plaats(c.kolom)
					)
				);
			} else getallen[k] = n;
		}
		const saldoCel = cel(rij, kolommen, 'saldoVorigePeriode');
		let saldoVorigePeriode: number | null = null;
		if (saldoCel && saldoCel.waarde !== '') {
			saldoVorigePeriode = leesSaldo(saldoCel.waarde);
			if (saldoVorigePeriode === null) {
				goed = false;
				fouten.push(
					melding(
						'geen-getal',
						`'${saldoCel.waarde}' is geen saldo: een geheel getal, + voor een voorsprong en − voor een achterstand (bijvoorbeeld −12).`,
						plaats(saldoCel.kolom)
					)
				);
			}
		}
		const stapel = cel(rij, kolommen, 'stapelgemeente')!;
		const stapelgemeente = leesJaNee(stapel.waarde);
		if (stapelgemeente === null) {
			goed = false;
			fouten.push(
				melding('geen-ja-nee', `'${stapel.waarde}' is geen ja of nee.`, plaats(stapel.kolom))
			);
		}
		if (!goed || !info || gemeenteCode === null || maand === null || stapelgemeente === null) {
			continue;
		}
		const sleutel = `${gemeenteCode}:${maand}`;
		if (gezien.has(sleutel)) {
			fouten.push(
				melding(
					'gemeente-dubbel',
					`${gemeenteCode} staat voor ${maand} al op rij ${gezien.get(sleutel)}.`,
					plaats(code.kolom)
				)
			);
			continue;
		}
		gezien.set(sleutel, rij.rij);
		const naam = cel(rij, kolommen, 'naam');
		if (naam && naam.waarde !== '' && !zelfdeNaam(naam.waarde, info.naam)) {
			waarschuwingen.push(
				melding(
					'naam-wijkt-af',
					`'${naam.waarde}' is niet de naam van ${gemeenteCode} in ${jaar} (dat is ${info.naam}); de code telt.`,
					plaats(naam.kolom)
				)
			);
		}
		gelezen.push({
			rij: rij.rij,
			gemeenteCode,
			gemeenteNaam: info.naam,
			provincieCode: info.provincieCode,
			maand,
			periode: periodeVanMaand(maand),
			gehuisvest: getallen.gehuisvest!,
			koppelingen: getallen.koppelingen!,
			omkoppelingen: getallen.omkoppelingen!,
			stapelgemeente,
			saldoVorigePeriode
		});
	}

	// What is stored for these gemeenten and periods, with the file's rows over it: the
	// month-on-month check looks at the figures as they will be after the commit.
	const codes = [...new Set(gelezen.map((r) => r.gemeenteCode))];
	const perioden = [...new Set(gelezen.map((r) => r.periode))];
	const opgeslagen =
		codes.length === 0
			? []
			: await exec
					.select()
					.from(realisatiecijfers)
					.where(
						and(
							inArray(realisatiecijfers.gemeenteCode, codes),
							inArray(realisatiecijfers.periode, perioden)
						)
					);
	const oud = new Map(opgeslagen.map((r) => [`${r.gemeenteCode}:${r.maand}`, r]));
	const straks = new Map<string, number>(
		opgeslagen.map((r) => [`${r.gemeenteCode}:${r.maand}`, r.gehuisvest])
	);
	for (const r of gelezen) straks.set(`${r.gemeenteCode}:${r.maand}`, r.gehuisvest);

	const portaal = await portaalSaldoBijStart(
		exec,
		codes,
		gelezen.filter(
			(r) =>
				r.saldoVorigePeriode !== null ||
				oud.get(`${r.gemeenteCode}:${r.maand}`)?.saldoVorigePeriode != null
		)
	);

	const regels: RealisatieRegel[] = gelezen.map((gelezenRij) => {
		const signalen: string[] = [];
		const o = oud.get(`${gelezenRij.gemeenteCode}:${gelezenRij.maand}`);
		const vorig: RealisatieCijfers | null = o
			? {
					gehuisvest: o.gehuisvest,
					koppelingen: o.koppelingen,
					omkoppelingen: o.omkoppelingen,
					stapelgemeente: o.stapelgemeente,
					saldoVorigePeriode: o.saldoVorigePeriode
				}
			: null;
		// A file without the saldo (column or cell) says nothing about it: keep what is stored.
		const r = {
			...gelezenRij,
			saldoVorigePeriode: gelezenRij.saldoVorigePeriode ?? vorig?.saldoVorigePeriode ?? null
		};
		const waar = { gemeenteCode: r.gemeenteCode, maand: r.maand };
		const vm = vorigeMaandInPeriode(r.maand);
		const ervoor = vm === null ? undefined : straks.get(`${r.gemeenteCode}:${vm}`);
		if (ervoor !== undefined && r.gehuisvest < ervoor) {
			signalen.push('gehuisvest-daalt');
			waarschuwingen.push({
				...melding(
					'gehuisvest-daalt',
					`gehuisvest van ${r.gemeenteCode} daalt binnen ${r.periode} van ${ervoor} (${vm}) naar ${r.gehuisvest} (${r.maand}); het telt sinds de start van de periode en kan niet dalen. Controleer de COA-cijfers.`,
					{
						rij: r.rij,
						kolom: kolommen.gehuisvest?.naam ?? null
					}
				),
				...waar
			});
		}
		// A later month already stored (figures imported out of order) must not be lower either.
		const nm = volgendeMaandInPeriode(r.maand);
		const erna = nm === null ? undefined : straks.get(`${r.gemeenteCode}:${nm}`);
		if (erna !== undefined && erna < r.gehuisvest && !gezien.has(`${r.gemeenteCode}:${nm}`)) {
			signalen.push('gehuisvest-daalt');
			waarschuwingen.push({
				...melding(
					'gehuisvest-daalt',
					`gehuisvest van ${r.gemeenteCode} is ${r.gehuisvest} in ${r.maand} maar het opgeslagen cijfer van ${nm} is lager (${erna}). Controleer de COA-cijfers.`,
					{ rij: r.rij }
				),
				...waar
			});
		}
		// COA's carry-over against the portal's own (issue 3 §3): shown, never taken over.
		// A saldo kept from an earlier import is checked too: the flag belongs to the figures as
		// they will be stored, so a correction of other columns does not make it disappear.
		const p = portaal.get(`${r.gemeenteCode}:${r.periode}`);
		const coa = r.saldoVorigePeriode;
		if (coa !== null && p && p.saldo !== coa) {
			const uitBestand = gelezenRij.saldoVorigePeriode !== null;
			signalen.push('saldo-wijkt-af');
			waarschuwingen.push({
				...melding(
					'saldo-wijkt-af',
					saldoBericht(r.periode, coa, p) +
						(uitBestand ? '' : ' (Het COA-saldo komt uit een eerdere import van deze maand.)'),
					{
						rij: r.rij,
						kolom: uitBestand ? (kolommen.saldoVorigePeriode?.naam ?? null) : null
					}
				),
				...waar
			});
		}
		const zelfde =
			vorig !== null &&
			vorig.gehuisvest === r.gehuisvest &&
			vorig.koppelingen === r.koppelingen &&
			vorig.omkoppelingen === r.omkoppelingen &&
			vorig.stapelgemeente === r.stapelgemeente &&
			vorig.saldoVorigePeriode === r.saldoVorigePeriode;
		return {
			...r,
			vorig,
			status: vorig === null ? 'nieuw' : zelfde ? 'ongewijzigd' : 'gewijzigd',
			signalen
		};
	});
	return { regels, fouten, waarschuwingen, telling: tel(regels) };
}

export async function schrijfRealisatie(
	ctx: MutatieContext,
	importId: number,
	a: RealisatieAnalyse
) {
	const gewijzigd = a.regels.filter((r) => r.status !== 'ongewijzigd');
	// One upsert per chunk of rows (the analysis refused duplicate gemeente/month pairs, which
	// ON CONFLICT DO UPDATE could not take within one statement).
	const nieuw = (k: string) => sql.raw(`excluded.${k}`);
	for (let i = 0; i < gewijzigd.length; i += 500) {
		await ctx.tx
			.insert(realisatiecijfers)
			.values(
				gewijzigd.slice(i, i + 500).map((r) => ({
					gemeenteCode: r.gemeenteCode,
					maand: r.maand,
					periode: r.periode,
					gehuisvest: r.gehuisvest,
					koppelingen: r.koppelingen,
					omkoppelingen: r.omkoppelingen,
					stapelgemeente: r.stapelgemeente,
					saldoVorigePeriode: r.saldoVorigePeriode,
					importId
				}))
			)
			.onConflictDoUpdate({
				target: [realisatiecijfers.gemeenteCode, realisatiecijfers.maand],
				set: {
					periode: nieuw('periode'),
					gehuisvest: nieuw('gehuisvest'),
					koppelingen: nieuw('koppelingen'),
					omkoppelingen: nieuw('omkoppelingen'),
					stapelgemeente: nieuw('stapelgemeente'),
					saldoVorigePeriode: nieuw('saldo_vorige_periode'),
					importId: nieuw('import_id')
				}
			});
	}
	const maanden = [...new Set(gewijzigd.map((r) => r.maand))].sort();
	const provincies =
		gewijzigd.length === 0
			? []
			: await publiceerPerProvincie(ctx, 'realisatie.gewijzigd', gewijzigd, { maanden, importId });
	// Standings follow the figures in the same transaction: all of it commits, or none.
	await herberekenBeoordelingen(
		ctx,
		gewijzigd.map((r) => r.gemeenteCode)
	);
	return { ...a.telling, maanden, provincies, signalen: a.waarschuwingen.length };
}
