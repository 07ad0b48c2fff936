import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { bestandResponse } from '$lib/server/bestanden';
import { requireUser } from '$lib/server/guard';
import { leesBijlage } from '$lib/server/services/herverdelingen';

/**
 * An attachment of a herverdeling, for whoever may see the proposal (`herverdeling.bekijken`).
 * The file must be an attachment of the proposal in the URL; anything else is not found, so a
 * right on one proposal never opens another's file, and nobody learns which ids exist.
 */
export const GET: RequestHandler = async (event) => {
	requireUser(event);
	const bestand = await leesBijlage(
		event.locals.actor,
		Number(event.params.id),
		Number(event.params.bijlage)
	);
	if (!bestand) error(404, 'Deze bijlage bestaat niet.');
	return bestandResponse(bestand);
};
