import type { PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import { listTafels } from '$lib/server/services/regietafels';
import { mijnGemeenten, recenteActiviteit } from '$lib/server/services/home';
import { importProvincies } from '$lib/server/services/importpagina';
import { mijnActiepunten, vandaagNL } from '$lib/server/services/actiepunten';
import { isLopend, isVerlopen } from '$lib/domain/vergadering/actiepunten';

export const load = (async ({ locals }) => {
	const actor = locals.actor;
	if (actor.soort !== 'gebruiker') {
		return {
			tafels: [],
			gemeenten: [],
			activiteit: [],
			importeren: [],
			actiepunten: { lopend: 0, verlopen: 0 }
		};
	}
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
	return { tafels, gemeenten, activiteit, importeren, actiepunten };
}) satisfies PageServerLoad;
