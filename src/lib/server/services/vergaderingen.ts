/**
 * Meetings of a regietafel (issue 6): planning with a template agenda, the agenda itself
 * (optimistic locking on the meeting's `versie`, reorder only as a permutation), stukken per
 * agendapunt, attendance, and running the meeting (the shared screen). Every change is one
 * mutation with an audit row and a live event in the table's room.
 */
import { and, asc, count, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { can, type Recht, type RegietafelRef } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { isPermutatie, sjabloonAgenda } from '$lib/domain/vergadering/agenda';
import type { AanwezigheidStatus, Genodigde, Persoon } from '$lib/domain/vergadering/presentie';
import {
	volgendeVergaderingStatus,
	volgnummerNa,
	type VergaderingActie,
	type VergaderingStatus
} from '$lib/domain/vergadering/vergadering';
import type { SchermGewijzigd, VergaderingGewijzigd } from '$lib/realtime/events';
import type {
	AanwezigheidInvoer,
	AgendapuntInvoer,
	GastInvoer,
	VergaderingInvoer
} from '$lib/schemas/vergadering';
import {
	bestandInfoKolommen,
	slaBestandOp,
	type BestandInfo,
	type BestandSoort,
	type GecontroleerdBestand
} from '../bestanden';
import { db, type Executor } from '../db';
import {
	actiepunten,
	agendapuntBijlagen,
	agendapunten,
	bestanden,
	memberships,
	organisaties,
	regietafelLeden,
	users,
	vergaderingGasten,
	vergaderingGenodigden,
	vergaderingen
} from '../db/schema';
import { mutate, type AuditActor, type MutatieContext } from '../mutatie';
import { tafelKamer } from './regietafels';

/** Stukken of an agendapunt: documents officials open in Word, Excel or a PDF reader. */
export const BIJLAGE_SOORTEN: readonly BestandSoort[] = ['pdf', 'docx', 'xlsx'];

/** Who acts: the authorization actor and the name the audit log records. */
export interface Wie {
	actor: Actor;
	door: AuditActor;
}

export type VergaderingFoutCode =
	'GEEN_RECHT' | 'NIET_GEVONDEN' | 'VEROUDERD' | 'GEEN_PERMUTATIE' | 'STATUS' | 'AL_BEZIG';

export interface Weigering {
	ok: false;
	code: VergaderingFoutCode;
	/** 403 not allowed, 404 not found, 409 stale or not possible in this state. */
	status: 403 | 404 | 409;
	fout: string;
}

const STATUS: Record<VergaderingFoutCode, Weigering['status']> = {
	GEEN_RECHT: 403,
	NIET_GEVONDEN: 404,
	VEROUDERD: 409,
	GEEN_PERMUTATIE: 409,
	STATUS: 409,
	AL_BEZIG: 409
};

export const weiger = (code: VergaderingFoutCode, fout: string): Weigering => ({
	ok: false,
	code,
	status: STATUS[code],
	fout
});

/** Thrown inside a mutation to roll it back; turned into a returned refusal. */
export class Geweigerd extends Error {
	constructor(readonly weigering: Weigering) {
		super(weigering.code);
	}
}

export async function zonderHalfWerk<T>(fn: () => Promise<T>): Promise<T | Weigering> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof Geweigerd) return e.weigering;
		throw e;
	}
}

const GEEN_RECHT_TEKST: Partial<Record<Recht['actie'], string>> = {
	'vergadering.bewerken':
		'Alleen de secretaris en de voorzitter van deze regietafel kunnen de vergadering voorbereiden.',
	'vergadering.leiden':
		'Alleen de voorzitter en de secretaris van deze regietafel kunnen de vergadering leiden.'
};

export function eis(actor: Actor, recht: Recht): void {
	if (!can(actor, recht).toegestaan) {
		throw new Geweigerd(
			weiger('GEEN_RECHT', GEEN_RECHT_TEKST[recht.actie] ?? 'U heeft geen recht op deze handeling.')
		);
	}
}

export type VergaderingRij = typeof vergaderingen.$inferSelect;

