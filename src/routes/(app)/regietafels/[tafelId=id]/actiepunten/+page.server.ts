import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actiepuntStatusSchema } from '$lib/schemas/vergadering';
import { db } from '$lib/server/db';
import { requireRight } from '$lib/server/guard';
import { currentSeq } from '$lib/server/realtime/publish';
import {
	actiepuntenVanTafel,
	magStatusWijzigen,
	vandaagNL,
	wijzigActiepuntStatus
} from '$lib/server/services/actiepunten';
import { tafelKamer } from '$lib/server/services/regietafels';
import { tafelOf404, velden, weigering, wieVan } from '$lib/server/vergadering-formulier';

/** The action list of a table: every actiepunt, overdue first; status changes arrive live. */
export const load = (async (event) => {
	const tafel = await tafelOf404(event);
	requireRight(event, { actie: 'vergadering.bekijken', regietafel: tafel });
	const kamer = tafelKamer(tafel.id);
	event.depends(`live:${kamer}`);
	const liveSeq = await currentSeq(db(), kamer);
	const vandaag = vandaagNL();
	const lijst = await actiepuntenVanTafel(tafel.id, vandaag);
	return {
		tafel,
		lijst: lijst.map((a) => ({ ...a, magStatus: magStatusWijzigen(event.locals.actor, a) })),
		vandaag,
		kamer,
		liveSeq
	};
}) satisfies PageServerLoad;

export const actions = {
	status: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'vergadering.bekijken', regietafel: tafel });
		const p = actiepuntStatusSchema.safeParse(velden(await event.request.formData()));
		if (!p.success) return fail(400, { actie: 'actiepunt' as const, fout: 'Kies een status.' });
		const r = await wijzigActiepuntStatus(wieVan(event), { ...p.data, tafelId: tafel.id });
		if (!r.ok) return weigering('actiepunt' as const, r, { actiepuntId: p.data.id });
		return { actie: 'actiepunt' as const, actiepuntId: p.data.id, succes: 'Status gewijzigd.' };
	}
} satisfies Actions;
