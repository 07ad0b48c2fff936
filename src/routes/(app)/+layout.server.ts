import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/guard';
import { mag } from '$lib/domain/autorisatie/rechten';
import { ROL_LABELS } from '$lib/domain/autorisatie/rollen';
import { db } from '$lib/server/db';
import { currentSeq } from '$lib/server/realtime/publish';
import { organisatieNamen } from '$lib/server/services/gebruikers';
import { bestuurderVan, gemeenteKamers } from '$lib/server/services/home';
import { PROVINCIES } from '$lib/server/seed/zuid-holland';

export const load = (async (event) => {
	const user = requireUser(event);
	const actor = event.locals.actor;
	const orgs = actor.soort === 'gebruiker' ? await organisatieNamen(actor.userId) : [];
	// A gemeente official hears in the layout when their college's akkoord is asked (issue 5 §5).
	const { kamers, gemeenten } = gemeenteKamers(actor);
	const seqs = await Promise.all(kamers.map((k) => currentSeq(db(), k)));
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
			herverdelingen: PROVINCIES.some(
				(p) =>
					mag(actor, { actie: 'herverdeling.overzicht', provincieCode: p.code }) ||
					mag(actor, { actie: 'herverdeling.voorstellen', provincieCode: p.code })
			),
			kaart: PROVINCIES.some((p) => mag(actor, { actie: 'kaart.bekijken', provincieCode: p.code }))
		},
		akkoordMeldingen: {
			kamers: kamers.map((kamer, i) => ({ kamer, seq: seqs[i]! })),
			gemeenten,
			bestuurder: actor.soort === 'gebruiker' ? bestuurderVan(actor).map((g) => g.code) : []
		},
		tekstgrootte: event.locals.tekstgrootte
	};
}) satisfies LayoutServerLoad;
