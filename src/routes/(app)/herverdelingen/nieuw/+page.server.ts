import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRight } from '$lib/server/guard';
import {
	eigenProvincie,
	leesVoorstel,
	weigerFormulier,
	wieVan
} from '$lib/server/herverdeling-formulier';
import { formulierGegevens, maakVoorstel } from '$lib/server/services/herverdelingen';
import { provincieNaam } from '$lib/server/services/overzicht';

export const load = (async (event) => {
	const provincie = eigenProvincie(event.locals.actor, event.url.searchParams.get('provincie'));
	requireRight(event, { actie: 'herverdeling.voorstellen', provincieCode: provincie });
	return {
		provincie: { code: provincie, naam: (await provincieNaam(provincie)) ?? provincie },
		gegevens: await formulierGegevens()
	};
}) satisfies PageServerLoad;

async function bewaar(event: Parameters<Actions[string]>[0], indienen: boolean) {
	const provincie = eigenProvincie(event.locals.actor, event.url.searchParams.get('provincie'));
	requireRight(event, { actie: 'herverdeling.voorstellen', provincieCode: provincie });
	const r = leesVoorstel(await event.request.formData());
	if (!r.ok) return weigerFormulier(400, r.waarden, r.fouten);
	const u = await maakVoorstel(wieVan(event), provincie, r.invoer, { indienen });
	if (!u.ok) return weigerFormulier(u.status, r.waarden, { algemeen: u.fout }, u.bevindingen);
	redirect(303, `/herverdelingen/${u.id}`);
}

export const actions = {
	opslaan: (event) => bewaar(event, false),
	indienen: (event) => bewaar(event, true)
} satisfies Actions;