async function publiceerGewijzigd(ctx: MutatieContext, tafelId: number, p: VergaderingGewijzigd) {
	await ctx.publish(tafelKamer(tafelId), 'vergadering.gewijzigd', p);
}

async function publiceerScherm(ctx: MutatieContext, tafelId: number, v: VergaderingRij) {
	const p: SchermGewijzigd = {
		vergaderingId: v.id,
		status: v.status,
		huidigAgendapuntId: v.huidigAgendapuntId,
		huidigSinds: v.huidigSinds?.toISOString() ?? null
	};
	await ctx.publish(tafelKamer(tafelId), 'vergadering.scherm', p);
}

/**
 * Locks the meeting row for this transaction (concurrent changes to one meeting run one after
 * the other) and, when `versie` is given, refuses a change made on an older version.
 */
async function vergrendel(
	ctx: MutatieContext,
	tafelId: number,
	id: number,
	versie?: number
): Promise<VergaderingRij> {
	const [v] = await ctx.tx
		.select()
		.from(vergaderingen)
		.where(and(eq(vergaderingen.id, id), eq(vergaderingen.regietafelId, tafelId)))
		.for('update');
	if (!v) throw new Geweigerd(weiger('NIET_GEVONDEN', 'Deze vergadering bestaat niet (meer).'));
	if (versie !== undefined && v.versie !== versie) {
		throw new Geweigerd(
			weiger(
				'VEROUDERD',
				'De agenda is intussen door iemand anders gewijzigd. De pagina toont nu de nieuwe stand; voer uw wijziging opnieuw uit.'
			)
		);
	}
	return v;
}

