import { describe, expect, it } from 'vitest';
import { functieBij, presentielijst, telAanwezigheid, type Genodigde } from './presentie';

const lid = (
	userId: number,
	naam: string,
	status: Genodigde['status'],
	vervanger: Genodigde['vervanger'] = null
): Genodigde => ({
	userId,
	naam,
	functie: 'Beleidsadviseur',
	organisatie: `Organisatie ${userId}`,
	status,
	vervanger
});

describe('presentielijst', () => {
	const genodigden = [
		lid(1, 'Sanne Bakker', 'aanwezig'),
		lid(2, 'Victor van Dam', 'afgemeld'),
		lid(3, 'Daan Visser', 'vervangen', {
			naam: 'Eva Jansen',
			functie: 'Senior beleidsmedewerker',
			organisatie: 'Ministerie van BZK'
		}),
		lid(4, 'Chris Smit', 'onbekend'),
		lid(5, 'Aisha el Amrani', 'aanwezig'),
		// Marked 'vervangen' without a name: counts as absent, not as an empty present person.
		lid(6, 'Bart Jansen', 'vervangen', null)
	];
	const gasten = [{ naam: 'Piet de Gast', functie: 'Adviseur', organisatie: 'VluchtelingenWerk' }];
	const p = presentielijst(genodigden, gasten);

	it('lists present members and substitutes on behalf of the member, by name', () => {
		expect(p.aanwezig.map((a) => [a.naam, a.namens])).toEqual([
			['Aisha el Amrani', null],
			['Eva Jansen', 'Daan Visser'],
			['Sanne Bakker', null]
		]);
		expect(p.aanwezig.find((a) => a.naam === 'Eva Jansen')?.organisatie).toBe('Ministerie van BZK');
	});

	it('lists absent members with whom replaced them', () => {
		expect(p.afwezig.map((a) => [a.naam, a.vervangenDoor])).toEqual([
			['Bart Jansen', null],
			['Daan Visser', 'Eva Jansen'],
			['Victor van Dam', null]
		]);
	});

	it('keeps members without an answer and guests apart', () => {
		expect(p.onbekend.map((a) => a.naam)).toEqual(['Chris Smit']);
		expect(p.gasten).toEqual(gasten);
	});

	it('counts per status', () => {
		expect(telAanwezigheid(genodigden)).toEqual({
			onbekend: 1,
			aanwezig: 2,
			afgemeld: 1,
			vervangen: 2
		});
	});

	it.each([
		[{ functie: 'Wethouder', organisatie: 'Gemeente Leiden' }, 'Wethouder, Gemeente Leiden'],
		[{ functie: '', organisatie: 'COA' }, 'COA'],
		[{ functie: ' ', organisatie: '' }, '']
	])('functieBij(%j) = %j', (p, uit) => {
		expect(functieBij(p)).toBe(uit);
	});
});
