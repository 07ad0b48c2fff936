import { herberekenBeoordelingen } from '../services/beoordelingen';
import { eq } from 'drizzle-orm';
import { parseHalfjaar } from '$lib/domain/periode/halfjaar';
import type { Executor } from '../db';
import { taakstellingen } from '../db/schema';
import type { MutatieContext } from '../mutatie';
import {
	cel,
	koppelKolommen,
	leesGeheelGetal,
	leesGemeentecode,
	melding,
	type Melding,
	type Tabel
} from './tabel';
import { gemeentenVanJaar, publiceerPerProvincie, zelfdeNaam } from './vastleggen';

/** Column names seen in the Rijk's bijlage and in provinces' own lists. */
export const TAAKSTELLING_KOLOMMEN = {
	code: { namen: ['gemeentecode', 'code', 'cbs-code', 'cbscode', 'gm-code'], verplicht: true },
	naam: { namen: ['gemeentenaam', 'gemeente', 'naam'], verplicht: false },
	aantal: { namen: ['taakstelling', 'aantal', 'taakstelling aantal'], verplicht: true }
} as const;

export type VerschilStatus = 'nieuw' | 'gewijzigd' | 'ongewijzigd';

export interface TaakstellingRegel {
	/** Row in the file; null for a computed taakstelling. */
	rij: number | null;
	gemeenteCode: string;
	gemeenteNaam: string;
	provincieCode: string;
	aantal: number;
	/** What is stored now, or null. */
	vorig: number | null;
	status: VerschilStatus;
}

export interface TaakstellingAnalyse {
	periode: string;
	/** The year of the gebiedsindeling the codes are checked against. */
	jaar: number;
	regels: TaakstellingRegel[];
	fouten: Melding[];
	waarschuwingen: Melding[];
	telling: Record<VerschilStatus, number>;
}

export const status = (vorig: number | null, nieuw: number): VerschilStatus =>
	vorig === null ? 'nieuw' : vorig === nieuw ? 'ongewijzigd' : 'gewijzigd';

export function tel(regels: readonly { status: VerschilStatus }[]): Record<VerschilStatus, number> {
	const t = { nieuw: 0, gewijzigd: 0, ongewijzigd: 0 };
	for (const r of regels) t[r.status]++;
	return t;
}

/**
 * The gemeenten are those of the gebiedsindeling on 1 January of the period's year: a
 * taakstelling for 2026-II is set for the gemeenten as they exist in 2026.
 */
export function jaarVanPeriode(periode: string): number | null {
	return parseHalfjaar(periode)?.jaar ?? null;
}

export async function opgeslagenTaakstellingen(exec: Executor, periode: string) {
	const rows = await exec
		.select({ code: taakstellingen.gemeenteCode, aantal: taakstellingen.aantal })
		.from(taakstellingen)
		.where(eq(taakstellingen.periode, periode));
	return new Map(rows.map((r) => [r.code, r.aantal]));
}

export function geenGemeentenFout(jaar: number): Melding {
	return melding(
		'geen-gemeenten',
		`Voor ${jaar} zijn geen gemeenten bekend (de gebiedsindeling van 1 januari ${jaar} ontbreekt); laad eerst de gemeenten van ${jaar}.`
	);
}

