import {
	formatHalfjaar,
	halfjaarIndex,
	peildata,
	volgendHalfjaar,
	type Halfjaar
} from '../periode/halfjaar';
import { achterstand, eindsaldo, opgave as berekenOpgave } from '../taakstelling/opgave';
import type { Beleid, NietStijgenRegel } from './beleidskader';
import { tredeOmhoog, vereistBesluitVan, type Trede } from './trede';
import { toelichtingEinde, toelichtingMidden } from './toelichting';

/** Figures at the midpoint (1 April / 1 October); `gerealiseerd` counts since the period start. */
export interface MiddenInvoer {
	gerealiseerd: number;
	/** Linked and not yet housed, including COA's forecast. */
	koppelingen: number;
}

/** Figures at the end of the period (1 July / 1 January). */
export interface EindInvoer {
	/** COA realisation since the period start. */
	gerealiseerd: number;
	/** Persons in accepted, signed huurcontracten not yet in the COA figures. */
	huurcontracten: number;
	omkoppelingen: number;
	/** Months of the period in which COA marked the gemeente as stapelgemeente. */
	stapelgemeenteMaanden: number;
	stapelgemeenteInLaatsteMaand: boolean;
}

export interface PeriodeInvoer {
	periode: Halfjaar;
	taakstelling: number;
	beleid: Beleid;
	midden?: MiddenInvoer;
	eind?: EindInvoer;
}

export interface TrajectInvoer {
	gemeente: string;
	startTrede: Trede;
	/** Saldo carried into the first period (+ voorsprong, − achterstand). */
	startSaldo: number;
	perioden: readonly PeriodeInvoer[];
}

export type RedenCode =
	| 'op-schema'
	| 'niet-op-schema'
	| 'trede-blijft-vanaf-2'
	| 'taakstelling-gerealiseerd'
	| 'huurcontracten-meegeteld'
	| 'niet-stijgen-regel'
	| 'onvoldoende-koppelingen'
	| 'omkoppelingen'
	| 'stapelgemeente'
	| 'stijging'
	| 'hoogste-trede'
	| 'niet-gerealiseerd-signaleren';

export interface MiddenBeoordeling {
	kind: 'midpoint';
	peildatum: string;
	period: string;
	taakstelling: number;
	saldoVorigePeriode: number;
	opgave: number;
	/** ceil(opgave / 2), never below 0. */
	minimum: number;
	/** minimum × threshold of the policy: what op schema requires. */
	norm: number;
	gerealiseerd: number;
	/** gerealiseerd / minimum, 3 decimals; null when the minimum is 0. */
	percentageVanMinimum: number | null;
	opSchema: boolean;
	nogTeHuisvesten: number;
	koppelingen: number;
	voldoendeKoppelingen: boolean;
	tredeVoor: Trede;
	tredeNa: Trede;
	vereistBesluit: false;
	redenen: RedenCode[];
	toelichting: string;
}

export interface EindBeoordeling {
	kind: 'end';
	peildatum: string;
	period: string;
	taakstelling: number;
	saldoVorigePeriode: number;
	opgave: number;
	/** COA figures: the basis of the saldo. */
	gerealiseerd: number;
	huurcontracten: number;
	/** What counted for the judgement: COA plus contracts where the policy adds them. */
	meegeteld: number;
	/** gerealiseerd − opgave, COA only: carried into the next period. */
	saldo: number;
	omkoppelingen: number;
	stapelgemeenteMaanden: number;
	stapelgemeenteInLaatsteMaand: boolean;
	/** The midpoint found too few koppelingen (null: no midpoint figures). */
	voldoendeKoppelingenMidden: boolean | null;
	/** The rule that kept the trede, if any. */
	nietStijgenRegel: NietStijgenRegel | null;
	tredeVoor: Trede;
	tredeNa: Trede;
	/** Treden 4–6 are decisions of GS: the engine only proposes them. */
	vereistBesluit: boolean;
	redenen: RedenCode[];
	toelichting: string;
}

export type Beoordeling = MiddenBeoordeling | EindBeoordeling;

const EPSILON = 1e-9;

/**
 * Midpoint check (DOMAIN.md §4, "Midpoint"): minimum = ceil(opgave / 2); op schema when
 * realised ≥ minimum × threshold. Niet op schema: trede 0 → 1, 1 → 2, from 2 up unchanged.
 * Op schema: unchanged (going down happens at the end of a period or by decision).
 */
