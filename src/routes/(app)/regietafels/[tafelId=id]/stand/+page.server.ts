import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { formatHalfjaar, halfjaarVan } from '$lib/domain/periode/halfjaar';
import { requireRight } from '$lib/server/guard';
import { getTafel } from '$lib/server/services/regietafels';

/** /regietafels/3/stand: to the current period. */
export const load = (async (event) => {
	const tafel = await getTafel(Number(event.params.tafelId));
	if (!tafel) error(404, 'Deze regietafel bestaat niet.');
	requireRight(event, { actie: 'regietafel.bekijken', regietafel: tafel });
	redirect(303, `/regietafels/${tafel.id}/stand/${formatHalfjaar(halfjaarVan(new Date()))}`);
}) satisfies PageServerLoad;
