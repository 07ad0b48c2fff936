import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import {
	actiepuntStatusSchema,
	afspraakSchema,
	agendapuntSchema,
	aanwezigheidSchema,
	gastSchema,
	id,
	vergaderingSchema,
	versieSchema,
	volgordeSchema
} from '$lib/schemas/vergadering';
import { acceptAttribuut, controleerUpload, formatGrootte } from '$lib/server/bestanden';
import { db } from '$lib/server/db';
import { env } from '$lib/server/env';
import { requireRight } from '$lib/server/guard';
import {
	actiepuntenVanVergadering,
	maakActiepunt,
	magStatusWijzigen,
	openActiepuntenVoor,
	vandaagNL,
	wijzigActiepuntStatus
} from '$lib/server/services/actiepunten';
import { vaststellingVoor } from '$lib/server/services/verslag';
import {
	BIJLAGE_SOORTEN,
	haalAgenda,
	haalGasten,
	haalGenodigden,
	herordenAgenda,
	nietUitgenodigd,
	nodigNieuweLedenUit,
	registreerAanwezigheid,
	tafelLeden,
	verwijderAgendapunt,
	verwijderBijlage,
	verwijderGast,
	voegAgendapuntToe,
	voegBijlageToe,
	voegGastToe,
	wijzigAgendapunt,
	wijzigVergadering,
	wijzigVergaderingStatus,
	zetHuidigAgendapunt
} from '$lib/server/services/vergaderingen';
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

export const load = (async (event) => {
	const { tafel, v, kamer, liveSeq } = await laadVergaderingLive(event);
	const actor = event.locals.actor;
	const bewerken = mag(actor, { actie: 'vergadering.bewerken', regietafel: tafel });
	const [agenda, genodigden, gasten, afspraken, open, leden, nieuweLeden, vaststelling] =
		await Promise.all([
			haalAgenda(db(), v.id),
			haalGenodigden(db(), v.id),
			haalGasten(db(), v.id),
			actiepuntenVanVergadering(db(), v.id),
			openActiepuntenVoor(db(), tafel.id, v),
			bewerken ? tafelLeden(db(), tafel.id) : Promise.resolve([]),
			bewerken ? nietUitgenodigd(tafel.id, v.id) : Promise.resolve(0),
			vaststellingVoor(tafel, v, actor)
		]);
	const statusRecht = (a: { regietafelId: number; eigenaarUserId: number | null }) =>
		magStatusWijzigen(actor, { ...a, provincieCode: tafel.provincieCode });
	return {
		tafel,
		vergadering: {
			id: v.id,
			datum: v.datum,
			begintijd: v.begintijd,
			eindtijd: v.eindtijd,
			locatie: v.locatie,
			onlineLink: v.onlineLink,
			status: v.status,
			versie: v.versie,
			huidigAgendapuntId: v.huidigAgendapuntId,
			huidigSinds: v.huidigSinds?.toISOString() ?? null
		},
		agenda,
		genodigden,
		gasten,
		afspraken: afspraken.map((a) => ({ ...a, magStatus: statusRecht(a) })),
		open: open.map((a) => ({ ...a, magStatus: statusRecht(a) })),
		leden: leden.map((l) => ({ userId: l.userId, naam: l.naam, organisatie: l.organisatie })),
		nieuweLeden,
		bijlage: {
			accept: acceptAttribuut(BIJLAGE_SOORTEN),
			max: formatGrootte(env().BIJLAGE_MAX_BYTES)
		},
		vandaag: vandaagNL(),
		vaststelling,
		kamer,
		liveSeq,
		rechten: {
			bewerken,
			leiden: mag(actor, { actie: 'vergadering.leiden', regietafel: tafel })
		}
	};
}) satisfies PageServerLoad;

type Event = RequestEvent<{ tafelId: string; vergaderingId: string }>;

/** Table, meeting (404 when gone or of another table) and the right the action needs. */
async function context(event: Event, recht: 'vergadering.bewerken' | 'vergadering.leiden') {
	const tafel = await tafelOf404(event);
	requireRight(event, { actie: recht, regietafel: tafel });
	const v = await vergaderingOf404(tafel, event);
	const form = await event.request.formData();
	return { tafel, v, form, wie: wieVan(event) };
}

function versieVan(form: FormData) {
	const r = versieSchema.safeParse(form.get('versie'));
	if (!r.success) error(400, 'Onbekende versie van de agenda; herlaad de pagina.');
	return r.data;
}

