import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import {
	auditLog,
	beleidsversies,
	beoordelingen,
	besluiten,
	imports,
	realisatiecijfers,
	realtimeGebeurtenissen,
	taakstellingen
} from '../../src/lib/server/db/schema';
import { importeerTaakstellingen } from '../../src/lib/server/services/taakstellingen';
import { importeerRealisatie } from '../../src/lib/server/services/realisatie';
import { mutate, SYSTEEM } from '../../src/lib/server/mutatie';
import { currentSeq } from '../../src/lib/server/realtime/publish';
import {
	herberekenBeoordelingen,
	herberekenProvincie,
	tijdlijn
} from '../../src/lib/server/services/beoordelingen';
import { auditActor, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;
let importId: number;

const maand = (gemeenteCode: string, m: string, gehuisvest: number, koppelingen = 100) => ({
	gemeenteCode,
	maand: m,
	periode: Number(m.slice(5)) <= 6 ? `${m.slice(0, 4)}-I` : `${m.slice(0, 4)}-II`,
	gehuisvest,
	koppelingen,
	omkoppelingen: 0,
	stapelgemeente: false
});

beforeAll(async () => {
	t = await testDatabase();
	const [imp] = await t.db
		.insert(imports)
		.values({
			soort: 'taakstelling',
			bestandsnaam: 'test',
			sha256: 'x',
			rijen: 2,
			doorLabel: 'test'
		})
		.returning();
	importId = imp!.id;
	await t.db.insert(taakstellingen).values([
		{ periode: '2026-I', gemeenteCode: 'GM0518', aantal: 100, bron: 'import', importId },
		{ periode: '2026-I', gemeenteCode: 'GM0599', aantal: 200, bron: 'import', importId }
	]);
	await t.db
		.insert(realisatiecijfers)
		.values(
			[
				maand('GM0518', '2026-03', 20),
				maand('GM0518', '2026-06', 60),
				maand('GM0599', '2026-03', 120),
				maand('GM0599', '2026-06', 210)
			].map((r) => ({ ...r, importId }))
		);
});
afterAll(async () => {
	await t?.close();
});

describe('stored assessments', () => {
	it('computes, stores and explains the standing of every gemeente with data', async () => {
		const seqVoor = await currentSeq(t.db, 'provincie:PV28');
		const r = await herberekenProvincie(SYSTEEM, 'PV28');
		expect(r.get('PV28')?.sort()).toEqual(['GM0518', 'GM0599']);
		const denHaag = await tijdlijn(t.db, 'GM0518');
		expect(denHaag.map((s) => [s.peildatum, s.kind, s.trede])).toEqual([
			['2026-04-01', 'midpoint', '1'],
			['2026-07-01', 'end', '2']
		]);
		expect((denHaag[1]!.resultaat as { toelichting: string }).toelichting).toContain(
			'De achterstand van 40'
		);
		const rotterdam = await tijdlijn(t.db, 'GM0599');
		expect(rotterdam.at(-1)?.trede).toBe('0');
		// One event to the provincie room, after commit.
		expect(await currentSeq(t.db, 'provincie:PV28')).toBe(seqVoor + 1);
	});

	it('changes nothing and publishes nothing when the data did not change', async () => {
		const seqVoor = await currentSeq(t.db, 'provincie:PV28');
		const rijenVoor = await t.db.select().from(beoordelingen);
		const r = await herberekenProvincie(SYSTEEM, 'PV28');
		expect(r.size).toBe(0);
		expect(await currentSeq(t.db, 'provincie:PV28')).toBe(seqVoor);
		expect((await t.db.select().from(beoordelingen)).map((b) => b.id).sort()).toEqual(
			rijenVoor.map((b) => b.id).sort()
		);
		const [laatste] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
		expect(laatste).toMatchObject({ entity: 'beoordelingen', action: 'herberekend-ongewijzigd' });
	});

	it('follows a decision: the next peildatum starts from the decided trede', async () => {
		await mutate(SYSTEEM, async (ctx) => {
			await ctx.tx.insert(besluiten).values({
				gemeenteCode: 'GM0518',
				periode: '2026-I',
				kind: 'midpoint',
				trede: '3A',
				motivatie: 'Bestuurlijk overleg gaf aanleiding tot actief toezicht.',
				doorLabel: 'test'
			});
			await ctx.audit({ entity: 'besluit', entityId: 'GM0518', action: 'vastgelegd' });
			await herberekenBeoordelingen(ctx, ['GM0518']);
		});
		const s = await tijdlijn(t.db, 'GM0518');
		expect(s[0]).toMatchObject({ tredeRegel: '1', trede: '3A' });
		expect(s[0]!.besluit?.motivatie).toContain('Bestuurlijk overleg');
		expect(s[1]).toMatchObject({ tredeRegel: '3B', trede: '3B' });
	});

	it("applies the provincie's policy version for the period", async () => {
		await t.db.insert(beleidsversies).values({
			provincieCode: 'PV28',
			vanaf: '2026-I',
			versie: 1,
			beleid: {
				midpointThreshold: 0.2,
				notRising: [],
				disregardOmkoppelingen: false,
				huurcontractenOnlyWhenNeeded: true
			},
			doorLabel: 'test'
		});
		await herberekenProvincie(SYSTEEM, 'PV28');
		const [midden] = await t.db
			.select()
			.from(beoordelingen)
			.where(and(eq(beoordelingen.gemeenteCode, 'GM0518'), eq(beoordelingen.kind, 'midpoint')));
		// 20 of a minimum of 50 is 40 %: op schema at a threshold of 20 %.
		expect(midden).toMatchObject({ kind: 'midpoint', tredeNa: '0' });
		expect(midden!.beleidsversieId).not.toBeNull();
	});
});

describe('imports recompute standings in their own transaction', () => {
	let s: TestDatabase;
	beforeAll(async () => {
		await t.close();
		s = await testDatabase();
	});
	afterAll(async () => {
		await s?.close();
	});

	it('a taakstelling list and a month of COA figures give midpoint standings, live', async () => {
		const actor = await auditActor(s.db, 'toezicht@regietafel.test');
		const bestand = (pad: string) => ({
			naam: path.basename(pad),
			inhoud: new Uint8Array(readFileSync(pad))
		});
		const tk = await importeerTaakstellingen(
			actor,
			bestand('tests/fixtures/imports/taakstelling-2026-I.csv'),
			'2026-I'
		);
		expect(tk.status).toBe('geimporteerd');
		// No COA figures yet: nothing to assess.
		expect(await tijdlijn(s.db, 'GM0518')).toEqual([]);
		const seqVoor = await currentSeq(s.db, 'provincie:PV28');
		const rs = await importeerRealisatie(
			actor,
			bestand('tests/fixtures/imports/realisatie-2026-03.csv')
		);
		expect(rs.status).toBe('geimporteerd');
		// 's-Gravenhage: taakstelling 274, minimum 137, 100 housed by the end of March.
		const [midden] = await tijdlijn(s.db, 'GM0518');
		expect(midden).toMatchObject({ peildatum: '2026-04-01', kind: 'midpoint', trede: '1' });
		expect((midden!.resultaat as { minimum: number }).minimum).toBe(137);
		// realisatie.gewijzigd and beoordelingen.gewijzigd, both after the one commit.
		const events = await s.db
			.select({ type: realtimeGebeurtenissen.type })
			.from(realtimeGebeurtenissen)
			.where(
				and(
					eq(realtimeGebeurtenissen.kamer, 'provincie:PV28'),
					gt(realtimeGebeurtenissen.seq, seqVoor)
				)
			)
			.orderBy(asc(realtimeGebeurtenissen.seq));
		expect(events.map((e) => e.type)).toEqual(['realisatie.gewijzigd', 'beoordelingen.gewijzigd']);
	});
});
