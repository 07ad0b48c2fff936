import { and, asc, desc, eq, inArray, ne, or } from 'drizzle-orm';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { db } from '../db';
import {
	auditLog,
	gemeenten,
	herverdelingGemeenten,
	herverdelingen,
	regioGemeenten,
	regios
} from '../db/schema';

export interface MijnGemeente {
	code: string;
	naam: string;
	jaar: number;
	regios: { naam: string; type: string }[];
}

/** The user's own gemeente(n) (gemeente-ambtenaar/-bestuurder/medewerker), latest year. */
export async function mijnGemeenten(
	actor: Extract<Actor, { soort: 'gebruiker' }>
): Promise<MijnGemeente[]> {
	const codes = [
		...new Set(actor.rollen.map((r) => r.gemeenteCode).filter((c): c is string => !!c))
	];
	if (codes.length === 0) return [];
	const rows = await db()
		.select({
			code: gemeenten.code,
			naam: gemeenten.naam,
			jaar: gemeenten.jaar,
			regio: regios.naam,
			type: regios.type
		})
		.from(gemeenten)
		.leftJoin(
			regioGemeenten,
			and(eq(regioGemeenten.gemeenteCode, gemeenten.code), eq(regioGemeenten.jaar, gemeenten.jaar))
		)
		.leftJoin(regios, eq(regioGemeenten.regioId, regios.id))
		.where(inArray(gemeenten.code, codes))
		.orderBy(desc(gemeenten.jaar));
	const per = new Map<string, MijnGemeente>();
	for (const r of rows) {
		const g = per.get(r.code);
		if (g && g.jaar !== r.jaar) continue; // keep only the latest year
		const item = g ?? { code: r.code, naam: r.naam, jaar: r.jaar, regios: [] };
		if (r.regio && r.type) item.regios.push({ naam: r.regio, type: r.type });
		per.set(r.code, item);
	}
	return [...per.values()];
}

export interface Activiteit {
	id: number;
	at: Date;
	wie: string;
	entity: string;
	entityId: string;
	action: string;
}

/**
 * Recent activity the user may see: changes on their tables (mededelingen, leden) and their own
 * account; a beheerder sees everything.
 */
export async function recenteActiviteit(
	actor: Extract<Actor, { soort: 'gebruiker' }>,
	limit = 12
): Promise<Activiteit[]> {
	const beheerder = actor.rollen.some((r) => r.rol === 'beheerder');
	const tafelIds = actor.tafels.map((t) => String(t.regietafelId));
	// Logins and logouts are in the audit log for security, but they are noise on a home page.
	const zichtbaar = ne(auditLog.entity, 'sessie');
	const filter = beheerder
		? zichtbaar
		: and(
				zichtbaar,
				or(
					eq(auditLog.actorUserId, actor.userId),
					tafelIds.length
						? and(eq(auditLog.entity, 'regietafel'), inArray(auditLog.entityId, tafelIds))
						: undefined
				)
			);
	return db()
		.select({
			id: auditLog.id,
			at: auditLog.at,
			wie: auditLog.actorLabel,
			entity: auditLog.entity,
			entityId: auditLog.entityId,
			action: auditLog.action
		})
		.from(auditLog)
		.where(filter)
		.orderBy(desc(auditLog.id))
		.limit(limit);
}

export interface WachtOpAkkoord {
	id: number;
	periode: string;
	doorLabel: string;
	gewijzigdAt: Date;
	/** The gemeenten of this person whose college's akkoord is asked. */
	voor: { code: string; naam: string }[];
	gemeenten: { code: string; naam: string; wijziging: number }[];
}

/** The gemeenten for which this person decides on behalf of the college (gemeente-bestuurder). */
export function bestuurderVan(actor: Extract<Actor, { soort: 'gebruiker' }>) {
	return actor.rollen
		.filter((r) => r.rol === 'gemeente-bestuurder' && r.gemeenteCode && r.provincieCode)
		.map((r) => ({ code: r.gemeenteCode!, provincieCode: r.provincieCode! }))
		.filter((g) => mag(actor, { actie: 'gemeente.besluiten', gemeente: g }));
}

/**
 * Herverdelingsvoorstellen that wait for this bestuurder's akkoord: ingediend, with an open
 * reaction for one of their gemeenten. Newest change first.
 */
export async function wachtOpMijnAkkoord(
	actor: Extract<Actor, { soort: 'gebruiker' }>
): Promise<WachtOpAkkoord[]> {
	const mijn = bestuurderVan(actor).map((g) => g.code);
	if (mijn.length === 0) return [];
	const open = await db()
		.select({ id: herverdelingGemeenten.herverdelingId, code: herverdelingGemeenten.gemeenteCode })
		.from(herverdelingGemeenten)
		.innerJoin(herverdelingen, eq(herverdelingen.id, herverdelingGemeenten.herverdelingId))
		.where(
			and(
				eq(herverdelingen.status, 'ingediend'),
				eq(herverdelingGemeenten.reactie, 'open'),
				inArray(herverdelingGemeenten.gemeenteCode, mijn)
			)
		);
	if (open.length === 0) return [];
	const ids = [...new Set(open.map((o) => o.id))];
	const [hvs, rijen] = await Promise.all([
		db()
			.select()
			.from(herverdelingen)
			.where(inArray(herverdelingen.id, ids))
			.orderBy(desc(herverdelingen.gewijzigdAt)),
		db()
			.select()
			.from(herverdelingGemeenten)
			.where(inArray(herverdelingGemeenten.herverdelingId, ids))
			.orderBy(asc(herverdelingGemeenten.gemeenteCode))
	]);
	const namenRijen = await db()
		.select({ code: gemeenten.code, naam: gemeenten.naam })
		.from(gemeenten)
		.where(inArray(gemeenten.code, [...new Set(rijen.map((r) => r.gemeenteCode))]))
		.orderBy(asc(gemeenten.jaar));
	const naam = new Map(namenRijen.map((r) => [r.code, r.naam]));
	return hvs.map((hv) => ({
		id: hv.id,
		periode: hv.periode,
		doorLabel: hv.doorLabel,
		gewijzigdAt: hv.gewijzigdAt,
		voor: open
			.filter((o) => o.id === hv.id)
			.map((o) => ({ code: o.code, naam: naam.get(o.code) ?? o.code })),
		gemeenten: rijen
			.filter((r) => r.herverdelingId === hv.id)
			.map((r) => ({
				code: r.gemeenteCode,
				naam: naam.get(r.gemeenteCode) ?? r.gemeenteCode,
				wijziging: r.wijziging
			}))
	}));
}

/**
 * The provincie rooms where a gemeente official hears about herverdelingen of their gemeenten
 * (akkoord asked): the rooms of their gemeenten's provincies that they may follow.
 */
export function gemeenteKamers(actor: Actor): { kamers: string[]; gemeenten: string[] } {
	if (actor.soort !== 'gebruiker') return { kamers: [], gemeenten: [] };
	const rollen = actor.rollen.filter(
		(r) =>
			(r.rol === 'gemeente-ambtenaar' || r.rol === 'gemeente-bestuurder') &&
			r.gemeenteCode &&
			r.provincieCode
	);
	const kamers = [...new Set(rollen.map((r) => r.provincieCode!))]
		.filter((code) => mag(actor, { actie: 'kamer.volgen', kamer: { soort: 'provincie', code } }))
		.sort()
		.map((code) => kamerNaam({ soort: 'provincie', code }));
	return { kamers, gemeenten: [...new Set(rollen.map((r) => r.gemeenteCode!))].sort() };
}
