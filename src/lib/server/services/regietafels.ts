import { and, asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { kamerNaam, type RegietafelRef } from '$lib/domain/autorisatie/rechten';
import type { TafelRol } from '$lib/domain/autorisatie/rollen';
import { db } from '../db';
import {
	mededelingen,
	memberships,
	organisaties,
	regietafelLeden,
	regietafels,
	regios,
	users
} from '../db/schema';
import { mutate, type AuditActor } from '../mutatie';
import { getIo } from '../realtime/hub.js';
import { gebruikerKamer } from '../realtime/app';

export interface TafelOverzicht extends RegietafelRef {
	naam: string;
	soort: 'prt' | 'regionaal';
	beschrijving: string;
	/** The regio of a regionale tafel (null for a PRT). */
	regioId: number | null;
	regioNaam: string | null;
}

export interface Lid {
	userId: number;
	naam: string;
	functie: string;
	organisatie: string;
	rol: TafelRol;
}

export interface Mededeling {
	id: number;
	tekst: string;
	auteur: string;
	createdAt: Date;
}

const ROL_VOLGORDE: Record<TafelRol, number> = { voorzitter: 0, secretaris: 1, deelnemer: 2 };

export const tafelKamer = (id: number) => kamerNaam({ soort: 'regietafel', id });

const tafelKolommen = {
	id: regietafels.id,
	naam: regietafels.naam,
	soort: regietafels.soort,
	provincieCode: regietafels.provincieCode,
	beschrijving: regietafels.beschrijving,
	regioId: regietafels.regioId,
	regioNaam: regios.naam
};

export async function getTafel(id: number): Promise<TafelOverzicht | null> {
	const [row] = await db()
		.select(tafelKolommen)
		.from(regietafels)
		.leftJoin(regios, eq(regietafels.regioId, regios.id))
		.where(eq(regietafels.id, id));
	return row ?? null;
}

export async function listTafels(ids?: readonly number[]): Promise<TafelOverzicht[]> {
	if (ids && ids.length === 0) return [];
	return db()
		.select(tafelKolommen)
		.from(regietafels)
		.leftJoin(regios, eq(regietafels.regioId, regios.id))
		.where(ids ? inArray(regietafels.id, [...ids]) : undefined)
		.orderBy(asc(regietafels.soort), asc(regietafels.naam));
}

/** Members with their first organisation (a person normally has one). */
export async function listLeden(tafelId: number): Promise<Lid[]> {
	const rows = await db()
		.selectDistinctOn([users.id], {
			userId: users.id,
			naam: users.naam,
			functie: users.functie,
			organisatie: organisaties.naam,
			rol: regietafelLeden.rol
		})
		.from(regietafelLeden)
		.innerJoin(users, eq(regietafelLeden.userId, users.id))
		.leftJoin(memberships, eq(memberships.userId, users.id))
		.leftJoin(organisaties, eq(memberships.organisatieId, organisaties.id))
		.where(eq(regietafelLeden.regietafelId, tafelId))
		.orderBy(users.id, memberships.id);
	return rows
		.map((r) => ({ ...r, organisatie: r.organisatie ?? '' }))
		.sort(
			(a, b) => ROL_VOLGORDE[a.rol] - ROL_VOLGORDE[b.rol] || a.naam.localeCompare(b.naam, 'nl')
		);
}

/** Active users who are not yet a member: candidates for "lid toevoegen". */
export async function listKandidaten(tafelId: number) {
	const leden = db()
		.select({ id: regietafelLeden.userId })
		.from(regietafelLeden)
		.where(eq(regietafelLeden.regietafelId, tafelId));
	return db()
		.select({ id: users.id, naam: users.naam, email: users.email })
		.from(users)
		.where(and(eq(users.actief, true), notInArray(users.id, leden)))
		.orderBy(asc(users.naam));
}

export async function listMededelingen(tafelId: number, limit = 20): Promise<Mededeling[]> {
	return db()
		.select({
			id: mededelingen.id,
			tekst: mededelingen.tekst,
			auteur: users.naam,
			createdAt: mededelingen.createdAt
		})
		.from(mededelingen)
		.innerJoin(users, eq(mededelingen.auteurId, users.id))
		.where(eq(mededelingen.regietafelId, tafelId))
		.orderBy(desc(mededelingen.createdAt), desc(mededelingen.id))
		.limit(limit);
}

export async function plaatsMededeling(
	actor: AuditActor & { userId: number },
	tafelId: number,
	tekst: string
) {
	return mutate(actor, async ({ tx, audit, publish }) => {
		const [m] = await tx
			.insert(mededelingen)
			.values({ regietafelId: tafelId, auteurId: actor.userId, tekst })
			.returning();
		await audit({
			entity: 'regietafel',
			entityId: tafelId,
			action: 'mededeling-geplaatst',
			after: m
		});
		await publish(tafelKamer(tafelId), 'mededeling.geplaatst', {
			id: m!.id,
			tekst,
			auteur: actor.label,
			createdAt: m!.createdAt.toISOString()
		});
		return m!;
	});
}

export async function verwijderMededeling(
	actor: AuditActor,
	tafelId: number,
	id: number
): Promise<boolean> {
	return mutate(actor, async ({ tx, audit, publish }) => {
		const [m] = await tx
			.delete(mededelingen)
			.where(and(eq(mededelingen.id, id), eq(mededelingen.regietafelId, tafelId)))
			.returning();
		await audit({
			entity: 'regietafel',
			entityId: tafelId,
			action: m ? 'mededeling-verwijderd' : 'mededeling-niet-gevonden',
			before: m ?? null
		});
		if (m) await publish(tafelKamer(tafelId), 'mededeling.verwijderd', { id });
		return !!m;
	});
}

export type LidResultaat = { ok: true } | { ok: false; fout: string };

export async function voegLidToe(
	actor: AuditActor,
	tafelId: number,
	userId: number,
	rol: TafelRol
): Promise<LidResultaat> {
	return mutate(actor, async ({ tx, audit, publish }) => {
		const [u] = await tx
			.select({ id: users.id, naam: users.naam, actief: users.actief })
			.from(users)
			.where(eq(users.id, userId));
		if (!u || !u.actief) {
			await audit({
				entity: 'regietafel',
				entityId: tafelId,
				action: 'lid-toevoegen-geweigerd',
				after: { userId }
			});
			return { ok: false, fout: 'Deze gebruiker bestaat niet of is gedeactiveerd.' } as const;
		}
		const [bestaand] = await tx
			.select()
			.from(regietafelLeden)
			.where(and(eq(regietafelLeden.regietafelId, tafelId), eq(regietafelLeden.userId, userId)));
		if (bestaand) {
			await tx
				.update(regietafelLeden)
				.set({ rol })
				.where(and(eq(regietafelLeden.regietafelId, tafelId), eq(regietafelLeden.userId, userId)));
		} else {
			await tx.insert(regietafelLeden).values({ regietafelId: tafelId, userId, rol });
		}
		await audit({
			entity: 'regietafel',
			entityId: tafelId,
			action: bestaand ? 'lid-rol-gewijzigd' : 'lid-toegevoegd',
			before: bestaand ?? null,
			after: { userId, naam: u.naam, rol }
		});
		await publish(tafelKamer(tafelId), 'leden.gewijzigd', { userId, naam: u.naam, rol });
		return { ok: true } as const;
	});
}

export async function verwijderLid(
	actor: AuditActor,
	tafelId: number,
	userId: number
): Promise<boolean> {
	const removed = await mutate(actor, async ({ tx, audit, publish }) => {
		const [weg] = await tx
			.delete(regietafelLeden)
			.where(and(eq(regietafelLeden.regietafelId, tafelId), eq(regietafelLeden.userId, userId)))
			.returning();
		await audit({
			entity: 'regietafel',
			entityId: tafelId,
			action: weg ? 'lid-verwijderd' : 'lid-verwijderen-niet-gevonden',
			before: weg ?? null
		});
		if (weg) await publish(tafelKamer(tafelId), 'leden.gewijzigd', { userId, verwijderd: true });
		return !!weg;
	});
	// A removed member stops receiving the table's events at once (in every process).
	if (removed) getIo()?.in(gebruikerKamer(userId)).socketsLeave(tafelKamer(tafelId));
	return removed;
}