/** Raises the meeting's version (agenda and details changed). */
async function verhoogVersie(ctx: MutatieContext, v: VergaderingRij): Promise<number> {
	const [rij] = await ctx.tx
		.update(vergaderingen)
		.set({ versie: v.versie + 1, gewijzigdAt: new Date() })
		.where(eq(vergaderingen.id, v.id))
		.returning({ versie: vergaderingen.versie });
	return rij!.versie;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export interface VergaderingOverzicht {
	id: number;
	datum: string;
	begintijd: string;
	eindtijd: string;
	locatie: string;
	onlineLink: string | null;
	status: VergaderingStatus;
	agendapunten: number;
}

/** The meetings of a table, the latest first. */
export async function listVergaderingen(tafelId: number): Promise<VergaderingOverzicht[]> {
	return db()
		.select({
			id: vergaderingen.id,
			datum: vergaderingen.datum,
			begintijd: vergaderingen.begintijd,
			eindtijd: vergaderingen.eindtijd,
			locatie: vergaderingen.locatie,
			onlineLink: vergaderingen.onlineLink,
			status: vergaderingen.status,
			// Qualified by hand: drizzle writes columns in a sql`` subquery without their table,
			// and an unqualified "id" would be the agendapunt's own id.
			agendapunten: sql<number>`(select count(*)::int from ${agendapunten} ap where ap.vergadering_id = ${vergaderingen}.id)`
		})
		.from(vergaderingen)
		.where(eq(vergaderingen.regietafelId, tafelId))
		.orderBy(desc(vergaderingen.datum), desc(vergaderingen.begintijd), desc(vergaderingen.id));
}

/** A meeting of this table, or null (also for a meeting of another table). */
export async function haalVergadering(
	ex: Executor,
	tafelId: number,
	id: number
): Promise<VergaderingRij | null> {
	const [v] = await ex
		.select()
		.from(vergaderingen)
		.where(and(eq(vergaderingen.id, id), eq(vergaderingen.regietafelId, tafelId)));
	return v ?? null;
}

/** The meeting of this table that is running now, if any. */
export async function lopendeVergadering(tafelId: number): Promise<VergaderingRij | null> {
	const [v] = await db()
		.select()
		.from(vergaderingen)
		.where(and(eq(vergaderingen.regietafelId, tafelId), eq(vergaderingen.status, 'bezig')));
	return v ?? null;
}

export interface Agendapunt {
	id: number;
	volgorde: number;
	titel: string;
	type: (typeof agendapunten.$inferSelect)['type'];
	duur: number;
	presentator: string;
	omschrijving: string;
	bijlagen: (BestandInfo & { bijlageId: number })[];
}

/** The agenda in order, each item with its stukken (metadata only). */
export async function haalAgenda(ex: Executor, vergaderingId: number): Promise<Agendapunt[]> {
	const punten = await ex
		.select({
			id: agendapunten.id,
			volgorde: agendapunten.volgorde,
			titel: agendapunten.titel,
			type: agendapunten.type,
			duur: agendapunten.duur,
			presentator: agendapunten.presentator,
			omschrijving: agendapunten.omschrijving
		})
		.from(agendapunten)
		.where(eq(agendapunten.vergaderingId, vergaderingId))
		.orderBy(asc(agendapunten.volgorde), asc(agendapunten.id));
	if (punten.length === 0) return [];
	const bijlagen = await ex
		.select({
			bijlageId: agendapuntBijlagen.id,
			agendapuntId: agendapuntBijlagen.agendapuntId,
			...bestandInfoKolommen
		})
		.from(agendapuntBijlagen)
		.innerJoin(bestanden, eq(bestanden.id, agendapuntBijlagen.bestandId))
		.where(
			inArray(
				agendapuntBijlagen.agendapuntId,
				punten.map((p) => p.id)
			)
		)
		.orderBy(asc(agendapuntBijlagen.id));
	return punten.map((p) => ({
		...p,
		bijlagen: bijlagen.filter((b) => b.agendapuntId === p.id).map(({ agendapuntId: _a, ...b }) => b)
	}));
}

/** The invited members with what became of each, by name. */
export async function haalGenodigden(ex: Executor, vergaderingId: number): Promise<Genodigde[]> {
	// Name, function and organisation as they were when invited; the aanhef as the member
	// chose it now (it only shapes speaker notes, never the attendance list).
	const rijen = await ex
		.select({ g: vergaderingGenodigden, aanhef: users.aanhef })
		.from(vergaderingGenodigden)
		.innerJoin(users, eq(users.id, vergaderingGenodigden.userId))
		.where(eq(vergaderingGenodigden.vergaderingId, vergaderingId));
	return rijen
		.map(({ g: r, aanhef }) => ({
			userId: r.userId,
			naam: r.naam,
			functie: r.functie,
			organisatie: r.organisatie,
			aanhef,
			status: r.status,
			vervanger:
				r.status === 'vervangen' && r.vervangerNaam
					? {
							naam: r.vervangerNaam,
							functie: r.vervangerFunctie ?? '',
							organisatie: r.vervangerOrganisatie ?? '',
							aanhef: r.vervangerAanhef
						}
					: null
		}))
		.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

export async function haalGasten(
	ex: Executor,
	vergaderingId: number
): Promise<(Persoon & { id: number })[]> {
	return ex
		.select({
			id: vergaderingGasten.id,
			naam: vergaderingGasten.naam,
			functie: vergaderingGasten.functie,
			organisatie: vergaderingGasten.organisatie,
			aanhef: vergaderingGasten.aanhef
		})
		.from(vergaderingGasten)
		.where(eq(vergaderingGasten.vergaderingId, vergaderingId))
		.orderBy(asc(vergaderingGasten.id));
}

/** Members of a table with function and (first) organisation, as the attendance keeps them. */
export async function tafelLeden(
	ex: Executor,
	tafelId: number
): Promise<(Persoon & { userId: number })[]> {
	const rijen = await ex
		.selectDistinctOn([users.id], {
			userId: users.id,
			naam: users.naam,
			functie: users.functie,
			organisatie: organisaties.naam
		})
		.from(regietafelLeden)
		.innerJoin(users, eq(regietafelLeden.userId, users.id))
		.leftJoin(memberships, eq(memberships.userId, users.id))
		.leftJoin(organisaties, eq(memberships.organisatieId, organisaties.id))
		.where(and(eq(regietafelLeden.regietafelId, tafelId), eq(users.actief, true)))
		.orderBy(users.id, memberships.id);
	return rijen
		.map((r) => ({ ...r, organisatie: r.organisatie ?? '' }))
		.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

/** Running actiepunten of the table (open or in uitvoering). */
async function aantalLopend(ex: Executor, tafelId: number): Promise<number> {
	const [r] = await ex
		.select({ n: count() })
		.from(actiepunten)
		.where(
			and(
				eq(actiepunten.regietafelId, tafelId),
				inArray(actiepunten.status, ['open', 'in-uitvoering'])
			)
		);
	return Number(r?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------------------------

/**
 * Plans a meeting: the usual agenda (with "Vaststelling verslag vorige vergadering" and
 * "Actiepunten vorige vergadering", counting the table's open actiepunten) and the table's
 * current members as the invited.
 */
export async function maakVergadering(
	wie: Wie,
	tafel: RegietafelRef,
	invoer: VergaderingInvoer
): Promise<{ ok: true; id: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const [v] = await ctx.tx
				.insert(vergaderingen)
				.values({
					regietafelId: tafel.id,
					...invoer,
					aangemaaktDoor: wie.door.userId,
					aangemaaktDoorLabel: wie.door.label
				})
				.returning();
			const sjabloon = sjabloonAgenda(await aantalLopend(ctx.tx, tafel.id));
			await ctx.tx
				.insert(agendapunten)
				.values(sjabloon.map((p, volgorde) => ({ ...p, vergaderingId: v!.id, volgorde })));
			const leden = await tafelLeden(ctx.tx, tafel.id);
			if (leden.length > 0) {
				await ctx.tx
					.insert(vergaderingGenodigden)
					.values(leden.map((l) => ({ vergaderingId: v!.id, ...l })));
			}
			await ctx.audit({
				entity: 'vergadering',
				entityId: v!.id,
				action: 'gepland',
				after: { regietafelId: tafel.id, ...invoer, genodigden: leden.length }
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v!.id, wat: 'aangemaakt' });
			return { ok: true as const, id: v!.id };
		})
	);
}

/** Changes date, time or place; the calendar SEQUENCE rises when one of those changed. */
export async function wijzigVergadering(
	wie: Wie,
	tafel: RegietafelRef,
	id: number,
	versie: number,
	invoer: VergaderingInvoer
): Promise<{ ok: true; versie: number; volgnummer: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const oud = await vergrendel(ctx, tafel.id, id, versie);
			const volgnummer = volgnummerNa(oud, invoer, oud.icsVolgnummer);
			const [rij] = await ctx.tx
				.update(vergaderingen)
				.set({
					...invoer,
					icsVolgnummer: volgnummer,
					versie: oud.versie + 1,
					gewijzigdAt: new Date()
				})
				.where(eq(vergaderingen.id, id))
				.returning();
			await ctx.audit({
				entity: 'vergadering',
				entityId: id,
				action: 'gegevens-gewijzigd',
				before: tijdEnPlaats(oud),
				after: tijdEnPlaats(rij!)
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: id, wat: 'gegevens' });
			return { ok: true as const, versie: rij!.versie, volgnummer };
		})
	);
}

