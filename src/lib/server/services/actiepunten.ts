/**
 * Actiepunten (issue 6 §6): afspraken of a meeting that are followed up, per table and per
 * person. Recording one is a service function of its own (`legActiepuntVast`), so that both the
 * meeting page's form and, later, the minutes editor create them the same way.
 */
import { and, asc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import { can, kamerNaam, type RegietafelRef } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import {
	ACTIEPUNT_STATUS_NAMEN,
	isLopend,
	sorteerActiepunten,
	type ActiepuntStatus
} from '$lib/domain/vergadering/actiepunten';
import type { ActiepuntGewijzigd } from '$lib/realtime/events';
import { db, type Executor } from '../db';
import {
	actiepunten,
	agendapunten,
	memberships,
	organisaties,
	regietafels,
	users,
	vergaderingen
} from '../db/schema';
import { mutate, type AuditActor, type MutatieContext } from '../mutatie';
import { tafelKamer } from './regietafels';
import { eis, Geweigerd, weiger, zonderHalfWerk, type Weigering, type Wie } from './vergaderingen';

/** Who carries out an afspraak: a portal user, or a name (and organisation) typed in. */
export type Eigenaar = { userId: number } | { naam: string; organisatie: string };

export interface NieuwActiepunt {
	tafel: RegietafelRef;
	vergaderingId: number;
	agendapuntId: number;
	omschrijving: string;
	eigenaar: Eigenaar;
	deadline: string | null;
}

export interface Actiepunt {
	id: number;
	regietafelId: number;
	tafelNaam: string;
	provincieCode: string;
	vergaderingId: number;
	vergaderingDatum: string;
	agendapuntId: number | null;
	agendapuntTitel: string | null;
	omschrijving: string;
	eigenaarUserId: number | null;
	eigenaarNaam: string;
	eigenaarOrganisatie: string;
	deadline: string | null;
	status: ActiepuntStatus;
	versie: number;
	gewijzigdDoorLabel: string | null;
	gewijzigdAt: Date;
}

const kolommen = {
	id: actiepunten.id,
	regietafelId: actiepunten.regietafelId,
	tafelNaam: regietafels.naam,
	provincieCode: regietafels.provincieCode,
	vergaderingId: actiepunten.vergaderingId,
	vergaderingDatum: vergaderingen.datum,
	agendapuntId: actiepunten.agendapuntId,
	agendapuntTitel: agendapunten.titel,
	omschrijving: actiepunten.omschrijving,
	eigenaarUserId: actiepunten.eigenaarUserId,
	eigenaarNaam: actiepunten.eigenaarNaam,
	eigenaarOrganisatie: actiepunten.eigenaarOrganisatie,
	deadline: actiepunten.deadline,
	status: actiepunten.status,
	versie: actiepunten.versie,
	gewijzigdDoorLabel: actiepunten.gewijzigdDoorLabel,
	gewijzigdAt: actiepunten.gewijzigdAt
};

function selecteer(ex: Executor, waar: SQL | undefined) {
	return ex
		.select(kolommen)
		.from(actiepunten)
		.innerJoin(regietafels, eq(regietafels.id, actiepunten.regietafelId))
		.innerJoin(vergaderingen, eq(vergaderingen.id, actiepunten.vergaderingId))
		.leftJoin(agendapunten, eq(agendapunten.id, actiepunten.agendapuntId))
		.where(waar)
		.orderBy(asc(actiepunten.id));
}

/** Today in the Netherlands, ISO (`YYYY-MM-DD`): the day against which deadlines count. */
export function vandaagNL(nu = new Date()): string {
	return nu.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** Every actiepunt of a table: overdue first, then running by deadline, then closed. */
export async function actiepuntenVanTafel(tafelId: number, vandaag = vandaagNL()) {
	return sorteerActiepunten(await selecteer(db(), eq(actiepunten.regietafelId, tafelId)), vandaag);
}

/** The afspraken made at one meeting, in the order they were made. */
export async function actiepuntenVanVergadering(ex: Executor, vergaderingId: number) {
	return selecteer(ex, eq(actiepunten.vergaderingId, vergaderingId));
}

/**
 * What "Actiepunten vorige vergadering" lists: the table's running actiepunten agreed at
 * earlier meetings (by date, then by order of planning).
 */
export async function openActiepuntenVoor(
	ex: Executor,
	tafelId: number,
	vergadering: { id: number; datum: string },
	vandaag = vandaagNL()
) {
	const rijen = await selecteer(
		ex,
		and(
			eq(actiepunten.regietafelId, tafelId),
			inArray(actiepunten.status, ['open', 'in-uitvoering']),
			or(
				lt(vergaderingen.datum, vergadering.datum),
				and(eq(vergaderingen.datum, vergadering.datum), lt(vergaderingen.id, vergadering.id))
			)
		)
	);
	return sorteerActiepunten(rijen, vandaag);
}

/** The actiepunten a person owns, across tables. */
export async function mijnActiepunten(userId: number, vandaag = vandaagNL()) {
	return sorteerActiepunten(await selecteer(db(), eq(actiepunten.eigenaarUserId, userId)), vandaag);
}

/** May `actor` change the status of this actiepunt? */
export function magStatusWijzigen(
	actor: Actor,
	a: Pick<Actiepunt, 'regietafelId' | 'eigenaarUserId'> & { provincieCode: string }
): boolean {
	return can(actor, {
		actie: 'actiepunt.status-wijzigen',
		regietafel: { id: a.regietafelId, provincieCode: a.provincieCode },
		eigenaarUserId: a.eigenaarUserId
	}).toegestaan;
}

/** Name and first organisation of a user, as an owner is shown. */
async function persoonVan(ex: Executor, userId: number) {
	const [r] = await ex
		.select({ naam: users.naam, actief: users.actief, organisatie: organisaties.naam })
		.from(users)
		.leftJoin(memberships, eq(memberships.userId, users.id))
		.leftJoin(organisaties, eq(organisaties.id, memberships.organisatieId))
		.where(eq(users.id, userId))
		.orderBy(asc(memberships.id))
		.limit(1);
	return r ?? null;
}

async function publiceer(ctx: MutatieContext, tafelId: number, p: ActiepuntGewijzigd) {
	await ctx.publish(tafelKamer(tafelId), 'actiepunt.gewijzigd', p);
}

/**
 * Records an afspraak as an actiepunt inside the caller's mutation (no rights check: the caller
 * has done it). The agendapunt must belong to the meeting and the meeting to the table.
 */
export async function legActiepuntVast(ctx: MutatieContext, door: AuditActor, n: NieuwActiepunt) {
	const [p] = await ctx.tx
		.select({ id: agendapunten.id })
		.from(agendapunten)
		.innerJoin(vergaderingen, eq(vergaderingen.id, agendapunten.vergaderingId))
		.where(
			and(
				eq(agendapunten.id, n.agendapuntId),
				eq(vergaderingen.id, n.vergaderingId),
				eq(vergaderingen.regietafelId, n.tafel.id)
			)
		);
	if (!p) throw new Geweigerd(weiger('NIET_GEVONDEN', 'Dit agendapunt bestaat niet (meer).'));
	let eigenaar: {
		eigenaarUserId: number | null;
		eigenaarNaam: string;
		eigenaarOrganisatie: string;
	};
	if ('userId' in n.eigenaar) {
		const u = await persoonVan(ctx.tx, n.eigenaar.userId);
		if (!u || !u.actief) {
			throw new Geweigerd(
				weiger('NIET_GEVONDEN', 'Deze persoon bestaat niet of heeft geen account meer.')
			);
		}
		eigenaar = {
			eigenaarUserId: n.eigenaar.userId,
			eigenaarNaam: u.naam,
			eigenaarOrganisatie: u.organisatie ?? ''
		};
	} else {
		eigenaar = {
			eigenaarUserId: null,
			eigenaarNaam: n.eigenaar.naam,
			eigenaarOrganisatie: n.eigenaar.organisatie
		};
	}
	const [rij] = await ctx.tx
		.insert(actiepunten)
		.values({
			regietafelId: n.tafel.id,
			vergaderingId: n.vergaderingId,
			agendapuntId: n.agendapuntId,
			omschrijving: n.omschrijving,
			...eigenaar,
			deadline: n.deadline,
			aangemaaktDoor: door.userId,
			aangemaaktDoorLabel: door.label
		})
		.returning();
	await ctx.audit({
		entity: 'actiepunt',
		entityId: rij!.id,
		action: 'vastgelegd',
		after: auditVorm(rij!)
	});
	await publiceer(ctx, n.tafel.id, { id: rij!.id, vergaderingId: n.vergaderingId, status: 'open' });
	return rij!;
}

/** An afspraak from the meeting page: the secretaris or voorzitter records it. */
export async function maakActiepunt(
	wie: Wie,
	n: NieuwActiepunt
): Promise<{ ok: true; id: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: n.tafel });
			const rij = await legActiepuntVast(ctx, wie.door, n);
			return { ok: true as const, id: rij.id };
		})
	);
}

