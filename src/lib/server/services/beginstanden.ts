/**
 * "Stand bij aanvang" (issue 3): the trede and the carried saldo a gemeente had when it entered
 * the portal, with their source. The engine starts the gemeente's first period with a
 * taakstelling from it instead of trede 0 and saldo 0.
 */
import { desc, eq, min } from 'drizzle-orm';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { isTrede, type Trede } from '$lib/domain/ladder/trede';
import { beginstandSchema, type BeginstandInvoer } from '$lib/schemas/beginstand';
import { db, type Executor } from '../db';
import { beginstanden, gemeenten, taakstellingen } from '../db/schema';
import { mutate, type AuditActor } from '../mutatie';
import { herberekenBeoordelingen } from './beoordelingen';

export interface BeginstandRij {
	id: number;
	trede: Trede;
	saldo: number;
	bron: string;
	door: string;
	at: Date;
}

export type BeginstandVeld = keyof BeginstandInvoer | 'algemeen';

export type BeginstandResultaat =
	| { ok: true; beginstand: BeginstandRij }
	| {
			ok: false;
			reden: 'ongeldig' | 'onbekende-gemeente' | 'geen-recht';
			fouten: Partial<Record<BeginstandVeld, string>>;
	  };

/** Every recorded beginstand of a gemeente, newest (the one that counts) first. */
export async function beginstandHistorie(
	ex: Executor,
	gemeenteCode: string
): Promise<BeginstandRij[]> {
	const rows = await ex
		.select()
		.from(beginstanden)
		.where(eq(beginstanden.gemeenteCode, gemeenteCode))
		.orderBy(desc(beginstanden.id));
	return rows.flatMap((r) =>
		isTrede(r.trede)
			? [{ id: r.id, trede: r.trede, saldo: r.saldo, bron: r.bron, door: r.doorLabel, at: r.at }]
			: []
	);
}

/** The first period with a taakstelling: the one the beginstand is carried into (or null). */
export async function eerstePeriode(ex: Executor, gemeenteCode: string): Promise<string | null> {
	// 'YYYY-I' < 'YYYY-II' < 'YYYY+1-I' as text, so min() is the earliest period.
	const [r] = await ex
		.select({ p: min(taakstellingen.periode) })
		.from(taakstellingen)
		.where(eq(taakstellingen.gemeenteCode, gemeenteCode));
	return r?.p ?? null;
}

/**
 * Records a gemeente's beginstand: only a toezichthouder of its provincie, only valid input. One
 * transaction: the row, its audit entry, the recomputed assessments of that gemeente, and an
 * event in the provincie room (also when no assessment changed, e.g. before any taakstelling).
 * A refusal for lack of rights writes only an audit entry; invalid input writes nothing.
 */
export async function legBeginstandVast(
	actor: Actor,
	door: AuditActor,
	gemeenteCode: string,
	invoer: unknown
): Promise<BeginstandResultaat> {
	const [g] = await db()
		.select({ provincieCode: gemeenten.provincieCode })
		.from(gemeenten)
		.where(eq(gemeenten.code, gemeenteCode))
		.orderBy(desc(gemeenten.jaar))
		.limit(1);
	if (!g) {
		return {
			ok: false,
			reden: 'onbekende-gemeente',
			fouten: { algemeen: 'Deze gemeente is niet bekend.' }
		};
	}
	// Rights first: someone without them learns nothing from validation messages.
	if (!mag(actor, { actie: 'toezicht.beoordelen', provincieCode: g.provincieCode })) {
		await mutate(door, (ctx) =>
			ctx.audit({ entity: 'beginstand', entityId: gemeenteCode, action: 'geweigerd-geen-recht' })
		);
		return {
			ok: false,
			reden: 'geen-recht',
			fouten: {
				algemeen: 'Alleen een toezichthouder van de provincie legt de stand bij aanvang vast.'
			}
		};
	}
	const parsed = beginstandSchema.safeParse(invoer);
	if (!parsed.success) {
		const fouten: Partial<Record<BeginstandVeld, string>> = {};
		for (const i of parsed.error.issues) {
			const veld = String(i.path[0] ?? 'algemeen') as BeginstandVeld;
			fouten[veld] ??= i.message;
		}
		return { ok: false, reden: 'ongeldig', fouten };
	}
	const b = parsed.data;
	return mutate(door, async (ctx) => {
		const [vorige] = await ctx.tx
			.select()
			.from(beginstanden)
			.where(eq(beginstanden.gemeenteCode, gemeenteCode))
			.orderBy(desc(beginstanden.id))
			.limit(1);
		const [rij] = await ctx.tx
			.insert(beginstanden)
			.values({
				gemeenteCode,
				trede: b.trede,
				saldo: b.saldo,
				bron: b.bron,
				door: door.userId,
				doorLabel: door.label
			})
			.returning();
		await ctx.audit({
			entity: 'beginstand',
			entityId: gemeenteCode,
			action: 'vastgelegd',
			before: vorige ? { trede: vorige.trede, saldo: vorige.saldo, bron: vorige.bron } : null,
			after: rij
		});
		// The assessments of this gemeente start from the new standing, in the same transaction.
		await herberekenBeoordelingen(ctx, [gemeenteCode]);
		await ctx.publish(
			kamerNaam({ soort: 'provincie', code: g.provincieCode }),
			'beginstand.vastgelegd',
			{ gemeenten: [gemeenteCode] }
		);
		return {
			ok: true,
			beginstand: {
				id: rij!.id,
				trede: b.trede,
				saldo: rij!.saldo,
				bron: rij!.bron,
				door: rij!.doorLabel,
				at: rij!.at
			}
		} as const;
	});
}
