import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { taakstellingVoorGemeente, verdeelLandelijk, type Inwoners } from './berekening';

/** ceil(vg·iG/iN) in BigInt: the reference the number implementation must match exactly. */
function ceilBig(vg: number, iG: number, iN: number): number {
	const n = BigInt(iN);
	return Number((BigInt(vg) * BigInt(iG) + n - 1n) / n);
}

const IN_2021 = 17_475_415; // CBS, Nederland op 1 januari 2021

describe('taakstellingVoorGemeente', () => {
	it.each([
		// vg, iG, iN, taakstelling — the exact quotient in the comment
		[1000, 50_000, IN_2021, 3], // 2.861…
		[13_500, 872_757, IN_2021, 675], // 674.216…
		[13_500, 545_838, IN_2021, 422], // 421.667…
		[20_400, 1000, 17_590_672, 2], // 1.159…
		[1, 1, IN_2021, 1] // 0.000000057…: any positive share rounds up to 1
	])('vg %i, iG %i, iN %i → %i (rounded up)', (vg, iG, iN, verwacht) => {
		expect(taakstellingVoorGemeente(vg, iG, iN)).toBe(verwacht);
	});

	it.each([
		[100, 1000, 10_000, 10],
		[3, 1, 3, 1],
		[14_000, IN_2021, IN_2021, 14_000],
		[IN_2021, 1, IN_2021, 1],
		[500, 40, 80, 250]
	])('exact division gets no +1: vg %i, iG %i, iN %i → %i', (vg, iG, iN, verwacht) => {
		expect(taakstellingVoorGemeente(vg, iG, iN)).toBe(verwacht);
	});

	it('a gemeente without inhabitants, or a vg of 0, gives 0', () => {
		expect(taakstellingVoorGemeente(14_000, 0, IN_2021)).toBe(0);
		expect(taakstellingVoorGemeente(0, 872_757, IN_2021)).toBe(0);
	});

	it('stays exact where vg·iG + iN − 1 no longer fits a double (found by fast-check)', () => {
		const iN = 3_096_224_743_817_208;
		expect(taakstellingVoorGemeente(2, iN, iN)).toBe(2);
		expect(
			taakstellingVoorGemeente(9_000, Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER)
		).toBe(9_000);
	});

	it.each([
		[-1, 1, 10, /vg/],
		[1.5, 1, 10, /vg/],
		[Number.NaN, 1, 10, /vg/],
		[Number.POSITIVE_INFINITY, 1, 10, /vg/],
		[2 ** 53, 1, 10, /vg/],
		[10, -1, 10, /iG/],
		[10, 0.5, 10, /iG/],
		[10, Number.NaN, 10, /iG/],
		[10, 0, 0, /iN/],
		[10, 0, -5, /iN/],
		[10, 1, 2.5, /iN/],
		[10, 11, 10, /iG kan niet groter zijn dan iN/]
	])('vg %s, iG %s, iN %s throws a RangeError (%s)', (vg, iG, iN, melding) => {
		expect(() => taakstellingVoorGemeente(vg, iG, iN)).toThrow(RangeError);
		expect(() => taakstellingVoorGemeente(vg, iG, iN)).toThrow(melding);
	});

	it('equals the BigInt ceiling for any safe integers (exact, never off by one)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 10_000_000 }),
				fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(vg, iN, fractie) => {
					const iG = Math.min(iN, Math.floor(iN * fractie));
					expect(taakstellingVoorGemeente(vg, iG, iN)).toBe(ceilBig(vg, iG, iN));
				}
			),
			{ numRuns: 2000 }
		);
	});
});

describe('verdeelLandelijk', () => {
	const gemeenten = (inwoners: number[]): Inwoners[] =>
		inwoners.map((n, i) => ({ code: `GM${String(i + 1).padStart(4, '0')}`, inwoners: n }));

	it('gives every gemeente its rounded-up share; the sum exceeds vg (correct, not a bug)', () => {
		const verdeling = verdeelLandelijk(10, gemeenten([1, 1, 1]));
		expect([...verdeling]).toEqual([
			['GM0001', 4],
			['GM0002', 4],
			['GM0003', 4]
		]);
	});

	it('uses the given iN when it matches the sum of the list', () => {
		const verdeling = verdeelLandelijk(1000, gemeenten([250, 750]), 1000);
		expect(verdeling.get('GM0001')).toBe(250);
		expect(verdeling.get('GM0002')).toBe(750);
	});

	it('refuses an iN that does not match the sum of the list', () => {
		expect(() => verdeelLandelijk(1000, gemeenten([250, 750]), 1001)).toThrow(RangeError);
		expect(() => verdeelLandelijk(1000, gemeenten([250, 750]), 999)).toThrow(
			'De inwoners van de gemeenten (1000) tellen niet op tot iN (999)'
		);
	});

	it('refuses a gemeente that occurs twice', () => {
		const lijst = [
			{ code: 'GM0518', inwoners: 100 },
			{ code: 'GM0599', inwoners: 100 },
			{ code: 'GM0518', inwoners: 50 }
		];
		expect(() => verdeelLandelijk(100, lijst)).toThrow(RangeError);
		expect(() => verdeelLandelijk(100, lijst)).toThrow('Gemeente GM0518 komt twee keer voor');
	});

	it('refuses a list without any inhabitants (iN would be 0)', () => {
		expect(() => verdeelLandelijk(100, gemeenten([0, 0]))).toThrow(RangeError);
	});

	it('property: Σ shares ∈ [vg, vg + number of gemeenten), each share exact', () => {
		const lijst = fc
			.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 400 })
			.filter((xs) => xs.some((x) => x > 0));
		fc.assert(
			fc.property(lijst, fc.integer({ min: 0, max: 30_000 }), (inwoners, vg) => {
				const lijstGemeenten = gemeenten(inwoners);
				const iN = inwoners.reduce((s, x) => s + x, 0);
				const verdeling = verdeelLandelijk(vg, lijstGemeenten);
				expect(verdeling.size).toBe(inwoners.length);
				let som = 0;
				for (const g of lijstGemeenten) {
					const aandeel = verdeling.get(g.code)!;
					expect(aandeel).toBe(ceilBig(vg, g.inwoners, iN));
					som += aandeel;
				}
				expect(som).toBeGreaterThanOrEqual(vg);
				expect(som).toBeLessThan(vg + inwoners.length);
			}),
			{ numRuns: 300 }
		);
	});
});
