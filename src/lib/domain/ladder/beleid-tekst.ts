import { formatHalfjaar, halfjaarIndex, vorigHalfjaar, type Halfjaar } from '../periode/halfjaar';
import {
	beleidVoorPeriode,
	STANDAARD_BELEID,
	type Beleid,
	type BeleidsVersie,
	type NietStijgenRegel
} from './beleidskader';

/**
 * A provincie's aanvullend beleidskader in plain Dutch (DOMAIN.md §4): what a version says, what
 * it changed, and which version applies to which periods. The policy page and the toezichtbrief
 * state a policy the same way, with percentages as percentages.
 */

const procent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/** 0.7 → "70%", 0.255 → "25,5%" (nl-NL, at most one decimal). */
export function procentTekst(fractie: number): string {
	return procent.format(fractie);
}

const GELIJK = 1e-9;
const zelfdeGetal = (a: number, b: number) => Math.abs(a - b) < GELIJK;

/** "Drempel halverwege: 70% van het minimum" */
export function drempelTekst(b: Pick<Beleid, 'midpointThreshold'>): string {
	return `Drempel halverwege: ${procentTekst(b.midpointThreshold)} van het minimum`;
}

/** The rule without its verb, so that a change can put an arrow in the middle. */
function regelDelen(r: NietStijgenRegel): { voor: string; na: string } {
	return r.kind === 'fractionOfOpgave'
		? { voor: 'ten minste ', na: ' van de opgave' }
		: { voor: 'ten minste de taakstelling plus ', na: ' van de meegenomen achterstand' };
}

/** "Niet stijgen bij ten minste 70% van de opgave" */
export function regelTekst(r: NietStijgenRegel): string {
	const d = regelDelen(r);
	return `Niet stijgen bij ${d.voor}${procentTekst(r.fraction)}${d.na}`;
}

const omkoppelingTekst = (negeren: boolean) =>
	negeren
		? 'Omkoppelingen door het COA gelden niet als excuus'
		: 'Omkoppelingen door het COA gelden als excuus';

const huurcontractTekst = (alleenNodig: boolean) =>
	alleenNodig
		? 'Huurcontracten tellen alleen mee als de COA-cijfers niet volstaan'
		: 'Huurcontracten tellen altijd mee';

/** One line per element of the policy, in the order of the engine's rules. */
export function beschrijfBeleid(b: Beleid): string[] {
	return [
		drempelTekst(b),
		...(b.notRising.length === 0
			? ['Geen tijdelijke regel om niet te stijgen']
			: b.notRising.map(regelTekst)),
		omkoppelingTekst(b.disregardOmkoppelingen),
		huurcontractTekst(b.huurcontractenOnlyWhenNeeded)
	];
}

const zelfdeRegel = (a: NietStijgenRegel, b: NietStijgenRegel) =>
	a.kind === b.kind && zelfdeGetal(a.fraction, b.fraction);

/**
 * What changed from `voor` to `na`, one line per change ("Drempel halverwege: 100% → 70% van het
 * minimum"). Rules are compared as a list without order: a rule of the same kind with another
 * percentage reads as a change, other rules as added ("Nieuw: …") or dropped ("Vervallen: …").
 * No change at all gives one line that says so.
 */
export function vergelijkBeleid(voor: Beleid, na: Beleid): string[] {
	const regels: string[] = [];
	if (!zelfdeGetal(voor.midpointThreshold, na.midpointThreshold)) {
		regels.push(
			`Drempel halverwege: ${procentTekst(voor.midpointThreshold)} → ${procentTekst(na.midpointThreshold)} van het minimum`
		);
	}

	// Rules present in both (same kind and percentage) are unchanged; match each only once.
	const vervallen = [...voor.notRising];
	const nieuw: NietStijgenRegel[] = [];
	for (const r of na.notRising) {
		const i = vervallen.findIndex((v) => zelfdeRegel(v, r));
		if (i >= 0) vervallen.splice(i, 1);
		else nieuw.push(r);
	}
	for (const r of [...nieuw]) {
		const i = vervallen.findIndex((v) => v.kind === r.kind);
		if (i < 0) continue;
		const [oud] = vervallen.splice(i, 1);
		nieuw.splice(nieuw.indexOf(r), 1);
		const d = regelDelen(r);
		regels.push(
			`Niet stijgen bij ${d.voor}${procentTekst(oud!.fraction)} → ${procentTekst(r.fraction)}${d.na}`
		);
	}
	for (const r of vervallen) regels.push(`Vervallen: ${lager(regelTekst(r))}`);
	for (const r of nieuw) regels.push(`Nieuw: ${lager(regelTekst(r))}`);

	if (voor.disregardOmkoppelingen !== na.disregardOmkoppelingen) {
		regels.push(
			`Omkoppelingen door het COA: ${voor.disregardOmkoppelingen ? 'geen excuus' : 'wel een excuus'} → ${na.disregardOmkoppelingen ? 'geen excuus' : 'wel een excuus'}`
		);
	}
	if (voor.huurcontractenOnlyWhenNeeded !== na.huurcontractenOnlyWhenNeeded) {
		const h = (alleenNodig: boolean) => (alleenNodig ? 'alleen als nodig' : 'altijd');
		regels.push(
			`Huurcontracten tellen mee: ${h(voor.huurcontractenOnlyWhenNeeded)} → ${h(na.huurcontractenOnlyWhenNeeded)}`
		);
	}
	return regels.length > 0 ? regels : ['Geen inhoudelijke wijziging'];
}

