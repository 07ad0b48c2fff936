import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
	auditLog,
	imports,
	realisatiecijfers,
	realtimeGebeurtenissen
} from '../../src/lib/server/db/schema';
import { leesMaand } from '../../src/lib/server/import/realisatie';
import {
	importeerRealisatie,
	previewRealisatieImport
} from '../../src/lib/server/services/realisatie';
import { auditActor, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;
let toezichthouder: Awaited<ReturnType<typeof auditActor>>;

const maartCsv = () => ({
	naam: 'realisatie-2026-03.csv',
	inhoud: new Uint8Array(readFileSync('tests/fixtures/imports/realisatie-2026-03.csv'))
});
const csv = (tekst: string) => ({ naam: 'coa.csv', inhoud: new TextEncoder().encode(tekst) });

beforeAll(async () => {
	t = await testDatabase();
	toezichthouder = await auditActor(t.db, 'toezicht@regietafel.test');
});
afterAll(async () => {
	await t?.close();
});

async function tellingen() {
	return {
		cijfers: await rowCount(t.db, realisatiecijfers),
		imports: await rowCount(t.db, imports),
		audit: await rowCount(t.db, auditLog),
		events: await rowCount(t.db, realtimeGebeurtenissen)
	};
}

describe('COA realisatiecijfers import', () => {
	it('previews a month as "nieuw" with the periode derived from the month; writes nothing', async () => {
		const voor = await tellingen();
		const p = await previewRealisatieImport(maartCsv());
		expect(p.fouten).toEqual([]);
		expect(p.waarschuwingen).toEqual([]);
		expect(p.regels[2]).toMatchObject({
			rij: 4,
			gemeenteCode: 'GM0599',
			maand: '2026-03',
			periode: '2026-I',
			gehuisvest: 90,
			koppelingen: 60,
			omkoppelingen: 0,
			stapelgemeente: true,
			vorig: null,
			status: 'nieuw',
			signalen: []
		});
		expect(await tellingen()).toEqual(voor);
	});

	it('commits all rows with one audit row and one event in the provincie room; a repeat is a no-op', async () => {
		const voor = await tellingen();
		const r = await importeerRealisatie(toezichthouder, maartCsv());
		expect(r.status).toBe('geimporteerd');
		expect(await tellingen()).toEqual({
			cijfers: voor.cijfers + 3,
			imports: voor.imports + 1,
			audit: voor.audit + 1,
			events: voor.events + 1
		});
		const [ev] = await t.db
			.select()
			.from(realtimeGebeurtenissen)
			.where(eq(realtimeGebeurtenissen.kamer, 'provincie:PV28'));
		expect(ev).toMatchObject({ type: 'realisatie.gewijzigd' });
		expect(ev?.payload).toMatchObject({
			maanden: ['2026-03'],
			gemeenten: ['GM0503', 'GM0518', 'GM0599']
		});
		const nogmaals = await importeerRealisatie(toezichthouder, maartCsv());
		expect(nogmaals.status).toBe('al-geimporteerd');
		expect(await tellingen()).toEqual({
			cijfers: voor.cijfers + 3,
			imports: voor.imports + 1,
			audit: voor.audit + 1,
			events: voor.events + 1
		});
	});

	it('an XLSX with a peilmaand chosen on import flags gehuisvest falling within the period', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('TVS').addRows([
			[
				'CBS-code',
				'Gemeente',
				'Gerealiseerd',
				'Koppelingen incl. prognose',
				'Omkoppelingen',
				'Stapel'
			],
			['GM0503', 'Delft', 18, 4, 0, 'nee'],
			['GM0518', "'s-Gravenhage", 110, 35, 1, 'nee']
		]);
		const bestand = { naam: 'tvs-april.xlsx', inhoud: new Uint8Array(await wb.xlsx.writeBuffer()) };
		const p = await previewRealisatieImport(bestand, '2026-04');
		expect(p.fouten).toEqual([]);
		expect(p.regels.map((r) => [r.gemeenteCode, r.maand, r.status, r.signalen])).toEqual([
			['GM0503', '2026-04', 'nieuw', ['gehuisvest-daalt']],
			['GM0518', '2026-04', 'nieuw', []]
		]);
		expect(p.waarschuwingen.map((w) => w.bericht)).toEqual([
			"rij 2, kolom 'Gerealiseerd': gehuisvest van GM0503 daalt binnen 2026-I van 20 (2026-03) naar 18 (2026-04); het telt sinds de start van de periode en kan niet dalen. Controleer de COA-cijfers."
		]);
		// A flag is shown, not a reason to refuse: the import goes through and keeps the flag.
		const r = await importeerRealisatie(toezichthouder, bestand, '2026-04');
		expect(r.status).toBe('geimporteerd');
		if (r.status !== 'geimporteerd') return;
		const [imp] = await t.db.select().from(imports).where(eq(imports.id, r.importId));
		expect(imp?.parameters).toBe('peilmaand=2026-04');
		expect(imp?.meldingen).toEqual([expect.objectContaining({ code: 'gehuisvest-daalt', rij: 2 })]);
	});

	it('a corrected earlier month shows "gewijzigd" with the stored values and flags a lower later month', async () => {
		const p = await previewRealisatieImport(
			csv(
				'gemeentecode;maand;gehuisvest;koppelingen;omkoppelingen;stapelgemeente\nGM0518;2026-03;120;40;1;nee\n'
			)
		);
		expect(p.regels[0]).toMatchObject({
			status: 'gewijzigd',
			vorig: { gehuisvest: 100, koppelingen: 40, omkoppelingen: 1, stapelgemeente: false },
			signalen: ['gehuisvest-daalt']
		});
		expect(p.waarschuwingen[0]?.bericht).toContain(
			'het opgeslagen cijfer van 2026-04 is lager (110)'
		);
	});

	it('refuses the whole file when any row is wrong and says where', async () => {
		const voor = await tellingen();
		const opgeslagen = await t.db
			.select()
			.from(realisatiecijfers)
			.orderBy(asc(realisatiecijfers.maand));
		const r = await importeerRealisatie(
			toezichthouder,
			csv(
				[
					'gemeentecode;maand;gehuisvest;koppelingen;omkoppelingen;stapelgemeente',
					'GM0546;2026-05;10;-2;0;nee',
					'GM9999;2026-05;1;1;0;nee',
					'GM0505;2026-05;3;1;0;misschien',
					'GM0505;2026-13;3;1;0;nee',
					'GM0513;2026-05;4;1;0;ja',
					'GM0513;mei 2026;4;1;0;ja',
					'GM0534;2026-05;4,5;1;0;nee'
				].join('\n')
			)
		);
		expect(r.status).toBe('geweigerd');
		if (r.status !== 'geweigerd') return;
		expect(r.fouten.map((f) => [f.code, f.bericht])).toEqual([
			[
				'koppelingen-negatief',
				"rij 2, kolom 'koppelingen': koppelingen kan niet onder nul liggen (-2)."
			],
			[
				'code-onbekend',
				"rij 3, kolom 'gemeentecode': gemeentecode GM9999 bestaat niet in de gebiedsindeling van 2026."
			],
			['geen-ja-nee', "rij 4, kolom 'stapelgemeente': 'misschien' is geen ja of nee."],
			['maand-ongeldig', "rij 5, kolom 'maand': '2026-13' is geen maand zoals '2026-03'."],
			['gemeente-dubbel', "rij 7, kolom 'gemeentecode': GM0513 staat voor 2026-05 al op rij 6."],
			['geen-getal', "rij 8, kolom 'gehuisvest': '4,5' is geen geheel getal."]
		]);
		expect(await tellingen()).toEqual(voor);
		expect(
			await t.db.select().from(realisatiecijfers).orderBy(asc(realisatiecijfers.maand))
		).toEqual(opgeslagen);
	});

	it.each([
		[
			'no month column and no peilmaand',
			'gemeentecode;gehuisvest;koppelingen;omkoppelingen;stapelgemeente\nGM0503;1;1;0;nee\n',
			"Het bestand heeft geen kolom 'maand'; kies de peilmaand."
		],
		[
			'a month whose year has no gemeenten',
			'gemeentecode;maand;gehuisvest;koppelingen;omkoppelingen;stapelgemeente\nGM0503;2027-01;1;1;0;nee\n',
			'Voor 2027 zijn geen gemeenten bekend'
		]
	])('refuses %s', async (_, tekst, bericht) => {
		const r = await importeerRealisatie(toezichthouder, csv(tekst));
		expect(r.status).toBe('geweigerd');
		if (r.status === 'geweigerd') expect(r.fouten[0]?.bericht).toContain(bericht);
	});

	it.each([
		['2026-03', '2026-03'],
		['2026-3', '2026-03'],
		['03-2026', '2026-03'],
		['3/2026', '2026-03'],
		['202603', '2026-03'],
		['2026-03-31', '2026-03'],
		['maart 2026', '2026-03'],
		['okt 2026', '2026-10'],
		['2026-13', null],
		['maand', null]
	])('leesMaand(%j) = %j', (tekst, verwacht) => {
		expect(leesMaand(tekst)).toBe(verwacht);
	});
});