export function beoordeelMidden(args: {
	periode: Halfjaar;
	taakstelling: number;
	saldoVorigePeriode: number;
	beleid: Beleid;
	invoer: MiddenInvoer;
	tredeVoor: Trede;
}): MiddenBeoordeling {
	const { periode, taakstelling, saldoVorigePeriode, beleid, invoer, tredeVoor } = args;
	const opgave = berekenOpgave(taakstelling, saldoVorigePeriode);
	const minimum = Math.max(0, Math.ceil(opgave / 2));
	const norm = minimum * beleid.midpointThreshold;
	const opSchema = invoer.gerealiseerd + EPSILON >= norm;
	const nogTeHuisvesten = Math.max(0, opgave - invoer.gerealiseerd);
	const redenen: RedenCode[] = [opSchema ? 'op-schema' : 'niet-op-schema'];
	let tredeNa = tredeVoor;
	if (!opSchema) {
		if (tredeVoor === '0' || tredeVoor === '1') tredeNa = tredeOmhoog(tredeVoor);
		else redenen.push('trede-blijft-vanaf-2');
	}
	const resultaat: Omit<MiddenBeoordeling, 'toelichting'> = {
		kind: 'midpoint',
		peildatum: peildata(periode).midden,
		period: formatHalfjaar(periode),
		taakstelling,
		saldoVorigePeriode,
		opgave,
		minimum,
		norm: Math.round(norm * 1000) / 1000,
		gerealiseerd: invoer.gerealiseerd,
		percentageVanMinimum:
			minimum === 0 ? null : Math.round((invoer.gerealiseerd / minimum) * 1000) / 1000,
		opSchema,
		nogTeHuisvesten,
		koppelingen: invoer.koppelingen,
		voldoendeKoppelingen: invoer.koppelingen >= nogTeHuisvesten,
		tredeVoor,
		tredeNa,
		vereistBesluit: false,
		redenen
	};
	return { ...resultaat, toelichting: toelichtingMidden(resultaat, beleid) };
}

function regelHoudt(
	regel: NietStijgenRegel,
	meegeteld: number,
	opgave: number,
	taakstelling: number,
	saldoVorige: number
) {
	switch (regel.kind) {
		case 'fractionOfOpgave':
			return meegeteld + EPSILON >= regel.fraction * opgave;
		case 'taakstellingPlusFractionOfAchterstand':
			return meegeteld + EPSILON >= taakstelling + regel.fraction * achterstand(saldoVorige);
	}
}

/**
 * End-of-period judgement (DOMAIN.md §4, "End of period"), rules in this order:
 * 1. realised ≥ opgave → trede 0, whatever the old trede;
 * 2. a "do not rise" rule of the policy holds → unchanged;
 * 3. an excuse holds (too few koppelingen at the midpoint; omkoppelingen unless disregarded;
 *    stapelgemeente ≥ 3 months including the last month) → unchanged;
 *    (rules 2 and 3 never keep a gemeente at trede 0 "taakstelling gerealiseerd" when it missed
 *    its opgave: from 0 it goes to 1, signaleren);
 * 4. otherwise one trede up. A result of 4, 5 or 6 is a proposal that needs a decision.
 * Huurcontracten count for this judgement (only when needed, by default), never for the saldo.
 */
