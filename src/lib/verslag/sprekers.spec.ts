import { describe, expect, it } from 'vitest';
import type { Genodigde } from '$lib/domain/vergadering/presentie';
import { sprekers, sprekerTekst } from './sprekers';

const g = (
	userId: number,
	naam: string,
	organisatie: string,
	status: Genodigde['status'],
	vervanger: Genodigde['vervanger'] = null
): Genodigde => ({ userId, naam, organisatie, functie: '', status, vervanger });

describe('sprekerTekst', () => {
	it('zonder aanhef: volledige naam en organisatie (het portaal raadt geen geslacht)', () => {
		expect(sprekerTekst({ naam: 'Daan Visser', organisatie: 'Ministerie van BZK' })).toBe(
			'Daan Visser (Ministerie van BZK) geeft aan dat '
		);
	});
	it.each([
		['de heer', 'Victor van Dam', 'De heer Van Dam (Provincie Zuid-Holland) geeft aan dat '],
		['mevrouw', 'Sanne Bakker', 'Mevrouw Bakker (Provincie Zuid-Holland) geeft aan dat ']
	] as const)('met aanhef %s: %s → %s', (aanhef, naam, verwacht) => {
		expect(sprekerTekst({ naam, organisatie: 'Provincie Zuid-Holland', aanhef })).toBe(verwacht);
	});
	it('laat de haakjes weg zonder organisatie en knipt spaties', () => {
		expect(sprekerTekst({ naam: '  Jan de Corporatie ', organisatie: ' ' })).toBe(
			'Jan de Corporatie geeft aan dat '
		);
	});
});

describe('sprekers', () => {
	const genodigden = [
		g(1, 'Victor van Dam', 'Provincie Zuid-Holland', 'aanwezig'),
		g(2, 'Daan Visser', 'Ministerie van BZK', 'vervangen', {
			naam: 'Eva Jansen',
			functie: '',
			organisatie: 'Ministerie van BZK'
		}),
		g(3, 'Bart Jansen', 'Gemeente Den Haag', 'afgemeld'),
		g(4, 'Chris Smit', 'COA', 'onbekend')
	];

	it('neemt de aanhef mee van lid, vervanger en gast', () => {
		const r = sprekers(
			[
				{ ...g(1, 'Victor van Dam', 'PZH', 'aanwezig'), aanhef: 'de heer' },
				g(2, 'Daan Visser', 'BZK', 'vervangen', {
					naam: 'Eva Jansen',
					functie: '',
					organisatie: 'BZK',
					aanhef: 'mevrouw'
				})
			],
			[{ naam: 'Anna Gast', functie: '', organisatie: 'Aedes' }]
		);
		expect(r.lijst.map((s) => sprekerTekst(s))).toEqual([
			'Mevrouw Jansen (BZK) geeft aan dat ',
			'De heer Van Dam (PZH) geeft aan dat ',
			'Anna Gast (Aedes) geeft aan dat '
		]);
	});

	it('aanwezigen en vervangers (namens wie), op naam; afgemelden niet; gasten achteraan', () => {
		const r = sprekers(genodigden, [{ naam: 'Anna Gast', functie: '', organisatie: 'Aedes' }]);
		expect(r.presentieBekend).toBe(true);
		expect(r.lijst.map((s) => [s.naam, s.toelichting])).toEqual([
			['Eva Jansen', 'namens Daan Visser'],
			['Victor van Dam', ''],
			['Anna Gast', 'gast']
		]);
		expect(new Set(r.lijst.map((s) => s.sleutel)).size).toBe(3);
	});

	it('zonder geregistreerde presentie: alle genodigden behalve afgemelden', () => {
		const r = sprekers(
			genodigden.map((x) => ({ ...x, status: x.status === 'afgemeld' ? 'afgemeld' : 'onbekend' })),
			[]
		);
		expect(r.presentieBekend).toBe(false);
		expect(r.lijst.map((s) => s.naam)).toEqual(['Chris Smit', 'Daan Visser', 'Victor van Dam']);
	});
});
