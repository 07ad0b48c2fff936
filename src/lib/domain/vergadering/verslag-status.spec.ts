import { describe, expect, it } from 'vitest';
import {
	eerder,
	opmerkingBlokkade,
	publicatieBlokkade,
	teVerslagVaststellen,
	vaststellingBlokkade
} from './verslag-status';

describe('publicatieBlokkade', () => {
	const basis = {
		vastgesteld: false,
		heeftTekst: true,
		laatsteVingerafdruk: 'a',
		huidigeVingerafdruk: 'b'
	};
	it.each([
		[{}, null],
		[{ laatsteVingerafdruk: null }, null],
		[{ huidigeVingerafdruk: 'a' }, 'ONGEWIJZIGD'],
		[{ heeftTekst: false }, 'LEEG'],
		[{ heeftTekst: false, vastgesteld: true }, 'VASTGESTELD'],
		[{ huidigeVingerafdruk: 'a', vastgesteld: true }, 'VASTGESTELD']
	] as const)('%j → %s', (wijziging, code) => {
		expect(publicatieBlokkade({ ...basis, ...wijziging })?.code ?? null).toBe(code);
	});
	it('explains in Dutch why nothing can be published', () => {
		expect(publicatieBlokkade({ ...basis, huidigeVingerafdruk: 'a' })?.reden).toBe(
			'Er is niets gewijzigd sinds het laatste concept.'
		);
	});
});

describe('opmerkingBlokkade', () => {
	it('allows a comment on the latest concept only', () => {
		expect(opmerkingBlokkade({ nummer: 2, soort: 'concept' }, 2)).toBeNull();
		expect(opmerkingBlokkade({ nummer: 2, soort: 'concept' }, 1)).toMatch(/concept 2/);
		expect(opmerkingBlokkade(null, 1)).toMatch(/nog geen concept/);
	});
	it('refuses every comment once the verslag is vastgesteld', () => {
		expect(opmerkingBlokkade({ nummer: 3, soort: 'vastgesteld' }, 2)).toMatch(/vastgesteld/);
		expect(opmerkingBlokkade({ nummer: 3, soort: 'vastgesteld' }, 3)).toMatch(/vastgesteld/);
	});
});

describe('teVerslagVaststellen', () => {
	const m = (
		id: number,
		datum: string,
		concept = true,
		vastgesteld = false,
		begintijd = '09:30'
	) => ({
		id,
		datum,
		begintijd,
		concept,
		vastgesteld
	});
	const huidig = { id: 10, datum: '2026-12-03', begintijd: '09:30' };

	it('takes the most recent earlier meeting with a concept that is not vastgesteld', () => {
		const k = [m(1, '2026-06-01'), m(2, '2026-09-10'), m(3, '2027-01-10')];
		expect(teVerslagVaststellen(huidig, k)?.id).toBe(2);
	});
	it('skips meetings without a concept and verslagen already vastgesteld', () => {
		const k = [m(1, '2026-06-01'), m(2, '2026-09-10', false), m(4, '2026-10-01', true, true)];
		expect(teVerslagVaststellen(huidig, k)?.id).toBe(1);
	});
	it('never the meeting itself nor a later one; none left: null', () => {
		expect(teVerslagVaststellen(huidig, [m(10, '2026-12-03'), m(11, '2027-02-01')])).toBeNull();
		expect(teVerslagVaststellen(huidig, [])).toBeNull();
	});
	it('orders meetings on one day by start time, then by id', () => {
		expect(eerder({ id: 9, datum: '2026-12-03', begintijd: '08:00' }, huidig)).toBe(true);
		expect(eerder({ id: 11, datum: '2026-12-03', begintijd: '09:30' }, huidig)).toBe(false);
		expect(eerder({ id: 9, datum: '2026-12-03', begintijd: '09:30' }, huidig)).toBe(true);
	});
});

describe('vaststellingBlokkade', () => {
	it('only while the meeting is bezig, at a vaststelling agendapunt', () => {
		expect(
			vaststellingBlokkade({ huidigeStatus: 'bezig', agendapuntType: 'vaststelling-verslag' })
		).toBeNull();
		expect(
			vaststellingBlokkade({ huidigeStatus: 'gepland', agendapuntType: 'vaststelling-verslag' })
		).toMatch(/start eerst/);
		expect(
			vaststellingBlokkade({ huidigeStatus: 'afgerond', agendapuntType: 'vaststelling-verslag' })
		).toMatch(/afgerond/);
		expect(vaststellingBlokkade({ huidigeStatus: 'bezig', agendapuntType: 'rondvraag' })).toMatch(
			/Vaststelling verslag/
		);
	});
});
