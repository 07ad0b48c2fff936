/**
 * Writing the verslag of a meeting together (issue 6 §4 and §6): the co-editors the secretaris
 * chooses, and afspraken marked in the text that become actiepunten. The text itself lives in
 * the Yjs document `verslag:<vergaderingId>` (realtime/verslag-document.ts decides who may open
 * and write it).
 */
import { and, asc, eq } from 'drizzle-orm';
import { can, type RegietafelRef } from '$lib/domain/autorisatie/rechten';
import type { VerslagGewijzigd } from '$lib/realtime/events';
import { verslagRecht, type VerslagRecht } from '$lib/verslag/recht';
import { db, type Executor } from '../db';
import { regietafelLeden, users, verslagRedacteuren } from '../db/schema';
import { mutate, type MutatieContext } from '../mutatie';
import { verslagStand } from '../realtime/verslag-document';
import { legActiepuntVast, type Eigenaar } from './actiepunten';
import { tafelKamer } from './regietafels';
import { Geweigerd, weiger, zonderHalfWerk, type Weigering, type Wie } from './vergaderingen';

export interface Redacteur {
	userId: number;
	naam: string;
}

/** The co-editors of a meeting's verslag, by name. */
export async function redacteurenVan(ex: Executor, vergaderingId: number): Promise<Redacteur[]> {
	const rijen = await ex
		.select({ userId: verslagRedacteuren.userId, naam: users.naam })
		.from(verslagRedacteuren)
		.innerJoin(users, eq(users.id, verslagRedacteuren.userId))
		.where(eq(verslagRedacteuren.vergaderingId, vergaderingId))
		.orderBy(asc(users.naam));
	return rijen.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

/** What the signed-in person may do with the text, and whether it is locked. */
export async function verslagRechtVan(
	wie: Wie,
	vergaderingId: number
): Promise<{ recht: VerslagRecht; redacteur: boolean; vastgesteld: boolean }> {
	const stand = await verslagStand(db(), vergaderingId, wie.door.userId);
	if (!stand) return { recht: null, redacteur: false, vastgesteld: false };
	return {
		recht: verslagRecht(wie.actor, stand),
		redacteur: stand.redacteur,
		vastgesteld: stand.vastgesteld
	};
}

/** The meeting of this table, not vastgesteld; else a refusal (rolled back). */
async function open(
	ctx: MutatieContext,
	tafel: RegietafelRef,
	vergaderingId: number,
	userId: number | null
) {
	const stand = await verslagStand(ctx.tx, vergaderingId, userId);
	if (!stand || stand.tafel.id !== tafel.id) {
		throw new Geweigerd(weiger('NIET_GEVONDEN', 'Deze vergadering bestaat niet (meer).'));
	}
	if (stand.vastgesteld) {
		throw new Geweigerd(
			weiger('STATUS', 'Het verslag is vastgesteld en kan niet meer worden gewijzigd.')
		);
	}
	return stand;
}

async function publiceer(ctx: MutatieContext, tafelId: number, p: VerslagGewijzigd) {
	await ctx.publish(tafelKamer(tafelId), 'verslag.gewijzigd', p);
}

const GEEN_BEHEER = 'Alleen de secretaris van deze regietafel kiest wie het verslag mee schrijft.';

/**
 * The secretaris lets a member of the table write in the verslag. Every open verslag page of the
 * table hears it live ('verslag.gewijzigd'); the new co-editor's editor becomes writable.
 */
export async function voegRedacteurToe(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	userId: number
): Promise<{ ok: true; naam: string } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			if (!eisBeheer(wie, tafel)) throw new Geweigerd(weiger('GEEN_RECHT', GEEN_BEHEER));
			await open(ctx, tafel, vergaderingId, userId);
			const [lid] = await ctx.tx
				.select({ naam: users.naam, actief: users.actief })
				.from(regietafelLeden)
				.innerJoin(users, eq(users.id, regietafelLeden.userId))
				.where(and(eq(regietafelLeden.regietafelId, tafel.id), eq(regietafelLeden.userId, userId)));
			if (!lid || !lid.actief) {
				throw new Geweigerd(
					weiger(
						'NIET_GEVONDEN',
						'Alleen leden van deze regietafel kunnen het verslag mee schrijven.'
					)
				);
			}
			const toegevoegd = await ctx.tx
				.insert(verslagRedacteuren)
				.values({ vergaderingId, userId, doorLabel: wie.door.label })
				.onConflictDoNothing()
				.returning();
			if (toegevoegd.length === 0) {
				throw new Geweigerd(weiger('STATUS', `${lid.naam} schrijft het verslag al mee.`));
			}
			await ctx.audit({
				entity: 'verslag-redacteur',
				entityId: `${vergaderingId}:${userId}`,
				action: 'toegevoegd',
				after: { vergaderingId, userId, naam: lid.naam }
			});
			await publiceer(ctx, tafel.id, { vergaderingId, wat: 'redacteuren' });
			return { ok: true as const, naam: lid.naam };
		})
	);
}

/** The secretaris withdraws a co-editor: from the next change on, their edits are refused. */
export async function verwijderRedacteur(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	userId: number
): Promise<{ ok: true } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			if (!eisBeheer(wie, tafel)) throw new Geweigerd(weiger('GEEN_RECHT', GEEN_BEHEER));
			await open(ctx, tafel, vergaderingId, userId);
			const weg = await ctx.tx
				.delete(verslagRedacteuren)
				.where(
					and(
						eq(verslagRedacteuren.vergaderingId, vergaderingId),
						eq(verslagRedacteuren.userId, userId)
					)
				)
				.returning();
			if (weg.length === 0) {
				throw new Geweigerd(weiger('NIET_GEVONDEN', 'Deze persoon schrijft het verslag niet mee.'));
			}
			await ctx.audit({
				entity: 'verslag-redacteur',
				entityId: `${vergaderingId}:${userId}`,
				action: 'verwijderd',
				before: { vergaderingId, userId }
			});
			await publiceer(ctx, tafel.id, { vergaderingId, wat: 'redacteuren' });
			return { ok: true as const };
		})
	);
}

function eisBeheer(wie: Wie, tafel: RegietafelRef): boolean {
	return can(wie.actor, { actie: 'verslag.beheren', regietafel: tafel }).toegestaan;
}

export interface AfspraakInVerslag {
	agendapuntId: number;
	omschrijving: string;
	eigenaar: Eigenaar;
	deadline: string | null;
}

/**
 * An afspraak marked in the text becomes an actiepunt of this meeting and agendapunt: whoever may
 * write the verslag (secretaris, co-editors) records it, as long as it is not vastgesteld. The
 * editor then links the passage to the returned id (mark `afspraak`).
 */
export async function legAfspraakVast(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	a: AfspraakInVerslag
): Promise<{ ok: true; id: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			const stand = await open(ctx, tafel, vergaderingId, wie.door.userId);
			if (verslagRecht(wie.actor, stand) !== 'schrijven') {
				throw new Geweigerd(
					weiger('GEEN_RECHT', 'Alleen wie het verslag schrijft, kan er afspraken in vastleggen.')
				);
			}
			const rij = await legActiepuntVast(ctx, wie.door, {
				tafel,
				vergaderingId,
				agendapuntId: a.agendapuntId,
				omschrijving: a.omschrijving,
				eigenaar: a.eigenaar,
				deadline: a.deadline
			});
			return { ok: true as const, id: rij.id };
		})
	);
}
