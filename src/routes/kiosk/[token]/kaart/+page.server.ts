import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { can, kamerNaam } from '$lib/domain/autorisatie/rechten';
import { validateKioskToken } from '$lib/server/auth/kiosk';
import { db } from '$lib/server/db';
import { env } from '$lib/server/env';
import { currentSeq } from '$lib/server/realtime/publish';
import { grenzenVersie, kaartStanden, provincieBestaat } from '$lib/server/services/kaart';
import { getTafel } from '$lib/server/services/regietafels';

/**
 * The live map on a meeting-room screen (issue 4 §4), authorized by the kiosk token in the URL
 * like the kiosk page: the table's regio (a regional table) or its whole provincie (the PRT),
 * always in shared-screen mode; ?rondgang=<seconds> cycles through the regio's.
 */
export const load = (async ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const kiosk = await validateKioskToken(params.token);
	if (!kiosk) {
		error(404, 'Deze kiosklink is ongeldig of ingetrokken. Vraag de beheerder om een nieuwe link.');
	}
	const tafel = await getTafel(kiosk.actor.regietafelId);
	const code = kiosk.actor.provincieCode;
	const provincie = await provincieBestaat(code);
	if (
		!tafel ||
		!provincie ||
		!can(kiosk.actor, { actie: 'kaart.bekijken', provincieCode: code }).toegestaan
	) {
		error(404, 'Deze kiosklink is ongeldig of ingetrokken.');
	}
	const kamer = kamerNaam({ soort: 'provincie', code });
	// The room's sequence number before the data: an event committed in between is replayed.
	const liveSeq = await currentSeq(db(), kamer);
	const [standen, versie] = await Promise.all([kaartStanden(code), grenzenVersie(code)]);
	const rondgang = Number(url.searchParams.get('rondgang'));
	return {
		token: params.token,
		scherm: kiosk.naam,
		tafel: { naam: tafel.naam, soort: tafel.soort, regioNaam: tafel.regioNaam },
		provincie,
		standen,
		grenzen: versie !== null,
		achtergrond: env().KAART_ACHTERGROND_STIJL ?? null,
		regioId:
			tafel.regioId !== null && standen.regios.some((r) => r.id === tafel.regioId)
				? tafel.regioId
				: null,
		rondgang: Number.isFinite(rondgang) && rondgang > 0 ? rondgang : null,
		kamer,
		liveSeq
	};
}) satisfies PageServerLoad;