const tijdEnPlaats = (v: VergaderingRij) => ({
	datum: v.datum,
	begintijd: v.begintijd,
	eindtijd: v.eindtijd,
	locatie: v.locatie,
	onlineLink: v.onlineLink,
	icsVolgnummer: v.icsVolgnummer
});

// ---------------------------------------------------------------------------------------------
// The agenda
// ---------------------------------------------------------------------------------------------

async function agendapuntVan(ctx: MutatieContext, vergaderingId: number, agendapuntId: number) {
	const [p] = await ctx.tx
		.select()
		.from(agendapunten)
		.where(and(eq(agendapunten.id, agendapuntId), eq(agendapunten.vergaderingId, vergaderingId)));
	if (!p) throw new Geweigerd(weiger('NIET_GEVONDEN', 'Dit agendapunt bestaat niet (meer).'));
	return p;
}

export async function voegAgendapuntToe(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	versie: number,
	invoer: AgendapuntInvoer
): Promise<{ ok: true; id: number; versie: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId, versie);
			const [{ n }] = (await ctx.tx
				.select({ n: count() })
				.from(agendapunten)
				.where(eq(agendapunten.vergaderingId, v.id))) as [{ n: number }];
			const [p] = await ctx.tx
				.insert(agendapunten)
				.values({ ...invoer, vergaderingId: v.id, volgorde: Number(n) })
				.returning();
			const nieuw = await verhoogVersie(ctx, v);
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'agendapunt-toegevoegd',
				after: p
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v.id, wat: 'agenda' });
			return { ok: true as const, id: p!.id, versie: nieuw };
		})
	);
}

