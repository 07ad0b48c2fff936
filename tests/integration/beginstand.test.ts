import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import {
	auditLog,
	beginstanden,
	beoordelingen,
	imports,
	realisatiecijfers,
	realtimeGebeurtenissen,
	taakstellingen
} from '../../src/lib/server/db/schema';
import { loadActor } from '../../src/lib/server/auth/actor';
import { herberekenProvincie, tijdlijn } from '../../src/lib/server/services/beoordelingen';
import {
	beginstandHistorie,
	eerstePeriode,
	legBeginstandVast
} from '../../src/lib/server/services/beginstanden';
import { provincieOverzicht } from '../../src/lib/server/services/overzicht';
import { SYSTEEM } from '../../src/lib/server/mutatie';
import { currentSeq } from '../../src/lib/server/realtime/publish';
import { auditActor, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;

/** The actor pair the route passes: the authorization actor and the audit actor. */
async function persoon(email: string) {
	const door = await auditActor(t.db, email);
	return { actor: await loadActor(t.db, door.userId), door };
}

interface Resultaat {
	tredeVoor: string;
	tredeNa: string;
	opgave: number;
	saldoVorigePeriode: number;
	minimum?: number;
	saldo?: number;
	redenen: string[];
}
async function standen(code: string) {
	return (await tijdlijn(t.db, code)).map((s) => ({
		kind: s.kind,
		trede: s.trede,
		...(s.resultaat as Resultaat)
	}));
}

async function tellingen() {
	const [audit] = await t.db.select({ n: count() }).from(auditLog);
	return {
		beginstanden: await rowCount(t.db, beginstanden),
		audit: Number(audit?.n ?? 0),
		events: await rowCount(t.db, realtimeGebeurtenissen),
		beoordelingen: JSON.stringify(
			await t.db.select().from(beoordelingen).orderBy(asc(beoordelingen.id))
		)
	};
}

beforeAll(async () => {
	t = await testDatabase();
	const [imp] = await t.db
		.insert(imports)
		.values({ soort: 'taakstelling', bestandsnaam: 'test', sha256: 'x', rijen: 1, doorLabel: 't' })
		.returning();
	const importId = imp!.id;
	// 's-Gravenhage, 2026-I: taakstelling 100; 20 housed by the end of March (minimum 50: niet op
	// schema), 60 by the end of June.
	await t.db
		.insert(taakstellingen)
		.values({ periode: '2026-I', gemeenteCode: 'GM0518', aantal: 100, bron: 'import', importId });
	await t.db.insert(realisatiecijfers).values(
		[
			['2026-03', 20],
			['2026-06', 60]
		].map(([maand, gehuisvest]) => ({
			gemeenteCode: 'GM0518',
			maand: maand as string,
			periode: '2026-I',
			gehuisvest: gehuisvest as number,
			koppelingen: 100,
			omkoppelingen: 0,
			stapelgemeente: false,
			importId
		}))
	);
	await herberekenProvincie(SYSTEEM, 'PV28');
});
afterAll(async () => {
	await t?.close();
});

describe('stand bij aanvang (beginstand)', () => {
	it('without one the engine starts at trede 0 with saldo 0', async () => {
		expect(await beginstandHistorie(t.db, 'GM0518')).toEqual([]);
		expect(await standen('GM0518')).toMatchObject([
			{ kind: 'midpoint', tredeVoor: '0', tredeNa: '1', saldoVorigePeriode: 0, opgave: 100 },
			{ kind: 'end', tredeVoor: '1', tredeNa: '2', opgave: 100, saldo: -40 }
		]);
	});

	it('a toezichthouder records trede 2 and −10: stored, audited, recomputed and published in one step', async () => {
		const { actor, door } = await persoon('toezicht@regietafel.test');
		const seqVoor = await currentSeq(t.db, 'provincie:PV28');
		const r = await legBeginstandVast(actor, door, 'GM0518', {
			trede: '2',
			saldo: '−10',
			bron: 'Toezichtbrief 1 januari 2026, kenmerk PZH-2026-0001'
		});
		expect(r).toMatchObject({ ok: true, beginstand: { trede: '2', saldo: -10 } });

		const [rij] = await t.db.select().from(beginstanden);
		expect(rij).toMatchObject({
			gemeenteCode: 'GM0518',
			trede: '2',
			saldo: -10,
			bron: 'Toezichtbrief 1 januari 2026, kenmerk PZH-2026-0001',
			door: door.userId,
			doorLabel: door.label
		});
		const audit = await t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entity, 'beginstand'))
			.orderBy(desc(auditLog.id));
		expect(audit[0]).toMatchObject({
			actorUserId: door.userId,
			entityId: 'GM0518',
			action: 'vastgelegd',
			before: null
		});
		expect(audit[0]!.after).toMatchObject({ trede: '2', saldo: -10 });

		// Start trede 2 and niet op schema at the midpoint: stays 2 (from trede 2 up, unchanged);
		// the achterstand of 10 raises the opgave from 100 to 110 (minimum 55).
		expect(await standen('GM0518')).toMatchObject([
			{
				kind: 'midpoint',
				tredeVoor: '2',
				tredeNa: '2',
				saldoVorigePeriode: -10,
				opgave: 110,
				minimum: 55,
				redenen: expect.arrayContaining(['niet-op-schema', 'trede-blijft-vanaf-2'])
			},
			{ kind: 'end', tredeVoor: '2', tredeNa: '3A', opgave: 110, saldo: -50 }
		]);
		const events = await t.db
			.select({ type: realtimeGebeurtenissen.type, payload: realtimeGebeurtenissen.payload })
			.from(realtimeGebeurtenissen)
			.where(
				and(
					eq(realtimeGebeurtenissen.kamer, 'provincie:PV28'),
					gt(realtimeGebeurtenissen.seq, seqVoor)
				)
			)
			.orderBy(asc(realtimeGebeurtenissen.seq));
		expect(events).toEqual([
			{ type: 'beoordelingen.gewijzigd', payload: { gemeenten: ['GM0518'] } },
			{ type: 'beginstand.vastgelegd', payload: { gemeenten: ['GM0518'] } }
		]);
		// The province overview carries the same opgave as the assessment.
		const overzicht = await provincieOverzicht('PV28', '2026-I');
		expect(overzicht.rijen.find((x) => x.gemeenteCode === 'GM0518')).toMatchObject({
			opgave: 110,
			trede: '3A'
		});
	});

	it('the newest counts; the older one stays as history', async () => {
		const { actor, door } = await persoon('toezicht@regietafel.test');
		const r = await legBeginstandVast(actor, door, 'GM0518', {
			trede: '1',
			saldo: '+5',
			bron: 'Gecorrigeerde toezichtbrief 15 januari 2026, kenmerk PZH-2026-0007'
		});
		expect(r.ok).toBe(true);
		expect((await beginstandHistorie(t.db, 'GM0518')).map((b) => [b.trede, b.saldo])).toEqual([
			['1', 5],
			['2', -10]
		]);
		expect(await standen('GM0518')).toMatchObject([
			{ kind: 'midpoint', tredeVoor: '1', tredeNa: '2', saldoVorigePeriode: 5, opgave: 95 },
			{ kind: 'end', tredeVoor: '2', opgave: 95, saldo: -35 }
		]);
		const [laatste] = await t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entity, 'beginstand'))
			.orderBy(desc(auditLog.id))
			.limit(1);
		expect(laatste!.before).toMatchObject({ trede: '2', saldo: -10 });
		expect(await eerstePeriode(t.db, 'GM0518')).toBe('2026-I');
	});

	it('a beginstand is never rewritten: the database refuses UPDATE and DELETE', async () => {
		await expect(
			t.db.execute(sql`update beginstanden set saldo = 0 where gemeente_code = 'GM0518'`)
		).rejects.toThrow();
		await expect(t.db.delete(beginstanden)).rejects.toThrow();
		expect(await rowCount(t.db, beginstanden)).toBe(2);
	});

	it.each([
		['a gemeente official', 'ambtenaar.denhaag@regietafel.test'],
		['a COA-regievoerder', 'coa@regietafel.test'],
		['a beheerder', 'beheerder@regietafel.test']
	])('refuses %s: nothing but an audit entry is written', async (_, email) => {
		const { actor, door } = await persoon(email);
		const voor = await tellingen();
		const r = await legBeginstandVast(actor, door, 'GM0518', {
			trede: '4',
			saldo: '-100',
			bron: 'Eigen inschatting van de gemeente'
		});
		expect(r).toMatchObject({ ok: false, reden: 'geen-recht' });
		const na = await tellingen();
		expect(na).toEqual({ ...voor, audit: voor.audit + 1 });
		const [laatste] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
		expect(laatste).toMatchObject({
			actorUserId: door.userId,
			entity: 'beginstand',
			action: 'geweigerd-geen-recht'
		});
	});

	it('invalid input writes nothing and says per field what is wrong, in Dutch', async () => {
		const { actor, door } = await persoon('toezicht@regietafel.test');
		const voor = await tellingen();
		const r = await legBeginstandVast(actor, door, 'GM0518', {
			trede: '7',
			saldo: '12,5',
			bron: '  '
		});
		expect(r).toEqual({
			ok: false,
			reden: 'ongeldig',
			fouten: {
				trede: 'Kies de trede bij aanvang.',
				saldo:
					'Vul het saldo in als geheel getal: + voor een voorsprong, − voor een achterstand (bijvoorbeeld −12), of 0.',
				bron: 'Vermeld de bron, bijvoorbeeld de toezichtbrief met datum en kenmerk.'
			}
		});
		const leeg = await legBeginstandVast(actor, door, 'GM0518', {
			trede: '1',
			saldo: '',
			bron: 'Toezichtbrief 1 januari 2026'
		});
		expect(leeg).toMatchObject({
			ok: false,
			fouten: { saldo: 'Vul het saldo in (0 als er geen achterstand of voorsprong was).' }
		});
		expect(await tellingen()).toEqual(voor);
	});

	it('an unknown gemeente is refused without writing', async () => {
		const { actor, door } = await persoon('toezicht@regietafel.test');
		const voor = await tellingen();
		const r = await legBeginstandVast(actor, door, 'GM9999', {
			trede: '1',
			saldo: '0',
			bron: 'Toezichtbrief 1 januari 2026'
		});
		expect(r).toMatchObject({ ok: false, reden: 'onbekende-gemeente' });
		expect(await tellingen()).toEqual(voor);
	});

	it('before any taakstelling it is stored and shown in the overview as the trede bij aanvang', async () => {
		const { actor, door } = await persoon('toezicht@regietafel.test');
		const r = await legBeginstandVast(actor, door, 'GM0599', {
			trede: '3A',
			saldo: '-25',
			bron: 'Toezichtbrief 1 januari 2026, kenmerk PZH-2026-0002'
		});
		expect(r.ok).toBe(true);
		expect(await tijdlijn(t.db, 'GM0599')).toEqual([]);
		const rij = (await provincieOverzicht('PV28', '2026-I')).rijen.find(
			(x) => x.gemeenteCode === 'GM0599'
		);
		expect(rij).toMatchObject({ trede: '3A', tredeIsBeginstand: true, peildatum: null });
	});
});
