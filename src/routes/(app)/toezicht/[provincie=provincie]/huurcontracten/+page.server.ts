import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import { db } from '$lib/server/db';
import { requireRight } from '$lib/server/guard';
import { wijzigUitFormulier } from '$lib/server/huurcontract-formulieren';
import { currentSeq } from '$lib/server/realtime/publish';
import { provincieNaam } from '$lib/server/services/overzicht';
import { huurcontractenVanProvincie } from '$lib/server/services/huurcontracten';

export const load = (async (event) => {
	const provincie = event.params.provincie;
	requireRight(event, { actie: 'toezicht.bekijken', provincieCode: provincie });
	const naam = await provincieNaam(provincie);
	if (!naam) error(404, 'Deze provincie bestaat niet.');
	const kamer = kamerNaam({ soort: 'provincie', code: provincie });
	event.depends(`live:${kamer}`);
	const [liveSeq, lijst] = await Promise.all([
		currentSeq(db(), kamer),
		huurcontractenVanProvincie(db(), provincie)
	]);
	return {
		provincie: { code: provincie, naam },
		kamer,
		liveSeq,
		...lijst,
		magBeoordelen: mag(event.locals.actor, {
			actie: 'toezicht.beoordelen',
			provincieCode: provincie
		})
	};
}) satisfies PageServerLoad;

export const actions = {
	accepteren: async (event) => {
		requireRight(event, { actie: 'toezicht.beoordelen', provincieCode: event.params.provincie });
		return wijzigUitFormulier(event, 'accepteren', { provincieCode: event.params.provincie });
	},
	afwijzen: async (event) => {
		requireRight(event, { actie: 'toezicht.beoordelen', provincieCode: event.params.provincie });
		return wijzigUitFormulier(event, 'afwijzen', { provincieCode: event.params.provincie });
	}
} satisfies Actions;
