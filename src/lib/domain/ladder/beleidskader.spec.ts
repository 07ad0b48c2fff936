import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHalfjaar } from '../periode/halfjaar';
import {
	beleidVoorPeriode,
	pasBeleidAan,
	STANDAARD_BELEID,
	type Beleid,
	type BeleidsVersie
} from './beleidskader';

const H = (s: string) => parseHalfjaar(s)!;

const CORONA: Beleid = {
	midpointThreshold: 0.7,
	notRising: [{ kind: 'fractionOfOpgave', fraction: 0.7 }],
	disregardOmkoppelingen: true,
	huurcontractenOnlyWhenNeeded: false
};

describe('pasBeleidAan', () => {
	it('without an override returns the base policy', () => {
		expect(pasBeleidAan(STANDAARD_BELEID, undefined)).toBe(STANDAARD_BELEID);
		expect(pasBeleidAan(STANDAARD_BELEID, {})).toEqual(STANDAARD_BELEID);
	});

	it.each<[keyof Beleid, Partial<Beleid>]>([
		['midpointThreshold', { midpointThreshold: 0.7 }],
		[
			'notRising',
			{ notRising: [{ kind: 'taakstellingPlusFractionOfAchterstand', fraction: 0.25 }] }
		],
		['disregardOmkoppelingen', { disregardOmkoppelingen: true }],
		['huurcontractenOnlyWhenNeeded', { huurcontractenOnlyWhenNeeded: false }]
	])('overrides %s and nothing else', (veld, aanpassing) => {
		const uitkomst = pasBeleidAan(STANDAARD_BELEID, aanpassing);
		expect(uitkomst[veld]).toEqual(aanpassing[veld]);
		expect(uitkomst).toEqual({ ...STANDAARD_BELEID, [veld]: aanpassing[veld] });
	});

	it('false, 0 and an empty list are real overrides, not "absent"', () => {
		expect(
			pasBeleidAan(CORONA, {
				midpointThreshold: 0,
				notRising: [],
				disregardOmkoppelingen: false,
				huurcontractenOnlyWhenNeeded: true
			})
		).toEqual({
			midpointThreshold: 0,
			notRising: [],
			disregardOmkoppelingen: false,
			huurcontractenOnlyWhenNeeded: true
		});
	});

	it('does not change the base policy', () => {
		const kopie = structuredClone(CORONA);
		pasBeleidAan(CORONA, { midpointThreshold: 1, notRising: [] });
		expect(CORONA).toEqual(kopie);
	});
});

describe('beleidVoorPeriode', () => {
	const versie = (
		provincieCode: string,
		vanaf: string,
		nummer: number,
		beleid: Partial<Beleid> = {}
	): BeleidsVersie => ({
		provincieCode,
		vanaf: H(vanaf),
		versie: nummer,
		beleid: pasBeleidAan(STANDAARD_BELEID, beleid)
	});

	const ZH_2019 = versie('PV28', '2019-I', 1);
	const ZH_2020_II = versie('PV28', '2020-II', 2, { midpointThreshold: 0.7 });
	const ZH_2020_II_CORRECTIE = versie('PV28', '2020-II', 3, CORONA);
	const ZH_2022 = versie('PV28', '2022-I', 4);
	const NH_2018 = versie('PV27', '2018-I', 1, { disregardOmkoppelingen: true });
	const ALLE = [ZH_2022, NH_2018, ZH_2020_II_CORRECTIE, ZH_2019, ZH_2020_II];

	it.each([
		['2018-II', null],
		['2019-I', ZH_2019],
		['2020-I', ZH_2019],
		['2020-II', ZH_2020_II_CORRECTIE],
		['2021-II', ZH_2020_II_CORRECTIE],
		['2022-I', ZH_2022],
		['2030-II', ZH_2022]
	])('Zuid-Holland %s → %o', (periode, verwacht) => {
		expect(beleidVoorPeriode(ALLE, 'PV28', H(periode))).toBe(verwacht);
	});

	it('ignores the versions of other provincies', () => {
		expect(beleidVoorPeriode(ALLE, 'PV27', H('2021-I'))).toBe(NH_2018);
		expect(beleidVoorPeriode(ALLE, 'PV27', H('2017-II'))).toBeNull();
		expect(beleidVoorPeriode(ALLE, 'PV20', H('2021-I'))).toBeNull();
		expect(beleidVoorPeriode([], 'PV28', H('2021-I'))).toBeNull();
	});

	it('a later vanaf wins over a higher version number with an earlier vanaf', () => {
		const oudMaarHoog = versie('PV28', '2019-I', 9);
		expect(beleidVoorPeriode([oudMaarHoog, ZH_2020_II], 'PV28', H('2021-I'))).toBe(ZH_2020_II);
		expect(beleidVoorPeriode([oudMaarHoog, ZH_2020_II], 'PV28', H('2020-I'))).toBe(oudMaarHoog);
	});

	it('does not depend on the order of the list', () => {
		const perioden = ['2018-II', '2019-I', '2020-I', '2020-II', '2021-II', '2022-I', '2030-II'];
		fc.assert(
			fc.property(
				fc.shuffledSubarray(ALLE, { minLength: ALLE.length }),
				fc.constantFrom(...perioden),
				(lijst, periode) => {
					expect(beleidVoorPeriode(lijst, 'PV28', H(periode))).toBe(
						beleidVoorPeriode(ALLE, 'PV28', H(periode))
					);
				}
			)
		);
	});
});
