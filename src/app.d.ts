import type { Actor } from '$lib/domain/autorisatie/rollen';
import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** The authorization subject; `anoniem` without a session. */
			actor: Actor;
			/** "presentatie" when the projector text size is on (cookie). */
			tekstgrootte: 'normaal' | 'presentatie';
		}
		interface Error {
			message: string;
			/** Reference to quote to the beheerder; only for unexpected errors. */
			id?: string;
		}
		interface PageState {
			dialoog?: string;
		}
	}
}

export {};
