/** The demo's synthetic PRT meetings: a past one with afspraken and the next one that follows up. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { isVerlopen } from '../../src/lib/domain/vergadering/actiepunten';
import { presentielijst } from '../../src/lib/domain/vergadering/presentie';
import { auditLog, vergaderingen } from '../../src/lib/server/db/schema';
import { laadDemoVergaderingen } from '../../src/lib/server/seed/demo-vergaderingen';
import {
	actiepuntenVanVergadering,
	mijnActiepunten,
	openActiepuntenVoor
} from '../../src/lib/server/services/actiepunten';
import {
	haalAgenda,
	haalGasten,
	haalGenodigden
} from '../../src/lib/server/services/vergaderingen';
import { testDatabase, userByEmail, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;
const NU = new Date('2026-11-22T10:00:00Z');

beforeAll(async () => {
	t = await testDatabase();
});
afterAll(async () => {
	await t?.close();
});

describe('demovergaderingen', () => {
	it('loads a past and a next PRT meeting once, dated around today', async () => {
		expect(await laadDemoVergaderingen(1, NU)).toBe(true);
		expect(await laadDemoVergaderingen(1, NU)).toBe(false);
		const lijst = await t.db.select().from(vergaderingen).orderBy(asc(vergaderingen.datum));
		expect(lijst.map((v) => [v.regietafelId, v.datum, v.status])).toEqual([
			[1, '2026-10-15', 'afgerond'],
			[1, '2026-12-10', 'gepland']
		]);
		const audit = await t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entityId, 'zuid-holland-vergaderingen'));
		expect(audit).toHaveLength(1);
	});

	it('the past meeting has attendance, a guest and afspraken, one of them overdue', async () => {
		const [oud] = await t.db
			.select()
			.from(vergaderingen)
			.where(eq(vergaderingen.status, 'afgerond'));
		const lijst = presentielijst(
			await haalGenodigden(t.db, oud!.id),
			await haalGasten(t.db, oud!.id)
		);
		expect(lijst.aanwezig.map((a) => a.naam)).toContain('Eva Jansen (demo)');
		expect(lijst.afwezig.map((a) => a.naam)).toEqual(['Bart Jansen', 'Daan Visser']);
		expect(lijst.gasten.map((g) => g.naam)).toEqual(['Mila Kok (demo)']);
		const afspraken = await actiepuntenVanVergadering(t.db, oud!.id);
		expect(afspraken).toHaveLength(4);
		expect(afspraken.filter((a) => isVerlopen(a, '2026-11-22'))).toHaveLength(1);
		expect((await haalAgenda(t.db, oud!.id))[0]!.omschrijving).toContain('verzonnen');
	});

	it('the next meeting lists the open ones, and Daan Visser has one of his own', async () => {
		const [nieuw] = await t.db
			.select()
			.from(vergaderingen)
			.where(eq(vergaderingen.status, 'gepland'));
		const punt = (await haalAgenda(t.db, nieuw!.id)).find((p) => p.type === 'actiepunten')!;
		expect(punt.omschrijving).toBe('3 open actiepunten; zie de lijst.');
		expect(await openActiepuntenVoor(t.db, 1, nieuw!, '2026-11-22')).toHaveLength(3);
		const daan = await userByEmail(t.db, 'deelnemer@regietafel.test');
		expect((await mijnActiepunten(daan.id, '2026-11-22')).map((a) => a.status)).toEqual(['open']);
	});
});
