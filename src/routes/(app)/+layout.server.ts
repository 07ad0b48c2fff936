import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/guard';
import { mag } from '$lib/domain/autorisatie/rechten';
import { ROL_LABELS } from '$lib/domain/autorisatie/rollen';
import { organisatieNamen } from '$lib/server/services/gebruikers';
import { PROVINCIES } from '$lib/server/seed/zuid-holland';

export const load = (async (event) => {
	const user = requireUser(event);
	const actor = event.locals.actor;
	const orgs = actor.soort === 'gebruiker' ? await organisatieNamen(actor.userId) : [];
	return {
		user,
		organisaties: orgs,
		rollen:
			actor.soort === 'gebruiker' ? [...new Set(actor.rollen.map((r) => ROL_LABELS[r.rol]))] : [],
		nav: {
			beheer: mag(actor, { actie: 'beheer.gebruikers' }),
			toezicht: PROVINCIES.some((p) =>
				mag(actor, { actie: 'toezicht.bekijken', provincieCode: p.code })
			),
			kaart: PROVINCIES.some((p) => mag(actor, { actie: 'kaart.bekijken', provincieCode: p.code }))
		},
		tekstgrootte: event.locals.tekstgrootte
	};
}) satisfies LayoutServerLoad;
