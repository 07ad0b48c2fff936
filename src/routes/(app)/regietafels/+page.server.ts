import type { PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import { listTafels } from '$lib/server/services/regietafels';

export const load = (async ({ locals }) => {
	const tafels = (await listTafels()).filter((t) =>
		mag(locals.actor, { actie: 'regietafel.bekijken', regietafel: t })
	);
	return { tafels };
}) satisfies PageServerLoad;
