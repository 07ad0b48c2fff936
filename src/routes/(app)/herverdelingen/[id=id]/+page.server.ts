import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import { ONTVANGERS } from '$lib/domain/herverdeling/workflow';
import {
	afwijzenSchema,
	akkoordSchema,
	verwerkenSchema,
	versieSchema
} from '$lib/schemas/herverdeling';
import { db } from '$lib/server/db';
import { wieVan } from '$lib/server/herverdeling-formulier';
import { currentSeq } from '$lib/server/realtime/publish';
import { haalHerverdeling, voerUit, type Handeling } from '$lib/server/services/herverdelingen';

export const load = (async (event) => {
	const actor = event.locals.actor;
	const id = Number(event.params.id);
	const d = await haalHerverdeling(actor, id);
	if (!d) error(404, 'Dit herverdelingsvoorstel bestaat niet.');
	const refs = d.regels.map((r) => ({ code: r.gemeenteCode, provincieCode: r.provincieCode }));
	// A room this person may follow: the provincie of the proposal or of a gemeente involved.
	const kandidaten = [d.herverdeling.provincieCode, ...refs.map((r) => r.provincieCode)];
	const provincie =
		kandidaten.find((code) =>
			mag(actor, { actie: 'kamer.volgen', kamer: { soort: 'provincie', code } })
		) ?? d.herverdeling.provincieCode;
	const kamer = kamerNaam({ soort: 'provincie', code: provincie });
	event.depends(`live:${kamer}`);
	const liveSeq = await currentSeq(db(), kamer);
	const user = event.locals.user;
	const beheren =
		(user !== null && d.herverdeling.door === user.id) ||
		refs.some((g) => mag(actor, { actie: 'toezicht.beoordelen', provincieCode: g.provincieCode }));
	return {
		...d,
		kamer,
		liveSeq,
		rechten: {
			beheren,
			verwerken: mag(actor, { actie: 'herverdeling.verwerken', gemeenten: refs }),
			besluiten: refs
				.filter((g) => mag(actor, { actie: 'gemeente.besluiten', gemeente: g }))
				.map((g) => g.code)
		},
		vandaag: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })
	};
}) satisfies PageServerLoad;

type Event = RequestEvent<{ id: string }>;

/** Runs one workflow step; answers with the step name so the page shows the message there. */
async function stap(
	event: Event,
	maak: (form: FormData) => Handeling | { fout: Record<string, string> }
) {
	const form = await event.request.formData();
	const actie = String(form.get('actie') ?? '');
	const versie = versieSchema.safeParse(form.get('versie'));
	if (!versie.success) {
		return fail(400, { actie, fouten: { algemeen: versie.error.issues[0]!.message } });
	}
	const h = maak(form);
	if ('fout' in h) return fail(400, { actie, fouten: h.fout });
	const u = await voerUit(wieVan(event), Number(event.params.id), versie.data, h);
	if (!u.ok) {
		if (u.status === 404) error(404, u.fout);
		return fail(u.status, { actie, fouten: { algemeen: u.fout } });
	}
	return { actie, succes: true };
}

function velden<T>(
	schema: {
		safeParse: (
			v: unknown
		) =>
			| { success: true; data: T }
			| { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
	},
	form: FormData
): T | { fout: Record<string, string> } {
	const r = schema.safeParse(Object.fromEntries(form));
	if (r.success) return r.data;
	const fout: Record<string, string> = {};
	for (const i of r.error.issues) fout[String(i.path[0] ?? 'algemeen')] ??= i.message;
	return { fout };
}

export const actions = {
	akkoord: (event) =>
		stap(event, (form) => {
			const v = velden(akkoordSchema, form);
			return 'fout' in v ? v : { soort: 'akkoord', ...v };
		}),
	afwijzen: (event) =>
		stap(event, (form) => {
			const v = velden(afwijzenSchema, form);
			return 'fout' in v ? v : { soort: 'afwijzen', ...v };
		}),
	indienen: (event) => stap(event, () => ({ soort: 'indienen' })),
	intrekken: (event) => stap(event, () => ({ soort: 'intrekken' })),
	verwerken: (event) =>
		stap(event, (form): Handeling | { fout: Record<string, string> } => {
			const v = verwerkenSchema.safeParse({
				geinformeerd: form.getAll('geinformeerd').map(String)
			});
			if (!v.success) return { fout: { algemeen: 'Onbekende ontvanger.' } };
			const ontbreekt = ONTVANGERS.filter((o) => !v.data.geinformeerd.includes(o));
			if (ontbreekt.length > 0) {
				return {
					fout: {
						geinformeerd: 'Vink aan dat de provincie, BZK en de COA-regievoerder zijn geïnformeerd.'
					}
				};
			}
			return { soort: 'verwerken', geinformeerd: v.data.geinformeerd };
		})
} satisfies Actions;
