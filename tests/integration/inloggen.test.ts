import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loginPogingen, users } from '../../src/lib/server/db/schema';
import { env } from '../../src/lib/server/env';
import { FOUT_ONJUIST, inloggen } from '../../src/lib/server/services/inloggen';
import { DEMO_WACHTWOORD } from '../../src/lib/server/seed/demo';
import { nieuwIp, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';

const MAX_ACCOUNT = 3;
const MAX_IP = 7;
const VENSTER = 15;

let t: TestDatabase;

beforeAll(async () => {
	t = await testDatabase({
		vars: {
			LOGIN_MAX_PER_ACCOUNT: String(MAX_ACCOUNT),
			LOGIN_MAX_PER_IP: String(MAX_IP),
			LOGIN_THROTTLE_WINDOW_MINUTES: String(VENSTER)
		}
	});
});
afterAll(async () => {
	await t?.close();
});

const ONJUIST = { ok: false, status: 400, fout: FOUT_ONJUIST } as const;
const TE_VEEL = /^Te veel mislukte inlogpogingen\. Probeer het over \d+ minuten? opnieuw\.$/;

describe('login and throttling', () => {
	it('reads the limits from the environment', () => {
		expect(env()).toMatchObject({
			LOGIN_MAX_PER_ACCOUNT: MAX_ACCOUNT,
			LOGIN_MAX_PER_IP: MAX_IP,
			LOGIN_THROTTLE_WINDOW_MINUTES: VENSTER
		});
	});

	it('wrong password, unknown e-mail and deactivated account give the identical answer', async () => {
		const fout = await inloggen('deelnemer@regietafel.test', 'niet-het-wachtwoord', nieuwIp());
		const onbekend = await inloggen('niemand@regietafel.test', DEMO_WACHTWOORD, nieuwIp());
		await t.db
			.update(users)
			.set({ actief: false })
			.where(eq(users.email, 'ambtenaar.leiden@regietafel.test'));
		const gedeactiveerd = await inloggen(
			'ambtenaar.leiden@regietafel.test',
			DEMO_WACHTWOORD,
			nieuwIp()
		);
		expect(fout).toEqual(ONJUIST);
		expect(onbekend).toEqual(ONJUIST);
		expect(gedeactiveerd).toEqual(ONJUIST);
	});

	it('e-mail is matched case-insensitively and trimmed', async () => {
		const r = await inloggen('  Voorzitter@Regietafel.TEST ', DEMO_WACHTWOORD, nieuwIp());
		expect(r.ok).toBe(true);
	});

	it(`throttles an account after ${MAX_ACCOUNT} failures, also for the correct password`, async () => {
		const email = 'toezicht@regietafel.test';
		for (let i = 0; i < MAX_ACCOUNT; i++) {
			expect(await inloggen(email, `fout-${i}`, nieuwIp())).toEqual(ONJUIST);
		}
		const juist = await inloggen(email, DEMO_WACHTWOORD, nieuwIp());
		expect(juist.ok).toBe(false);
		if (juist.ok) return;
		expect(juist.status).toBe(429);
		expect(juist.fout).toContain('Te veel mislukte inlogpogingen');
		expect(juist.fout).toMatch(TE_VEEL);
		expect(juist.fout).toContain(`${VENSTER} minuten`);
		// Other accounts are not affected.
		expect((await inloggen('coa@regietafel.test', DEMO_WACHTWOORD, nieuwIp())).ok).toBe(true);
	});

	it('throttles a non-existent e-mail with the same message (no enumeration)', async () => {
		const bestaand = 'bestuurder.denhaag@regietafel.test';
		const onbekend = 'bestaat.niet@regietafel.test';
		for (let i = 0; i < MAX_ACCOUNT; i++) {
			expect(await inloggen(bestaand, `fout-${i}`, nieuwIp())).toEqual(ONJUIST);
			expect(await inloggen(onbekend, `fout-${i}`, nieuwIp())).toEqual(ONJUIST);
		}
		const a = await inloggen(bestaand, DEMO_WACHTWOORD, nieuwIp());
		const b = await inloggen(onbekend, DEMO_WACHTWOORD, nieuwIp());
		expect(a).toMatchObject({ ok: false, status: 429 });
		expect(b).toEqual(a);
	});

	it('the account key ignores case and surrounding spaces', async () => {
		const email = 'secretaris@regietafel.test';
		for (let i = 0; i < MAX_ACCOUNT; i++) {
			await inloggen(i % 2 ? ` ${email.toUpperCase()}` : email, 'fout', nieuwIp());
		}
		const r = await inloggen(email, DEMO_WACHTWOORD, nieuwIp());
		expect(r).toMatchObject({ ok: false, status: 429 });
	});

	it(`throttles an IP after ${MAX_IP} failures across different e-mails`, async () => {
		const ip = nieuwIp();
		for (let i = 0; i < MAX_IP; i++) {
			// A different address each time: no account reaches its own limit.
			expect(await inloggen(`onbekend-${i}@regietafel.test`, 'fout', ip)).toEqual(ONJUIST);
		}
		const r = await inloggen('ambtenaar.denhaag@regietafel.test', DEMO_WACHTWOORD, ip);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.status).toBe(429);
		expect(r.fout).toMatch(TE_VEEL);
		// The same account from another IP is fine.
		const elders = await inloggen('ambtenaar.denhaag@regietafel.test', DEMO_WACHTWOORD, nieuwIp());
		expect(elders.ok).toBe(true);
	});

	it('a successful login clears the failures of the account', async () => {
		const email = 'ambtenaar.rotterdam@regietafel.test';
		for (let i = 0; i < MAX_ACCOUNT - 1; i++) {
			await inloggen(email, 'fout', nieuwIp());
		}
		expect((await inloggen(email, DEMO_WACHTWOORD, nieuwIp())).ok).toBe(true);
		const over = await t.db
			.select()
			.from(loginPogingen)
			.where(eq(loginPogingen.sleutel, `account:${email}`));
		expect(over).toEqual([]);
		// So a new series of failures starts from zero.
		for (let i = 0; i < MAX_ACCOUNT - 1; i++) {
			expect(await inloggen(email, 'fout', nieuwIp())).toEqual(ONJUIST);
		}
		expect((await inloggen(email, DEMO_WACHTWOORD, nieuwIp())).ok).toBe(true);
	});

	it('failures older than the window no longer count', async () => {
		const email = 'ambtenaar.dordrecht@regietafel.test';
		for (let i = 0; i < MAX_ACCOUNT; i++) await inloggen(email, 'fout', nieuwIp());
		expect(await inloggen(email, DEMO_WACHTWOORD, nieuwIp())).toMatchObject({ status: 429 });
		await t.db
			.update(loginPogingen)
			.set({ at: new Date(Date.now() - (VENSTER + 1) * 60_000) })
			.where(eq(loginPogingen.sleutel, `account:${email}`));
		expect((await inloggen(email, DEMO_WACHTWOORD, nieuwIp())).ok).toBe(true);
	});

	it('records failures per account and per IP', async () => {
		const voor = await rowCount(t.db, loginPogingen);
		await inloggen('iemand@regietafel.test', 'fout', nieuwIp());
		expect(await rowCount(t.db, loginPogingen)).toBe(voor + 2);
	});
});
