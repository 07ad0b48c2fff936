/**
 * Who may do what with the living text of a verslag (issue 6 §4): the access decision of the
 * Yjs document `verslag:<vergaderingId>`, pure so that it is table-tested. Writing: the
 * secretaris and the co-editors they chose, as long as the verslag is not vastgesteld; reading:
 * whoever may see the meeting (members, toezichthouder, beheerder); nobody else.
 */
import { can, type RegietafelRef } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';

export type VerslagRecht = 'lezen' | 'schrijven' | null;

export interface VerslagStand {
	tafel: RegietafelRef;
	/** The actor is a co-editor (verslag_redacteuren) of this meeting. */
	redacteur: boolean;
	/** A 'vastgesteld' version exists: the text is locked. */
	vastgesteld: boolean;
}

export function verslagRecht(actor: Actor, stand: VerslagStand): VerslagRecht {
	if (
		!stand.vastgesteld &&
		can(actor, { actie: 'verslag.schrijven', regietafel: stand.tafel, redacteur: stand.redacteur })
			.toegestaan
	) {
		return 'schrijven';
	}
	if (can(actor, { actie: 'vergadering.bekijken', regietafel: stand.tafel }).toegestaan) {
		return 'lezen';
	}
	return null;
}
