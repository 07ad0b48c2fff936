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
import {
	acceptAttribuut,
	controleerUpload,
	formatGrootte,
	soortenTekst
} from '$lib/server/bestanden';
import { db } from '$lib/server/db';
import { env } from '$lib/server/env';
import { wieVan } from '$lib/server/herverdeling-formulier';
import { currentSeq } from '$lib/server/realtime/publish';
import {
	HERVERDELING_BESTANDEN,
	MAX_BIJLAGEN,
	bijlagenBeheer,
	haalHerverdeling,
	verwijderBijlage,
	voegBijlageToe,
	voerUit,
	type Handeling
} from '$lib/server/services/herverdelingen';

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
	const open = d.herverdeling.status === 'concept' || d.herverdeling.status === 'ingediend';
	return {
		...d,
		kamer,
		liveSeq,
		bijlageVeld: {
			accept: acceptAttribuut(HERVERDELING_BESTANDEN),
			soorten: soortenTekst(HERVERDELING_BESTANDEN),
			maxTekst: formatGrootte(env().BIJLAGE_MAX_BYTES),
			max: MAX_BIJLAGEN
		},
		rechten: {
			beheren,
			bijlagen: beheren && open,
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

/** Adds an attachment: the right first, then the file (a refused person's upload is not read). */
async function bijlageToevoegen(event: Event) {
	const actie = 'bijlage';
	const wie = wieVan(event);
	const id = Number(event.params.id);
	const c = await bijlagenBeheer(db(), wie, id);
	if (!c.ok) {
		if (c.status === 404) error(404, c.fout);
		if (c.status === 403) error(403, c.fout);
		return fail(c.status, { actie, fouten: { algemeen: c.fout } });
	}
	const form = await event.request.formData();
	const b = await controleerUpload(form.get('bestand'), { soorten: HERVERDELING_BESTANDEN });
	if (!b.ok) return fail(400, { actie, fouten: { bestand: b.fout } });
	const u = await voegBijlageToe(wie, id, b.bestand);
	if (!u.ok) {
		if (u.status === 404) error(404, u.fout);
		return fail(u.status, { actie, fouten: { bestand: u.fout } });
	}
	return { actie, succes: true, naam: b.bestand.naam };
}

async function bijlageVerwijderen(event: Event) {
	const actie = 'bijlageVerwijderen';
	const form = await event.request.formData();
	const bestandId = Number(form.get('bestandId'));
	if (!Number.isSafeInteger(bestandId) || bestandId < 1) {
		return fail(400, { actie, fouten: { algemeen: 'Onbekende bijlage.' } });
	}
	const u = await verwijderBijlage(wieVan(event), Number(event.params.id), bestandId);
	if (!u.ok) {
		if (u.status === 404 && u.fout.startsWith('Dit herverdelingsvoorstel')) error(404, u.fout);
		if (u.status === 403) error(403, u.fout);
		return fail(u.status, { actie, fouten: { algemeen: u.fout } });
	}
	return { actie, succes: true };
}

export const actions = {
	bijlage: bijlageToevoegen,
	bijlageVerwijderen,
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
