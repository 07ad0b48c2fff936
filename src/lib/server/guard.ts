import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { can, type Recht } from '$lib/domain/autorisatie/rechten';
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