export function beoordeelEinde(args: {
	periode: Halfjaar;
	taakstelling: number;
	saldoVorigePeriode: number;
	beleid: Beleid;
	invoer: EindInvoer;
	midden: MiddenBeoordeling | null;
	tredeVoor: Trede;
}): EindBeoordeling {
	const { periode, taakstelling, saldoVorigePeriode, beleid, invoer, midden, tredeVoor } = args;
	const opgave = berekenOpgave(taakstelling, saldoVorigePeriode);
	const coaVoldoende = invoer.gerealiseerd >= opgave;
	const contractenTellen =
		invoer.huurcontracten > 0 && !(beleid.huurcontractenOnlyWhenNeeded && coaVoldoende);
	const meegeteld = invoer.gerealiseerd + (contractenTellen ? invoer.huurcontracten : 0);
	const redenen: RedenCode[] = [];
	if (contractenTellen) redenen.push('huurcontracten-meegeteld');

	let tredeNa: Trede;
	let nietStijgenRegel: NietStijgenRegel | null = null;
	const voldoendeKoppelingenMidden = midden ? midden.voldoendeKoppelingen : null;
	if (meegeteld >= opgave) {
		tredeNa = '0';
		redenen.push('taakstelling-gerealiseerd');
	} else {
		nietStijgenRegel =
			beleid.notRising.find((r) =>
				regelHoudt(r, meegeteld, opgave, taakstelling, saldoVorigePeriode)
			) ?? null;
		const excuses: RedenCode[] = [];
		if (voldoendeKoppelingenMidden === false) excuses.push('onvoldoende-koppelingen');
		if (invoer.omkoppelingen > 0 && !beleid.disregardOmkoppelingen) excuses.push('omkoppelingen');
		if (invoer.stapelgemeenteMaanden >= 3 && invoer.stapelgemeenteInLaatsteMaand) {
			excuses.push('stapelgemeente');
		}
		const behouden = nietStijgenRegel !== null || excuses.length > 0;
		if (nietStijgenRegel) redenen.push('niet-stijgen-regel');
		else redenen.push(...excuses);
		if (behouden && tredeVoor === '0') {
			// Rules 2 and 3 stop a rise, but trede 0 means "taakstelling gerealiseerd" (not on the
			// ladder): a gemeente that missed its opgave is at least at trede 1, signaleren
			// (handreiking fase 1.1–1.2: not realised → fase 1, also when excused).
			tredeNa = '1';
			redenen.push('niet-gerealiseerd-signaleren');
		} else if (behouden) {
			tredeNa = tredeVoor;
		} else if (tredeVoor === '6') {
			tredeNa = '6';
			redenen.push('hoogste-trede');
		} else {
			tredeNa = tredeOmhoog(tredeVoor);
			redenen.push('stijging');
		}
	}
	const resultaat: Omit<EindBeoordeling, 'toelichting'> = {
		kind: 'end',
		peildatum: peildata(periode).eind,
		period: formatHalfjaar(periode),
		taakstelling,
		saldoVorigePeriode,
		opgave,
		gerealiseerd: invoer.gerealiseerd,
		huurcontracten: invoer.huurcontracten,
		meegeteld,
		saldo: eindsaldo(invoer.gerealiseerd, opgave),
		omkoppelingen: invoer.omkoppelingen,
		stapelgemeenteMaanden: invoer.stapelgemeenteMaanden,
		stapelgemeenteInLaatsteMaand: invoer.stapelgemeenteInLaatsteMaand,
		voldoendeKoppelingenMidden,
		nietStijgenRegel,
		tredeVoor,
		tredeNa,
		vereistBesluit: tredeNa !== tredeVoor && vereistBesluitVan(tredeNa),
		redenen
	};
	return { ...resultaat, toelichting: toelichtingEinde(resultaat, beleid) };
}

export type TrajectFout = { pad: string; melding: string };

/**
 * A gemeente's trajectory through consecutive periods: each period's opgave carries the
 * previous end saldo; the trede flows from one peildatum to the next. Periods must be
 * consecutive, and only the last period may lack its end figures (without them the carry-over
 * into a next period is unknown).
 */
export function beoordeelTraject(
	invoer: TrajectInvoer
): { ok: true; beoordelingen: Beoordeling[] } | { ok: false; fouten: TrajectFout[] } {
	const fouten: TrajectFout[] = [];
	invoer.perioden.forEach((p, i) => {
		const vorige = invoer.perioden[i - 1];
		if (vorige && halfjaarIndex(p.periode) !== halfjaarIndex(volgendHalfjaar(vorige.periode))) {
			fouten.push({
				pad: `periods[${i}].period`,
				melding: `moet het halfjaar direct na ${formatHalfjaar(vorige.periode)} zijn (${formatHalfjaar(volgendHalfjaar(vorige.periode))})`
			});
		}
		if (!p.eind && i < invoer.perioden.length - 1) {
			fouten.push({
				pad: `periods[${i}].end`,
				melding: 'ontbreekt: zonder eindcijfers is het saldo voor de volgende periode onbekend'
			});
		}
	});
	if (fouten.length > 0) return { ok: false, fouten };

	const beoordelingen: Beoordeling[] = [];
	let trede = invoer.startTrede;
	let saldo = invoer.startSaldo;
	for (const p of invoer.perioden) {
		let midden: MiddenBeoordeling | null = null;
		if (p.midden) {
			midden = beoordeelMidden({
				periode: p.periode,
				taakstelling: p.taakstelling,
				saldoVorigePeriode: saldo,
				beleid: p.beleid,
				invoer: p.midden,
				tredeVoor: trede
			});
			beoordelingen.push(midden);
			trede = midden.tredeNa;
		}
		if (p.eind) {
			const eind = beoordeelEinde({
				periode: p.periode,
				taakstelling: p.taakstelling,
				saldoVorigePeriode: saldo,
				beleid: p.beleid,
				invoer: p.eind,
				midden,
				tredeVoor: trede
			});
			beoordelingen.push(eind);
			trede = eind.tredeNa;
			saldo = eind.saldo;
		}
	}
	return { ok: true, beoordelingen };
}
