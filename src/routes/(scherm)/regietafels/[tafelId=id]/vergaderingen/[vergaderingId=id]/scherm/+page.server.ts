import type { PageServerLoad } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import { db } from '$lib/server/db';
import { requireRight } from '$lib/server/guard';
import { currentSeq } from '$lib/server/realtime/publish';
import { schermGegevens, schermKaart } from '$lib/server/services/gedeeld-scherm';
import { tafelKamer } from '$lib/server/services/regietafels';
import { tafelOf404, vergaderingOf404 } from '$lib/server/vergadering-formulier';

/**
 * The shared screen of a meeting, for the projector and for participants on their own device:
 * it follows the table's room (the current agendapunt) and, for the live figures, the
 * provincie's room.
 */
export const load = (async (event) => {
	const tafel = await tafelOf404(event);
	requireRight(event, { actie: 'vergadering.scherm-bekijken', regietafel: tafel });
	const kamer = tafelKamer(tafel.id);
	const provincie = kamerNaam({ soort: 'provincie', code: tafel.provincieCode });
	const volgProvincie = mag(event.locals.actor, {
		actie: 'kamer.volgen',
		kamer: { soort: 'provincie', code: tafel.provincieCode }
	});
	event.depends(`live:${kamer}`);
	if (volgProvincie) event.depends(`live:${provincie}`);
	const [liveSeq, provincieSeq] = await Promise.all([
		currentSeq(db(), kamer),
		volgProvincie ? currentSeq(db(), provincie) : Promise.resolve(0)
	]);
	const v = await vergaderingOf404(tafel, event);
	const scherm = await schermGegevens(tafel, v);
	return {
		tafel: { id: tafel.id, naam: tafel.naam },
		scherm,
		// The live map of a 'stand van zaken' item follows the provincie room itself.
		kaart: volgProvincie ? await schermKaart(event.locals.actor, tafel, scherm) : null,
		provincieKamer: { kamer: provincie, liveSeq: provincieSeq },
		kamer,
		liveSeq,
		kamers: [
			{ kamer, liveSeq },
			...(volgProvincie ? [{ kamer: provincie, liveSeq: provincieSeq }] : [])
		]
	};
}) satisfies PageServerLoad;
