import { asc, eq } from 'drizzle-orm';
import type { OrganisatieRol } from '$lib/domain/autorisatie/rollen';
import type { Aanhef } from '$lib/domain/vergadering/aanhef';
import { ROL_ORGANISATIE_TYPES } from '$lib/domain/autorisatie/rollen';
import { db } from '../db';
import { memberships, organisaties, users } from '../db/schema';
import { mutate, type AuditActor } from '../mutatie';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { getIo } from '../realtime/hub.js';
import { sessieKamer } from '../realtime/app';

export interface GebruikerRij {
	id: number;
	email: string;
	naam: string;
	functie: string;
	actief: boolean;
	rollen: { rol: OrganisatieRol; organisatie: string }[];
}

export async function listGebruikers(): Promise<GebruikerRij[]> {
	const rows = await db()
		.select({
			id: users.id,
			email: users.email,
			naam: users.naam,
			functie: users.functie,
			actief: users.actief,
			rol: memberships.rol,
			organisatie: organisaties.naam
		})
		.from(users)
		.leftJoin(memberships, eq(memberships.userId, users.id))
		.leftJoin(organisaties, eq(memberships.organisatieId, organisaties.id))
		.orderBy(asc(users.naam), asc(memberships.id));
	const per = new Map<number, GebruikerRij>();
	for (const r of rows) {
		const g = per.get(r.id) ?? {
			id: r.id,
			email: r.email,
			naam: r.naam,
			functie: r.functie,
			actief: r.actief,
			rollen: []
		};
		if (r.rol && r.organisatie) g.rollen.push({ rol: r.rol, organisatie: r.organisatie });
		per.set(r.id, g);
	}
	return [...per.values()];
}

export async function listOrganisaties() {
	return db()
		.select({ id: organisaties.id, naam: organisaties.naam, type: organisaties.type })
		.from(organisaties)
		.orderBy(asc(organisaties.type), asc(organisaties.naam));
}

export interface NieuweGebruiker {
	email: string;
	naam: string;
	functie: string;
	/** Absent or null: verslagen use the full name. */
	aanhef?: Aanhef | null;
	organisatieId: number;
	rol: OrganisatieRol;
	wachtwoord: string;
}

export type NieuweGebruikerResultaat =
	{ ok: true; id: number } | { ok: false; veld: keyof NieuweGebruiker; fout: string };

export async function maakGebruiker(
	actor: AuditActor,
	g: NieuweGebruiker
): Promise<NieuweGebruikerResultaat> {
	const email = g.email.trim().toLowerCase();
	const [org] = await db().select().from(organisaties).where(eq(organisaties.id, g.organisatieId));
	if (!org) return { ok: false, veld: 'organisatieId', fout: 'Kies een bestaande organisatie.' };
	if (!ROL_ORGANISATIE_TYPES[g.rol].includes(org.type)) {
		return { ok: false, veld: 'rol', fout: 'Deze rol past niet bij het soort organisatie.' };
	}
	const [bestaand] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
	if (bestaand) {
		return { ok: false, veld: 'email', fout: 'Er bestaat al een account met dit e-mailadres.' };
	}
	const passwordHash = await hashPassword(g.wachtwoord);
	const id = await mutate(actor, async ({ tx, audit }) => {
		// The check above is for the message; this insert settles a race between two requests.
		const [u] = await tx
			.insert(users)
			.values({
				email,
				naam: g.naam.trim(),
				functie: g.functie.trim(),
				aanhef: g.aanhef ?? null,
				passwordHash
			})
			.onConflictDoNothing({ target: users.email })
			.returning({ id: users.id });
		if (!u) {
			await audit({ entity: 'gebruiker', entityId: email, action: 'aanmaken-geweigerd-dubbel' });
			return null;
		}
		await tx.insert(memberships).values({ userId: u.id, organisatieId: org.id, rol: g.rol });
		await audit({
			entity: 'gebruiker',
			entityId: u.id,
			action: 'aangemaakt',
			after: {
				email,
				naam: g.naam,
				functie: g.functie,
				aanhef: g.aanhef ?? null,
				organisatie: org.naam,
				rol: g.rol
			}
		});
		return u.id;
	});
	if (id === null) {
		return { ok: false, veld: 'email', fout: 'Er bestaat al een account met dit e-mailadres.' };
	}
	return { ok: true, id };
}

/** Deactivating ends all sessions and live connections of the user at once. */
export async function zetActief(
	actor: AuditActor,
	userId: number,
	actief: boolean
): Promise<boolean> {
	const result = await mutate(actor, async ({ tx, audit }) => {
		const [before] = await tx
			.select({ actief: users.actief })
			.from(users)
			.where(eq(users.id, userId));
		if (!before) {
			await audit({ entity: 'gebruiker', entityId: userId, action: 'activeren-niet-gevonden' });
			return null;
		}
		await tx.update(users).set({ actief }).where(eq(users.id, userId));
		const sessies = actief ? [] : await invalidateUserSessions(tx, userId);
		await audit({
			entity: 'gebruiker',
			entityId: userId,
			action: actief ? 'geactiveerd' : 'gedeactiveerd',
			before,
			after: { actief }
		});
		return sessies;
	});
	if (result === null) return false;
	for (const id of result) getIo()?.in(sessieKamer(id)).disconnectSockets(true);
	return true;
}

export async function aanhefVan(userId: number): Promise<Aanhef | null> {
	const [r] = await db().select({ aanhef: users.aanhef }).from(users).where(eq(users.id, userId));
	return r?.aanhef ?? null;
}

/**
 * A person chooses how verslagen name them ("De heer …", "Mevrouw …" or the full name). Read
 * live by the speaker menu of the verslag; text already written is not changed.
 */
export async function wijzigAanhef(
	actor: AuditActor,
	userId: number,
	aanhef: Aanhef | null
): Promise<void> {
	await mutate(actor, async ({ tx, audit }) => {
		const [voor] = await tx
			.select({ aanhef: users.aanhef })
			.from(users)
			.where(eq(users.id, userId))
			.for('update');
		await tx.update(users).set({ aanhef }).where(eq(users.id, userId));
		await audit({
			entity: 'gebruiker',
			entityId: userId,
			action: 'aanhef-gewijzigd',
			before: { aanhef: voor?.aanhef ?? null },
			after: { aanhef }
		});
	});
}

export async function organisatieNamen(userId: number): Promise<string[]> {
	const rows = await db()
		.selectDistinct({ naam: organisaties.naam })
		.from(memberships)
		.innerJoin(organisaties, eq(memberships.organisatieId, organisaties.id))
		.where(eq(memberships.userId, userId));
	return rows.map((r) => r.naam);
}
