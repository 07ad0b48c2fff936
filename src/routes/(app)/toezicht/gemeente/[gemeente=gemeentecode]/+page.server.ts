import { error, fail } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { huurcontractRecht, kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import { halfjaarVanDatum, formatHalfjaar } from '$lib/domain/periode/halfjaar';
import { requireRight, requireUser } from '$lib/server/guard';
import { db } from '$lib/server/db';
import { gemeenten } from '$lib/server/db/schema';
import { currentSeq } from '$lib/server/realtime/publish';
import { beleidVan, tijdlijn } from '$lib/server/services/beoordelingen';
import { taakstellingenVan } from '$lib/server/services/herverdeeld';
import { huurcontractenVanGemeente, vandaagInNederland } from '$lib/server/services/huurcontracten';
import {
	bijlageVeld,
	registreerUitFormulier,
	wijzigUitFormulier
} from '$lib/server/huurcontract-formulieren';
import { cijferSignalen } from '$lib/server/services/toezichtcijfers';
import { legBesluitVast } from '$lib/server/services/besluiten';
import {
	beginstandHistorie,
	eerstePeriode,
	legBeginstandVast
} from '$lib/server/services/beginstanden';
import { besluitSchema } from '$lib/schemas/besluit';

async function gemeenteOf404(event: Pick<RequestEvent, 'params'>) {
	const [g] = await db()
		.select()
		.from(gemeenten)
		.where(eq(gemeenten.code, event.params.gemeente))
		.orderBy(desc(gemeenten.jaar))
		.limit(1);
	if (!g) error(404, 'Deze gemeente is niet bekend.');
	return g;
}

export const load = (async (event) => {
	const g = await gemeenteOf404(event);
	requireRight(event, {
		actie: 'gemeente.bekijken',
		gemeente: { code: g.code, provincieCode: g.provincieCode }
	});
	const kamer = kamerNaam({ soort: 'provincie', code: g.provincieCode });
	event.depends(`live:${kamer}`);
	const liveSeq = await currentSeq(db(), kamer);
	const actor = event.locals.actor;
	const ref = { code: g.code, provincieCode: g.provincieCode };
	const vandaag = vandaagInNederland();
	const [stappen, taakstellingen, huurcontracten, beleid, beginstanden, eerste, signalen] =
		await Promise.all([
			tijdlijn(db(), g.code),
			taakstellingenVan(db(), g.code),
			huurcontractenVanGemeente(db(), g.code),
			beleidVan(db(), g.provincieCode, formatHalfjaar(halfjaarVanDatum(vandaag)!)),
			beginstandHistorie(db(), g.code),
			eerstePeriode(db(), g.code),
			cijferSignalen(db(), [g.code])
		]);
	return {
		gemeente: { code: g.code, naam: g.naam, provincieCode: g.provincieCode, jaar: g.jaar },
		kamer,
		liveSeq,
		stappen: stappen.reverse(),
		taakstellingen,
		/** The policy page is for those who follow the provincie's supervision. */
		magBeleidZien: mag(actor, {
			actie: 'toezicht.bekijken',
			provincieCode: g.provincieCode
		}),
		/** Newest first: the first one counts. */
		beginstanden,
		eerstePeriode: eerste,
		signalen,
		magBesluiten: mag(actor, {
			actie: 'toezicht.beoordelen',
			provincieCode: g.provincieCode
		}),
		magToezichtBekijken: mag(actor, { actie: 'toezicht.bekijken', provincieCode: g.provincieCode }),
		huurcontracten,
		huur: {
			registreren: mag(actor, huurcontractRecht('registreren', ref)),
			intrekken: mag(actor, huurcontractRecht('intrekken', ref)),
			beoordelen: mag(actor, huurcontractRecht('beoordelen', ref)),
			alleenAlsNodig: beleid.huurcontractenOnlyWhenNeeded,
			vandaag,
			bijlage: bijlageVeld()
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	besluit: async (event) => {
		const g = await gemeenteOf404(event);
		requireRight(event, { actie: 'toezicht.beoordelen', provincieCode: g.provincieCode });
		const user = requireUser(event);
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = besluitSchema.safeParse(raw);
		const sleutel = `${String(raw.periode ?? '')}/${String(raw.kind ?? '')}`;
		if (!parsed.success) {
			const fouten: Record<string, string> = {};
			for (const i of parsed.error.issues) fouten[String(i.path[0])] ??= i.message;
			return fail(400, { sleutel, fouten, waarden: raw as Record<string, string> });
		}
		const r = await legBesluitVast({ userId: user.id, label: user.naam }, g.code, parsed.data);
		if (!r.ok) {
			return fail(400, {
				sleutel,
				fouten: { [r.veld]: r.fout },
				waarden: raw as Record<string, string>
			});
		}
		return { sleutel, succes: 'Besluit vastgelegd.' };
	},
	huurcontractRegistreren: async (event) => {
		const g = await gemeenteOf404(event);
		return registreerUitFormulier(event, { code: g.code, provincieCode: g.provincieCode });
	},
	huurcontractAccepteren: async (event) => {
		const g = await gemeenteOf404(event);
		requireRight(event, huurcontractRecht('beoordelen', g));
		return wijzigUitFormulier(event, 'accepteren', { gemeenteCode: g.code });
	},
	huurcontractAfwijzen: async (event) => {
		const g = await gemeenteOf404(event);
		requireRight(event, huurcontractRecht('beoordelen', g));
		return wijzigUitFormulier(event, 'afwijzen', { gemeenteCode: g.code });
	},
	huurcontractIntrekken: async (event) => {
		const g = await gemeenteOf404(event);
		requireRight(event, huurcontractRecht('intrekken', g));
		return wijzigUitFormulier(event, 'intrekken', { gemeenteCode: g.code });
	},
	beginstand: async (event) => {
		const g = await gemeenteOf404(event);
		requireRight(event, { actie: 'toezicht.beoordelen', provincieCode: g.provincieCode });
		const user = requireUser(event);
		const raw = Object.fromEntries(await event.request.formData()) as Record<string, string>;
		const r = await legBeginstandVast(
			event.locals.actor,
			{ userId: user.id, label: user.naam },
			g.code,
			raw
		);
		if (!r.ok) {
			return fail(r.reden === 'geen-recht' ? 403 : 400, {
				sleutel: 'beginstand',
				fouten: r.fouten as Record<string, string>,
				waarden: raw
			});
		}
		return { sleutel: 'beginstand', succes: 'Stand bij aanvang vastgelegd.' };
	}
} satisfies Actions;
