import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { bestandResponse, leesBestand } from '$lib/server/bestanden';
import { db } from '$lib/server/db';
import { requireRight } from '$lib/server/guard';
import { bijlageBestandId } from '$lib/server/services/vergaderingen';
import { tafelOf404 } from '$lib/server/vergadering-formulier';

/**
 * A stuk of an agendapunt, for whoever may see the table's meetings. The bijlage must belong to
 * the meeting and the meeting to the table in the URL; the file is always a download with our
 * own content type (see bestandResponse), never shown inline.
 */
export const GET: RequestHandler = async (event) => {
	const tafel = await tafelOf404(event);
	requireRight(event, { actie: 'vergadering.bekijken', regietafel: tafel });
	const bestandId = await bijlageBestandId(
		tafel.id,
		Number(event.params.vergaderingId),
		Number(event.params.bijlageId)
	);
	const bestand = bestandId === null ? null : await leesBestand(db(), bestandId);
	if (!bestand) error(404, 'Deze bijlage bestaat niet (meer).');
	return bestandResponse(bestand);
};
