import type { PageServerLoad } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import { db } from '$lib/server/db';
import { currentSeq } from '$lib/server/realtime/publish';
import { listTafels } from '$lib/server/services/regietafels';
import {
	bestuurderVan,
	mijnGemeenten,
	recenteActiviteit,
	wachtOpMijnAkkoord
} from '$lib/server/services/home';
import { importProvincies } from '$lib/server/services/importpagina';
import { mijnActiepunten, vandaagNL } from '$lib/server/services/actiepunten';
import { isLopend, isVerlopen } from '$lib/domain/vergadering/actiepunten';

export const load = (async ({ locals, depends }) => {
	const actor = locals.actor;
	if (actor.soort !== 'gebruiker') {
		return {
			tafels: [],
			gemeenten: [],
			activiteit: [],
			importeren: [],
			akkoord: null,
			actiepunten: { lopend: 0, verlopen: 0 }
		};
	}
	// A gemeente-bestuurder sees the proposals waiting for their akkoord, live: the card reloads
	// on every event in the provincie rooms of their gemeenten.
	const bestuurder = bestuurderVan(actor);
	const kamers = [...new Set(bestuurder.map((g) => g.provincieCode))]
		.sort()
		.map((code) => kamerNaam({ soort: 'provincie', code }));
	for (const k of kamers) depends(`live:${k}`);
	const akkoord =
		bestuurder.length > 0
			? {
					kamers: await Promise.all(
						kamers.map(async (kamer) => ({ kamer, seq: await currentSeq(db(), kamer) }))
					),
					voorstellen: await wachtOpMijnAkkoord(actor)
				}
			: null;
	const alle = await listTafels();
	const mijn = new Map(actor.tafels.map((t) => [t.regietafelId, t.rol]));
	const tafels = alle
		.filter((t) => mag(actor, { actie: 'regietafel.bekijken', regietafel: t }))
		.map((t) => ({ ...t, rol: mijn.get(t.id) ?? null }));
	const vandaag = vandaagNL();
	const [gemeenten, activiteit, importeren, eigen] = await Promise.all([
		mijnGemeenten(actor),
		recenteActiviteit(actor),
		importProvincies(actor),
		mijnActiepunten(actor.userId, vandaag)
	]);
	const actiepunten = {
		lopend: eigen.filter((a) => isLopend(a.status)).length,
		verlopen: eigen.filter((a) => isVerlopen(a, vandaag)).length
	};
	return { tafels, gemeenten, activiteit, importeren, akkoord, actiepunten };
}) satisfies PageServerLoad;
