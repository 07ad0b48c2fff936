import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import { PROVINCIES } from '$lib/server/seed/zuid-holland';
import { provinciesMetGemeenten } from '$lib/server/services/kaart';

/**
 * /kaart: to the map of the first provincie this person may see — their own (role, table)
 * first, and one with gemeenten before one without.
 */
export const load = (async ({ locals }) => {
	const actor = locals.actor;
	const eigen =
		actor.soort === 'gebruiker'
			? [
					...actor.rollen.map((r) => r.provincieCode),
					...actor.tafels.map((t) => t.provincieCode)
				].filter((p): p is string => !!p)
			: [];
	const metGemeenten = (await provinciesMetGemeenten()).map((p) => p.code);
	const kandidaten = [
		...eigen.filter((p) => metGemeenten.includes(p)),
		...metGemeenten,
		...eigen,
		...PROVINCIES.map((p) => p.code)
	];
	const provincie = kandidaten.find((code) =>
		mag(actor, { actie: 'kaart.bekijken', provincieCode: code })
	);
	if (!provincie) error(403, 'U heeft geen toegang tot de kaart.');
	redirect(303, `/kaart/${provincie}`);
}) satisfies PageServerLoad;