function idVan(form: FormData, veld: string, wat: string) {
	const r = id(wat).safeParse(form.get(veld));
	if (!r.success) error(400, `Onbekend ${wat}.`);
	return r.data;
}

export const actions = {
	gegevens: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const p = parse(vergaderingSchema, velden(form));
		if (!p.ok) {
			return fail(400, {
				actie: 'gegevens' as const,
				fouten: p.fouten,
				fout: CONTROLEER,
				waarden: velden(form)
			});
		}
		const r = await wijzigVergadering(wie, tafel, v.id, versieVan(form), p.data);
		if (!r.ok) return weigering('gegevens' as const, r);
		return { actie: 'gegevens' as const, succes: 'Datum, tijd en plaats opgeslagen.' };
	},

	agendapuntNieuw: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const p = parse(agendapuntSchema, velden(form));
		if (!p.ok) {
			return fail(400, {
				actie: 'agendapuntNieuw' as const,
				fouten: p.fouten,
				fout: CONTROLEER,
				waarden: velden(form)
			});
		}
		const r = await voegAgendapuntToe(wie, tafel, v.id, versieVan(form), p.data);
		if (!r.ok) return weigering('agendapuntNieuw' as const, r, { waarden: velden(form) });
		return {
			actie: 'agendapuntNieuw' as const,
			succes: `‘${p.data.titel}’ is aan de agenda toegevoegd.`
		};
	},

	agendapuntWijzigen: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const agendapuntId = idVan(form, 'agendapuntId', 'agendapunt');
		const p = parse(agendapuntSchema, velden(form));
		if (!p.ok) {
			return fail(400, {
				actie: 'agendapuntWijzigen' as const,
				agendapuntId,
				fouten: p.fouten,
				fout: CONTROLEER,
				waarden: velden(form)
			});
		}
		const r = await wijzigAgendapunt(wie, tafel, v.id, agendapuntId, versieVan(form), p.data);
		if (!r.ok) {
			return weigering('agendapuntWijzigen' as const, r, { agendapuntId, waarden: velden(form) });
		}
		return { actie: 'agendapuntWijzigen' as const, agendapuntId, succes: 'Agendapunt opgeslagen.' };
	},

	agendapuntVerwijderen: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const agendapuntId = idVan(form, 'agendapuntId', 'agendapunt');
		const r = await verwijderAgendapunt(wie, tafel, v.id, agendapuntId, versieVan(form));
		if (!r.ok) return weigering('agenda' as const, r);
		return { actie: 'agenda' as const, succes: 'Agendapunt verwijderd.' };
	},

	volgorde: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const volgorde = volgordeSchema.safeParse(form.get('volgorde'));
		if (!volgorde.success) {
			return fail(400, {
				actie: 'agenda' as const,
				fout: 'Onbekende volgorde; herlaad de pagina.'
			});
		}
		const r = await herordenAgenda(wie, tafel, v.id, versieVan(form), volgorde.data);
		if (!r.ok) return weigering('agenda' as const, r);
		return { actie: 'agenda' as const, succes: 'Nieuwe volgorde opgeslagen.', versie: r.versie };
	},

	bijlage: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const agendapuntId = idVan(form, 'agendapuntId', 'agendapunt');
		const c = await controleerUpload(form.get('bestand'), { soorten: BIJLAGE_SOORTEN });
		if (!c.ok) {
			return fail(400, { actie: 'bijlage' as const, agendapuntId, fout: c.fout, code: c.code });
		}
		const r = await voegBijlageToe(wie, tafel, v.id, agendapuntId, c.bestand);
		if (!r.ok) return weigering('bijlage' as const, r, { agendapuntId });
		return { actie: 'bijlage' as const, agendapuntId, succes: `‘${c.bestand.naam}’ toegevoegd.` };
	},

	bijlageVerwijderen: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const r = await verwijderBijlage(wie, tafel, v.id, idVan(form, 'bijlageId', 'bijlage'));
		if (!r.ok) return weigering('agenda' as const, r);
		return { actie: 'agenda' as const, succes: 'Bijlage verwijderd.' };
	},

	aanwezigheid: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const p = parse(aanwezigheidSchema, velden(form));
		const userId = Number(form.get('userId'));
		if (!p.ok) {
			return fail(400, {
				actie: 'aanwezigheid' as const,
				userId,
				fouten: p.fouten,
				fout: CONTROLEER,
				waarden: velden(form)
			});
		}
		const r = await registreerAanwezigheid(wie, tafel, v.id, p.data);
		if (!r.ok) return weigering('aanwezigheid' as const, r, { userId });
		return { actie: 'aanwezigheid' as const, userId, succes: 'Aanwezigheid opgeslagen.' };
	},

	genodigdenBijwerken: async (event) => {
		const { tafel, v, wie } = await context(event, 'vergadering.bewerken');
		const r = await nodigNieuweLedenUit(wie, tafel, v.id);
		if (!r.ok) return weigering('gast' as const, r);
		return {
			actie: 'gast' as const,
			succes:
				r.toegevoegd === 1
					? '1 lid toegevoegd aan de genodigden.'
					: `${r.toegevoegd} leden toegevoegd aan de genodigden.`
		};
	},

	gast: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const p = parse(gastSchema, velden(form));
		if (!p.ok) {
			return fail(400, {
				actie: 'gast' as const,
				fouten: p.fouten,
				fout: CONTROLEER,
				waarden: velden(form)
			});
		}
		const r = await voegGastToe(wie, tafel, v.id, p.data);
		if (!r.ok) return weigering('gast' as const, r);
		return { actie: 'gast' as const, succes: `${p.data.naam} staat als gast op de lijst.` };
	},

	gastVerwijderen: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const r = await verwijderGast(wie, tafel, v.id, idVan(form, 'gastId', 'gast'));
		if (!r.ok) return weigering('gast' as const, r);
		return { actie: 'gast' as const, succes: 'Gast verwijderd.' };
	},

	huidig: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.leiden');
		const r = await zetHuidigAgendapunt(
			wie,
			tafel,
			v.id,
			idVan(form, 'agendapuntId', 'agendapunt')
		);
		if (!r.ok) return weigering('leiden' as const, r);
		return {
			actie: 'leiden' as const,
			succes: 'Het gedeelde scherm toont het gekozen agendapunt.'
		};
	},

	starten: async (event) => {
		const { tafel, v, wie } = await context(event, 'vergadering.leiden');
		const r = await wijzigVergaderingStatus(wie, tafel, v.id, 'starten');
		if (!r.ok) return weigering('leiden' as const, r);
		return { actie: 'leiden' as const, succes: 'De vergadering is begonnen.' };
	},

	afronden: async (event) => {
		const { tafel, v, wie } = await context(event, 'vergadering.leiden');
		const r = await wijzigVergaderingStatus(wie, tafel, v.id, 'afronden');
		if (!r.ok) return weigering('leiden' as const, r);
		return { actie: 'leiden' as const, succes: 'De vergadering is afgerond.' };
	},

	afspraak: async (event) => {
		const { tafel, v, form, wie } = await context(event, 'vergadering.bewerken');
		const agendapuntId = Number(form.get('agendapuntId'));
		const p = parse(afspraakSchema, velden(form));
		if (!p.ok) {
			return fail(400, {
				actie: 'afspraak' as const,
				agendapuntId,
				fouten: p.fouten,
				fout: CONTROLEER,
				waarden: velden(form)
			});
		}
		const d = p.data;
		const r = await maakActiepunt(wie, {
			tafel,
			vergaderingId: v.id,
			agendapuntId: d.agendapuntId,
			omschrijving: d.omschrijving,
			eigenaar:
				d.eigenaarUserId !== null
					? { userId: d.eigenaarUserId }
					: { naam: d.eigenaarNaam, organisatie: d.eigenaarOrganisatie },
			deadline: d.deadline
		});
		if (!r.ok) return weigering('afspraak' as const, r, { agendapuntId, waarden: velden(form) });
		return {
			actie: 'afspraak' as const,
			agendapuntId,
			succes: 'Afspraak vastgelegd als actiepunt.'
		};
	},

	actiepuntStatus: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'vergadering.bekijken', regietafel: tafel });
		const form = await event.request.formData();
		const p = actiepuntStatusSchema.safeParse(velden(form));
		if (!p.success) return fail(400, { actie: 'actiepunt' as const, fout: 'Kies een status.' });
		const r = await wijzigActiepuntStatus(wieVan(event), { ...p.data, tafelId: tafel.id });
		if (!r.ok) return weigering('actiepunt' as const, r, { actiepuntId: p.data.id });
		return { actie: 'actiepunt' as const, actiepuntId: p.data.id, succes: 'Status gewijzigd.' };
	}
} satisfies Actions;
