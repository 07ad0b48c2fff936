import { and, eq, isNull } from 'drizzle-orm';
import { db } from '../db';
import { kioskLinks, regietafels } from '../db/schema';
import { generateSessionToken, hashToken } from './session';
import type { Actor } from '$lib/domain/autorisatie/rollen';

/** A kiosk token: 160 random bits like a session token; only its SHA-256 is stored. */
export function generateKioskToken(): string {
	return generateSessionToken();
}

export interface KioskToegang {
	actor: Extract<Actor, { soort: 'kiosk' }>;
	naam: string;
	regietafelNaam: string;
}

/** Resolves a kiosk token to its (non-revoked) link, or null. */
export async function validateKioskToken(token: string): Promise<KioskToegang | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const [row] = await db()
		.select({
			id: kioskLinks.id,
			naam: kioskLinks.naam,
			regietafelId: kioskLinks.regietafelId,
			provincieCode: regietafels.provincieCode,
			regietafelNaam: regietafels.naam
		})
		.from(kioskLinks)
		.innerJoin(regietafels, eq(kioskLinks.regietafelId, regietafels.id))
		.where(and(eq(kioskLinks.tokenHash, hashToken(token)), isNull(kioskLinks.revokedAt)));
	if (!row) return null;
	return {
		actor: {
			soort: 'kiosk',
			kioskId: row.id,
			regietafelId: row.regietafelId,
			provincieCode: row.provincieCode
		},
		naam: row.naam,
		regietafelNaam: row.regietafelNaam
	};
}
