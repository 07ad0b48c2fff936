import { describe, expect, it } from 'vitest';
import { tegelBuur, tegelIndeling } from './tegels';

const gemeenten = 'ABCDEFGHIJKLM'.split('').map((c) => ({ code: c, naam: `Gemeente ${c}` }));
const regios = [
	{ id: 1, naam: 'Noord', gemeenten: ['A', 'B', 'C', 'D', 'E'] },
	{ id: 2, naam: 'Zuid', gemeenten: ['F', 'G', 'H', 'I', 'J', 'K', 'L', 'A'] }
];

describe('tegelIndeling', () => {
	const groepen = tegelIndeling(gemeenten, regios);

	it('makes one near-square block per regio and puts the rest in a last group', () => {
		expect(groepen.map((g) => [g.regioId, g.naam, g.kolommen, g.rijen, g.tegels.length])).toEqual([
			[1, 'Noord', 3, 2, 5],
			[2, 'Zuid', 3, 3, 7],
			[null, 'Overige gemeenten', 1, 1, 1]
		]);
	});

	it('places every gemeente exactly once, row by row', () => {
		const codes = groepen.flatMap((g) => g.tegels.map((t) => t.code));
		expect(codes.sort()).toEqual(
			gemeenten
				.map((g) => g.code)
				.filter((c) => c !== 'M')
				.concat('M')
				.sort()
		);
		expect(new Set(codes).size).toBe(gemeenten.length);
		expect(groepen[0]!.tegels.map((t) => [t.code, t.kolom, t.rij])).toEqual([
			['A', 0, 0],
			['B', 1, 0],
			['C', 2, 0],
			['D', 0, 1],
			['E', 1, 1]
		]);
		// A gemeente in two regio's is drawn in the first.
		expect(groepen[1]!.tegels.map((t) => t.code)).not.toContain('A');
	});

	it('caps the width of a big group', () => {
		const veel = Array.from({ length: 60 }, (_, i) => ({ code: `G${i}`, naam: `G${i}` }));
		const [g] = tegelIndeling(veel, [], 6);
		expect([g!.naam, g!.kolommen, g!.rijen]).toEqual(['Gemeenten', 6, 10]);
	});
});

describe('tegelBuur (pijltjestoetsen)', () => {
	const groepen = tegelIndeling(gemeenten, regios);
	it('moves left and right in reading order, across groups', () => {
		expect(tegelBuur(groepen, 'A', 'rechts')).toBe('B');
		expect(tegelBuur(groepen, 'E', 'rechts')).toBe('F');
		expect(tegelBuur(groepen, 'F', 'links')).toBe('E');
		expect(tegelBuur(groepen, 'A', 'links')).toBeNull();
		expect(tegelBuur(groepen, 'M', 'rechts')).toBeNull();
	});

	it('moves up and down in the column, then into the next group', () => {
		expect(tegelBuur(groepen, 'B', 'omlaag')).toBe('E');
		// E is the last row of Noord: down continues in Zuid's first row, same column.
		expect(tegelBuur(groepen, 'E', 'omlaag')).toBe('G');
		// C (column 2) has nothing below it in Noord: on to Zuid's first row.
		expect(tegelBuur(groepen, 'C', 'omlaag')).toBe('H');
		expect(tegelBuur(groepen, 'G', 'omhoog')).toBe('E');
		expect(tegelBuur(groepen, 'A', 'omhoog')).toBeNull();
	});

	it('jumps to the first and last tile', () => {
		expect(tegelBuur(groepen, 'H', 'begin')).toBe('A');
		expect(tegelBuur(groepen, 'H', 'eind')).toBe('M');
		expect(tegelBuur(groepen, 'X', 'rechts')).toBeNull();
	});
});
