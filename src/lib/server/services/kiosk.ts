import { and, asc, eq, isNull } from 'drizzle-orm';
import { db } from '../db';
import { kioskLinks, regietafels, users } from '../db/schema';
import { mutate, type AuditActor } from '../mutatie';
import { generateKioskToken } from '../auth/kiosk';
import { hashToken } from '../auth/session';
import { getIo } from '../realtime/hub.js';
import { kioskKamer } from '../realtime/app';

export async function listKioskLinks() {
	return db()
		.select({
			id: kioskLinks.id,
			naam: kioskLinks.naam,
			regietafel: regietafels.naam,
			regietafelId: regietafels.id,
			createdAt: kioskLinks.createdAt,
			revokedAt: kioskLinks.revokedAt,
			door: users.naam
		})
		.from(kioskLinks)
		.innerJoin(regietafels, eq(kioskLinks.regietafelId, regietafels.id))
		.leftJoin(users, eq(kioskLinks.createdBy, users.id))
		.orderBy(asc(kioskLinks.revokedAt), asc(regietafels.naam), asc(kioskLinks.naam));
}

/** Creates a link; the token is returned once and only its hash is kept. */
export async function maakKioskLink(actor: AuditActor, regietafelId: number, naam: string) {
	const [tafel] = await db()
		.select({ id: regietafels.id })
		.from(regietafels)
		.where(eq(regietafels.id, regietafelId));
	if (!tafel) return { ok: false as const, fout: 'Kies een bestaande regietafel.' };
	const token = generateKioskToken();
	const id = await mutate(actor, async ({ tx, audit }) => {
		const [k] = await tx
			.insert(kioskLinks)
			.values({ regietafelId, naam, tokenHash: hashToken(token), createdBy: actor.userId })
			.returning({ id: kioskLinks.id });
		await audit({
			entity: 'kiosklink',
			entityId: k!.id,
			action: 'aangemaakt',
			after: { regietafelId, naam }
		});
		return k!.id;
	});
	return { ok: true as const, id, token };
}

/** Revocation works at once: open kiosk screens are disconnected and their page stops loading. */
export async function trekKioskLinkIn(actor: AuditActor, id: number): Promise<boolean> {
	const done = await mutate(actor, async ({ tx, audit }) => {
		const [k] = await tx
			.update(kioskLinks)
			.set({ revokedAt: new Date() })
			.where(and(eq(kioskLinks.id, id), isNull(kioskLinks.revokedAt)))
			.returning({ id: kioskLinks.id, naam: kioskLinks.naam });
		await audit({
			entity: 'kiosklink',
			entityId: id,
			action: k ? 'ingetrokken' : 'intrekken-niet-gevonden',
			before: k ?? null
		});
		return !!k;
	});
	if (done) getIo()?.in(kioskKamer(id)).disconnectSockets(true);
	return done;
}
