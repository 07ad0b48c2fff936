import type { PageServerLoad } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import { db } from '$lib/server/db';
import { requireRight } from '$lib/server/guard';
import { eigenProvincie } from '$lib/server/herverdeling-formulier';
import { currentSeq } from '$lib/server/realtime/publish';
import { lijstHerverdelingen } from '$lib/server/services/herverdelingen';
import { provincieNaam } from '$lib/server/services/overzicht';

export const load = (async (event) => {
	const actor = event.locals.actor;
	const provincie = eigenProvincie(actor, event.url.searchParams.get('provincie'));
	requireRight(event, { actie: 'herverdeling.overzicht', provincieCode: provincie });
	const kamer = kamerNaam({ soort: 'provincie', code: provincie });
	event.depends(`live:${kamer}`);
	const liveSeq = await currentSeq(db(), kamer);
	const lijst = await lijstHerverdelingen(actor, provincie);
	// Gemeenten for which this person decides on behalf of the college.
	const mijnGemeenten =
		actor.soort === 'gebruiker'
			? actor.rollen
					.filter((r) => r.rol === 'gemeente-bestuurder' && r.gemeenteCode)
					.map((r) => r.gemeenteCode!)
			: [];
	return {
		provincie: { code: provincie, naam: (await provincieNaam(provincie)) ?? provincie },
		kamer,
		liveSeq,
		lijst,
		mijnGemeenten,
		magVolgen: mag(actor, {
			actie: 'kamer.volgen',
			kamer: { soort: 'provincie', code: provincie }
		}),
		magVoorstellen: mag(actor, { actie: 'herverdeling.voorstellen', provincieCode: provincie })
	};
}) satisfies PageServerLoad;
