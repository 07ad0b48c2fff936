import { describe, expect, it } from 'vitest';
import { formatSaldo, leesSaldo } from './getal';

describe('leesSaldo (the counterpart of formatSaldo)', () => {
	it.each([
		['+12', 12],
		['12', 12],
		['-12', -12],
		['−12', -12],
		['– 12', -12],
		['−1.250', -1250],
		[' 0 ', 0],
		['-0', 0],
		['12,5', null],
		['1.25', null],
		['twaalf', null],
		['', null],
		['+-3', null]
	])('leesSaldo(%j) = %j', (tekst, verwacht) => {
		expect(leesSaldo(tekst)).toBe(verwacht);
	});

	it.each([-1250, -12, 0, 7, 4000])('reads back what formatSaldo writes (%d)', (n) => {
		expect(leesSaldo(formatSaldo(n))).toBe(n);
	});
});
