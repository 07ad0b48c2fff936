import type { RequestHandler } from './$types';
import { requireRight } from '$lib/server/guard';
import { icsResponse, icsVanTafel } from '$lib/server/services/vergadering-ics';
import { tafelOf404 } from '$lib/server/vergadering-formulier';

/**
 * Every meeting of the table as one iCalendar file. Importing it again updates the events
 * (stable UIDs; SEQUENCE rises when time or place changed).
 */
export const GET: RequestHandler = async (event) => {
	const tafel = await tafelOf404(event);
	requireRight(event, { actie: 'vergadering.bekijken', regietafel: tafel });
	return icsResponse(await icsVanTafel(tafel, event.url), `Vergaderingen ${tafel.naam}.ics`);
};
