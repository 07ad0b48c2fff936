import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import { afspraakSchema, id } from '$lib/schemas/vergadering';
import { db } from '$lib/server/db';
import { requireRight } from '$lib/server/guard';
import { actiepuntenVanVergadering } from '$lib/server/services/actiepunten';
import { verslagLevenscyclus } from '$lib/server/services/verslag';
import {
	haalAgenda,
	haalGasten,
	haalGenodigden,
	tafelLeden
} from '$lib/server/services/vergaderingen';
import {
	legAfspraakVast,
	redacteurenVan,
	verslagRechtVan,
	verwijderRedacteur,
	voegRedacteurToe
} from '$lib/server/services/verslag-redactie';
import {
	CONTROLEER,
	parse,
	laadVergaderingLive,
	tafelOf404,
	vergaderingOf404,
	velden,
	weigering,
	wieVan
} from '$lib/server/vergadering-formulier';
import { verslagDocument } from '$lib/verslag/document';
import { sprekers } from '$lib/verslag/sprekers';

export const load = (async (event) => {
	const { tafel, v, kamer, liveSeq } = await laadVergaderingLive(event);
	const wie = wieVan(event);
	const beheren = mag(wie.actor, { actie: 'verslag.beheren', regietafel: tafel });
	const [agenda, genodigden, gasten, afspraken, redacteuren, recht, levenscyclus] =
		await Promise.all([
			haalAgenda(db(), v.id),
			haalGenodigden(db(), v.id),
			haalGasten(db(), v.id),
			actiepuntenVanVergadering(db(), v.id),
			redacteurenVan(db(), v.id),
			verslagRechtVan(wie, v.id),
			verslagLevenscyclus(tafel, v, wie.actor)
		]);
	const schrijven = recht.recht === 'schrijven';
	const leden = schrijven || beheren ? await tafelLeden(db(), tafel.id) : [];
	return {
		tafel,
		vergadering: {
			id: v.id,
			datum: v.datum,
			begintijd: v.begintijd,
			eindtijd: v.eindtijd,
			status: v.status
		},
		document: verslagDocument(v.id),
		agenda: agenda.map((p) => ({
			id: p.id,
			titel: p.titel,
			type: p.type,
			presentator: p.presentator
		})),
		genodigden,
		gasten,
		sprekers: sprekers(genodigden, gasten),
		afspraken: afspraken.map((a) => ({
			id: a.id,
			agendapuntId: a.agendapuntId,
			omschrijving: a.omschrijving,
			eigenaarNaam: a.eigenaarNaam,
			eigenaarOrganisatie: a.eigenaarOrganisatie,
			deadline: a.deadline,
			status: a.status
		})),
		redacteuren,
		leden: leden.map((l) => ({ userId: l.userId, naam: l.naam, organisatie: l.organisatie })),
		verslagKop: levenscyclus.kop,
		verslagCijfers: levenscyclus.cijfers,
		kamer,
		liveSeq,
		rechten: { beheren, schrijven, redacteur: recht.redacteur, vastgesteld: recht.vastgesteld }
	};
}) satisfies PageServerLoad;

type Event = RequestEvent<{ tafelId: string; vergaderingId: string }>;

async function context(event: Event) {
	const tafel = await tafelOf404(event);
	requireRight(event, { actie: 'vergadering.bekijken', regietafel: tafel });
	const v = await vergaderingOf404(tafel, event);
	const form = await event.request.formData();
	return { tafel, v, form, wie: wieVan(event) };
}

function userIdVan(form: FormData) {
	const r = id('lid').safeParse(form.get('userId'));
	if (!r.success) error(400, 'Kies een lid van de regietafel.');
	return r.data;
}

export const actions = {
	redacteurToevoegen: async (event) => {
		const { tafel, v, form, wie } = await context(event);
		requireRight(event, { actie: 'verslag.beheren', regietafel: tafel });
		const r = await voegRedacteurToe(wie, tafel, v.id, userIdVan(form));
		if (!r.ok) return weigering('redacteur' as const, r);
		return { actie: 'redacteur' as const, succes: `${r.naam} schrijft het verslag nu mee.` };
	},

	redacteurVerwijderen: async (event) => {
		const { tafel, v, form, wie } = await context(event);
		requireRight(event, { actie: 'verslag.beheren', regietafel: tafel });
		const r = await verwijderRedacteur(wie, tafel, v.id, userIdVan(form));
		if (!r.ok) return weigering('redacteur' as const, r);
		return { actie: 'redacteur' as const, succes: 'Mederedacteur verwijderd.' };
	},

	/** An afspraak marked in the text: recorded as an actiepunt; the editor links the passage. */
	afspraak: async (event) => {
		const { tafel, v, form, wie } = await context(event);
		const p = parse(afspraakSchema, velden(form));
		if (!p.ok) {
			return fail(400, { actie: 'afspraak' as const, fouten: p.fouten, fout: CONTROLEER });
		}
		const d = p.data;
		const r = await legAfspraakVast(wie, tafel, v.id, {
			agendapuntId: d.agendapuntId,
			omschrijving: d.omschrijving,
			eigenaar:
				d.eigenaarUserId !== null
					? { userId: d.eigenaarUserId }
					: { naam: d.eigenaarNaam, organisatie: d.eigenaarOrganisatie },
			deadline: d.deadline
		});
		if (!r.ok) return weigering('afspraak' as const, r);
		return {
			actie: 'afspraak' as const,
			actiepuntId: r.id,
			succes: 'Afspraak vastgelegd als actiepunt.'
		};
	}
} satisfies Actions;
