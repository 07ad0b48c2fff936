import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import { env } from '$lib/server/env';
import { requireRight } from '$lib/server/guard';
import { db } from '$lib/server/db';
import { currentSeq } from '$lib/server/realtime/publish';
import {
	grenzenVersie,
	kaartStanden,
	provincieBestaat,
	provinciesMetGemeenten,
	teOpenen
} from '$lib/server/services/kaart';

const DATUM = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The live map of a provincie (issue 4): ?regio=<id> zooms to a regio, ?peildatum= shows an
 * earlier date, ?scherm starts in shared-screen mode (&rondgang=<s> cycles the regio's).
 * The standings come with the page (the table renders without JavaScript); the browser then
 * keeps them live through the map API. Not `depends()`-ed on the room: the map refetches
 * itself, so an event does not rerun this load.
 */
export const load = (async (event) => {
	const code = event.params.provincie;
	requireRight(event, { actie: 'kaart.bekijken', provincieCode: code });
	const provincie = await provincieBestaat(code);
	if (!provincie) error(404, `Provincie ${code} bestaat niet.`);
	const kamer = kamerNaam({ soort: 'provincie', code });
	const q = event.url.searchParams;
	const gevraagd = q.get('peildatum');
	const peildatum = gevraagd && DATUM.test(gevraagd) ? gevraagd : null;
	// The room's sequence number before the data: an event committed in between is replayed.
	const liveSeq = await currentSeq(db(), kamer);
	const [standen, versie, andere] = await Promise.all([
		kaartStanden(code, peildatum ? { peildatum } : {}),
		grenzenVersie(code),
		provinciesMetGemeenten()
	]);
	const regio = Number(q.get('regio'));
	const rondgang = Number(q.get('rondgang'));
	return {
		provincie,
		standen,
		peildatum: peildatum && standen.peildata.includes(peildatum) ? peildatum : null,
		grenzen: versie !== null,
		achtergrond: env().KAART_ACHTERGROND_STIJL ?? null,
		teOpenen: teOpenen(
			event.locals.actor,
			code,
			standen.gemeenten.map((g) => g.code)
		),
		regioId: standen.regios.some((r) => r.id === regio) ? regio : null,
		scherm: q.has('scherm'),
		rondgang: Number.isFinite(rondgang) && rondgang > 0 ? rondgang : null,
		provincies: andere.filter((p) =>
			mag(event.locals.actor, { actie: 'kaart.bekijken', provincieCode: p.code })
		),
		kamer,
		liveSeq
	};
}) satisfies PageServerLoad;
