import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cijfersSchema, publicerenSchema, vaststellenSchema } from '$lib/schemas/verslag';
import { db } from '$lib/server/db';
import { requireRight } from '$lib/server/guard';
import { haalAgenda } from '$lib/server/services/vergaderingen';
import {
	legCijfersVast,
	publiceerConcept,
	stelVerslagVast,
	verslagLevenscyclus
} from '$lib/server/services/verslag';
import {
	laadVergaderingLive,
	tafelOf404,
	vergaderingOf404,
	velden,
	wieVan
} from '$lib/server/vergadering-formulier';

/**
 * The versions of a meeting's verslag with the publish button and the frozen figures. The
 * actions here are also the targets of the lifecycle components on the verslag page and the
 * meeting page (VerslagVersies, VerslagCijfers, VaststellingKnop).
 */
export const load = (async (event) => {
	const { tafel, v, kamer, liveSeq } = await laadVergaderingLive(event);
	const { kop, cijfers } = await verslagLevenscyclus(tafel, v, event.locals.actor);
	const agenda = await haalAgenda(db(), v.id);
	return {
		tafel,
		vergadering: { id: v.id, datum: v.datum, status: v.status },
		kop,
		cijfers: cijfers.map((c) => ({
			...c,
			titel: agenda.find((a) => a.id === c.agendapuntId)?.titel ?? ''
		})),
		kamer,
		liveSeq
	};
}) satisfies PageServerLoad;

export const actions = {
	publiceren: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'verslag.beheren', regietafel: tafel });
		const v = await vergaderingOf404(tafel, event);
		const p = publicerenSchema.safeParse(velden(await event.request.formData()));
		if (!p.success) error(400, 'Onbekende versie van het verslag; herlaad de pagina.');
		const r = await publiceerConcept(wieVan(event), tafel, v.id, p.data.basis);
		if (!r.ok) return fail(r.status, { actie: 'publiceren', fout: r.fout, code: r.code });
		return {
			actie: 'publiceren',
			succes: `Concept ${r.nummer} is gepubliceerd; de leden kunnen het nu lezen en becommentariëren.`
		};
	},
	cijfers: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'verslag.beheren', regietafel: tafel });
		const v = await vergaderingOf404(tafel, event);
		const p = cijfersSchema.safeParse(velden(await event.request.formData()));
		if (!p.success) error(400, 'Onbekend agendapunt.');
		const r = await legCijfersVast(wieVan(event), tafel, v.id, p.data.agendapuntId);
		if (!r.ok) return fail(r.status, { actie: 'cijfers', fout: r.fout, code: r.code });
		return { actie: 'cijfers', succes: 'De cijfers van nu zijn in het verslag vastgelegd.' };
	},
	/** Posted from the next meeting's vaststelling agendapunt (VaststellingKnop). */
	vaststellen: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'verslag.vaststellen', regietafel: tafel });
		const v = await vergaderingOf404(tafel, event);
		const p = vaststellenSchema.safeParse(velden(await event.request.formData()));
		if (!p.success || p.data.doelId !== v.id) error(400, 'Onbekend verslag of agendapunt.');
		const r = await stelVerslagVast(wieVan(event), tafel, p.data);
		if (!r.ok) return fail(r.status, { actie: 'vaststellen', fout: r.fout, code: r.code });
		return { actie: 'vaststellen', succes: 'Het verslag is vastgesteld.' };
	}
} satisfies Actions;
