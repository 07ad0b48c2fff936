import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importeerRealisatie } from '../../src/lib/server/services/realisatie';
import { importeerTaakstellingen } from '../../src/lib/server/services/taakstellingen';
import { provincieStand } from '../../src/lib/server/services/toezichtcijfers';
import { auditActor, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;

const bestand = (naam: string) => ({
	naam,
	inhoud: new Uint8Array(readFileSync(`tests/fixtures/imports/${naam}`))
});
const csv = (tekst: string) => ({ naam: 'coa.csv', inhoud: new TextEncoder().encode(tekst) });

beforeAll(async () => {
	t = await testDatabase();
	const actor = await auditActor(t.db, 'toezicht@regietafel.test');
	const imports = [
		await importeerTaakstellingen(actor, bestand('taakstelling-2026-I.csv'), '2026-I'),
		await importeerRealisatie(actor, bestand('realisatie-2026-03.csv')),
		await importeerRealisatie(
			actor,
			csv(
				'gemeentecode;maand;gehuisvest;koppelingen;omkoppelingen;stapelgemeente\nGM0599;2026-04;95;50;0;ja\nGM0599;2026-07;3;10;0;nee\n'
			)
		)
	];
	if (imports.some((i) => i.status !== 'geimporteerd')) throw new Error('import mislukt');
});
afterAll(async () => {
	await t?.close();
});

describe('provincieStand', () => {
	it('gives every gemeente of the provincie its taakstelling and latest figures of the period', async () => {
		const stand = await provincieStand('PV28', '2026-I');
		// Every Zuid-Holland gemeente of 2026 appears, also those without figures yet.
		expect(stand.length).toBeGreaterThan(40);
		const per = new Map(stand.map((s) => [s.gemeenteCode, s]));
		expect(per.get('GM0599')).toEqual({
			gemeenteCode: 'GM0599',
			naam: 'Rotterdam',
			taakstelling: 331,
			// No herverdeling in these tests: the official number counts.
			taakstellingOrigineel: 331,
			herverdeeld: 0,
			bron: 'import',
			// July belongs to 2026-II and is not taken.
			laatsteMaand: '2026-04',
			gehuisvest: 95,
			koppelingen: 50,
			omkoppelingen: 0,
			stapelgemeenteMaanden: 2,
			stapelgemeenteInLaatsteMaand: true
		});
		expect(per.get('GM0505')).toMatchObject({
			naam: 'Dordrecht',
			taakstelling: null,
			laatsteMaand: null,
			gehuisvest: null,
			stapelgemeenteMaanden: 0
		});
	});

	it('the next period has its own figures; an unknown provincie or periode gives nothing', async () => {
		const ii = await provincieStand('PV28', '2026-II');
		expect(ii.find((s) => s.gemeenteCode === 'GM0599')).toMatchObject({
			taakstelling: null,
			laatsteMaand: '2026-07',
			gehuisvest: 3
		});
		expect(await provincieStand('PV99', '2026-I')).toEqual([]);
		expect(await provincieStand('PV28', 'nooit')).toEqual([]);
	});
});
