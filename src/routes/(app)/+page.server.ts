import type { PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import { listTafels } from '$lib/server/services/regietafels';
import { mijnGemeenten, recenteActiviteit } from '$lib/server/services/home';
import { importProvincies } from '$lib/server/services/importpagina';

export const load = (async ({ locals }) => {
	const actor = locals.actor;
	if (actor.soort !== 'gebruiker') {
		return { tafels: [], gemeenten: [], activiteit: [], importeren: [] };
	}
	const alle = await listTafels();
	const mijn = new Map(actor.tafels.map((t) => [t.regietafelId, t.rol]));
	const tafels = alle
		.filter((t) => mag(actor, { actie: 'regietafel.bekijken', regietafel: t }))
		.map((t) => ({ ...t, rol: mijn.get(t.id) ?? null }));
	const [gemeenten, activiteit, importeren] = await Promise.all([
		mijnGemeenten(actor),
		recenteActiviteit(actor),
		importProvincies(actor)
	]);
	return { tafels, gemeenten, activiteit, importeren };
}) satisfies PageServerLoad;
