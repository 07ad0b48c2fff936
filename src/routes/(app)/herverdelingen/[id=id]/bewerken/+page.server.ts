import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import { versieSchema } from '$lib/schemas/herverdeling';
import { leesVoorstel, weigerFormulier, wieVan } from '$lib/server/herverdeling-formulier';
import { formulierGegevens, haalHerverdeling, voerUit } from '$lib/server/services/herverdelingen';

export const load = (async (event) => {
	const id = Number(event.params.id);
	const d = await haalHerverdeling(event.locals.actor, id);
	if (!d) error(404, 'Dit herverdelingsvoorstel bestaat niet.');
	const h = d.herverdeling;
	const beheren =
		(event.locals.user !== null && h.door === event.locals.user.id) ||
		d.regels.some((r) =>
			mag(event.locals.actor, { actie: 'toezicht.beoordelen', provincieCode: r.provincieCode })
		);
	if (!beheren) error(403, 'Alleen de indiener of de toezichthouder kan dit voorstel wijzigen.');
	if (h.status !== 'concept' && h.status !== 'ingediend') {
		error(409, 'Dit voorstel kan niet meer worden gewijzigd.');
	}
	return {
		herverdeling: h,
		heeftReacties: d.regels.some((r) => r.reactie.status !== 'open'),
		begin: {
			periode: h.periode,
			motivatie: h.motivatie,
			wijzigingen: d.regels.map((r) => ({
				gemeenteCode: r.gemeenteCode,
				wijziging: String(r.wijziging)
			}))
		},
		gegevens: await formulierGegevens(id)
	};
}) satisfies PageServerLoad;

export const actions = {
	opslaan: async (event) => {
		const id = Number(event.params.id);
		const form = await event.request.formData();
		const r = leesVoorstel(form);
		if (!r.ok) return weigerFormulier(400, r.waarden, r.fouten);
		const versie = versieSchema.safeParse(form.get('versie'));
		if (!versie.success) {
			return weigerFormulier(400, r.waarden, { algemeen: versie.error.issues[0]!.message });
		}
		const d = await haalHerverdeling(event.locals.actor, id);
		if (!d) error(404, 'Dit herverdelingsvoorstel bestaat niet.');
		if (r.invoer.periode !== d.herverdeling.periode) {
			return weigerFormulier(400, r.waarden, {
				periode:
					'De periode van een voorstel ligt vast; maak een nieuw voorstel voor een andere periode.'
			});
		}
		const u = await voerUit(wieVan(event), id, versie.data, {
			soort: 'bewerken',
			motivatie: r.invoer.motivatie,
			wijzigingen: r.invoer.wijzigingen
		});
		if (!u.ok) {
			if (u.status === 404) error(404, u.fout);
			return weigerFormulier(u.status, r.waarden, { algemeen: u.fout }, u.bevindingen);
		}
		redirect(303, `/herverdelingen/${id}`);
	}
} satisfies Actions;
