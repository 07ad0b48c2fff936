import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import { STANDAARD_BELEID } from '$lib/domain/ladder/beleidskader';
import {
	beleidsperioden,
	beschrijfBeleid,
	periodeBereik,
	vergelijkBeleid,
	versieNaam,
	vorigeVersie
} from '$lib/domain/ladder/beleid-tekst';
import {
	formatHalfjaar,
	halfjaarIndex,
	volgendHalfjaar,
	vorigHalfjaar,
	type Halfjaar
} from '$lib/domain/periode/halfjaar';
import { beleidFormulierWaarden, parseBeleidFormulier } from '$lib/schemas/beleid';
import { db } from '$lib/server/db';
import { requireRight, requireUser } from '$lib/server/guard';
import { currentSeq } from '$lib/server/realtime/publish';
import {
	beleidsversiesVanProvincie,
	legBeleidVast,
	voorbeeldBeleid
} from '$lib/server/services/beleid';
import { provincieNaam } from '$lib/server/services/overzicht';

type Event = RequestEvent<{ provincie: string }>;

function huidigHalfjaar(nu = new Date()): Halfjaar {
	return { jaar: nu.getFullYear(), helft: nu.getMonth() < 6 ? 1 : 2 };
}

const bevat = (p: { van: Halfjaar | null; tot: Halfjaar | null }, h: Halfjaar) =>
	(!p.van || halfjaarIndex(p.van) <= halfjaarIndex(h)) &&
	(!p.tot || halfjaarIndex(p.tot) >= halfjaarIndex(h));

export const load = (async (event) => {
	const provincieCode = event.params.provincie;
	requireRight(event, { actie: 'toezicht.bekijken', provincieCode });
	const naam = await provincieNaam(provincieCode);
	if (!naam) error(404, 'Deze provincie bestaat niet.');
	const kamer = kamerNaam({ soort: 'provincie', code: provincieCode });
	event.depends(`live:${kamer}`);
	const [liveSeq, versies] = await Promise.all([
		currentSeq(db(), kamer),
		beleidsversiesVanProvincie(db(), provincieCode)
	]);
	const nu = huidigHalfjaar();

	const perioden = beleidsperioden(versies, provincieCode).map((p) => ({
		bereik: periodeBereik(p),
		versieId: (p.versie as (typeof versies)[number] | null)?.id ?? null,
		naam: versieNaam(p.versie),
		regels: beschrijfBeleid(p.beleid),
		nu: bevat(p, nu)
	}));

	// Per vanaf (newest first) every version (newest first) with what it changed.
	const vanafs = [...new Set(versies.map((v) => formatHalfjaar(v.vanaf)))].reverse();
	const groepen = vanafs.map((vanaf) => {
		const eigen = versies.filter((v) => formatHalfjaar(v.vanaf) === vanaf).reverse();
		return {
			vanaf,
			versies: eigen.map((v, i) => {
				const vorige = vorigeVersie(versies, v);
				return {
					id: v.id,
					versie: v.versie,
					door: v.door,
					at: v.at.toISOString(),
					toelichting: v.toelichting,
					geldend: i === 0,
					regels: beschrijfBeleid(v.beleid),
					vergelekenMet: versieNaam(vorige),
					wijzigingen: vergelijkBeleid(vorige?.beleid ?? STANDAARD_BELEID, v.beleid)
				};
			})
		};
	});

	// Suggestions for "vanaf": a few periods around now and every vanaf in use.
	const suggesties = new Set<string>(vanafs);
	for (let h = vorigHalfjaar(vorigHalfjaar(nu)), i = 0; i < 6; i++, h = volgendHalfjaar(h)) {
		suggesties.add(formatHalfjaar(h));
	}

	return {
		provincie: { code: provincieCode, naam },
		kamer,
		liveSeq,
		nu: formatHalfjaar(nu),
		perioden,
		groepen,
		/** Plain versions for the form (prefill and the version the form is based on). */
		versies: versies.map((v) => ({
			id: v.id,
			vanaf: formatHalfjaar(v.vanaf),
			versie: v.versie,
			door: v.door,
			beleid: v.beleid
		})),
		suggesties: [...suggesties].sort(),
		magWijzigen: mag(event.locals.actor, { actie: 'toezicht.beoordelen', provincieCode })
	};
}) satisfies PageServerLoad;

/** Reads and checks the form; only a toezichthouder of the provincie gets this far. */
async function leesFormulier(event: Event) {
	requireRight(event, { actie: 'toezicht.beoordelen', provincieCode: event.params.provincie });
	return beleidFormulierWaarden(await event.request.formData());
}

export const actions = {
	opslaan: async (event) => {
		const user = requireUser(event);
		const waarden = await leesFormulier(event);
		const parsed = parseBeleidFormulier(waarden);
		if (!parsed.ok) return fail(400, { actie: 'opslaan' as const, waarden, fouten: parsed.fouten });
		const r = await legBeleidVast({
			actor: event.locals.actor,
			door: { userId: user.id, label: user.naam },
			provincieCode: event.params.provincie,
			invoer: parsed.invoer
		});
		if (!r.ok) {
			const status =
				r.code === 'BELEID.VEROUDERD' ? 409 : r.code === 'BELEID.GEEN_RECHT' ? 403 : 400;
			const fouten = { ...r.fouten };
			// The form checks every field first; anything the service still refuses is general.
			fouten.algemeen ??= 'De invoer is niet geldig; controleer het formulier.';
			return fail(status, {
				actie: 'opslaan' as const,
				waarden,
				fouten,
				verouderd: r.code === 'BELEID.VEROUDERD'
			});
		}
		return {
			actie: 'opslaan' as const,
			opgeslagen: { versie: r.versie, vanaf: r.vanaf, gewijzigd: r.gewijzigd.length }
		};
	},
	voorbeeld: async (event) => {
		const waarden = await leesFormulier(event);
		// A preview needs no reason yet: only the policy fields count here.
		const parsed = parseBeleidFormulier({
			...waarden,
			toelichting: waarden.toelichting.trim() || 'voorbeeld',
			basisVersie: '0'
		});
		if (!parsed.ok) {
			return fail(400, { actie: 'voorbeeld' as const, waarden, fouten: parsed.fouten });
		}
		const voorbeeld = await voorbeeldBeleid(event.params.provincie, parsed.invoer);
		return { actie: 'voorbeeld' as const, waarden, voorbeeld };
	}
} satisfies Actions;
