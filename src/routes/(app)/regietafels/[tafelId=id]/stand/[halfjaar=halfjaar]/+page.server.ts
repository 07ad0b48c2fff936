import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import {
	formatHalfjaar,
	parseHalfjaar,
	volgendHalfjaar,
	vorigHalfjaar
} from '$lib/domain/periode/halfjaar';
import { requireRight } from '$lib/server/guard';
import { db } from '$lib/server/db';
import { currentSeq } from '$lib/server/realtime/publish';
import { getTafel } from '$lib/server/services/regietafels';
import { bronnen } from '$lib/server/services/overzicht';
import { tafelStand } from '$lib/server/services/tafelstand';

export const load = (async (event) => {
	const tafel = await getTafel(Number(event.params.tafelId));
	if (!tafel) error(404, 'Deze regietafel bestaat niet.');
	requireRight(event, { actie: 'regietafel.bekijken', regietafel: tafel });
	// The figures change in the provincie's room (imports, assessments, decisions).
	const kamer = kamerNaam({ soort: 'provincie', code: tafel.provincieCode });
	event.depends(`live:${kamer}`);
	const liveSeq = await currentSeq(db(), kamer);
	const h = parseHalfjaar(event.params.halfjaar)!;
	const [stand, bronLijst] = await Promise.all([
		tafelStand(tafel, event.params.halfjaar),
		bronnen(tafel.provincieCode, event.params.halfjaar)
	]);
	return {
		tafel,
		periode: event.params.halfjaar,
		bronnen: bronLijst,
		vorige: formatHalfjaar(vorigHalfjaar(h)),
		volgende: formatHalfjaar(volgendHalfjaar(h)),
		kamer,
		liveSeq,
		magToezicht: mag(event.locals.actor, {
			actie: 'toezicht.bekijken',
			provincieCode: tafel.provincieCode
		}),
		...stand
	};
}) satisfies PageServerLoad;