export async function wijzigAgendapunt(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	agendapuntId: number,
	versie: number,
	invoer: AgendapuntInvoer
): Promise<{ ok: true; versie: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId, versie);
			const oud = await agendapuntVan(ctx, v.id, agendapuntId);
			const [p] = await ctx.tx
				.update(agendapunten)
				.set({ ...invoer, gewijzigdAt: new Date() })
				.where(eq(agendapunten.id, oud.id))
				.returning();
			const nieuw = await verhoogVersie(ctx, v);
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'agendapunt-gewijzigd',
				before: oud,
				after: p
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v.id, wat: 'agenda' });
			return { ok: true as const, versie: nieuw };
		})
	);
}

/** Removes an agendapunt with its stukken; the others close ranks. */
export async function verwijderAgendapunt(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	agendapuntId: number,
	versie: number
): Promise<{ ok: true; versie: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId, versie);
			const oud = await agendapuntVan(ctx, v.id, agendapuntId);
			const stukken = await ctx.tx
				.delete(agendapuntBijlagen)
				.where(eq(agendapuntBijlagen.agendapuntId, oud.id))
				.returning({ bestandId: agendapuntBijlagen.bestandId });
			if (stukken.length > 0) {
				await ctx.tx.delete(bestanden).where(
					inArray(
						bestanden.id,
						stukken.map((s) => s.bestandId)
					)
				);
			}
			await ctx.tx.delete(agendapunten).where(eq(agendapunten.id, oud.id));
			await hernummer(
				ctx,
				v.id,
				(await agendaIds(ctx.tx, v.id)).filter((id) => id !== oud.id)
			);
			const nieuw = await verhoogVersie(ctx, v);
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'agendapunt-verwijderd',
				before: { ...oud, bijlagen: stukken.length }
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v.id, wat: 'agenda' });
			// The shared screen loses its item when it was the current one (reference set null).
			if (v.huidigAgendapuntId === oud.id) {
				await publiceerScherm(ctx, tafel.id, { ...v, huidigAgendapuntId: null });
			}
			return { ok: true as const, versie: nieuw };
		})
	);
}

async function agendaIds(ex: Executor, vergaderingId: number): Promise<number[]> {
	const rijen = await ex
		.select({ id: agendapunten.id })
		.from(agendapunten)
		.where(eq(agendapunten.vergaderingId, vergaderingId))
		.orderBy(asc(agendapunten.volgorde), asc(agendapunten.id));
	return rijen.map((r) => r.id);
}

/** Writes volgorde 0..n-1 in the given order (one statement). */
async function hernummer(ctx: MutatieContext, vergaderingId: number, ids: readonly number[]) {
	if (ids.length === 0) return;
	const gevallen = sql.join(
		ids.map((id, i) => sql`when ${id} then ${i}`),
		sql` `
	);
	await ctx.tx
		.update(agendapunten)
		.set({ volgorde: sql`(case ${agendapunten.id} ${gevallen} end)::int` })
		.where(and(eq(agendapunten.vergaderingId, vergaderingId), inArray(agendapunten.id, [...ids])));
}

/**
 * Puts the agenda in a new order. `volgorde` must hold exactly the meeting's agendapunten (a
 * page that misses a new item, or names one that is gone, is refused rather than guessed), and
 * `versie` must be the version the page showed.
 */
