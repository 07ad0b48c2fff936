import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { can } from '$lib/domain/autorisatie/rechten';
import { validateKioskToken } from '$lib/server/auth/kiosk';
import { db } from '$lib/server/db';
import { currentSeq } from '$lib/server/realtime/publish';
import {
	getTafel,
	listLeden,
	listMededelingen,
	tafelKamer
} from '$lib/server/services/regietafels';

/** Read-only display of one regietafel for a meeting room, authorized by the token in the URL. */
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
	const [leden, mededelingen] = await Promise.all([
		listLeden(tafel.id),
		listMededelingen(tafel.id, 6)
	]);
	return {
		token: params.token,
		scherm: kiosk.naam,
		tafel: { naam: tafel.naam, soort: tafel.soort, regioNaam: tafel.regioNaam },
		kamer: tafelKamer(tafel.id),
		liveSeq,
		leden: leden.map((l) => ({
			userId: l.userId,
			naam: l.naam,
			organisatie: l.organisatie,
			rol: l.rol
		})),
		mededelingen
	};
}) satisfies PageServerLoad;
