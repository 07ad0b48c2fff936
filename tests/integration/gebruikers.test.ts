import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, memberships, organisaties, users } from '../../src/lib/server/db/schema';
import {
	aanhefVan,
	listGebruikers,
	maakGebruiker,
	wijzigAanhef,
	type NieuweGebruiker
} from '../../src/lib/server/services/gebruikers';
import { loadActor } from '../../src/lib/server/auth/actor';
import { auditActor, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';
import type { OrganisatieType } from '../../src/lib/domain/autorisatie/rollen';

let t: TestDatabase;
let beheerder: Awaited<ReturnType<typeof auditActor>>;

beforeAll(async () => {
	t = await testDatabase();
	beheerder = await auditActor(t.db, 'beheerder@regietafel.test');
});
afterAll(async () => {
	await t?.close();
});

async function orgId(type: OrganisatieType, naam?: string): Promise<number> {
	const [o] = await t.db
		.select({ id: organisaties.id })
		.from(organisaties)
		.where(
			naam
				? and(eq(organisaties.type, type), eq(organisaties.naam, naam))
				: eq(organisaties.type, type)
		)
		.limit(1);
	return o!.id;
}

async function basis(): Promise<NieuweGebruiker> {
	return {
		email: 'gerda.gemeente@regietafel.test',
		naam: 'Gerda Gemeente',
		functie: 'Beleidsmedewerker',
		organisatieId: await orgId('gemeente', 'Gemeente Delft'),
		rol: 'gemeente-ambtenaar',
		wachtwoord: 'Een-goed-wachtwoord-1'
	};
}

async function tellingen() {
	return {
		users: await rowCount(t.db, users),
		memberships: await rowCount(t.db, memberships),
		audit: await rowCount(t.db, auditLog)
	};
}

describe('maakGebruiker', () => {
	it.each([
		['an existing e-mail address', 'beheerder@regietafel.test'],
		['an existing address in other case with spaces', '  BEHEERDER@Regietafel.test ']
	])('refuses %s and writes nothing', async (_, email) => {
		const voor = await tellingen();
		const r = await maakGebruiker(beheerder, { ...(await basis()), email });
		expect(r).toEqual({
			ok: false,
			veld: 'email',
			fout: 'Er bestaat al een account met dit e-mailadres.'
		});
		expect(await tellingen()).toEqual(voor);
	});

	it.each([
		['toezichthouder', 'gemeente'],
		['toezichthouder', 'coa'],
		['gemeente-ambtenaar', 'provincie'],
		['gemeente-bestuurder', 'ministerie'],
		['coa-regievoerder', 'gemeente']
	] as const)('refuses role %s at a %s and writes nothing', async (rol, type) => {
		const voor = await tellingen();
		const r = await maakGebruiker(beheerder, {
			...(await basis()),
			rol,
			organisatieId: await orgId(type)
		});
		expect(r).toEqual({
			ok: false,
			veld: 'rol',
			fout: 'Deze rol past niet bij het soort organisatie.'
		});
		expect(await tellingen()).toEqual(voor);
	});

	it('refuses an organisation that does not exist', async () => {
		const voor = await tellingen();
		const r = await maakGebruiker(beheerder, { ...(await basis()), organisatieId: 99_999 });
		expect(r).toEqual({
			ok: false,
			veld: 'organisatieId',
			fout: 'Kies een bestaande organisatie.'
		});
		expect(await tellingen()).toEqual(voor);
	});

	it('creates a fitting user with membership, lower-cased e-mail and a hashed password', async () => {
		const voor = await tellingen();
		const g = await basis();
		const r = await maakGebruiker(beheerder, { ...g, email: ' Gerda.Gemeente@Regietafel.TEST' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(await tellingen()).toEqual({
			users: voor.users + 1,
			memberships: voor.memberships + 1,
			audit: voor.audit + 1
		});
		const [u] = await t.db.select().from(users).where(eq(users.id, r.id));
		expect(u).toMatchObject({ email: 'gerda.gemeente@regietafel.test', actief: true });
		expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
		expect(u!.passwordHash).not.toContain(g.wachtwoord);
		const actor = await loadActor(t.db, r.id);
		expect(actor.rollen).toEqual([
			expect.objectContaining({
				rol: 'gemeente-ambtenaar',
				organisatieType: 'gemeente',
				gemeenteCode: 'GM0503',
				provincieCode: 'PV28'
			})
		]);
		expect(actor.tafels).toEqual([]);
		const lijst = await listGebruikers();
		expect(lijst.find((x) => x.id === r.id)?.rollen).toEqual([
			{ rol: 'gemeente-ambtenaar', organisatie: 'Gemeente Delft' }
		]);

		// The same address a second time is now a duplicate.
		const dubbel = await maakGebruiker(beheerder, g);
		expect(dubbel).toMatchObject({ ok: false, veld: 'email' });
	});
});

describe('aanhef', () => {
	it('a person changes their own aanhef; it is audited and the database knows only two', async () => {
		const wie = await auditActor(t.db, 'coa@regietafel.test');
		expect(await aanhefVan(wie.userId!)).toBeNull();
		const voor = await rowCount(t.db, auditLog);
		await wijzigAanhef(wie, wie.userId!, 'de heer');
		expect(await aanhefVan(wie.userId!)).toBe('de heer');
		expect(await rowCount(t.db, auditLog)).toBe(voor + 1);
		const [a] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'gebruiker'), eq(auditLog.action, 'aanhef-gewijzigd')));
		expect(a).toMatchObject({ before: { aanhef: null }, after: { aanhef: 'de heer' } });
		await wijzigAanhef(wie, wie.userId!, null);
		expect(await aanhefVan(wie.userId!)).toBeNull();
		await expect(
			t.db
				.update(users)
				.set({ aanhef: 'meneer' as never })
				.where(eq(users.id, wie.userId!))
		).rejects.toThrow();
	});
});
