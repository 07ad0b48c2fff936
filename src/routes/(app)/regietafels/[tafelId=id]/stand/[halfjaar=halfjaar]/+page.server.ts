import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import {
	formatHalfjaar,
	parseHalfjaar,
	volgendHalfjaar,
	vorigHalfjaar
} from '$lib/domain/periode/halfjaar';
import { env } from '$lib/server/env';
import { requireRight } from '$lib/server/guard';
import { db } from '$lib/server/db';
import { currentSeq } from '$lib/server/realtime/publish';
import { getTafel } from '$lib/server/services/regietafels';
import { bronnen } from '$lib/server/services/overzicht';
import { tafelStand } from '$lib/server/services/tafelstand';
import { provincieBestaat, teOpenen } from '$lib/server/services/kaart';

export const load = (async (event) => {
	const tafel = await getTafel(Number(event.params.tafelId));
	if (!tafel) error(404, 'Deze regietafel bestaat niet.');
	requireRight(event, { actie: 'regietafel.bekijken', regietafel: tafel });
	// The figures change in the provincie's room (imports, assessments, decisions).
	const kamer = kamerNaam({ soort: 'provincie', code: tafel.provincieCode });
	event.depends(`live:${kamer}`);
	const liveSeq = await currentSeq(db(), kamer);
	const h = parseHalfjaar(event.params.halfjaar)!;
	const [stand, bronLijst, provincie] = await Promise.all([
		tafelStand(tafel, event.params.halfjaar),
		bronnen(tafel.provincieCode, event.params.halfjaar),
		provincieBestaat(tafel.provincieCode)
	]);
	const actor = event.locals.actor;
	// The map of the table's regio (the PRT: the provincie). It fetches its standings itself
	// and stays live through the map API, so a live event does not recompute it here.
	const kaart =
		provincie && mag(actor, { actie: 'kaart.bekijken', provincieCode: tafel.provincieCode })
			? {
					provincie,
					regioId: tafel.regioId,
					achtergrond: env().KAART_ACHTERGROND_STIJL ?? null,
					teOpenen: teOpenen(
						actor,
						tafel.provincieCode,
						stand.rijen.map((r) => r.gemeenteCode)
					)
				}
			: null;
	return {
		tafel,
		periode: event.params.halfjaar,
		bronnen: bronLijst,
		vorige: formatHalfjaar(vorigHalfjaar(h)),
		volgende: formatHalfjaar(volgendHalfjaar(h)),
		kamer,
		liveSeq,
		kaart,
		magToezicht: mag(event.locals.actor, {
			actie: 'toezicht.bekijken',
			provincieCode: tafel.provincieCode
		}),
		...stand
	};
}) satisfies PageServerLoad;
