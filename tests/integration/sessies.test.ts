import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../src/lib/server/db/schema';
import { hashToken, validateSessionToken } from '../../src/lib/server/auth/session';
import {
	FOUT_ONJUIST,
	inloggen,
	uitloggen,
	wijzigWachtwoord
} from '../../src/lib/server/services/inloggen';
import { zetActief } from '../../src/lib/server/services/gebruikers';
import { DEMO_WACHTWOORD } from '../../src/lib/server/seed/demo';
import {
	auditActor,
	lastAudit,
	nieuwIp,
	testDatabase,
	userByEmail,
	type TestDatabase
} from '../helpers/demo';

const DAG = 24 * 3600 * 1000;
const LEVENSDUUR_DAGEN = 30;

let t: TestDatabase;

beforeAll(async () => {
	t = await testDatabase({ vars: { SESSION_LIFETIME_DAYS: String(LEVENSDUUR_DAGEN) } });
});
afterAll(async () => {
	await t?.close();
});

async function login(email: string, wachtwoord = DEMO_WACHTWOORD) {
	const r = await inloggen(email, wachtwoord, nieuwIp());
	if (!r.ok) throw new Error(`inloggen mislukt: ${r.fout}`);
	return r;
}

async function sessionRow(id: string) {
	const [row] = await t.db.select().from(sessions).where(eq(sessions.id, id));
	return row;
}

