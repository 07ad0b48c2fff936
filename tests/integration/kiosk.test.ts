import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { kioskLinks } from '../../src/lib/server/db/schema';
import { generateKioskToken, validateKioskToken } from '../../src/lib/server/auth/kiosk';
import { hashToken } from '../../src/lib/server/auth/session';
import { maakKioskLink, trekKioskLinkIn } from '../../src/lib/server/services/kiosk';
import { auditActor, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;
let beheerder: Awaited<ReturnType<typeof auditActor>>;

beforeAll(async () => {
	t = await testDatabase();
	beheerder = await auditActor(t.db, 'beheerder@regietafel.test');
});
afterAll(async () => {
	await t?.close();
});

async function nieuweLink(tafelId: number, naam: string) {
	const r = await maakKioskLink(beheerder, tafelId, naam);
	if (!r.ok) throw new Error(r.fout);
	return r;
}

describe('kiosk links', () => {
	it('a new link gives a token that resolves to a kiosk actor for its table', async () => {
		const { id, token } = await nieuweLink(2, 'Vergaderzaal Haaglanden');
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const k = await validateKioskToken(token);
		expect(k).toEqual({
			actor: { soort: 'kiosk', kioskId: id, regietafelId: 2, provincieCode: 'PV28' },
			naam: 'Vergaderzaal Haaglanden',
			regietafelNaam: 'Regionale tafel Haaglanden'
		});
	});

	it('stores only the hash of the token', async () => {
		const { id, token } = await nieuweLink(4, 'Scherm Rotterdam');
		const [row] = await t.db.select().from(kioskLinks).where(eq(kioskLinks.id, id));
		expect(row?.tokenHash).toBe(hashToken(token));
		expect(row?.createdBy).toBe(beheerder.userId);
		const alles = await t.db.select().from(kioskLinks);
		expect(JSON.stringify(alles)).not.toContain(token);
	});

	it('a revoked link is rejected at once; other links keep working', async () => {
		const a = await nieuweLink(1, 'Zaal A');
		const b = await nieuweLink(1, 'Zaal B');
		expect(await trekKioskLinkIn(beheerder, a.id)).toBe(true);
		expect(await validateKioskToken(a.token)).toBeNull();
		expect((await validateKioskToken(b.token))?.actor.kioskId).toBe(b.id);
		// Revoking twice is a no-op.
		expect(await trekKioskLinkIn(beheerder, a.id)).toBe(false);
		expect(await trekKioskLinkIn(beheerder, 99_999)).toBe(false);
	});

	it.each([
		['empty', ''],
		['too short', 'abc'],
		['upper case', 'A'.repeat(32)],
		['characters outside base32', '0189'.repeat(8)],
		['too long', 'a'.repeat(33)],
		['path characters', '../../api/gezondheid'.padEnd(32, 'a')]
	])('rejects a malformed token (%s)', async (_, token) => {
		expect(await validateKioskToken(token)).toBeNull();
	});

	it('rejects a well-formed token that was never issued, and a stored hash used as token', async () => {
		expect(await validateKioskToken(generateKioskToken())).toBeNull();
		const { id } = await nieuweLink(5, 'Zaal Dordrecht');
		const [row] = await t.db.select().from(kioskLinks).where(eq(kioskLinks.id, id));
		expect(await validateKioskToken(row!.tokenHash)).toBeNull();
	});

	it('a link for a table that does not exist is refused and nothing is stored', async () => {
		const voor = await rowCount(t.db, kioskLinks);
		expect(await maakKioskLink(beheerder, 99_999, 'Nergens')).toEqual({
			ok: false,
			fout: 'Kies een bestaande regietafel.'
		});
		expect(await rowCount(t.db, kioskLinks)).toBe(voor);
	});

	it('every link gets its own token', async () => {
		const tokens = await Promise.all([1, 2, 3].map((i) => nieuweLink(i, `Scherm ${i}`)));
		expect(new Set(tokens.map((x) => x.token)).size).toBe(3);
	});
});