/**
 * Changes the status of an actiepunt, provided the caller saw its current version: two people
 * changing it at once never overwrite each other unseen. `tafelId` limits it to the table whose
 * page it was shown on (null: any, as on "Mijn actiepunten").
 */
export async function wijzigActiepuntStatus(
	wie: Wie,
	args: { id: number; versie: number; status: ActiepuntStatus; tafelId: number | null }
): Promise<{ ok: true; versie: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			const [oud] = await ctx.tx
				.select({ a: actiepunten, provincieCode: regietafels.provincieCode })
				.from(actiepunten)
				.innerJoin(regietafels, eq(regietafels.id, actiepunten.regietafelId))
				.where(eq(actiepunten.id, args.id))
				.for('update', { of: actiepunten });
			if (!oud || (args.tafelId !== null && oud.a.regietafelId !== args.tafelId)) {
				throw new Geweigerd(weiger('NIET_GEVONDEN', 'Dit actiepunt bestaat niet (meer).'));
			}
			const a = oud.a;
			if (!magStatusWijzigen(wie.actor, { ...a, provincieCode: oud.provincieCode })) {
				throw new Geweigerd(
					weiger(
						'GEEN_RECHT',
						'Alleen de eigenaar van het actiepunt en de secretaris of voorzitter van de tafel kunnen de status wijzigen.'
					)
				);
			}
			if (a.versie !== args.versie) {
				throw new Geweigerd(
					weiger(
						'VEROUDERD',
						`Dit actiepunt is intussen gewijzigd${a.gewijzigdDoorLabel ? ` door ${a.gewijzigdDoorLabel}` : ''} (nu: ${ACTIEPUNT_STATUS_NAMEN[a.status].toLowerCase()}). Bekijk de nieuwe stand en kies opnieuw.`
					)
				);
			}
			const [rij] = await ctx.tx
				.update(actiepunten)
				.set({
					status: args.status,
					versie: a.versie + 1,
					gewijzigdDoorLabel: wie.door.label,
					gewijzigdAt: new Date()
				})
				.where(and(eq(actiepunten.id, a.id), eq(actiepunten.versie, a.versie)))
				.returning();
			await ctx.audit({
				entity: 'actiepunt',
				entityId: a.id,
				action: 'status-gewijzigd',
				before: { status: a.status, versie: a.versie },
				after: { status: rij!.status, versie: rij!.versie }
			});
			await publiceer(ctx, a.regietafelId, {
				id: a.id,
				vergaderingId: a.vergaderingId,
				status: args.status
			});
			return { ok: true as const, versie: rij!.versie };
		})
	);
}

/**
 * The rooms a "Mijn actiepunten" page follows: the tables of the person's actiepunten whose
 * room the person may follow (status changes arrive there).
 */
export function kamersVoor(actor: Actor, tafels: readonly RegietafelRef[]): string[] {
	const uniek = new Map(tafels.map((t) => [t.id, t]));
	return [...uniek.values()]
		.filter(
			(t) =>
				can(actor, {
					actie: 'kamer.volgen',
					kamer: { soort: 'regietafel', id: t.id },
					provincieVanTafel: t.provincieCode
				}).toegestaan
		)
		.map((t) => kamerNaam({ soort: 'regietafel', id: t.id }));
}

function auditVorm(r: typeof actiepunten.$inferSelect) {
	return {
		regietafelId: r.regietafelId,
		vergaderingId: r.vergaderingId,
		agendapuntId: r.agendapuntId,
		omschrijving: r.omschrijving,
		eigenaarUserId: r.eigenaarUserId,
		eigenaarNaam: r.eigenaarNaam,
		eigenaarOrganisatie: r.eigenaarOrganisatie,
		deadline: r.deadline,
		status: r.status
	};
}

export { isLopend };