export async function herordenAgenda(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	versie: number,
	volgorde: readonly number[]
): Promise<{ ok: true; versie: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId, versie);
			const huidig = await agendaIds(ctx.tx, v.id);
			if (!isPermutatie(huidig, volgorde)) {
				throw new Geweigerd(
					weiger(
						'GEEN_PERMUTATIE',
						'De nieuwe volgorde past niet bij de agenda zoals die nu is (er is een agendapunt bijgekomen of verdwenen). Herlaad de pagina en verplaats het agendapunt opnieuw.'
					)
				);
			}
			await hernummer(ctx, v.id, volgorde);
			const nieuw = await verhoogVersie(ctx, v);
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'agenda-herordend',
				before: { volgorde: huidig },
				after: { volgorde }
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v.id, wat: 'volgorde' });
			return { ok: true as const, versie: nieuw };
		})
	);
}

// ---------------------------------------------------------------------------------------------
// Stukken
// ---------------------------------------------------------------------------------------------

export async function voegBijlageToe(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	agendapuntId: number,
	bestand: GecontroleerdBestand
): Promise<{ ok: true; bijlageId: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			const p = await agendapuntVan(ctx, v.id, agendapuntId);
			const info = await slaBestandOp(ctx.tx, bestand, wie.door);
			const [b] = await ctx.tx
				.insert(agendapuntBijlagen)
				.values({
					agendapuntId: p.id,
					bestandId: info.id,
					door: wie.door.userId,
					doorLabel: wie.door.label
				})
				.returning({ id: agendapuntBijlagen.id });
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'bijlage-toegevoegd',
				after: { agendapuntId: p.id, bijlageId: b!.id, naam: info.naam, sha256: info.sha256 }
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v.id, wat: 'bijlagen' });
			return { ok: true as const, bijlageId: b!.id };
		})
	);
}

export async function verwijderBijlage(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	bijlageId: number
): Promise<{ ok: true } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			const [b] = await ctx.tx
				.select({
					id: agendapuntBijlagen.id,
					bestandId: agendapuntBijlagen.bestandId,
					naam: bestanden.naam
				})
				.from(agendapuntBijlagen)
				.innerJoin(agendapunten, eq(agendapunten.id, agendapuntBijlagen.agendapuntId))
				.innerJoin(bestanden, eq(bestanden.id, agendapuntBijlagen.bestandId))
				.where(and(eq(agendapuntBijlagen.id, bijlageId), eq(agendapunten.vergaderingId, v.id)));
			if (!b) throw new Geweigerd(weiger('NIET_GEVONDEN', 'Deze bijlage bestaat niet (meer).'));
			await ctx.tx.delete(agendapuntBijlagen).where(eq(agendapuntBijlagen.id, b.id));
			await ctx.tx.delete(bestanden).where(eq(bestanden.id, b.bestandId));
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'bijlage-verwijderd',
				before: { bijlageId: b.id, naam: b.naam }
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v.id, wat: 'bijlagen' });
			return { ok: true as const };
		})
	);
}

/** The file id of a bijlage of this meeting of this table, or null. */
export async function bijlageBestandId(
	tafelId: number,
	vergaderingId: number,
	bijlageId: number
): Promise<number | null> {
	const [r] = await db()
		.select({ bestandId: agendapuntBijlagen.bestandId })
		.from(agendapuntBijlagen)
		.innerJoin(agendapunten, eq(agendapunten.id, agendapuntBijlagen.agendapuntId))
		.innerJoin(vergaderingen, eq(vergaderingen.id, agendapunten.vergaderingId))
		.where(
			and(
				eq(agendapuntBijlagen.id, bijlageId),
				eq(vergaderingen.id, vergaderingId),
				eq(vergaderingen.regietafelId, tafelId)
			)
		);
	return r?.bestandId ?? null;
}

// ---------------------------------------------------------------------------------------------
// Attendance
// ---------------------------------------------------------------------------------------------

