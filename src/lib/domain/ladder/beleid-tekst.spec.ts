import { describe, expect, it } from 'vitest';
import { formatHalfjaar, halfjaarIndex, parseHalfjaar, volgendHalfjaar } from '../periode/halfjaar';
import {
	beleidsperioden,
	beschrijfBeleid,
	periodeBereik,
	procentTekst,
	vergelijkBeleid,
	versieNaam,
	vorigeVersie
} from './beleid-tekst';
import {
	beleidVoorPeriode,
	pasBeleidAan,
	STANDAARD_BELEID,
	type Beleid,
	type BeleidsVersie
} from './beleidskader';

const H = (s: string) => parseHalfjaar(s)!;
const beleid = (b: Partial<Beleid> = {}) => pasBeleidAan(STANDAARD_BELEID, b);

/** The corona years (DOMAIN.md §4): 70 % at the midpoint and at the end, omkoppelingen ignored. */
const CORONA = beleid({
	midpointThreshold: 0.7,
	notRising: [{ kind: 'fractionOfOpgave', fraction: 0.7 }],
	disregardOmkoppelingen: true
});
/** LRT advice 2021-II: taakstelling + 25 % of the achterstand. */
const LRT = beleid({
	notRising: [{ kind: 'taakstellingPlusFractionOfAchterstand', fraction: 0.25 }],
	disregardOmkoppelingen: true
});

describe('procentTekst', () => {
	it.each([
		[1, '100%'],
		[0.7, '70%'],
		[0.255, '25,5%'],
		[0, '0%']
	])('%d → %s', (f, tekst) => {
		expect(procentTekst(f)).toBe(tekst);
	});
});

describe('beschrijfBeleid', () => {
	it.each<[string, Beleid, string[]]>([
		[
			'standaardbeleid',
			STANDAARD_BELEID,
			[
				'Drempel halverwege: 100% van het minimum',
				'Geen tijdelijke regel om niet te stijgen',
				'Omkoppelingen door het COA gelden als excuus',
				'Huurcontracten tellen alleen mee als de COA-cijfers niet volstaan'
			]
		],
		[
			'coronajaren',
			CORONA,
			[
				'Drempel halverwege: 70% van het minimum',
				'Niet stijgen bij ten minste 70% van de opgave',
				'Omkoppelingen door het COA gelden niet als excuus',
				'Huurcontracten tellen alleen mee als de COA-cijfers niet volstaan'
			]
		],
		[
			'LRT-advies 2021-II, huurcontracten altijd',
			{ ...LRT, huurcontractenOnlyWhenNeeded: false },
			[
				'Drempel halverwege: 100% van het minimum',
				'Niet stijgen bij ten minste de taakstelling plus 25% van de meegenomen achterstand',
				'Omkoppelingen door het COA gelden niet als excuus',
				'Huurcontracten tellen altijd mee'
			]
		],
		[
			'twee regels, in de volgorde van het beleid',
			beleid({
				notRising: [
					{ kind: 'taakstellingPlusFractionOfAchterstand', fraction: 0.5 },
					{ kind: 'fractionOfOpgave', fraction: 0.805 }
				]
			}),
			[
				'Drempel halverwege: 100% van het minimum',
				'Niet stijgen bij ten minste de taakstelling plus 50% van de meegenomen achterstand',
				'Niet stijgen bij ten minste 80,5% van de opgave',
				'Omkoppelingen door het COA gelden als excuus',
				'Huurcontracten tellen alleen mee als de COA-cijfers niet volstaan'
			]
		]
	])('%s', (_naam, b, verwacht) => {
		expect(beschrijfBeleid(b)).toEqual(verwacht);
	});
});

describe('vergelijkBeleid', () => {
	it.each<[string, Beleid, Beleid, string[]]>([
		['niets gewijzigd', CORONA, structuredClone(CORONA), ['Geen inhoudelijke wijziging']],
		[
			'alleen de drempel',
			STANDAARD_BELEID,
			beleid({ midpointThreshold: 0.7 }),
			['Drempel halverwege: 100% → 70% van het minimum']
		],
		[
			'standaard → corona: alles behalve huurcontracten',
			STANDAARD_BELEID,
			CORONA,
			[
				'Drempel halverwege: 100% → 70% van het minimum',
				'Nieuw: niet stijgen bij ten minste 70% van de opgave',
				'Omkoppelingen door het COA: wel een excuus → geen excuus'
			]
		],
		[
			'corona → LRT: de ene regel vervalt, een andere soort komt erbij',
			CORONA,
			LRT,
			[
				'Drempel halverwege: 70% → 100% van het minimum',
				'Vervallen: niet stijgen bij ten minste 70% van de opgave',
				'Nieuw: niet stijgen bij ten minste de taakstelling plus 25% van de meegenomen achterstand'
			]
		],
		[
			'zelfde soort regel met een ander percentage is een wijziging',
			LRT,
			beleid({
				notRising: [{ kind: 'taakstellingPlusFractionOfAchterstand', fraction: 0.5 }],
				disregardOmkoppelingen: true
			}),
			['Niet stijgen bij ten minste de taakstelling plus 25% → 50% van de meegenomen achterstand']
		],
		[
			'volgorde van de regels telt niet',
			beleid({
				notRising: [
					{ kind: 'fractionOfOpgave', fraction: 0.7 },
					{ kind: 'taakstellingPlusFractionOfAchterstand', fraction: 0.25 }
				]
			}),
			beleid({
				notRising: [
					{ kind: 'taakstellingPlusFractionOfAchterstand', fraction: 0.25 },
					{ kind: 'fractionOfOpgave', fraction: 0.7 }
				]
			}),
			['Geen inhoudelijke wijziging']
		],
		[
			'een regel vervalt, de andere blijft',
			beleid({
				notRising: [
					{ kind: 'fractionOfOpgave', fraction: 0.7 },
					{ kind: 'fractionOfOpgave', fraction: 0.9 }
				]
			}),
			beleid({ notRising: [{ kind: 'fractionOfOpgave', fraction: 0.9 }] }),
			['Vervallen: niet stijgen bij ten minste 70% van de opgave']
		],
		[
			'terug naar standaard',
			{ ...CORONA, huurcontractenOnlyWhenNeeded: false },
			STANDAARD_BELEID,
			[
				'Drempel halverwege: 70% → 100% van het minimum',
				'Vervallen: niet stijgen bij ten minste 70% van de opgave',
				'Omkoppelingen door het COA: geen excuus → wel een excuus',
				'Huurcontracten tellen mee: altijd → alleen als nodig'
			]
		],
		[
			'decimalen',
			beleid({ midpointThreshold: 0.755 }),
			beleid({ midpointThreshold: 0.75 }),
			['Drempel halverwege: 75,5% → 75% van het minimum']
		]
	])('%s', (_naam, voor, na, verwacht) => {
		expect(vergelijkBeleid(voor, na)).toEqual(verwacht);
	});
});

