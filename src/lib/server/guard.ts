import { error, json, redirect, type RequestEvent } from '@sveltejs/kit';
import { can, type Recht } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { KIOSK_HEADER } from '$lib/kaart/api';
import { validateKioskToken } from './auth/kiosk';
import type { SessionUser } from './auth/session';

export function loginUrl(url: URL): string {
	const terug = url.pathname + url.search;
	return terug === '/' ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(terug)}`;
}

/** A signed-in user, or a redirect to the login page that returns here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	if (!event.locals.user) redirect(303, loginUrl(event.url));
	return event.locals.user;
}

/** Applies the single authorization decision (`can`) or answers 403 in Dutch. */
export function requireRight(event: Pick<RequestEvent, 'locals' | 'url'>, recht: Recht): void {
	const besluit = can(event.locals.actor, recht);
	if (besluit.toegestaan) return;
	if (besluit.reden === 'niet-ingelogd') redirect(303, loginUrl(event.url));
	error(403, 'U heeft geen toegang tot deze pagina of handeling.');
}

/**
 * For API routes a kiosk screen may call as well (toegang 'kiosk' in toegang.ts): the
 * logged-in user, else the kiosk of the `X-Kiosk-Token` header. Answers 401/403 as JSON in
 * Dutch, or null when `recht` is allowed.
 */
export async function apiToegang(
	event: Pick<RequestEvent, 'locals' | 'request'>,
	recht: Recht
): Promise<Response | null> {
	let actor: Actor = event.locals.actor;
	if (!event.locals.user) {
		const token = event.request.headers.get(KIOSK_HEADER);
		if (!token) return json({ fout: 'Niet ingelogd.' }, { status: 401 });
		const kiosk = await validateKioskToken(token);
		if (!kiosk) {
			return json({ fout: 'Deze kiosklink is ongeldig of ingetrokken.' }, { status: 401 });
		}
		actor = kiosk.actor;
	}
	return can(actor, recht).toegestaan ? null : json({ fout: 'Geen toegang.' }, { status: 403 });
}
