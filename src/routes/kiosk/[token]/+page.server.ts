import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { can, kamerNaam } from '$lib/domain/autorisatie/rechten';
import { validateKioskToken } from '$lib/server/auth/kiosk';
import { db } from '$lib/server/db';
import { currentSeq } from '$lib/server/realtime/publish';
import {
	getTafel,
	listLeden,
	listMededelingen,
	tafelKamer
} from '$lib/server/services/regietafels';
import { schermGegevens, schermKaart } from '$lib/server/services/gedeeld-scherm';
import { lopendeVergadering } from '$lib/server/services/vergaderingen';

/**
 * Read-only display of one regietafel for a meeting room, authorized by the token in the URL.
 * While a meeting of the table is running it shows that meeting's shared screen (and follows
 * the provincie's room for the live figures); otherwise the table's notices and members.
 */
export const load = (async ({ params, depends, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const kiosk = await validateKioskToken(params.token);
	if (!kiosk) {
		error(404, 'Deze kiosklink is ongeldig of ingetrokken. Vraag de beheerder om een nieuwe link.');
	}
	const tafel = await getTafel(kiosk.actor.regietafelId);
	if (!tafel || !can(kiosk.actor, { actie: 'regietafel.bekijken', regietafel: tafel }).toegestaan) {
		error(404, 'Deze kiosklink is ongeldig of ingetrokken.');
	}
	depends(`live:${tafelKamer(tafel.id)}`);
	const liveSeq = await currentSeq(db(), tafelKamer(tafel.id));
	const provincie = kamerNaam({ soort: 'provincie', code: tafel.provincieCode });
	const lopend = can(kiosk.actor, { actie: 'vergadering.scherm-bekijken', regietafel: tafel })
		.toegestaan
		? await lopendeVergadering(tafel.id)
		: null;
	if (lopend) depends(`live:${provincie}`);
	const provincieSeq = lopend ? await currentSeq(db(), provincie) : 0;
	const [leden, mededelingen, scherm] = await Promise.all([
		listLeden(tafel.id),
		listMededelingen(tafel.id, 6),
		lopend ? schermGegevens(tafel, lopend) : Promise.resolve(null)
	]);
	return {
		token: params.token,
		schermNaam: kiosk.naam,
		tafel: { naam: tafel.naam, soort: tafel.soort, regioNaam: tafel.regioNaam },
		kamer: tafelKamer(tafel.id),
		liveSeq,
		leden: leden.map((l) => ({
			userId: l.userId,
			naam: l.naam,
			organisatie: l.organisatie,
			rol: l.rol
		})),
		mededelingen,
		scherm,
		kaart: scherm ? await schermKaart(kiosk.actor, tafel, scherm) : null,
		provincieKamer: { kamer: provincie, liveSeq: provincieSeq },
		extraKamers: scherm ? [{ kamer: provincie, liveSeq: provincieSeq }] : []
	};
}) satisfies PageServerLoad;
