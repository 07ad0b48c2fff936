import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import {
	auditLog,
	gemeenten,
	kioskLinks,
	regioGemeenten,
	regietafels,
	regios,
	users
} from '../../src/lib/server/db/schema';
import { migrate } from '../../src/lib/server/db/migrate';
import {
	isEmpty,
	seedDemo,
	DEMO_GEBRUIKERS,
	DEMO_WACHTWOORD
} from '../../src/lib/server/seed/demo';
import { inloggen } from '../../src/lib/server/services/inloggen';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { validateKioskToken } from '../../src/lib/server/auth/kiosk';
import type { SeedResult } from '../../src/lib/server/seed/demo';
import { nieuwIp, queryRows, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';
import { testDbKind } from '../helpers/db';

let t: TestDatabase;
let seed: SeedResult;

beforeAll(async () => {
	t = await testDatabase({ seed: false });
});
afterAll(async () => {
	await t?.close();
});

describe(`migrations (${testDbKind()})`, () => {
	it('applies the migrations: every table exists and the database is empty', async () => {
		expect(t.kind).toBe(testDbKind());
		const rows = await queryRows<{ table_name: string }>(
			t.db,
			sql`select table_name from information_schema.tables where table_schema = 'public'`
		);
		const tables = rows.map((r) => r.table_name);
		expect(tables).toEqual(
			expect.arrayContaining([
				'audit_log',
				'bestanden',
				'gemeenten',
				'herverdeling_bijlagen',
				'herverdeling_gemeenten',
				'herverdelingen',
				'huurcontracten',
				'kiosk_links',
				'login_pogingen',
				'mededelingen',
				'memberships',
				'organisaties',
				'provincies',
				'realtime_gebeurtenissen',
				'realtime_kamers',
				'regietafel_leden',
				'regietafels',
				'regio_gemeenten',
				'regios',
				'sessions',
				'users'
			])
		);
		expect(await isEmpty(t.db)).toBe(true);
	});

	it('running the migrations again is a no-op', async () => {
		await migrate({ db: t.db, kind: t.kind, close: async () => {} });
		expect(await rowCount(t.db, users)).toBe(0);
	});
});

describe(`demo seed (${testDbKind()})`, () => {
	beforeAll(async () => {
		seed = await seedDemo();
	});

	it('seedDemo() loads the demo and writes one audit row', async () => {
		expect(seed.prtId).toBe(1);
		expect(await isEmpty(t.db)).toBe(false);
		const audit = await t.db.select().from(auditLog);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorUserId: null,
			actorLabel: 'systeem',
			entity: 'demo-data',
			entityId: 'zuid-holland',
			action: 'geladen',
			after: { gebruikers: DEMO_GEBRUIKERS.length }
		});
	});

	it('has the 50 gemeenten of Zuid-Holland for 2026', async () => {
		const [r] = await t.db
			.select({ n: count() })
			.from(gemeenten)
			.where(and(eq(gemeenten.jaar, 2026), eq(gemeenten.provincieCode, 'PV28')));
		expect(Number(r!.n)).toBe(50);
		expect(await rowCount(t.db, gemeenten)).toBe(50);
	});

	it("has the four veiligheidsregio's with 9/18/13/10 gemeenten", async () => {
		const rows = await t.db
			.select({ naam: regios.naam, code: regios.code, n: count(regioGemeenten.gemeenteCode) })
			.from(regios)
			.leftJoin(
				regioGemeenten,
				and(eq(regioGemeenten.regioId, regios.id), eq(regioGemeenten.jaar, 2026))
			)
			.where(eq(regios.type, 'veiligheidsregio'))
			.groupBy(regios.id, regios.naam, regios.code)
			.orderBy(asc(regios.naam));
		expect(rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([
			{ naam: 'Haaglanden', code: 'VR15', n: 9 },
			{ naam: 'Hollands Midden', code: 'VR16', n: 18 },
			{ naam: 'Rotterdam-Rijnmond', code: 'VR17', n: 13 },
			{ naam: 'Zuid-Holland-Zuid', code: 'VR18', n: 10 }
		]);
	});

	it('has the PRT (id 1) and the four regional tables (ids 2..5)', async () => {
		const rows = await t.db
			.select({ id: regietafels.id, soort: regietafels.soort, regio: regios.naam })
			.from(regietafels)
			.leftJoin(regios, eq(regietafels.regioId, regios.id))
			.orderBy(asc(regietafels.id));
		expect(rows).toEqual([
			{ id: 1, soort: 'prt', regio: null },
			{ id: 2, soort: 'regionaal', regio: 'Haaglanden' },
			{ id: 3, soort: 'regionaal', regio: 'Hollands Midden' },
			{ id: 4, soort: 'regionaal', regio: 'Rotterdam-Rijnmond' },
			{ id: 5, soort: 'regionaal', regio: 'Zuid-Holland-Zuid' }
		]);
	});

	it('seeds a PRT kiosk link whose token works and is not stored', async () => {
		const k = await validateKioskToken(seed.kioskToken);
		expect(k?.actor).toMatchObject({ soort: 'kiosk', regietafelId: 1, provincieCode: 'PV28' });
		const links = await t.db.select().from(kioskLinks);
		expect(links).toHaveLength(1);
		expect(JSON.stringify(links)).not.toContain(seed.kioskToken);
	});

	it.each(DEMO_GEBRUIKERS.map((u) => u.email))('demo user %s can log in', async (email) => {
		const r = await inloggen(email, DEMO_WACHTWOORD, nieuwIp());
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const v = await validateSessionToken(r.token);
		expect(v?.user.email).toBe(email);
	});
});
