import { and, desc, eq } from 'drizzle-orm';
import { kamerNaam } from '$lib/domain/autorisatie/rechten';
import type { BesluitInvoer } from '$lib/schemas/besluit';
import { beoordelingen, besluiten, gemeenten } from '../db/schema';
import { mutate, type AuditActor } from '../mutatie';
import { herberekenBeoordelingen } from './beoordelingen';

export type BesluitResultaat =
	{ ok: true } | { ok: false; veld: keyof BesluitInvoer | 'algemeen'; fout: string };

/**
 * Records a decision on a standing and recomputes what follows from it (the next peildata
 * start from the decided trede), in one transaction.
 */
export async function legBesluitVast(
	actor: AuditActor,
	gemeenteCode: string,
	b: BesluitInvoer
): Promise<BesluitResultaat> {
	return mutate(actor, async (ctx) => {
		const [oordeel] = await ctx.tx
			.select()
			.from(beoordelingen)
			.where(
				and(
					eq(beoordelingen.gemeenteCode, gemeenteCode),
					eq(beoordelingen.periode, b.periode),
					eq(beoordelingen.kind, b.kind)
				)
			);
		if (!oordeel) {
			await ctx.audit({
				entity: 'besluit',
				entityId: gemeenteCode,
				action: 'geweigerd-geen-beoordeling',
				after: b
			});
			return {
				ok: false,
				veld: 'algemeen',
				fout: 'Er is geen beoordeling voor deze peildatum (meer).'
			} as const;
		}
		if (b.trede !== oordeel.tredeNa && b.motivatie.length < 10) {
			await ctx.audit({
				entity: 'besluit',
				entityId: gemeenteCode,
				action: 'geweigerd-zonder-motivatie',
				after: b
			});
			return {
				ok: false,
				veld: 'motivatie',
				fout: `De regel komt uit op trede ${oordeel.tredeNa}; motiveer waarom u daarvan afwijkt.`
			} as const;
		}
		const [rij] = await ctx.tx
			.insert(besluiten)
			.values({
				gemeenteCode,
				periode: b.periode,
				kind: b.kind,
				trede: b.trede,
				datum: b.datum || null,
				kenmerk: b.kenmerk || null,
				motivatie: b.motivatie,
				door: actor.userId,
				doorLabel: actor.label
			})
			.returning();
		await ctx.audit({
			entity: 'besluit',
			entityId: gemeenteCode,
			action: 'vastgelegd',
			before: { tredeRegel: oordeel.tredeNa },
			after: rij
		});
		const gewijzigd = await herberekenBeoordelingen(ctx, [gemeenteCode]);
		// The standing changed even when no rule result did: tell the provincie room anyway.
		if (gewijzigd.size === 0) {
			const [g] = await ctx.tx
				.select({ p: gemeenten.provincieCode })
				.from(gemeenten)
				.where(eq(gemeenten.code, gemeenteCode))
				.orderBy(desc(gemeenten.jaar))
				.limit(1);
			if (g) {
				await ctx.publish(kamerNaam({ soort: 'provincie', code: g.p }), 'beoordelingen.gewijzigd', {
					gemeenten: [gemeenteCode]
				});
			}
		}
		return { ok: true } as const;
	});
}