/** Records what became of one invited member (present, apologies, replaced by whom). */
export async function registreerAanwezigheid(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	invoer: AanwezigheidInvoer
): Promise<{ ok: true } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			const waar = and(
				eq(vergaderingGenodigden.vergaderingId, v.id),
				eq(vergaderingGenodigden.userId, invoer.userId)
			);
			const [oud] = await ctx.tx.select().from(vergaderingGenodigden).where(waar);
			if (!oud) {
				throw new Geweigerd(
					weiger('NIET_GEVONDEN', 'Deze persoon staat niet op de lijst van genodigden.')
				);
			}
			const [rij] = await ctx.tx
				.update(vergaderingGenodigden)
				.set({
					status: invoer.status,
					vervangerNaam: invoer.vervanger?.naam ?? null,
					vervangerFunctie: invoer.vervanger?.functie ?? null,
					vervangerOrganisatie: invoer.vervanger?.organisatie ?? null,
					vervangerAanhef: invoer.vervanger?.aanhef ?? null,
					gewijzigdDoorLabel: wie.door.label,
					gewijzigdAt: new Date()
				})
				.where(waar)
				.returning();
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'aanwezigheid-geregistreerd',
				before: aanwezigheidVorm(oud),
				after: aanwezigheidVorm(rij!)
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v.id, wat: 'aanwezigheid' });
			return { ok: true as const };
		})
	);
}

const aanwezigheidVorm = (r: typeof vergaderingGenodigden.$inferSelect) => ({
	userId: r.userId,
	naam: r.naam,
	status: r.status as AanwezigheidStatus,
	vervanger: r.vervangerNaam
		? {
				naam: r.vervangerNaam,
				functie: r.vervangerFunctie,
				organisatie: r.vervangerOrganisatie,
				aanhef: r.vervangerAanhef
			}
		: null
});

/** Invites the table's members who joined after the meeting was planned. */
export async function nodigNieuweLedenUit(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number
): Promise<{ ok: true; toegevoegd: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			const al = new Set(
				(
					await ctx.tx
						.select({ id: vergaderingGenodigden.userId })
						.from(vergaderingGenodigden)
						.where(eq(vergaderingGenodigden.vergaderingId, v.id))
				).map((r) => r.id)
			);
			const toe = (await tafelLeden(ctx.tx, tafel.id)).filter((l) => !al.has(l.userId));
			if (toe.length > 0) {
				await ctx.tx
					.insert(vergaderingGenodigden)
					.values(toe.map((l) => ({ vergaderingId: v.id, ...l })));
			}
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'genodigden-bijgewerkt',
				after: { toegevoegd: toe.map((l) => l.naam) }
			});
			if (toe.length > 0) {
				await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v.id, wat: 'aanwezigheid' });
			}
			return { ok: true as const, toegevoegd: toe.length };
		})
	);
}

/** Members of the table not (yet) on the meeting's list of invited. */
export async function nietUitgenodigd(tafelId: number, vergaderingId: number): Promise<number> {
	const [r] = await db()
		.select({ n: count() })
		.from(regietafelLeden)
		.innerJoin(users, eq(users.id, regietafelLeden.userId))
		.where(
			and(
				eq(regietafelLeden.regietafelId, tafelId),
				eq(users.actief, true),
				notInArray(
					regietafelLeden.userId,
					db()
						.select({ id: vergaderingGenodigden.userId })
						.from(vergaderingGenodigden)
						.where(eq(vergaderingGenodigden.vergaderingId, vergaderingId))
				)
			)
		);
	return Number(r?.n ?? 0);
}

export async function voegGastToe(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	gast: GastInvoer
): Promise<{ ok: true; id: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			const [g] = await ctx.tx
				.insert(vergaderingGasten)
				.values({ vergaderingId: v.id, ...gast })
				.returning({ id: vergaderingGasten.id });
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'gast-toegevoegd',
				after: { id: g!.id, ...gast }
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v.id, wat: 'aanwezigheid' });
			return { ok: true as const, id: g!.id };
		})
	);
}

export async function verwijderGast(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	gastId: number
): Promise<{ ok: true } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.bewerken', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			const [g] = await ctx.tx
				.delete(vergaderingGasten)
				.where(and(eq(vergaderingGasten.id, gastId), eq(vergaderingGasten.vergaderingId, v.id)))
				.returning();
			if (!g) {
				throw new Geweigerd(weiger('NIET_GEVONDEN', 'Deze gast staat niet (meer) op de lijst.'));
			}
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'gast-verwijderd',
				before: g
			});
			await publiceerGewijzigd(ctx, tafel.id, { vergaderingId: v.id, wat: 'aanwezigheid' });
			return { ok: true as const };
		})
	);
}

