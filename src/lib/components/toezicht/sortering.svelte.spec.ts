import { describe, expect, it } from 'vitest';
import { Sortering } from './sortering.svelte';

const rijen = [
	{ naam: 'Delft', n: 3, d: new Date('2026-03-01') },
	{ naam: 'Alphen', n: null, d: new Date('2026-01-01') },
	{ naam: 'Gouda', n: 1, d: new Date('2026-02-01') },
	{ naam: 'Bodegraven', n: 3, d: new Date('2026-04-01') }
];

describe('Sortering', () => {
	it('sorts by the chosen column, empty values last, ties by name; again reverses', () => {
		const s = new Sortering<'naam' | 'n' | 'd'>('naam');
		expect(s.sorteer(rijen, (r, k) => r[k]).map((r) => r.naam)).toEqual([
			'Alphen',
			'Bodegraven',
			'Delft',
			'Gouda'
		]);
		s.kies('n');
		expect(s.ariaSort('n')).toBe('ascending');
		expect(s.sorteer(rijen, (r, k) => r[k]).map((r) => r.naam)).toEqual([
			'Gouda',
			'Bodegraven',
			'Delft',
			'Alphen'
		]);
		s.kies('n');
		expect(s.ariaSort('n')).toBe('descending');
		expect(s.pijl('n')).toBe(' ▼');
		expect(s.pijl('naam')).toBe('');
		// Descending, but the empty value stays last.
		expect(s.sorteer(rijen, (r, k) => r[k]).map((r) => r.naam)).toEqual([
			'Bodegraven',
			'Delft',
			'Gouda',
			'Alphen'
		]);
	});

	it('sorts dates by time and uses the given tie-breaker', () => {
		const s = new Sortering<'d'>('d');
		expect(s.sorteer(rijen, (r) => r.d).map((r) => r.naam)).toEqual([
			'Alphen',
			'Gouda',
			'Delft',
			'Bodegraven'
		]);
		const zelfde = [
			{ id: 2, naam: 'x', v: 1 },
			{ id: 1, naam: 'y', v: 1 }
		];
		expect(
			s
				.sorteer(
					zelfde,
					(r) => r.v,
					(a, b) => a.id - b.id
				)
				.map((r) => r.id)
		).toEqual([1, 2]);
	});
});
