import {
	error,
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { ANONIEM } from '$lib/domain/autorisatie/rollen';
import { can } from '$lib/domain/autorisatie/rechten';
import { database } from '$lib/server/db';
import {
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken,
	deleteSessionCookie
} from '$lib/server/auth/session';
import { loadActor } from '$lib/server/auth/actor';
import { ROUTE_TOEGANG } from '$lib/server/toegang';
import { loginUrl } from '$lib/server/guard';
import { startup } from '$lib/server/startup';

export const init: ServerInit = async () => {
	await startup();
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%regietafel.tekstgrootte%', event.locals.tekstgrootte ?? 'normaal')
	});
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('X-Frame-Options', 'DENY');
	// Kiosk URLs carry their token: never leak them in a Referer header.
	h.set('Referrer-Policy', event.route.id?.startsWith('/kiosk') ? 'no-referrer' : 'same-origin');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

const authenticate: Handle = async ({ event, resolve }) => {
	await database();
	event.locals.tekstgrootte =
		event.cookies.get('tekstgrootte') === 'presentatie' ? 'presentatie' : 'normaal';
	event.locals.user = null;
	event.locals.session = null;
	event.locals.actor = ANONIEM;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = await validateSessionToken(token);
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			event.locals.actor = await loadActor((await database()).db, result.user.id);
			setSessionCookie(event.cookies, token, result.session.expiresAt);
		} else {
			deleteSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

/** Route-level authorization from the single table in `$lib/server/toegang.ts`. */
const authorizeRoute: Handle = async ({ event, resolve }) => {
	const id = event.route.id;
	if (id === null) return resolve(event); // no such route: 404 from SvelteKit
	const toegang = ROUTE_TOEGANG[id];
	const isApi = id.startsWith('/api/');
	if (toegang === undefined) {
		console.error(`[toegang] route zonder toegangsregel geweigerd: ${id}`);
		error(403, 'Deze pagina heeft geen toegangsregel en is daarom afgeschermd.');
	}
	if (toegang === 'publiek' || toegang === 'kiosk') return resolve(event);
	if (!event.locals.user) {
		if (isApi) return json({ fout: 'Niet ingelogd.' }, { status: 401 });
		redirect(303, loginUrl(event.url));
	}
	if (toegang !== 'ingelogd' && !can(event.locals.actor, toegang).toegestaan) {
		if (isApi) return json({ fout: 'Geen toegang.' }, { status: 403 });
		error(403, 'U heeft geen toegang tot deze pagina of handeling.');
	}
	return resolve(event);
};

export const handle = sequence(securityHeaders, authenticate, authorizeRoute);

export const handleError: HandleServerError = ({ error: err, status, message }) => {
	if (status === 404) return { message: 'Deze pagina bestaat niet.' };
	const id = crypto.randomUUID().slice(0, 8);
	console.error(`[fout ${id}]`, err);
	return { message: status >= 500 ? 'Er ging iets mis aan onze kant.' : message, id };
};
