import { and, desc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { db } from '../db';
import { auditLog, gemeenten, regioGemeenten, regios } from '../db/schema';

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
