import type { Recht } from '$lib/domain/autorisatie/rechten';

/**
 * Access rule of every route, checked in the `handle` hook before any load or action runs.
 * - `publiek`: anyone;
 * - `ingelogd`: a user session (resource rules are then checked in the load/action with
 *   `requireRight`, because they need the resource);
 * - `kiosk`: the route checks the kiosk token in its URL itself, or (an API route a kiosk screen
 *   calls) accepts a session or the `X-Kiosk-Token` header with `apiToegang` from guard.ts;
 * - a `Recht` without resource: checked here.
 * A route missing from this table is refused (deny by default); a test keeps the table
 * complete against the routes on disk.
 */
export type Toegang = 'publiek' | 'ingelogd' | 'kiosk' | Recht;

export const ROUTE_TOEGANG: Record<string, Toegang> = {
	'/(publiek)/inloggen': 'publiek',
	'/api/gezondheid': 'publiek',
	'/api/kaart/[provincie=provincie]/grenzen': 'kiosk',
	'/api/kaart/[provincie=provincie]/standen': 'kiosk',
	'/uitloggen': 'ingelogd',
	'/(app)': 'ingelogd',
	'/(app)/account': 'ingelogd',
	'/(app)/regietafels': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/stand': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/stand/[halfjaar=halfjaar]': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/stand/[halfjaar=halfjaar]/export': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen.ics': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/vergadering.ics': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/verslag': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/bijlagen/[bijlageId=id]':
		'ingelogd',
	'/(scherm)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/scherm': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/verslag/versies': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/verslag/versies/[nummer=id]':
		'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/verslag.docx': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/verslag.pdf': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/actielijst.docx': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/actielijst.pdf': 'ingelogd',
	'/(app)/regietafels/[tafelId=id]/actiepunten': 'ingelogd',
	'/(app)/actiepunten': 'ingelogd',
	'/(app)/toezicht/[provincie=provincie]/import': 'ingelogd',
	'/(app)/herverdelingen': 'ingelogd',
	'/(app)/herverdelingen/nieuw': 'ingelogd',
	'/(app)/herverdelingen/[id=id]': 'ingelogd',
	'/(app)/herverdelingen/[id=id]/bewerken': 'ingelogd',
	'/(app)/toezicht/[provincie=provincie]/beleid': 'ingelogd',
	'/(app)/herverdelingen/[id=id]/bijlagen/[bijlage=id]': 'ingelogd',
	'/(app)/beheer': { actie: 'beheer.gebruikers' },
	'/(app)/beheer/gebruikers': { actie: 'beheer.gebruikers' },
	'/(app)/beheer/kiosk-links': { actie: 'beheer.kiosk' },
	'/(app)/toezicht': 'ingelogd',
	'/(app)/toezicht/[provincie=provincie]/[halfjaar=halfjaar]': 'ingelogd',
	'/(app)/toezicht/[provincie=provincie]/[halfjaar=halfjaar]/export': 'ingelogd',
	'/(app)/toezicht/[provincie=provincie]/huurcontracten': 'ingelogd',
	'/(app)/toezicht/gemeente/[gemeente=gemeentecode]': 'ingelogd',
	'/(app)/toezicht/gemeente/[gemeente=gemeentecode]/huurcontracten/[contract=id]/document':
		'ingelogd',
	'/(app)/kaart': 'ingelogd',
	'/(app)/kaart/[provincie=provincie]': 'ingelogd',
	'/kiosk/[token]': 'kiosk',
	'/kiosk/[token]/kaart': 'kiosk'
};
