import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { auditLog, kioskLinks, regietafelLeden } from '../../src/lib/server/db/schema';
import {
	plaatsMededeling,
	verwijderMededeling,
	voegLidToe,
	verwijderLid
} from '../../src/lib/server/services/regietafels';
import { maakGebruiker, zetActief } from '../../src/lib/server/services/gebruikers';
import { maakKioskLink, trekKioskLinkIn } from '../../src/lib/server/services/kiosk';
import { inloggen } from '../../src/lib/server/services/inloggen';
import { DEMO_WACHTWOORD } from '../../src/lib/server/seed/demo';
import {
	auditActor,
	nieuwIp,
	queryRows,
	rowCount,
	testDatabase,
	userByEmail,
	type TestDatabase
} from '../helpers/demo';

let t: TestDatabase;
let beheerder: Awaited<ReturnType<typeof auditActor>>;
let secretaris: Awaited<ReturnType<typeof auditActor>>;

beforeAll(async () => {
	t = await testDatabase();
	beheerder = await auditActor(t.db, 'beheerder@regietafel.test');
	secretaris = await auditActor(t.db, 'secretaris@regietafel.test');
});
afterAll(async () => {
	await t?.close();
});

async function maxId() {
	const rows = await t.db.select({ id: auditLog.id }).from(auditLog);
	return Math.max(0, ...rows.map((r) => r.id));
}

/** Runs `fn` and returns the audit rows it wrote. */
async function auditVan(fn: () => Promise<unknown>) {
	const voor = await maxId();
	await fn();
	return t.db.select().from(auditLog).where(gt(auditLog.id, voor)).orderBy(asc(auditLog.id));
}

describe('audit_log is append-only', () => {
	it('the trigger is installed by the migrations', async () => {
		const rows = await queryRows<{ tgname: string }>(
			t.db,
			sql`select tgname from pg_trigger where tgrelid = 'audit_log'::regclass and not tgisinternal`
		);
		expect(rows.map((r) => r.tgname)).toEqual(['audit_log_no_update_delete']);
	});

	it('refuses UPDATE', async () => {
		const [eerste] = await t.db.select().from(auditLog).limit(1);
		await expect(
			t.db.update(auditLog).set({ action: 'vervalst' }).where(eq(auditLog.id, eerste!.id))
		).rejects.toThrow();
		await expect(t.db.execute(sql`update audit_log set actor_label = 'x'`)).rejects.toThrow();
		const [na] = await t.db.select().from(auditLog).where(eq(auditLog.id, eerste!.id));
		expect(na).toEqual(eerste);
	});

	it('refuses DELETE', async () => {
		const n = await rowCount(t.db, auditLog);
		expect(n).toBeGreaterThan(0);
		await expect(t.db.delete(auditLog)).rejects.toThrow();
		await expect(t.db.execute(sql`delete from audit_log where id > 0`)).rejects.toThrow();
		expect(await rowCount(t.db, auditLog)).toBe(n);
	});

	it('the refusal names the reason', async () => {
		let melding = '';
		try {
			await t.db.execute(sql`delete from audit_log`);
		} catch (e) {
			const err = e as Error & { cause?: Error };
			melding = `${err.message} ${err.cause?.message ?? ''}`;
		}
		expect(melding).toContain('audit_log is append-only');
	});
});

