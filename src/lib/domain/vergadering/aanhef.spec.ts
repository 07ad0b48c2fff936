import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aanduiding, achternaam, isAanhef } from './aanhef';

describe('achternaam', () => {
	it.each([
		['Chris Smit', 'Smit'],
		['Victor van Dam', 'Van Dam'],
		['Tessa de Vries', 'De Vries'],
		['Anna van den Berg', 'Van den Berg'],
		['Jan Willem de Boer', 'De Boer'],
		['Jan Peter Balkenende', 'Balkenende'],
		['Ellen Smit-de Boer', 'Smit-de Boer'],
		['Jan-Willem Bakker', 'Bakker'],
		['Aisha el Amrani', 'El Amrani'],
		["Tom 't Hart", "'t Hart"],
		['Pieter ter Horst', 'Ter Horst'],
		['C. Smit', 'Smit'],
		['  Sanne   Bakker ', 'Bakker'],
		['Madonna', 'Madonna'],
		// A trailing prefix is not a surname: the last word is.
		['Jan van', 'Van'],
		['', '']
	])('%s → %s', (naam, verwacht) => {
		expect(achternaam(naam)).toBe(verwacht);
	});

	it('is always a tail of the name’s words (up to the capital)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.stringMatching(/^[A-Za-z'-]{1,8}$/), { minLength: 1, maxLength: 5 }),
				(woorden) => {
					const naam = woorden.join(' ');
					const a = achternaam(naam);
					expect(a.length).toBeGreaterThan(0);
					expect(naam.toLowerCase().endsWith(a.toLowerCase())).toBe(true);
				}
			)
		);
	});
});

describe('aanduiding', () => {
	it.each([
		[{ naam: 'Victor van Dam', aanhef: 'de heer' as const }, 'De heer Van Dam'],
		[{ naam: 'Sanne Bakker', aanhef: 'mevrouw' as const }, 'Mevrouw Bakker'],
		[{ naam: 'Chris Smit', aanhef: null }, 'Chris Smit'],
		[{ naam: ' Daan  Visser ' }, 'Daan Visser'],
		[{ naam: 'Madonna', aanhef: 'mevrouw' as const }, 'Mevrouw Madonna']
	])('%o → %s', (p, verwacht) => {
		expect(aanduiding(p)).toBe(verwacht);
	});
});

describe('isAanhef', () => {
	it('alleen de twee vaste waarden', () => {
		expect(isAanhef('de heer')).toBe(true);
		expect(isAanhef('mevrouw')).toBe(true);
		for (const x of ['', 'De heer', 'meneer', null, undefined, 3]) expect(isAanhef(x)).toBe(false);
	});
});
