import { describe, expect, it } from 'vitest';
import { TREDEN } from '$lib/domain/ladder/trede';
import { legenda } from './legenda';

const standen = [
	{ code: 'GM1', trede: '1' as const },
	{ code: 'GM2', trede: '3A' as const },
	{ code: 'GM3', trede: '1' as const },
	{ code: 'GM4', trede: null },
	{ code: 'GM5', trede: '6' as const }
];

describe('legenda', () => {
	it('counts the gemeenten per trede, keeping every trede in ladder order', () => {
		const l = legenda(standen);
		expect(l.treden.map((r) => r.trede)).toEqual([...TREDEN]);
		expect(Object.fromEntries(l.treden.map((r) => [r.trede, r.aantal]))).toEqual({
			'0': 0,
			'1': 2,
			'2': 0,
			'3A': 1,
			'3B': 0,
			'4': 0,
			'5': 0,
			'6': 1
		});
		expect([l.zonder, l.totaal]).toEqual([1, 5]);
	});

	it('counts only the gemeenten in scope (a regio)', () => {
		const l = legenda(standen, new Set(['GM1', 'GM4', 'GM9']));
		expect(l.treden.filter((r) => r.aantal > 0)).toEqual([{ trede: '1', aantal: 1 }]);
		expect([l.zonder, l.totaal]).toEqual([1, 2]);
	});

	it('is empty, not missing, without gemeenten', () => {
		const l = legenda([]);
		expect(l.treden).toHaveLength(TREDEN.length);
		expect(l.treden.every((r) => r.aantal === 0)).toBe(true);
		expect(l.totaal).toBe(0);
	});
});