describe('every service mutation writes an audit row', () => {
	it('plaatsMededeling / verwijderMededeling', async () => {
		let id = 0;
		const rows = await auditVan(async () => {
			id = (await plaatsMededeling(secretaris, 1, 'Vergadering verplaatst naar 14.00 uur')).id;
		});
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			actorUserId: secretaris.userId,
			actorLabel: secretaris.label,
			entity: 'regietafel',
			entityId: '1',
			action: 'mededeling-geplaatst',
			before: null,
			after: { id, regietafelId: 1, tekst: 'Vergadering verplaatst naar 14.00 uur' }
		});

		const weg = await auditVan(() => verwijderMededeling(secretaris, 1, id));
		expect(weg).toHaveLength(1);
		expect(weg[0]).toMatchObject({
			entity: 'regietafel',
			entityId: '1',
			action: 'mededeling-verwijderd',
			before: { id, tekst: 'Vergadering verplaatst naar 14.00 uur' },
			after: null
		});

		// Even a no-op is recorded.
		const niets = await auditVan(() => verwijderMededeling(secretaris, 1, id));
		expect(niets[0]).toMatchObject({ action: 'mededeling-niet-gevonden', before: null });
	});

	it('voegLidToe / rol wijzigen / verwijderLid', async () => {
		const daan = await userByEmail(t.db, 'deelnemer@regietafel.test');
		const erbij = await auditVan(() => voegLidToe(beheerder, 2, daan.id, 'deelnemer'));
		expect(erbij).toHaveLength(1);
		expect(erbij[0]).toMatchObject({
			actorUserId: beheerder.userId,
			entity: 'regietafel',
			entityId: '2',
			action: 'lid-toegevoegd',
			before: null,
			after: { userId: daan.id, naam: daan.naam, rol: 'deelnemer' }
		});

		const rol = await auditVan(() => voegLidToe(beheerder, 2, daan.id, 'secretaris'));
		expect(rol[0]).toMatchObject({
			action: 'lid-rol-gewijzigd',
			before: { regietafelId: 2, userId: daan.id, rol: 'deelnemer' },
			after: { userId: daan.id, rol: 'secretaris' }
		});

		const eraf = await auditVan(() => verwijderLid(beheerder, 2, daan.id));
		expect(eraf).toHaveLength(1);
		expect(eraf[0]).toMatchObject({
			entity: 'regietafel',
			entityId: '2',
			action: 'lid-verwijderd',
			before: { regietafelId: 2, userId: daan.id, rol: 'secretaris' },
			after: null
		});
		const leden = await t.db
			.select()
			.from(regietafelLeden)
			.where(eq(regietafelLeden.userId, daan.id));
		expect(leden.map((l) => l.regietafelId)).toEqual([1]);

		const opnieuw = await auditVan(() => verwijderLid(beheerder, 2, daan.id));
		expect(opnieuw[0]).toMatchObject({ action: 'lid-verwijderen-niet-gevonden' });
	});

	it('voegLidToe refuses an unknown user, and records the refusal', async () => {
		const rows = await auditVan(async () => {
			expect(await voegLidToe(beheerder, 2, 99_999, 'deelnemer')).toEqual({
				ok: false,
				fout: 'Deze gebruiker bestaat niet of is gedeactiveerd.'
			});
		});
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			action: 'lid-toevoegen-geweigerd',
			after: { userId: 99_999 }
		});
	});

	it('maakGebruiker / zetActief', async () => {
		const provincie = await userByEmail(t.db, 'toezicht@regietafel.test');
		const [org] = await queryRows<{ id: number }>(
			t.db,
			sql`select organisatie_id as id from memberships where user_id = ${provincie.id}`
		);
		let id = 0;
		const nieuw = await auditVan(async () => {
			const r = await maakGebruiker(beheerder, {
				email: 'Nieuw.Lid@Regietafel.test',
				naam: 'Nina Nieuw',
				functie: 'Adviseur',
				organisatieId: Number(org!.id),
				rol: 'toezichthouder',
				wachtwoord: 'Welkom-bij-de-tafel-1'
			});
			expect(r.ok).toBe(true);
			if (r.ok) id = r.id;
		});
		expect(nieuw).toHaveLength(1);
		expect(nieuw[0]).toMatchObject({
			actorUserId: beheerder.userId,
			entity: 'gebruiker',
			entityId: String(id),
			action: 'aangemaakt',
			before: null,
			after: {
				email: 'nieuw.lid@regietafel.test',
				naam: 'Nina Nieuw',
				organisatie: 'Provincie Zuid-Holland',
				rol: 'toezichthouder'
			}
		});
		expect(JSON.stringify(nieuw[0])).not.toContain('Welkom-bij-de-tafel-1');
		expect(
			(await inloggen('nieuw.lid@regietafel.test', 'Welkom-bij-de-tafel-1', nieuwIp())).ok
		).toBe(true);

		const uit = await auditVan(() => zetActief(beheerder, id, false));
		expect(uit).toHaveLength(1);
		expect(uit[0]).toMatchObject({
			entity: 'gebruiker',
			entityId: String(id),
			action: 'gedeactiveerd',
			before: { actief: true },
			after: { actief: false }
		});
		const aan = await auditVan(() => zetActief(beheerder, id, true));
		expect(aan[0]).toMatchObject({
			action: 'geactiveerd',
			before: { actief: false },
			after: { actief: true }
		});
		const onbekend = await auditVan(async () => {
			expect(await zetActief(beheerder, 99_999, false)).toBe(false);
		});
		expect(onbekend[0]).toMatchObject({ action: 'activeren-niet-gevonden', entityId: '99999' });
	});

	it('maakKioskLink / trekKioskLinkIn', async () => {
		let id = 0;
		let token = '';
		const nieuw = await auditVan(async () => {
			const r = await maakKioskLink(beheerder, 3, 'Raadzaal Leiden');
			expect(r.ok).toBe(true);
			if (r.ok) ({ id, token } = r);
		});
		expect(nieuw).toHaveLength(1);
		expect(nieuw[0]).toMatchObject({
			actorUserId: beheerder.userId,
			entity: 'kiosklink',
			entityId: String(id),
			action: 'aangemaakt',
			before: null,
			after: { regietafelId: 3, naam: 'Raadzaal Leiden' }
		});
		expect(JSON.stringify(nieuw[0])).not.toContain(token);

		const ingetrokken = await auditVan(() => trekKioskLinkIn(beheerder, id));
		expect(ingetrokken).toHaveLength(1);
		expect(ingetrokken[0]).toMatchObject({
			entity: 'kiosklink',
			entityId: String(id),
			action: 'ingetrokken',
			before: { id, naam: 'Raadzaal Leiden' }
		});
		const [link] = await t.db.select().from(kioskLinks).where(eq(kioskLinks.id, id));
		expect(link?.revokedAt).toBeInstanceOf(Date);

		const nogmaals = await auditVan(() => trekKioskLinkIn(beheerder, id));
		expect(nogmaals[0]).toMatchObject({ action: 'intrekken-niet-gevonden', before: null });
	});

	it('logging in writes an audit row; a failed login changes no data and writes none', async () => {
		const ok = await auditVan(() => inloggen('coa@regietafel.test', DEMO_WACHTWOORD, '192.0.2.10'));
		const coa = await userByEmail(t.db, 'coa@regietafel.test');
		expect(ok).toHaveLength(1);
		expect(ok[0]).toMatchObject({
			actorUserId: coa.id,
			entity: 'sessie',
			action: 'ingelogd',
			after: { ip: '192.0.2.10' }
		});
		const fout = await auditVan(() => inloggen('coa@regietafel.test', 'fout', nieuwIp()));
		expect(fout).toEqual([]);
	});
});