const lager = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * What a version is compared with: the previous version for the same `vanaf`, or else the policy
 * that applied to the period before `vanaf` (the standard policy when there was none: null).
 */
export function vorigeVersie(
	versies: readonly BeleidsVersie[],
	v: BeleidsVersie
): BeleidsVersie | null {
	const zelfdeVanaf = versies.filter(
		(x) =>
			x.provincieCode === v.provincieCode &&
			halfjaarIndex(x.vanaf) === halfjaarIndex(v.vanaf) &&
			x.versie < v.versie
	);
	if (zelfdeVanaf.length > 0) {
		return zelfdeVanaf.reduce((a, b) => (b.versie > a.versie ? b : a));
	}
	return beleidVoorPeriode(versies, v.provincieCode, vorigHalfjaar(v.vanaf));
}

/** "versie 2 vanaf 2021-II", or "standaardbeleid" for no version. */
export function versieNaam(v: Pick<BeleidsVersie, 'versie' | 'vanaf'> | null): string {
	return v ? `versie ${v.versie} vanaf ${formatHalfjaar(v.vanaf)}` : 'standaardbeleid';
}

export interface BeleidsPeriode {
	/** First period of the range; null: everything before the first version. */
	van: Halfjaar | null;
	/** Last period of the range; null: open-ended. */
	tot: Halfjaar | null;
	/** The version in force (the highest for that `vanaf`); null: the standard policy. */
	versie: BeleidsVersie | null;
	beleid: Beleid;
}

/**
 * Which policy applies to which periods: the standard policy before the first version, then per
 * `vanaf` its highest version up to the next `vanaf`. Consistent with `beleidVoorPeriode`.
 */
export function beleidsperioden(
	versies: readonly BeleidsVersie[],
	provincieCode: string
): BeleidsPeriode[] {
	const eigen = versies.filter((v) => v.provincieCode === provincieCode);
	const vanafs = [...new Set(eigen.map((v) => halfjaarIndex(v.vanaf)))].sort((a, b) => a - b);
	const eerste = eigen.find((v) => halfjaarIndex(v.vanaf) === vanafs[0]);
	const perioden: BeleidsPeriode[] = [
		{
			van: null,
			tot: eerste ? vorigHalfjaar(eerste.vanaf) : null,
			versie: null,
			beleid: STANDAARD_BELEID
		}
	];
	vanafs.forEach((index, i) => {
		const hoogste = eigen
			.filter((v) => halfjaarIndex(v.vanaf) === index)
			.reduce((a, b) => (b.versie > a.versie ? b : a));
		const volgende = vanafs[i + 1];
		const volgendeVersie =
			volgende === undefined ? undefined : eigen.find((v) => halfjaarIndex(v.vanaf) === volgende);
		perioden.push({
			van: hoogste.vanaf,
			tot: volgendeVersie ? vorigHalfjaar(volgendeVersie.vanaf) : null,
			versie: hoogste,
			beleid: hoogste.beleid
		});
	});
	return perioden;
}

/** "t/m 2021-I", "2021-II t/m 2022-I", "vanaf 2022-II", "alle perioden". */
export function periodeBereik(p: Pick<BeleidsPeriode, 'van' | 'tot'>): string {
	if (!p.van && !p.tot) return 'alle perioden';
	if (!p.van) return `t/m ${formatHalfjaar(p.tot!)}`;
	if (!p.tot) return `vanaf ${formatHalfjaar(p.van)}`;
	if (halfjaarIndex(p.van) === halfjaarIndex(p.tot)) return formatHalfjaar(p.van);
	return `${formatHalfjaar(p.van)} t/m ${formatHalfjaar(p.tot)}`;
}
