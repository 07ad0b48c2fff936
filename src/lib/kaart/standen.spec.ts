import { describe, expect, it } from 'vitest';
import type { KaartStand } from './api';
import {
	gewijzigdeGemeenten,
	naamRegels,
	peildatumVoorPeriode,
	scopeVan,
	standRegels,
	standZin
} from './standen';

const stand = (code: string, over: Partial<KaartStand> = {}): KaartStand => ({
	code,
	naam: `Gemeente ${code}`,
	trede: '1',
	tredeRegel: '1',
	tredeIsBesluit: false,
	periode: '2026-II',
	kind: 'midpoint',
	peildatum: '2026-10-01',
	besluitDatum: null,
	opgave: 245,
	gerealiseerd: 220,
	fractieGerealiseerd: 220 / 245,
	saldo: -25,
	...over
});

describe('gewijzigdeGemeenten', () => {
	it('finds the gemeenten whose trede, figures or judgement changed, and new ones', () => {
		const oud = [stand('A'), stand('B'), stand('C'), stand('D')];
		const nieuw = [
			stand('A'),
			stand('B', { trede: '2' }),
			stand('C', { gerealiseerd: 230, saldo: -15 }),
			stand('D', { tredeIsBesluit: true }),
			stand('E')
		];
		expect(gewijzigdeGemeenten(oud, nieuw)).toEqual(['B', 'C', 'D', 'E']);
		expect(gewijzigdeGemeenten(nieuw, nieuw)).toEqual([]);
	});
});

describe('scopeVan', () => {
	const regios = [
		{ id: 7, naam: 'Haaglanden', type: 'veiligheidsregio', code: 'VR15', gemeenten: ['A', 'B'] }
	];
	it('is the regio’s gemeenten, or everything without (or with an unknown) regio', () => {
		expect([...scopeVan(regios, 7)!]).toEqual(['A', 'B']);
		expect(scopeVan(regios, null)).toBeNull();
		expect(scopeVan(regios, 99)).toBeNull();
	});
});

describe('peildatumVoorPeriode', () => {
	const peildata = ['2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01'];
	it('starts the slider of a period at its last judgement up to the end date', () => {
		expect(peildatumVoorPeriode(peildata, '2026-I')).toBe('2026-07-01');
		expect(peildatumVoorPeriode(peildata, '2026-II')).toBe('2027-01-01');
		expect(peildatumVoorPeriode(['2026-04-01'], '2026-II')).toBe('2026-04-01');
		expect(peildatumVoorPeriode(peildata, '2025-II')).toBeNull();
		expect(peildatumVoorPeriode(peildata, 'onzin')).toBeNull();
	});
});

describe('de informatie bij een gemeente', () => {
	it('names trede, opgave, realisation, saldo and the date of the judgement', () => {
		expect(standRegels(stand('A'))).toEqual([
			{ label: 'Trede', waarde: '1 – signaleren' },
			{ label: 'Opgave', waarde: '245' },
			{ label: 'Gerealiseerd', waarde: '220 (90%)' },
			{ label: 'Saldo', waarde: '−25' },
			{ label: 'Oordeel', waarde: '1 oktober 2026, halverwege 2026-II' }
		]);
		expect(
			standRegels(
				stand('B', {
					trede: '4',
					tredeIsBesluit: true,
					besluitDatum: '2026-07-20',
					kind: 'end',
					periode: '2026-I'
				})
			)[0]
		).toEqual({
			label: 'Trede',
			waarde: '4 – vooraankondiging juridische interventie (besluit van 20 juli 2026)'
		});
	});

	it('says so when there is no judgement on the date shown', () => {
		const s = stand('C', { trede: null, peildatum: null, opgave: null });
		expect(standZin(s)).toBe('Gemeente C: trede nog geen oordeel op deze datum');
		expect(standZin(stand('A'))).toContain('Gemeente A: trede 1 – signaleren; opgave 245;');
	});
});

describe('naamRegels (kaartlabels)', () => {
	it('splits a long name at the space or hyphen that balances the lines', () => {
		expect(naamRegels('Leidschendam-Voorburg')).toEqual(['Leidschendam-', 'Voorburg']);
		expect(naamRegels('Capelle aan den IJssel')).toEqual(['Capelle aan', 'den IJssel']);
		expect(naamRegels('Hardinxveld-Giessendam')).toEqual(['Hardinxveld-', 'Giessendam']);
		expect(naamRegels('Delft')).toEqual(['Delft']);
		expect(naamRegels('Krimpenerwaard')).toEqual(['Krimpenerwaard']);
		// Never a stub like "'s-" on a line of its own.
		expect(naamRegels("'s-Gravenhage")).toEqual(["'s-Gravenhage"]);
	});
});
