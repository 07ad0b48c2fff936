import type { RequestHandler } from './$types';
import { requireRight } from '$lib/server/guard';
import { icsResponse, icsVanVergaderingen } from '$lib/server/services/vergadering-ics';
import { tafelOf404, vergaderingOf404 } from '$lib/server/vergadering-formulier';

/** One meeting as an iCalendar file (to add to Outlook or another calendar). */
export const GET: RequestHandler = async (event) => {
	const tafel = await tafelOf404(event);
	requireRight(event, { actie: 'vergadering.bekijken', regietafel: tafel });
	const v = await vergaderingOf404(tafel, event);
	const ics = await icsVanVergaderingen(tafel, [v], event.url);
	return icsResponse(ics, `${tafel.naam} ${v.datum}.ics`);
};
