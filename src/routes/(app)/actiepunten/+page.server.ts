import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import { actiepuntStatusSchema } from '$lib/schemas/vergadering';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guard';
import { currentSeq } from '$lib/server/realtime/publish';
import {
	kamersVoor,
	magStatusWijzigen,
	mijnActiepunten,
	vandaagNL,
	wijzigActiepuntStatus
} from '$lib/server/services/actiepunten';
import { velden, weigering, wieVan } from '$lib/server/vergadering-formulier';

/** "Mijn actiepunten": what the signed-in person owns, across tables, overdue first. */
export const load = (async (event) => {
	const user = requireUser(event);
	const actor = event.locals.actor;
	const vandaag = vandaagNL();
	const lijst = await mijnActiepunten(user.id, vandaag);
	const kamers = kamersVoor(
		actor,
		lijst.map((a) => ({ id: a.regietafelId, provincieCode: a.provincieCode }))
	);
	for (const k of kamers) event.depends(`live:${k}`);
	const seqs = await Promise.all(kamers.map((k) => currentSeq(db(), k)));
	return {
		lijst: lijst.map((a) => ({
			...a,
			magStatus: magStatusWijzigen(actor, a),
			magVergadering: mag(actor, {
				actie: 'vergadering.bekijken',
				regietafel: { id: a.regietafelId, provincieCode: a.provincieCode }
			})
		})),
		vandaag,
		kamers: kamers.map((kamer, i) => ({ kamer, liveSeq: seqs[i]! }))
	};
}) satisfies PageServerLoad;

export const actions = {
	status: async (event) => {
		const p = actiepuntStatusSchema.safeParse(velden(await event.request.formData()));
		if (!p.success) return fail(400, { actie: 'actiepunt' as const, fout: 'Kies een status.' });
		const r = await wijzigActiepuntStatus(wieVan(event), { ...p.data, tafelId: null });
		if (!r.ok) return weigering('actiepunt' as const, r, { actiepuntId: p.data.id });
		return { actie: 'actiepunt' as const, actiepuntId: p.data.id, succes: 'Status gewijzigd.' };
	}
} satisfies Actions;
