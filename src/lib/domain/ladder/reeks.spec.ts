import { describe, expect, it } from 'vitest';
import { STANDAARD_BELEID } from './beleidskader';
import { beoordeelReeks, peilmaanden, type MaandCijfers } from './reeks';

const m = (
	maand: string,
	gehuisvest: number,
	extra: Partial<MaandCijfers> = {}
): [string, MaandCijfers] => [
	maand,
	{ maand, gehuisvest, koppelingen: 50, omkoppelingen: 0, stapelgemeente: false, ...extra }
];

const beleidVoor = () => STANDAARD_BELEID;

describe('peilmaanden', () => {
	it.each([
		[{ jaar: 2026, helft: 1 as const }, '2026-03', '2026-06', '2026-01'],
		[{ jaar: 2026, helft: 2 as const }, '2026-09', '2026-12', '2026-07']
	])('%o → midpoint %s, end %s', (h, midden, eind, eerste) => {
		const p = peilmaanden(h);
		expect(p.midden).toBe(midden);
		expect(p.eind).toBe(eind);
		expect(p.alle[0]).toBe(eerste);
		expect(p.alle).toHaveLength(6);
	});
});

describe('beoordeelReeks', () => {
	it('assesses midpoint and end from the monthly figures and carries the saldo', () => {
		const stappen = beoordeelReeks({
			taakstellingen: new Map([
				['2025-II', 100],
				['2026-I', 100]
			]),
			maanden: new Map([m('2025-09', 20), m('2025-12', 90), m('2026-03', 80), m('2026-06', 110)]),
			beleidVoor
		});
		expect(stappen.map((s) => [s.beoordeling.period, s.beoordeling.kind, s.stand])).toEqual([
			['2025-II', 'midpoint', '1'],
			['2025-II', 'end', '1'],
			['2026-I', 'midpoint', '1'],
			['2026-I', 'end', '0']
		]);
		// 2025-II: saldo 90 − 100 = −10, so the opgave of 2026-I is 110.
		expect(stappen[2]!.beoordeling.opgave).toBe(110);
		expect(stappen[3]!.beoordeling).toMatchObject({ kind: 'end', saldo: 0 });
	});

	it('sums omkoppelingen and counts stapelgemeente months over the period', () => {
		const stappen = beoordeelReeks({
			taakstellingen: new Map([['2026-I', 100]]),
			maanden: new Map([
				m('2026-01', 5, { omkoppelingen: 1 }),
				m('2026-04', 30, { stapelgemeente: true }),
				m('2026-05', 40, { stapelgemeente: true, omkoppelingen: 2 }),
				m('2026-06', 50, { stapelgemeente: true })
			]),
			beleidVoor
		});
		expect(stappen).toHaveLength(1);
		expect(stappen[0]!.invoer).toEqual({
			gerealiseerd: 50,
			huurcontracten: 0,
			omkoppelingen: 3,
			stapelgemeenteMaanden: 3,
			stapelgemeenteInLaatsteMaand: true
		});
	});

	it('stops after a period without end figures, and at a gap in the taakstellingen', () => {
		const zonderEinde = beoordeelReeks({
			taakstellingen: new Map([
				['2025-II', 100],
				['2026-I', 100]
			]),
			maanden: new Map([m('2025-09', 60)]),
			beleidVoor
		});
		expect(zonderEinde.map((s) => s.beoordeling.kind)).toEqual(['midpoint']);
		const gat = beoordeelReeks({
			taakstellingen: new Map([
				['2025-I', 100],
				['2026-I', 100]
			]),
			maanden: new Map([m('2025-06', 100), m('2026-06', 100)]),
			beleidVoor
		});
		expect(gat.map((s) => s.beoordeling.period)).toEqual(['2025-I']);
	});

	it('starts the next peildatum from a decision instead of the rule result', () => {
		const stappen = beoordeelReeks({
			taakstellingen: new Map([['2026-I', 100]]),
			// Enough koppelingen at the midpoint: no excuse, so the end rule rises one step.
			maanden: new Map([m('2026-03', 10, { koppelingen: 200 }), m('2026-06', 20)]),
			beleidVoor,
			besluiten: [{ periode: '2026-I', kind: 'midpoint', trede: '3A' }],
			startTrede: '0'
		});
		expect(stappen[0]!.beoordeling.tredeNa).toBe('1');
		expect(stappen[0]!.stand).toBe('3A');
		expect(stappen[1]!.beoordeling.tredeVoor).toBe('3A');
		expect(stappen[1]!.beoordeling.tredeNa).toBe('3B');
	});

	it('counts huurcontracten for the judgement but not for the saldo', () => {
		const stappen = beoordeelReeks({
			taakstellingen: new Map([['2026-I', 100]]),
			maanden: new Map([m('2026-06', 95)]),
			beleidVoor,
			huurcontracten: new Map([['2026-I', 5]])
		});
		expect(stappen[0]!.beoordeling).toMatchObject({ tredeNa: '0', saldo: -5, meegeteld: 100 });
	});
});
