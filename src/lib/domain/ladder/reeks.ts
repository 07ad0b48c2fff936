import { formatHalfjaar, parseHalfjaar, volgendHalfjaar, type Halfjaar } from '../periode/halfjaar';
import type { Beleid } from './beleidskader';
import {
	beoordeelEinde,
	beoordeelMidden,
	type Beoordeling,
	type EindInvoer,
	type MiddenBeoordeling,
	type MiddenInvoer
} from './beoordeling';
import type { Trede } from './trede';

/** COA's monthly overview for one gemeente: the stand at the end of `maand` (YYYY-MM). */
export interface MaandCijfers {
	maand: string;
	/** Housed since the start of the period. */
	gehuisvest: number;
	koppelingen: number;
	omkoppelingen: number;
	stapelgemeente: boolean;
}

export interface Besluit {
	periode: string;
	kind: 'midpoint' | 'end';
	trede: Trede;
}

export interface ReeksStap {
	beoordeling: Beoordeling;
	invoer: MiddenInvoer | EindInvoer;
	beleid: Beleid;
	/** The standing after this peildatum: the decision's trede where there is one. */
	stand: Trede;
	besluit: Besluit | null;
}

const maand = (jaar: number, m: number) => `${jaar}-${String(m).padStart(2, '0')}`;

/**
 * Which month's figures serve which peildatum: the midpoint (1 April / 1 October) uses the stand
 * at the end of March / September, the end of the period (1 July / 1 January) that of June /
 * December. COA figures describe the end of a month.
 */
export function peilmaanden(h: Halfjaar): { midden: string; eind: string; alle: string[] } {
	const eerste = h.helft === 1 ? 1 : 7;
	const alle = Array.from({ length: 6 }, (_, i) => maand(h.jaar, eerste + i));
	return { midden: alle[2]!, eind: alle[5]!, alle };
}

/**
 * A gemeente's assessments from stored data: from the first period with a taakstelling on,
 * through consecutive periods while there is a taakstelling, a midpoint where the month's figures
 * are there, an end where the last month's figures are there. Without end figures the carry-over
 * is unknown, so the series stops after that period. A decision replaces the rule result as the
 * standing that the next peildatum starts from.
 */
export function beoordeelReeks(args: {
	taakstellingen: ReadonlyMap<string, number>;
	maanden: ReadonlyMap<string, MaandCijfers>;
	beleidVoor: (periode: Halfjaar) => Beleid;
	besluiten?: readonly Besluit[];
	/** Persons in accepted huurcontracten per periode (judgement only, never the saldo). */
	huurcontracten?: ReadonlyMap<string, number>;
	startTrede?: Trede;
	startSaldo?: number;
}): ReeksStap[] {
	const perioden = [...args.taakstellingen.keys()]
		.map((p) => parseHalfjaar(p))
		.filter((h): h is Halfjaar => h !== null)
		.sort((a, b) => a.jaar - b.jaar || a.helft - b.helft);
	const stappen: ReeksStap[] = [];
	if (perioden.length === 0) return stappen;

	const besluitVoor = (periode: string, kind: Besluit['kind']) =>
		args.besluiten?.filter((b) => b.periode === periode && b.kind === kind).at(-1) ?? null;

	let stand: Trede = args.startTrede ?? '0';
	let saldo = args.startSaldo ?? 0;
	for (let h: Halfjaar = perioden[0]!; ; h = volgendHalfjaar(h)) {
		const periode = formatHalfjaar(h);
		const taakstelling = args.taakstellingen.get(periode);
		if (taakstelling === undefined) break;
		const beleid = args.beleidVoor(h);
		const pm = peilmaanden(h);
		let midden: MiddenBeoordeling | null = null;

		const m = args.maanden.get(pm.midden);
		if (m) {
			const invoer: MiddenInvoer = { gerealiseerd: m.gehuisvest, koppelingen: m.koppelingen };
			midden = beoordeelMidden({
				periode: h,
				taakstelling,
				saldoVorigePeriode: saldo,
				beleid,
				invoer,
				tredeVoor: stand
			});
			const besluit = besluitVoor(periode, 'midpoint');
			stand = besluit?.trede ?? midden.tredeNa;
			stappen.push({ beoordeling: midden, invoer, beleid, stand, besluit });
		}

		const e = args.maanden.get(pm.eind);
		if (!e) break;
		const inPeriode = pm.alle.map((x) => args.maanden.get(x)).filter((x) => x !== undefined);
		const invoer: EindInvoer = {
			gerealiseerd: e.gehuisvest,
			huurcontracten: args.huurcontracten?.get(periode) ?? 0,
			omkoppelingen: inPeriode.reduce((s, x) => s + x.omkoppelingen, 0),
			stapelgemeenteMaanden: inPeriode.filter((x) => x.stapelgemeente).length,
			stapelgemeenteInLaatsteMaand: e.stapelgemeente
		};
		const eind = beoordeelEinde({
			periode: h,
			taakstelling,
			saldoVorigePeriode: saldo,
			beleid,
			invoer,
			midden,
			tredeVoor: stand
		});
		const besluit = besluitVoor(periode, 'end');
		stand = besluit?.trede ?? eind.tredeNa;
		saldo = eind.saldo;
		stappen.push({ beoordeling: eind, invoer, beleid, stand, besluit });
	}
	return stappen;
}
