import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../src/lib/server/auth/actor';
import { inloggen } from '../../src/lib/server/services/inloggen';
import { plaatsMededeling } from '../../src/lib/server/services/regietafels';
import { mijnGemeenten, recenteActiviteit } from '../../src/lib/server/services/home';
import { auditActor, nieuwIp, testDatabase, userByEmail, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;

beforeAll(async () => {
	t = await testDatabase();
});
afterAll(async () => {
	await t?.close();
});

async function actorVan(email: string) {
	return loadActor(t.db, (await userByEmail(t.db, email)).id);
}

describe('home page data', () => {
	it("shows a gemeente official's own gemeente with its veiligheidsregio", async () => {
		const g = await mijnGemeenten(await actorVan('ambtenaar.denhaag@regietafel.test'));
		expect(g).toEqual([
			{
				code: 'GM0518',
				naam: "'s-Gravenhage",
				jaar: 2026,
				regios: [{ naam: 'Haaglanden', type: 'veiligheidsregio' }]
			}
		]);
		expect(await mijnGemeenten(await actorVan('secretaris@regietafel.test'))).toEqual([]);
	});

	it('shows activity on my tables, not on other tables, and no logins', async () => {
		await inloggen('deelnemer@regietafel.test', 'Regietafel-demo-2026', nieuwIp());
		await plaatsMededeling(await auditActor(t.db, 'secretaris@regietafel.test'), 1, 'PRT-nieuws');
		await plaatsMededeling(
			await auditActor(t.db, 'secretaris.haaglanden@regietafel.test'),
			2,
			'Haaglanden-nieuws'
		);
		const prtLid = await recenteActiviteit(await actorVan('deelnemer@regietafel.test'));
		expect(prtLid.map((a) => [a.wie, a.entity, a.entityId, a.action])).toContainEqual([
			'Sanne Bakker',
			'regietafel',
			'1',
			'mededeling-geplaatst'
		]);
		expect(prtLid.some((a) => a.entityId === '2')).toBe(false);
		expect(prtLid.some((a) => a.entity === 'sessie')).toBe(false);

		const beheerder = await recenteActiviteit(await actorVan('beheerder@regietafel.test'));
		expect(beheerder.map((a) => a.entityId)).toEqual(expect.arrayContaining(['1', '2']));
		expect(beheerder.some((a) => a.entity === 'sessie')).toBe(false);
	});
});
