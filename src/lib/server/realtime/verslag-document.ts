/**
 * The verslag of a meeting as a collaborative Yjs document (issue 6 §4): registers the document
 * kind 'verslag' (key: the vergadering id) with its access decision. Imported by realtime/app.ts,
 * so it is registered wherever the socket server runs (Vite dev plugin and scripts/server.js
 * both load the app through the init hook).
 */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { verslagRecht, type VerslagRecht, type VerslagStand } from '$lib/verslag/recht';
import { db, type Executor } from '../db';
import { regietafels, vergaderingen, verslagRedacteuren, verslagVersies } from '../db/schema';
import { registreerYjsDocument } from './yjs';

/** Table, co-editorship of `userId` and lock state of a meeting's verslag; null: no meeting. */
export async function verslagStand(
	ex: Executor,
	vergaderingId: number,
	userId: number | null
): Promise<VerslagStand | null> {
	const [r] = await ex
		.select({
			id: regietafels.id,
			provincieCode: regietafels.provincieCode,
			redacteur:
				userId === null
					? sql<boolean>`false`
					: sql<boolean>`exists (select 1 from ${verslagRedacteuren} where ${verslagRedacteuren.vergaderingId} = ${vergaderingen.id} and ${verslagRedacteuren.userId} = ${userId})`,
			vastgesteld: sql<boolean>`exists (select 1 from ${verslagVersies} where ${verslagVersies.vergaderingId} = ${vergaderingen.id} and ${verslagVersies.soort} = 'vastgesteld')`
		})
		.from(vergaderingen)
		.innerJoin(regietafels, eq(regietafels.id, vergaderingen.regietafelId))
		.where(eq(vergaderingen.id, vergaderingId));
	if (!r) return null;
	return {
		tafel: { id: r.id, provincieCode: r.provincieCode },
		redacteur: r.redacteur === true,
		vastgesteld: r.vastgesteld === true
	};
}

const SLEUTEL = /^[1-9][0-9]{0,9}$/;

/** The access decision of `verslag:<sleutel>`; checked on every open and every update. */
export async function verslagDocumentRecht(actor: Actor, sleutel: string): Promise<VerslagRecht> {
	if (!SLEUTEL.test(sleutel) || actor.soort === 'anoniem') return null;
	const userId = actor.soort === 'gebruiker' ? actor.userId : null;
	const stand = await verslagStand(db(), Number(sleutel), userId);
	return stand ? verslagRecht(actor, stand) : null;
}

export function registreerVerslagDocument(): void {
	registreerYjsDocument('verslag', verslagDocumentRecht);
}

registreerVerslagDocument();
