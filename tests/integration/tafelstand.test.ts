import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	gemeenten,
	imports,
	regioGemeenten,
	regios,
	taakstellingen
} from '../../src/lib/server/db/schema';
import { getTafel } from '../../src/lib/server/services/regietafels';
import { tafelStand } from '../../src/lib/server/services/tafelstand';
import { laadDemoCijfers } from '../../src/lib/server/seed/demo-cijfers';
import { ZUID_HOLLAND_GEMEENTEN } from '../../src/lib/server/seed/zuid-holland';
import { testDatabase, type TestDatabase } from '../helpers/demo';

/** The stand van zaken of a regietafel: its regio's gemeenten, totals over exactly those. */
let t: TestDatabase;
beforeAll(async () => {
	t = await testDatabase();
	expect(await laadDemoCijfers()).toBe(true);
});
afterAll(async () => {
	await t?.close();
});

describe('tafelStand', () => {
	it('a regional table sees the gemeenten of its regio, with totals over them', async () => {
		const haaglanden = (await getTafel(2))!;
		const s = await tafelStand(haaglanden, '2026-I');
		const verwacht = ZUID_HOLLAND_GEMEENTEN.filter((g) => g.vr === 'VR15').map((g) => g.code);
		expect(s.rijen.map((r) => r.gemeenteCode).sort()).toEqual([...verwacht].sort());
		expect(s.rijen.some((r) => r.taakstelling !== null)).toBe(true);
		const som = (f: (r: (typeof s.rijen)[number]) => number) =>
			s.rijen.reduce((n, r) => n + f(r), 0);
		expect(s.totaal.gemeenten).toBe(verwacht.length);
		expect(s.totaal.gehuisvest).toBe(som((r) => r.gehuisvest ?? 0));
		expect(s.totaal.opgave).toBe(som((r) => Math.max(0, r.opgave ?? 0)));
		expect(s.totaal.nogTeHuisvesten).toBe(som((r) => r.nogTeHuisvesten ?? 0));
		expect(s.regios.map((r) => r.regio)).toEqual(['Haaglanden']);
	});

	it('the PRT sees the whole provincie, with totals per regio that add up', async () => {
		const prt = (await getTafel(1))!;
		const s = await tafelStand(prt, '2026-I');
		expect(s.rijen).toHaveLength(ZUID_HOLLAND_GEMEENTEN.length);
		expect(s.regios).toHaveLength(4);
		expect(s.regios.reduce((n, r) => n + r.gehuisvest, 0)).toBe(s.totaal.gehuisvest);
		expect(s.regios.reduce((n, r) => n + r.gemeenten, 0)).toBe(s.totaal.gemeenten);
	});

	it('uses the nearest earlier year of regio membership, and shows nothing without a regio', async () => {
		const haaglanden = (await getTafel(2))!;
		// A gebiedsindeling 2027 without regio membership rows: the 2026 membership still holds.
		await t.db.insert(gemeenten).values(
			ZUID_HOLLAND_GEMEENTEN.map((g) => ({
				jaar: 2027,
				code: g.code,
				naam: g.naam,
				provincieCode: 'PV28'
			}))
		);
		await t.db.insert(taakstellingen).values({
			periode: '2027-I',
			gemeenteCode: 'GM0518',
			aantal: 100,
			bron: 'import',
			importId: (await t.db.select().from(imports))[0]!.id
		});
		const later = await tafelStand(haaglanden, '2027-I');
		expect(later.rijen.map((r) => r.gemeenteCode)).toContain('GM0518');
		expect(later.rijen).toHaveLength(ZUID_HOLLAND_GEMEENTEN.filter((g) => g.vr === 'VR15').length);

		const [vr] = await t.db.select().from(regios).where(eq(regios.code, 'VR15'));
		await t.db.delete(regioGemeenten).where(eq(regioGemeenten.regioId, vr!.id));
		const zonder = await tafelStand(haaglanden, '2026-I');
		expect(zonder.rijen).toEqual([]);
		expect(zonder.totaal.gemeenten).toBe(0);
	});
});