// ---------------------------------------------------------------------------------------------
// Running the meeting: the shared screen
// ---------------------------------------------------------------------------------------------

/**
 * Starts or ends the meeting. Starting puts the first agendapunt on the shared screen; only one
 * meeting of a table runs at a time (kiosk screens show "the" running meeting).
 */
export async function wijzigVergaderingStatus(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	actie: VergaderingActie
): Promise<{ ok: true; status: VergaderingStatus } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.leiden', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			const nieuw = volgendeVergaderingStatus(v.status, actie);
			if (!nieuw) {
				throw new Geweigerd(
					weiger(
						'STATUS',
						actie === 'starten'
							? v.status === 'bezig'
								? 'Deze vergadering is al begonnen.'
								: 'Deze vergadering is afgerond en kan niet opnieuw beginnen.'
							: 'Alleen een vergadering die bezig is kan worden afgerond.'
					)
				);
			}
			const nu = new Date();
			let set: Partial<typeof vergaderingen.$inferInsert>;
			if (nieuw === 'bezig') {
				const [ander] = await ctx.tx
					.select({ id: vergaderingen.id, datum: vergaderingen.datum })
					.from(vergaderingen)
					.where(and(eq(vergaderingen.regietafelId, tafel.id), eq(vergaderingen.status, 'bezig')))
					.for('update');
				if (ander) {
					throw new Geweigerd(
						weiger(
							'AL_BEZIG',
							'Er loopt al een andere vergadering van deze tafel. Rond die eerst af.'
						)
					);
				}
				const [eerste] = await agendaIds(ctx.tx, v.id);
				set = {
					status: nieuw,
					gestartAt: nu,
					huidigAgendapuntId: eerste ?? null,
					huidigSinds: eerste ? nu : null
				};
			} else {
				set = { status: nieuw, afgerondAt: nu, huidigAgendapuntId: null, huidigSinds: null };
			}
			const [rij] = await ctx.tx
				.update(vergaderingen)
				.set(set)
				.where(eq(vergaderingen.id, v.id))
				.returning();
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: nieuw === 'bezig' ? 'gestart' : 'afgerond',
				before: { status: v.status },
				after: { status: nieuw, huidigAgendapuntId: rij!.huidigAgendapuntId }
			});
			await publiceerScherm(ctx, tafel.id, rij!);
			return { ok: true as const, status: nieuw };
		})
	);
}

/**
 * Puts an agendapunt on the shared screen of the running meeting. Choosing the one that is
 * already current changes nothing (its clock keeps running).
 */
export async function zetHuidigAgendapunt(
	wie: Wie,
	tafel: RegietafelRef,
	vergaderingId: number,
	agendapuntId: number
): Promise<{ ok: true; huidigAgendapuntId: number } | Weigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'vergadering.leiden', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			if (v.status !== 'bezig') {
				throw new Geweigerd(
					weiger(
						'STATUS',
						v.status === 'gepland'
							? 'Start eerst de vergadering; daarna kiest u het agendapunt op het gedeelde scherm.'
							: 'Deze vergadering is afgerond.'
					)
				);
			}
			const p = await agendapuntVan(ctx, v.id, agendapuntId);
			const zelfde = v.huidigAgendapuntId === p.id;
			const [rij] = zelfde
				? [v]
				: await ctx.tx
						.update(vergaderingen)
						.set({ huidigAgendapuntId: p.id, huidigSinds: new Date() })
						.where(eq(vergaderingen.id, v.id))
						.returning();
			await ctx.audit({
				entity: 'vergadering',
				entityId: v.id,
				action: 'huidig-agendapunt',
				before: { huidigAgendapuntId: v.huidigAgendapuntId },
				after: { huidigAgendapuntId: p.id, titel: p.titel }
			});
			if (!zelfde) await publiceerScherm(ctx, tafel.id, rij!);
			return { ok: true as const, huidigAgendapuntId: p.id };
		})
	);
}
