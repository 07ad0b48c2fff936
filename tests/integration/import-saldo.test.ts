import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
	beoordelingen,
	imports,
	realisatiecijfers,
	taakstellingen
} from '../../src/lib/server/db/schema';
import { loadActor } from '../../src/lib/server/auth/actor';
import { herberekenProvincie } from '../../src/lib/server/services/beoordelingen';
import { legBeginstandVast } from '../../src/lib/server/services/beginstanden';
import { provincieOverzicht } from '../../src/lib/server/services/overzicht';
import {
	importeerRealisatie,
	previewRealisatieImport
} from '../../src/lib/server/services/realisatie';
import { cijferSignalen } from '../../src/lib/server/services/toezichtcijfers';
import { SYSTEEM } from '../../src/lib/server/mutatie';
import { auditActor, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;
let toezichthouder: Awaited<ReturnType<typeof auditActor>>;

const csv = (tekst: string, naam = 'coa.csv') => ({
	naam,
	inhoud: new TextEncoder().encode(tekst)
});
const KOP = 'gemeentecode;maand;gehuisvest;koppelingen;omkoppelingen;stapelgemeente';

beforeAll(async () => {
	t = await testDatabase();
	toezichthouder = await auditActor(t.db, 'toezicht@regietafel.test');
	const [imp] = await t.db
		.insert(imports)
		.values({ soort: 'taakstelling', bestandsnaam: 'test', sha256: 'x', rijen: 1, doorLabel: 't' })
		.returning();
	const importId = imp!.id;
	const tk = (gemeenteCode: string, periode: string, aantal: number) => ({
		gemeenteCode,
		periode,
		aantal,
		bron: 'import' as const,
		importId
	});
	await t.db
		.insert(taakstellingen)
		.values([
			tk('GM0518', '2026-I', 100),
			tk('GM0518', '2026-II', 100),
			tk('GM0599', '2026-I', 200),
			tk('GM0599', '2026-II', 200),
			tk('GM0505', '2026-I', 40),
			tk('GM0505', '2026-II', 40),
			tk('GM0503', '2026-II', 50)
		]);
	const maand = (gemeenteCode: string, m: string, gehuisvest: number) => ({
		gemeenteCode,
		maand: m,
		periode: '2026-I',
		gehuisvest,
		koppelingen: 100,
		omkoppelingen: 0,
		stapelgemeente: false,
		importId
	});
	// End of 2026-I: 's-Gravenhage 90 of 100 (saldo −10), Rotterdam 210 of 200 (saldo +10).
	// Dordrecht has no COA figures for 2026-I, so the portal has no saldo to carry into 2026-II.
	await t.db
		.insert(realisatiecijfers)
		.values([
			maand('GM0518', '2026-03', 40),
			maand('GM0518', '2026-06', 90),
			maand('GM0599', '2026-03', 120),
			maand('GM0599', '2026-06', 210)
		]);
	await herberekenProvincie(SYSTEEM, 'PV28');
});
afterAll(async () => {
	await t?.close();
});

describe("COA's carried saldo against the portal's ('saldo-wijkt-af')", () => {
	const september = csv(
		[
			`${KOP};Saldo vorige periode`,
			'GM0518;2026-09;30;20;0;nee;−10',
			'GM0599;2026-09;90;20;0;nee;+12',
			'GM0505;2026-09;10;5;0;nee;-3',
			'GM0546;2026-09;10;5;0;nee;'
		].join('\n'),
		'coa-2026-09.csv'
	);

	it('flags only the row that differs from the stored end assessment of the previous period, with row and column', async () => {
		const p = await previewRealisatieImport(september);
		expect(p.fouten).toEqual([]);
		expect(p.regels.map((r) => [r.gemeenteCode, r.saldoVorigePeriode, r.signalen])).toEqual([
			['GM0518', -10, []],
			['GM0599', 12, ['saldo-wijkt-af']],
			// No end assessment of 2026-I for Dordrecht: nothing to compare with.
			['GM0505', -3, []],
			['GM0546', null, []]
		]);
		expect(p.waarschuwingen).toEqual([
			{
				rij: 3,
				kolom: 'Saldo vorige periode',
				code: 'saldo-wijkt-af',
				gemeenteCode: 'GM0599',
				maand: '2026-09',
				bericht:
					"rij 3, kolom 'Saldo vorige periode': COA meldt een saldo van +12 uit 2026-I; het portaal berekende +10 (eindbeoordeling 1 juli 2026). Het portaal rekent met zijn eigen saldo; controleer de COA-cijfers en die van 2026-I."
			}
		]);
	});

	it('commits the figures with COA saldo stored, keeps its own carry-over, and keeps the flag visible', async () => {
		const r = await importeerRealisatie(toezichthouder, september);
		expect(r.status).toBe('geimporteerd');
		const opgeslagen = await t.db
			.select({ code: realisatiecijfers.gemeenteCode, s: realisatiecijfers.saldoVorigePeriode })
			.from(realisatiecijfers)
			.where(eq(realisatiecijfers.maand, '2026-09'));
		expect(new Map(opgeslagen.map((x) => [x.code, x.s]))).toEqual(
			new Map([
				['GM0518', -10],
				['GM0599', 12],
				['GM0505', -3],
				['GM0546', null]
			])
		);
		// The 2026-II midpoint of Rotterdam carries the portal's +10, not COA's +12.
		const [midden] = await t.db
			.select()
			.from(beoordelingen)
			.where(
				and(
					eq(beoordelingen.gemeenteCode, 'GM0599'),
					eq(beoordelingen.periode, '2026-II'),
					eq(beoordelingen.kind, 'midpoint')
				)
			);
		expect(midden?.resultaat).toMatchObject({ saldoVorigePeriode: 10, opgave: 190 });

		expect(await cijferSignalen(t.db, ['GM0518', 'GM0599'], '2026-II')).toEqual([
			expect.objectContaining({
				gemeenteCode: 'GM0599',
				maand: '2026-09',
				code: 'saldo-wijkt-af',
				bestandsnaam: 'coa-2026-09.csv',
				rij: 3,
				tekst: expect.stringMatching(/^COA meldt een saldo van \+12 uit 2026-I; het portaal/)
			})
		]);
		expect(await cijferSignalen(t.db, ['GM0599'], '2026-I')).toEqual([]);
		const overzicht = await provincieOverzicht('PV28', '2026-II');
		const rij = (code: string) => overzicht.rijen.find((x) => x.gemeenteCode === code)!;
		expect(rij('GM0599').signalen.map((s) => s.code)).toEqual(['saldo-wijkt-af']);
		expect(rij('GM0599').opgave).toBe(190);
		expect(rij('GM0518').signalen).toEqual([]);
	});

	it('a later file without the column keeps the stored COA saldo, and with it the flag', async () => {
		const r = await importeerRealisatie(
			toezichthouder,
			csv(`${KOP}\nGM0599;2026-09;95;20;0;nee\n`, 'coa-2026-09-correctie.csv')
		);
		expect(r.status).toBe('geimporteerd');
		const [x] = await t.db
			.select()
			.from(realisatiecijfers)
			.where(
				and(eq(realisatiecijfers.gemeenteCode, 'GM0599'), eq(realisatiecijfers.maand, '2026-09'))
			);
		expect(x).toMatchObject({ gehuisvest: 95, saldoVorigePeriode: 12 });
		// The stored figures now come from the correction; the difference still stands.
		expect(await cijferSignalen(t.db, ['GM0599'], '2026-II')).toEqual([
			expect.objectContaining({
				code: 'saldo-wijkt-af',
				bestandsnaam: 'coa-2026-09-correctie.csv',
				tekst: expect.stringContaining('komt uit een eerdere import van deze maand')
			})
		]);
	});

	it('the gehuisvest-daalt flag is kept with its figures the same way', async () => {
		const r = await importeerRealisatie(
			toezichthouder,
			csv(`${KOP}\nGM0518;2026-10;25;20;0;nee\n`, 'coa-2026-10.csv')
		);
		expect(r.status).toBe('geimporteerd');
		expect(await cijferSignalen(t.db, ['GM0518'], '2026-II')).toEqual([
			expect.objectContaining({ maand: '2026-10', code: 'gehuisvest-daalt', rij: 2 })
		]);
	});

	describe('in the first period with a taakstelling, against the beginstand', () => {
		// Delft's first period with a taakstelling is 2026-II.
		const delft = (saldo: string) =>
			csv(`${KOP};achterstand/voorsprong\nGM0503;2026-07;5;10;0;nee;${saldo}\n`);

		it('without a beginstand the portal carries 0 and says so', async () => {
			const p = await previewRealisatieImport(delft('−12'));
			expect(p.regels[0]?.signalen).toEqual(['saldo-wijkt-af']);
			expect(p.waarschuwingen[0]).toMatchObject({ rij: 2, kolom: 'achterstand/voorsprong' });
			expect(p.waarschuwingen[0]?.bericht).toContain(
				'COA meldt een saldo van −12 bij de start van 2026-II; het portaal rekent met 0, omdat er geen stand bij aanvang is vastgelegd.'
			);
			expect((await previewRealisatieImport(delft('0'))).waarschuwingen).toEqual([]);
		});

		it('with a beginstand: the same saldo is no flag, another one is', async () => {
			const actor = await loadActor(t.db, toezichthouder.userId);
			const b = await legBeginstandVast(actor, toezichthouder, 'GM0503', {
				trede: '1',
				saldo: '-12',
				bron: 'Toezichtbrief 1 juli 2026, kenmerk PZH-2026-0100'
			});
			expect(b.ok).toBe(true);
			expect((await previewRealisatieImport(delft('-12'))).waarschuwingen).toEqual([]);
			const p = await previewRealisatieImport(delft('-10'));
			expect(p.regels[0]?.signalen).toEqual(['saldo-wijkt-af']);
			expect(p.waarschuwingen[0]?.bericht).toContain(
				'COA meldt een saldo van −10 bij de start van 2026-II; de vastgelegde stand bij aanvang zegt −12. Het portaal rekent met −12'
			);
		});
	});

	it.each([
		['Saldo begin periode', '-4'],
		['Overloop', '−4'],
		['Achterstand/Voorsprong', '- 4'],
		['saldo_vorige_periode', '-4']
	])("recognises the column '%s' and reads %j as −4", async (kolom, waarde) => {
		const p = await previewRealisatieImport(
			csv(`${KOP};${kolom}\nGM0546;2026-08;1;1;0;nee;${waarde}\n`)
		);
		expect(p.fouten).toEqual([]);
		expect(p.regels[0]?.saldoVorigePeriode).toBe(-4);
	});

	it('refuses a saldo that is not a whole number, with row and column', async () => {
		const p = await previewRealisatieImport(
			csv(`${KOP};overloop\nGM0546;2026-08;1;1;0;nee;twaalf\nGM0505;2026-08;1;1;0;nee;2,5\n`)
		);
		expect(p.fouten.map((f) => [f.rij, f.kolom, f.code])).toEqual([
			[2, 'overloop', 'geen-getal'],
			[3, 'overloop', 'geen-getal']
		]);
		expect(p.fouten[0]?.bericht).toContain("'twaalf' is geen saldo");
	});
});