describe('sessions', () => {
	it('stores only the SHA-256 hash of the token, never the token', async () => {
		const r = await login('deelnemer@regietafel.test');
		expect(r.token).toMatch(/^[a-z2-7]{32}$/);
		expect(r.session.id).toBe(hashToken(r.token));
		expect(r.session.id).toMatch(/^[0-9a-f]{64}$/);
		const all = await t.db.select().from(sessions);
		expect(all.some((s) => s.id === r.session.id)).toBe(true);
		expect(JSON.stringify(all)).not.toContain(r.token);
	});

	it('a fresh session validates to its user and gets a full lifetime', async () => {
		const voor = Date.now();
		const r = await login('deelnemer@regietafel.test');
		const v = await validateSessionToken(r.token);
		expect(v?.user.email).toBe('deelnemer@regietafel.test');
		expect(v?.session.id).toBe(r.session.id);
		const verloopt = (await sessionRow(r.session.id))!.expiresAt.getTime();
		expect(verloopt).toBeGreaterThanOrEqual(voor + LEVENSDUUR_DAGEN * DAG - 1000);
	});

	it('rejects unknown and malformed tokens', async () => {
		expect(await validateSessionToken('')).toBeNull();
		expect(await validateSessionToken('a'.repeat(32))).toBeNull();
		expect(await validateSessionToken('A'.repeat(32))).toBeNull();
		const r = await login('deelnemer@regietafel.test');
		// The stored id is not a cookie value.
		expect(await validateSessionToken(r.session.id)).toBeNull();
		expect(await validateSessionToken(`${r.token}a`)).toBeNull();
	});

	it('an expired session gives null and is deleted', async () => {
		const r = await login('deelnemer@regietafel.test');
		await t.db
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(sessions.id, r.session.id));
		expect(await validateSessionToken(r.token)).toBeNull();
		expect(await sessionRow(r.session.id)).toBeUndefined();
	});

	it('sliding expiry: extended to a full lifetime in the second half, untouched in the first', async () => {
		const r = await login('deelnemer@regietafel.test');

		// First half of the lifetime (20 of 30 days left): unchanged.
		const eerste = new Date(Date.now() + 20 * DAG);
		await t.db.update(sessions).set({ expiresAt: eerste }).where(eq(sessions.id, r.session.id));
		const v1 = await validateSessionToken(r.token);
		expect(v1?.session.expiresAt.getTime()).toBe(eerste.getTime());
		expect((await sessionRow(r.session.id))!.expiresAt.getTime()).toBe(eerste.getTime());

		// Second half (10 of 30 days left): a full lifetime again, stored.
		await t.db
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() + 10 * DAG) })
			.where(eq(sessions.id, r.session.id));
		const voor = Date.now();
		const v2 = await validateSessionToken(r.token);
		const verwacht = voor + LEVENSDUUR_DAGEN * DAG;
		expect(v2?.session.expiresAt.getTime()).toBeGreaterThanOrEqual(verwacht);
		const opgeslagen = (await sessionRow(r.session.id))!.expiresAt.getTime();
		expect(opgeslagen).toBe(v2!.session.expiresAt.getTime());
	});

	it('a deactivated user has no valid session (and the session is removed)', async () => {
		const r = await login('ambtenaar.leiden@regietafel.test');
		const u = await userByEmail(t.db, 'ambtenaar.leiden@regietafel.test');
		await t.db.update(users).set({ actief: false }).where(eq(users.id, u.id));
		expect(await validateSessionToken(r.token)).toBeNull();
		expect(await sessionRow(r.session.id)).toBeUndefined();
		await t.db.update(users).set({ actief: true }).where(eq(users.id, u.id));
	});

	it('zetActief(false) ends every session of the user at once', async () => {
		const a = await login('ambtenaar.dordrecht@regietafel.test');
		const b = await login('ambtenaar.dordrecht@regietafel.test');
		const u = await userByEmail(t.db, 'ambtenaar.dordrecht@regietafel.test');
		const beheerder = await auditActor(t.db, 'beheerder@regietafel.test');
		expect(await zetActief(beheerder, u.id, false)).toBe(true);
		expect(await t.db.select().from(sessions).where(eq(sessions.userId, u.id))).toEqual([]);
		expect(await validateSessionToken(a.token)).toBeNull();
		expect(await validateSessionToken(b.token)).toBeNull();
		expect(await zetActief(beheerder, u.id, true)).toBe(true);
		// Reactivation does not bring old sessions back.
		expect(await validateSessionToken(a.token)).toBeNull();
	});

	it('logging out invalidates the session (and only that one)', async () => {
		const a = await login('voorzitter@regietafel.test');
		const b = await login('voorzitter@regietafel.test');
		await uitloggen(a.session, 'Victor van Dam');
		expect(await validateSessionToken(a.token)).toBeNull();
		expect(await sessionRow(a.session.id)).toBeUndefined();
		expect(await validateSessionToken(b.token)).not.toBeNull();
		expect(await lastAudit(t.db)).toMatchObject({
			entity: 'sessie',
			action: 'uitgelogd',
			actorUserId: a.session.userId
		});
	});

	it('a password change ends all other sessions; the old password stops working', async () => {
		const email = 'secretaris.haaglanden@regietafel.test';
		const a = await login(email);
		const b = await login(email);
		const u = await userByEmail(t.db, email);
		const nieuw = 'Een-nieuw-wachtwoord-2026!';

		const r = await wijzigWachtwoord(u.id, DEMO_WACHTWOORD, nieuw);
		expect(r.ok).toBe(true);
		if (!r.ok) return;

		expect(await validateSessionToken(a.token)).toBeNull();
		expect(await validateSessionToken(b.token)).toBeNull();
		expect((await validateSessionToken(r.token))?.user.id).toBe(u.id);
		const rest = await t.db.select().from(sessions).where(eq(sessions.userId, u.id));
		expect(rest.map((s) => s.id)).toEqual([hashToken(r.token)]);

		expect(await lastAudit(t.db)).toMatchObject({
			entity: 'gebruiker',
			entityId: String(u.id),
			action: 'wachtwoord-gewijzigd',
			after: { sessiesBeeindigd: 2 }
		});

		const oud = await inloggen(email, DEMO_WACHTWOORD, nieuwIp());
		expect(oud).toEqual({ ok: false, status: 400, fout: FOUT_ONJUIST });
		expect((await inloggen(email, nieuw, nieuwIp())).ok).toBe(true);
	});

	it('a password change with a wrong current password changes nothing', async () => {
		const email = 'ambtenaar.rotterdam@regietafel.test';
		const a = await login(email);
		const u = await userByEmail(t.db, email);
		const r = await wijzigWachtwoord(u.id, 'fout-wachtwoord', 'Iets-anders-2026!');
		expect(r).toEqual({ ok: false, veld: 'huidig', fout: 'Het huidige wachtwoord is onjuist.' });
		expect(await validateSessionToken(a.token)).not.toBeNull();
		expect((await inloggen(email, DEMO_WACHTWOORD, nieuwIp())).ok).toBe(true);

		const zelfde = await wijzigWachtwoord(u.id, DEMO_WACHTWOORD, DEMO_WACHTWOORD);
		expect(zelfde).toMatchObject({ ok: false, veld: 'nieuw' });
	});
});
