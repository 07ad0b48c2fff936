import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import { formatHalfjaar } from '$lib/domain/periode/halfjaar';
import { PROVINCIES } from '$lib/server/seed/zuid-holland';

/** /toezicht: to the current period of the first provincie this person supervises or follows. */
export const load = (({ locals }) => {
	const actor = locals.actor;
	const eigen =
		actor.soort === 'gebruiker'
			? [
					...actor.rollen.map((r) => r.provincieCode),
					...actor.tafels.map((t) => t.provincieCode)
				].filter((p): p is string => !!p)
			: [];
	const kandidaten = [...eigen, ...PROVINCIES.map((p) => p.code)];
	const provincie = kandidaten.find((code) =>
		mag(actor, { actie: 'toezicht.bekijken', provincieCode: code })
	);
	if (!provincie) error(403, 'U heeft geen toegang tot toezichtgegevens.');
	const nu = new Date();
	redirect(
		303,
		`/toezicht/${provincie}/${formatHalfjaar({ jaar: nu.getFullYear(), helft: nu.getMonth() < 6 ? 1 : 2 })}`
	);
}) satisfies PageServerLoad;
