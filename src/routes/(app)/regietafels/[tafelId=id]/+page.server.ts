import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import { requireRight, requireUser } from '$lib/server/guard';
import { db } from '$lib/server/db';
import { currentSeq } from '$lib/server/realtime/publish';
import {
	getTafel,
	listKandidaten,
	listLeden,
	listMededelingen,
	plaatsMededeling,
	tafelKamer,
	verwijderLid,
	verwijderMededeling,
	voegLidToe
} from '$lib/server/services/regietafels';
import { idSchema, lidSchema, mededelingSchema } from '$lib/schemas/regietafel';
import { vergaderingSchema } from '$lib/schemas/vergadering';
import { listVergaderingen, maakVergadering } from '$lib/server/services/vergaderingen';
import { CONTROLEER, parse, velden, wieVan } from '$lib/server/vergadering-formulier';

async function tafelOf404(event: Pick<RequestEvent, 'params'>) {
	const tafel = await getTafel(Number(event.params.tafelId));
	if (!tafel) error(404, 'Deze regietafel bestaat niet.');
	return tafel;
}

export const load = (async (event) => {
	const tafel = await tafelOf404(event);
	requireRight(event, { actie: 'regietafel.bekijken', regietafel: tafel });
	event.depends(`live:${tafelKamer(tafel.id)}`);
	const actor = event.locals.actor;
	const magLeden = mag(actor, { actie: 'regietafel.leden-beheren', regietafel: tafel });
	// Read the sequence number before the data: an event committed in between is replayed.
	const liveSeq = await currentSeq(db(), tafelKamer(tafel.id));
	const magVergaderingen = mag(actor, { actie: 'vergadering.bekijken', regietafel: tafel });
	const [leden, mededelingen, kandidaten, vergaderingen] = await Promise.all([
		listLeden(tafel.id),
		listMededelingen(tafel.id),
		magLeden ? listKandidaten(tafel.id) : Promise.resolve([]),
		magVergaderingen ? listVergaderingen(tafel.id) : Promise.resolve([])
	]);
	return {
		tafel,
		kamer: tafelKamer(tafel.id),
		liveSeq,
		leden,
		mededelingen,
		kandidaten,
		vergaderingen,
		vandaag: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }),
		rechten: {
			vergaderingen: magVergaderingen,
			vergaderingPlannen: mag(actor, { actie: 'vergadering.bewerken', regietafel: tafel }),
			leden: magLeden,
			mededeling: mag(actor, { actie: 'regietafel.mededeling-plaatsen', regietafel: tafel })
		}
	};
}) satisfies PageServerLoad;

function actorVan(event: RequestEvent) {
	const user = requireUser(event);
	return { userId: user.id, label: user.naam };
}

export const actions = {
	vergaderingNieuw: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'vergadering.bewerken', regietafel: tafel });
		const form = await event.request.formData();
		const p = parse(vergaderingSchema, velden(form));
		if (!p.ok) {
			return fail(400, {
				actie: 'vergadering' as const,
				fout: CONTROLEER,
				fouten: p.fouten,
				waarden: velden(form)
			});
		}
		const r = await maakVergadering(wieVan(event), tafel, p.data);
		if (!r.ok) return fail(r.status, { actie: 'vergadering' as const, fout: r.fout });
		redirect(303, `/regietafels/${tafel.id}/vergaderingen/${r.id}`);
	},
	mededeling: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'regietafel.mededeling-plaatsen', regietafel: tafel });
		const form = await event.request.formData();
		const parsed = mededelingSchema.safeParse({ tekst: form.get('tekst') ?? '' });
		if (!parsed.success) {
			return fail(400, {
				actie: 'mededeling' as const,
				tekst: String(form.get('tekst') ?? '').slice(0, 2000),
				fout: parsed.error.issues[0]?.message ?? 'Ongeldige invoer.'
			});
		}
		await plaatsMededeling(actorVan(event), tafel.id, parsed.data.tekst);
		return { actie: 'mededeling' as const, succes: 'Mededeling geplaatst.' };
	},
	mededelingVerwijderen: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'regietafel.mededeling-plaatsen', regietafel: tafel });
		const parsed = idSchema.safeParse((await event.request.formData()).get('id'));
		if (!parsed.success) {
			return fail(400, { actie: 'mededeling' as const, fout: 'Onbekende mededeling.' });
		}
		const ok = await verwijderMededeling(actorVan(event), tafel.id, parsed.data);
		if (!ok) {
			return fail(404, {
				actie: 'mededeling' as const,
				fout: 'Deze mededeling bestaat niet meer.'
			});
		}
		return { actie: 'mededeling' as const, succes: 'Mededeling verwijderd.' };
	},
	lidToevoegen: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'regietafel.leden-beheren', regietafel: tafel });
		const form = await event.request.formData();
		const parsed = lidSchema.safeParse({ userId: form.get('userId'), rol: form.get('rol') });
		if (!parsed.success) {
			return fail(400, {
				actie: 'lid' as const,
				fout: parsed.error.issues[0]?.message ?? 'Ongeldige invoer.'
			});
		}
		const r = await voegLidToe(actorVan(event), tafel.id, parsed.data.userId, parsed.data.rol);
		if (!r.ok) return fail(400, { actie: 'lid' as const, fout: r.fout });
		return { actie: 'lid' as const, succes: 'Lid toegevoegd.' };
	},
	lidVerwijderen: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'regietafel.leden-beheren', regietafel: tafel });
		const parsed = idSchema.safeParse((await event.request.formData()).get('userId'));
		if (!parsed.success) return fail(400, { actie: 'lid' as const, fout: 'Onbekend lid.' });
		const ok = await verwijderLid(actorVan(event), tafel.id, parsed.data);
		if (!ok) return fail(404, { actie: 'lid' as const, fout: 'Deze persoon is geen lid (meer).' });
		return { actie: 'lid' as const, succes: 'Lid verwijderd.' };
	}
} satisfies Actions;