/** Validates every row and compares it with what is stored; writes nothing. */
export async function analyseerTaakstelling(
	exec: Executor,
	tabel: Tabel,
	periode: string
): Promise<TaakstellingAnalyse> {
	const fouten: Melding[] = [];
	const waarschuwingen: Melding[] = [];
	const jaar = jaarVanPeriode(periode);
	if (jaar === null) {
		fouten.push(
			melding('periode-ongeldig', `'${periode}' is geen halfjaar zoals '2026-I' of '2026-II'.`)
		);
		return { periode, jaar: 0, regels: [], fouten, waarschuwingen, telling: tel([]) };
	}
	const { kolommen, fouten: kolomFouten } = koppelKolommen(tabel, TAAKSTELLING_KOLOMMEN);
	fouten.push(...kolomFouten);
	const bekend = await gemeentenVanJaar(exec, jaar);
	if (bekend.size === 0) fouten.push(geenGemeentenFout(jaar));
	if (fouten.length > 0) {
		return { periode, jaar, regels: [], fouten, waarschuwingen, telling: tel([]) };
	}

	const opgeslagen = await opgeslagenTaakstellingen(exec, periode);
	const regels: TaakstellingRegel[] = [];
	const gezien = new Map<string, number>();
	for (const rij of tabel.rijen) {
		const code = cel(rij, kolommen, 'code')!;
		const aantal = cel(rij, kolommen, 'aantal')!;
		const naam = cel(rij, kolommen, 'naam');
		const plaats = (kolom: string) => ({ rij: rij.rij, kolom });

		const gemeenteCode = leesGemeentecode(code.waarde);
		let rijGoed = true;
		if (gemeenteCode === null) {
			rijGoed = false;
			fouten.push(
				melding(
					'code-ongeldig',
					code.waarde === ''
						? 'de gemeentecode ontbreekt.'
						: `'${code.waarde}' is geen gemeentecode (verwacht zoals GM0518).`,
					plaats(code.kolom)
				)
			);
		} else if (!bekend.has(gemeenteCode)) {
			rijGoed = false;
			fouten.push(
				melding(
					'code-onbekend',
					`gemeentecode ${gemeenteCode} bestaat niet in de gebiedsindeling van ${jaar}.`,
					plaats(code.kolom)
				)
			);
		} else if (gezien.has(gemeenteCode)) {
			rijGoed = false;
			fouten.push(
				melding(
					'gemeente-dubbel',
					`${gemeenteCode} staat al op rij ${gezien.get(gemeenteCode)}.`,
					plaats(code.kolom)
				)
			);
		}
		const n = leesGeheelGetal(aantal.waarde);
		if (n === null) {
			rijGoed = false;
			fouten.push(
				melding(
					'geen-getal',
					aantal.waarde === ''
						? 'de taakstelling ontbreekt.'
						: `'${aantal.waarde}' is geen geheel getal.`,
					plaats(aantal.kolom)
				)
			);
		} else if (n < 0) {
			rijGoed = false;
			fouten.push(
				melding('negatief', `de taakstelling mag niet negatief zijn (${n}).`, plaats(aantal.kolom))
			);
		}
		if (!rijGoed || gemeenteCode === null || n === null) continue;
		gezien.set(gemeenteCode, rij.rij);
		const info = bekend.get(gemeenteCode)!;
		if (naam && naam.waarde !== '' && !zelfdeNaam(naam.waarde, info.naam)) {
			waarschuwingen.push(
				melding(
					'naam-wijkt-af',
					`'${naam.waarde}' is niet de naam van ${gemeenteCode} in ${jaar} (dat is ${info.naam}); de code telt.`,
					plaats(naam.kolom)
				)
			);
		}
		const vorig = opgeslagen.get(gemeenteCode) ?? null;
		regels.push({
			rij: rij.rij,
			gemeenteCode,
			gemeenteNaam: info.naam,
			provincieCode: info.provincieCode,
			aantal: n,
			vorig,
			status: status(vorig, n)
		});
	}
	if (tabel.rijen.length === 0) {
		fouten.push(melding('geen-rijen', 'Het bestand bevat geen rijen onder de kopregel.'));
	}
	for (const [code] of opgeslagen) {
		if (!gezien.has(code)) {
			waarschuwingen.push(
				melding(
					'niet-in-bestand',
					`${code} heeft een opgeslagen taakstelling voor ${periode} maar staat niet in het bestand; die blijft staan.`
				)
			);
		}
	}
	return { periode, jaar, regels, fouten, waarschuwingen, telling: tel(regels) };
}

/**
 * Writes the rows that differ (an unchanged row keeps its original import as its source) and
 * tells the provincie rooms affected. Shared by the import and the computation.
 */
export async function schrijfTaakstellingen(
	ctx: MutatieContext,
	importId: number,
	a: { periode: string; regels: TaakstellingRegel[] },
	bron: { bron: 'import' | 'berekend'; vg: number | null }
) {
	const gewijzigd = a.regels.filter((r) => r.status !== 'ongewijzigd');
	for (const r of gewijzigd) {
		const waarden = { aantal: r.aantal, bron: bron.bron, vg: bron.vg, importId };
		await ctx.tx
			.insert(taakstellingen)
			.values({ periode: a.periode, gemeenteCode: r.gemeenteCode, ...waarden })
			.onConflictDoUpdate({
				target: [taakstellingen.periode, taakstellingen.gemeenteCode],
				set: waarden
			});
	}
	const provincies =
		gewijzigd.length === 0
			? []
			: await publiceerPerProvincie(ctx, 'taakstellingen.gewijzigd', gewijzigd, {
					periode: a.periode,
					importId
				});
	// Standings follow the taakstelling in the same transaction: all of it commits, or none.
	await herberekenBeoordelingen(
		ctx,
		gewijzigd.map((r) => r.gemeenteCode)
	);
	return {
		periode: a.periode,
		...tel(a.regels),
		provincies,
		wijzigingen: gewijzigd.map((r) => ({ gemeente: r.gemeenteCode, van: r.vorig, naar: r.aantal }))
	};
}
