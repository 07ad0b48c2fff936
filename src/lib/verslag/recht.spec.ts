import { describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { verslagRecht } from './recht';

const tafel = { id: 1, provincieCode: 'PV28' };
const lid = (rol: 'secretaris' | 'voorzitter' | 'deelnemer'): Actor => ({
	soort: 'gebruiker',
	userId: 7,
	rollen: [],
	tafels: [{ regietafelId: 1, provincieCode: 'PV28', rol }]
});
const buitenstaander: Actor = { soort: 'gebruiker', userId: 8, rollen: [], tafels: [] };
const kiosk: Actor = { soort: 'kiosk', kioskId: 1, regietafelId: 1, provincieCode: 'PV28' };

describe('verslagRecht', () => {
	it.each([
		['secretaris', lid('secretaris'), false, false, 'schrijven'],
		['secretaris, vastgesteld', lid('secretaris'), false, true, 'lezen'],
		['deelnemer', lid('deelnemer'), false, false, 'lezen'],
		['deelnemer als mederedacteur', lid('deelnemer'), true, false, 'schrijven'],
		['mederedacteur, vastgesteld', lid('deelnemer'), true, true, 'lezen'],
		['voorzitter zonder redacteurschap', lid('voorzitter'), false, false, 'lezen'],
		['voorzitter als mederedacteur', lid('voorzitter'), true, false, 'schrijven'],
		['geen lid (ook niet als "redacteur")', buitenstaander, true, false, null],
		['kioskscherm', kiosk, false, false, null],
		['anoniem', { soort: 'anoniem' } as Actor, false, false, null]
	] as const)('%s → %s', (_naam, actor, redacteur, vastgesteld, verwacht) => {
		expect(verslagRecht(actor, { tafel, redacteur, vastgesteld })).toBe(verwacht);
	});

	it('een toezichthouder van de provincie leest mee, maar schrijft niet', () => {
		const toezicht: Actor = {
			soort: 'gebruiker',
			userId: 9,
			rollen: [
				{
					rol: 'toezichthouder',
					organisatieId: 1,
					organisatieType: 'provincie',
					provincieCode: 'PV28',
					gemeenteCode: null
				}
			],
			tafels: []
		};
		expect(verslagRecht(toezicht, { tafel, redacteur: true, vastgesteld: false })).toBe('lezen');
	});
});