const versie = (
	vanaf: string,
	nummer: number,
	b: Beleid,
	provincieCode = 'PV28'
): BeleidsVersie => ({
	provincieCode,
	vanaf: H(vanaf),
	versie: nummer,
	beleid: b
});

describe('vorigeVersie', () => {
	const A1 = versie('2020-I', 1, CORONA);
	const A2 = versie('2020-I', 2, beleid({ midpointThreshold: 0.8 }));
	const B1 = versie('2021-II', 1, LRT);
	const B3 = versie('2021-II', 3, STANDAARD_BELEID);
	const ANDER = versie('2021-I', 1, CORONA, 'PV27');
	const ALLE = [B3, A1, ANDER, B1, A2];

	it.each<[string, BeleidsVersie, BeleidsVersie | null]>([
		['eerste versie ooit: het standaardbeleid', A1, null],
		['tweede versie voor dezelfde vanaf', A2, A1],
		['eerste versie van een latere vanaf: wat daarvoor gold', B1, A2],
		['een gat in de nummering: de hoogste lagere versie', B3, B1],
		['een andere provincie telt niet mee', ANDER, null]
	])('%s', (_naam, v, verwacht) => {
		expect(vorigeVersie(ALLE, v)).toBe(verwacht);
	});
});

describe('versieNaam en periodeBereik', () => {
	it.each([
		[null, 'standaardbeleid'],
		[versie('2021-II', 2, LRT), 'versie 2 vanaf 2021-II']
	])('%o → %s', (v, tekst) => {
		expect(versieNaam(v)).toBe(tekst);
	});

	it.each([
		[null, null, 'alle perioden'],
		[null, '2021-I', 't/m 2021-I'],
		['2021-II', null, 'vanaf 2021-II'],
		['2021-II', '2021-II', '2021-II'],
		['2021-II', '2022-I', '2021-II t/m 2022-I']
	])('%s – %s → %s', (van, tot, tekst) => {
		expect(periodeBereik({ van: van ? H(van) : null, tot: tot ? H(tot) : null })).toBe(tekst);
	});
});

describe('beleidsperioden', () => {
	it('zonder versies: het standaardbeleid voor alle perioden', () => {
		expect(beleidsperioden([], 'PV28')).toEqual([
			{ van: null, tot: null, versie: null, beleid: STANDAARD_BELEID }
		]);
	});

	it('per vanaf de hoogste versie, tot de volgende vanaf', () => {
		const A1 = versie('2020-I', 1, CORONA);
		const A2 = versie('2020-I', 2, beleid({ midpointThreshold: 0.8 }));
		const B1 = versie('2021-II', 1, LRT);
		const C1 = versie('2022-I', 1, STANDAARD_BELEID);
		const lijst = beleidsperioden([C1, A2, versie('2019-I', 5, CORONA, 'PV27'), B1, A1], 'PV28');
		expect(lijst.map((p) => [periodeBereik(p), p.versie && versieNaam(p.versie)])).toEqual([
			['t/m 2019-II', null],
			['2020-I t/m 2021-I', 'versie 2 vanaf 2020-I'],
			['2021-II', 'versie 1 vanaf 2021-II'],
			['vanaf 2022-I', 'versie 1 vanaf 2022-I']
		]);
		// The table says what the engine applies, period by period.
		const alle = [C1, A2, B1, A1];
		for (let h = H('2019-I'); h.jaar < 2024; h = volgendHalfjaar(h)) {
			const i = halfjaarIndex(h);
			const p = lijst.find(
				(x) => (!x.van || halfjaarIndex(x.van) <= i) && (!x.tot || halfjaarIndex(x.tot) >= i)
			);
			expect(p?.versie ?? null, formatHalfjaar(h)).toBe(beleidVoorPeriode(alle, 'PV28', h));
		}
	});
});
