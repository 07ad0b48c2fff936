import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	formatHalfjaar,
	halfjaarIndex,
	halfjaarVanDatum,
	parseHalfjaar,
	peildata,
	peiljaarBevolking,
	volgendHalfjaar,
	vorigHalfjaar,
	type Halfjaar
} from './halfjaar';

const h = (jaar: number, helft: 1 | 2): Halfjaar => ({ jaar, helft });

/** Half years whose neighbours are both still parseable (1990-I … 2200-II). */
const halfjaar = fc.record({
	jaar: fc.integer({ min: 1991, max: 2199 }),
	helft: fc.constantFrom<1 | 2>(1, 2)
});

describe('parseHalfjaar', () => {
	it.each([
		['2021-I', h(2021, 1)],
		['2021-II', h(2021, 2)],
		['1990-I', h(1990, 1)],
		['2200-II', h(2200, 2)]
	])('%s is a valid half year', (tekst, verwacht) => {
		expect(parseHalfjaar(tekst)).toEqual(verwacht);
	});

	it.each([
		'',
		'2021',
		'2021-',
		'2021-III',
		'2021-IV',
		'2021-V',
		'2021-1',
		'2021-2',
		'2021-i',
		'2021-ii',
		'2021 I',
		'2021--I',
		'2021_II',
		' 2021-I',
		'2021-I ',
		'21-I',
		'02021-I',
		'I-2021',
		'1989-II',
		'2201-I',
		'2021-I\n'
	])('%j is refused', (tekst) => {
		expect(parseHalfjaar(tekst)).toBeNull();
	});
});

describe('halfjaarVanDatum', () => {
	it.each([
		['2026-01-01', '2026-I'],
		['2026-06-30', '2026-I'],
		['2026-07-01', '2026-II'],
		['2026-12-31', '2026-II'],
		['1990-01-01', '1990-I']
	])('%s valt in %s', (datum, periode) => {
		const r = halfjaarVanDatum(datum);
		expect(r && formatHalfjaar(r)).toBe(periode);
	});

	it.each(['2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', '1989-12-31', ''])(
		'%j is geen datum in een bekend halfjaar',
		(datum) => {
			expect(halfjaarVanDatum(datum)).toBeNull();
		}
	);
});

describe('formatHalfjaar', () => {
	it.each([
		[h(2021, 1), '2021-I'],
		[h(2021, 2), '2021-II'],
		[h(1999, 2), '1999-II']
	])('%o → %s and back', (halfjaar, tekst) => {
		expect(formatHalfjaar(halfjaar)).toBe(tekst);
		expect(parseHalfjaar(tekst)).toEqual(halfjaar);
	});
});

describe('volgendHalfjaar / vorigHalfjaar', () => {
	it.each([
		['2021-I', '2021-II'],
		['2021-II', '2022-I'],
		['1999-II', '2000-I'],
		['2024-I', '2024-II']
	])('after %s comes %s, and before it %s again', (van, naar) => {
		expect(formatHalfjaar(volgendHalfjaar(parseHalfjaar(van)!))).toBe(naar);
		expect(formatHalfjaar(vorigHalfjaar(parseHalfjaar(naar)!))).toBe(van);
	});

	it('consecutive half years differ by exactly one in halfjaarIndex, across a year boundary', () => {
		expect(halfjaarIndex(h(2021, 2)) - halfjaarIndex(h(2021, 1))).toBe(1);
		expect(halfjaarIndex(h(2022, 1)) - halfjaarIndex(h(2021, 2))).toBe(1);
		expect(halfjaarIndex(h(2022, 1)) - halfjaarIndex(h(2021, 1))).toBe(2);
	});
});

describe('peildata', () => {
	it('first half: 1 January, midpoint 1 April, end 1 July', () => {
		expect(peildata(h(2021, 1))).toEqual({
			start: '2021-01-01',
			midden: '2021-04-01',
			eind: '2021-07-01'
		});
	});

	it('second half: 1 July, midpoint 1 October, end 1 January of the NEXT year', () => {
		expect(peildata(h(2021, 2))).toEqual({
			start: '2021-07-01',
			midden: '2021-10-01',
			eind: '2022-01-01'
		});
	});
});

describe('peiljaarBevolking', () => {
	it.each([
		[h(2022, 1), 2021],
		[h(2022, 2), 2021],
		[h(2000, 1), 1999]
	])('%o uses the population of 1 January %i (the calendar year before)', (halfjaar, jaar) => {
		expect(peiljaarBevolking(halfjaar)).toBe(jaar);
	});
});

describe('properties', () => {
	it('format and parse are inverse', () => {
		fc.assert(
			fc.property(halfjaar, (x) => {
				const tekst = formatHalfjaar(x);
				expect(parseHalfjaar(tekst)).toEqual(x);
				expect(formatHalfjaar(parseHalfjaar(tekst)!)).toBe(tekst);
			})
		);
	});

	it('volgend ∘ vorig = id = vorig ∘ volgend', () => {
		fc.assert(
			fc.property(halfjaar, (x) => {
				expect(volgendHalfjaar(vorigHalfjaar(x))).toEqual(x);
				expect(vorigHalfjaar(volgendHalfjaar(x))).toEqual(x);
			})
		);
	});

	it('index(volgend(h)) = index(h) + 1, and the order of indices is the order of time', () => {
		fc.assert(
			fc.property(halfjaar, halfjaar, (x, y) => {
				expect(halfjaarIndex(volgendHalfjaar(x))).toBe(halfjaarIndex(x) + 1);
				const eerder = x.jaar < y.jaar || (x.jaar === y.jaar && x.helft < y.helft);
				expect(halfjaarIndex(x) < halfjaarIndex(y)).toBe(eerder);
			})
		);
	});

	it('the end of a period is the start of the next; the midpoint lies in between', () => {
		fc.assert(
			fc.property(halfjaar, (x) => {
				const p = peildata(x);
				expect(p.eind).toBe(peildata(volgendHalfjaar(x)).start);
				expect(p.start < p.midden && p.midden < p.eind).toBe(true);
			})
		);
	});
});
