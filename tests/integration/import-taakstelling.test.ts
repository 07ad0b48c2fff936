import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
	auditLog,
	imports,
	realtimeGebeurtenissen,
	taakstellingen
} from '../../src/lib/server/db/schema';
import {
	importeerTaakstellingen,
	previewTaakstellingImport
} from '../../src/lib/server/services/taakstellingen';
import { auditActor, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;
let toezichthouder: Awaited<ReturnType<typeof auditActor>>;

const fixture = (naam: string) => ({
	naam,
	inhoud: new Uint8Array(readFileSync(`tests/fixtures/imports/${naam}`))
});
const csv = (tekst: string, naam = 'lijst.csv') => ({
	naam,
	inhoud: new TextEncoder().encode(tekst)
});

beforeAll(async () => {
	t = await testDatabase();
	toezichthouder = await auditActor(t.db, 'toezicht@regietafel.test');
});
afterAll(async () => {
	await t?.close();
});

async function tellingen() {
	return {
		taakstellingen: await rowCount(t.db, taakstellingen),
		imports: await rowCount(t.db, imports),
		audit: await rowCount(t.db, auditLog),
		events: await rowCount(t.db, realtimeGebeurtenissen)
	};
}

async function opgeslagen(periode: string) {
	return t.db
		.select({
			code: taakstellingen.gemeenteCode,
			aantal: taakstellingen.aantal,
			bron: taakstellingen.bron
		})
		.from(taakstellingen)
		.where(eq(taakstellingen.periode, periode))
		.orderBy(asc(taakstellingen.gemeenteCode));
}

describe('taakstelling import', () => {
	it('previews a new list as all "nieuw" and writes nothing', async () => {
		const voor = await tellingen();
		const p = await previewTaakstellingImport(fixture('taakstelling-2026-I.csv'), '2026-I');
		expect(p.fouten).toEqual([]);
		expect(p.waarschuwingen).toEqual([]);
		expect(p.jaar).toBe(2026);
		expect(p.telling).toEqual({ nieuw: 4, gewijzigd: 0, ongewijzigd: 0 });
		expect(p.regels[1]).toEqual({
			rij: 3,
			gemeenteCode: 'GM0518',
			gemeenteNaam: "'s-Gravenhage",
			provincieCode: 'PV28',
			aantal: 274,
			vorig: null,
			status: 'nieuw'
		});
		expect(p.alGeimporteerd).toBeNull();
		expect(await tellingen()).toEqual(voor);
	});

	it('commits in one go: rows, one import record, an audit row and one provincie event', async () => {
		const voor = await tellingen();
		const r = await importeerTaakstellingen(
			toezichthouder,
			fixture('taakstelling-2026-I.csv'),
			'2026-I'
		);
		expect(r.status).toBe('geimporteerd');
		if (r.status !== 'geimporteerd') return;
		expect(await opgeslagen('2026-I')).toEqual([
			{ code: 'GM0503', aantal: 52, bron: 'import' },
			{ code: 'GM0518', aantal: 274, bron: 'import' },
			{ code: 'GM0546', aantal: 66, bron: 'import' },
			{ code: 'GM0599', aantal: 331, bron: 'import' }
		]);
		expect(await tellingen()).toEqual({
			taakstellingen: voor.taakstellingen + 4,
			imports: voor.imports + 1,
			audit: voor.audit + 1,
			events: voor.events + 1
		});
		const [audit] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'import'), eq(auditLog.entityId, String(r.importId))));
		expect(audit).toMatchObject({ action: 'taakstelling', actorUserId: toezichthouder.userId });
		expect(audit?.after).toMatchObject({
			bestandsnaam: 'taakstelling-2026-I.csv',
			parameters: 'periode=2026-I',
			rijen: 4
		});
		const [ev] = await t.db
			.select()
			.from(realtimeGebeurtenissen)
			.where(eq(realtimeGebeurtenissen.kamer, 'provincie:PV28'));
		expect(ev?.type).toBe('taakstellingen.gewijzigd');
		expect(ev?.payload).toEqual({
			periode: '2026-I',
			importId: r.importId,
			gemeenten: ['GM0503', 'GM0518', 'GM0546', 'GM0599']
		});
	});

	it('the same file again is "al geïmporteerd" and writes nothing; the preview says so', async () => {
		const voor = await tellingen();
		const r = await importeerTaakstellingen(
			toezichthouder,
			fixture('taakstelling-2026-I.csv'),
			'2026-I'
		);
		expect(r.status).toBe('al-geimporteerd');
		if (r.status === 'al-geimporteerd') {
			expect(r.bericht).toMatch(/^Dit bestand is al geïmporteerd/);
		}
		expect(await tellingen()).toEqual(voor);
		const p = await previewTaakstellingImport(fixture('taakstelling-2026-I.csv'), '2026-I');
		expect(p.alGeimporteerd?.door).toBe(toezichthouder.label);
		expect(p.telling).toEqual({ nieuw: 0, gewijzigd: 0, ongewijzigd: 4 });
	});

	it('an XLSX with changed numbers previews "gewijzigd van → naar" and commits only changes', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Bijlage');
		ws.addRows([
			['CBS-code', 'Gemeente', 'Aantal'],
			['GM0503', 'Delft', 52],
			['GM0518', 'Den Haag', 280],
			['GM0599', 'Rotterdam', 331],
			['GM0505', 'Dordrecht', 40]
		]);
		const bestand = { naam: 'bijlage.xlsx', inhoud: new Uint8Array(await wb.xlsx.writeBuffer()) };
		const p = await previewTaakstellingImport(bestand, '2026-I');
		expect(p.fouten).toEqual([]);
		expect(p.regels.map((r) => [r.gemeenteCode, r.status, r.vorig, r.aantal])).toEqual([
			['GM0503', 'ongewijzigd', 52, 52],
			['GM0518', 'gewijzigd', 274, 280],
			['GM0599', 'ongewijzigd', 331, 331],
			['GM0505', 'nieuw', null, 40]
		]);
		// Den Haag is the common name of 's-Gravenhage, but not its CBS name: a warning, not an error.
		expect(p.waarschuwingen.map((w) => w.bericht)).toEqual([
			"rij 3, kolom 'Gemeente': 'Den Haag' is niet de naam van GM0518 in 2026 (dat is 's-Gravenhage); de code telt.",
			'GM0546 heeft een opgeslagen taakstelling voor 2026-I maar staat niet in het bestand; die blijft staan.'
		]);
		const r = await importeerTaakstellingen(toezichthouder, bestand, '2026-I');
		expect(r.status).toBe('geimporteerd');
		if (r.status !== 'geimporteerd') return;
		expect(r.samenvatting.wijzigingen).toEqual([
			{ gemeente: 'GM0518', van: 274, naar: 280 },
			{ gemeente: 'GM0505', van: null, naar: 40 }
		]);
		expect((await opgeslagen('2026-I')).map((x) => [x.code, x.aantal])).toEqual([
			['GM0503', 52],
			['GM0505', 40],
			['GM0518', 280],
			['GM0546', 66],
			['GM0599', 331]
		]);
		const [meld] = await t.db
			.select({ m: imports.meldingen })
			.from(imports)
			.where(eq(imports.id, r.importId));
		expect(meld?.m).toHaveLength(2);
	});

	it('a file with any row error writes nothing and lists every error with row and column', async () => {
		const voor = await tellingen();
		const rijenVoor = await opgeslagen('2026-I');
		const r = await importeerTaakstellingen(
			toezichthouder,
			fixture('taakstelling-fouten.csv'),
			'2026-I'
		);
		expect(r.status).toBe('geweigerd');
		if (r.status !== 'geweigerd') return;
		expect(r.fouten.map((f) => f.bericht)).toEqual([
			"rij 3, kolom 'aantal': '12a' is geen geheel getal.",
			"rij 4, kolom 'code': gemeentecode GM9999 bestaat niet in de gebiedsindeling van 2026.",
			"rij 5, kolom 'aantal': de taakstelling mag niet negatief zijn (-3).",
			"rij 6, kolom 'code': GM0503 staat al op rij 2.",
			"rij 7, kolom 'code': 'XX12' is geen gemeentecode (verwacht zoals GM0518).",
			"rij 8, kolom 'aantal': de taakstelling ontbreekt."
		]);
		expect(await tellingen()).toEqual(voor);
		expect(await opgeslagen('2026-I')).toEqual(rijenVoor);
	});

	it('a periode whose year has no gemeenten is refused with a clear message', async () => {
		const p = await previewTaakstellingImport(fixture('taakstelling-2026-I.csv'), '2027-I');
		expect(p.fouten.map((f) => f.bericht)).toEqual([
			'Voor 2027 zijn geen gemeenten bekend (de gebiedsindeling van 1 januari 2027 ontbreekt); laad eerst de gemeenten van 2027.'
		]);
		const voor = await tellingen();
		const r = await importeerTaakstellingen(
			toezichthouder,
			fixture('taakstelling-2026-I.csv'),
			'2027-I'
		);
		expect(r.status).toBe('geweigerd');
		expect(await tellingen()).toEqual(voor);
	});

	it.each([
		[
			'an invalid periode',
			csv('code;aantal\nGM0503;1\n'),
			'2026-III',
			"'2026-III' is geen halfjaar"
		],
		[
			'a missing column',
			csv('code;naam\nGM0503;Delft\n'),
			'2026-II',
			"kolom 'taakstelling' ontbreekt"
		],
		['an empty file', csv(''), '2026-II', 'Het bestand is leeg.'],
		['only a header', csv('code;aantal\n'), '2026-II', 'geen rijen onder de kopregel']
	])('refuses %s', async (_, bestand, periode, bericht) => {
		const voor = await tellingen();
		const r = await importeerTaakstellingen(toezichthouder, bestand, periode);
		expect(r.status).toBe('geweigerd');
		if (r.status === 'geweigerd') expect(r.fouten[0]?.bericht).toContain(bericht);
		expect(await tellingen()).toEqual(voor);
	});

	it('the same file for another periode is a separate import', async () => {
		const r = await importeerTaakstellingen(
			toezichthouder,
			fixture('taakstelling-2026-I.csv'),
			'2026-II'
		);
		expect(r.status).toBe('geimporteerd');
		expect(await opgeslagen('2026-II')).toHaveLength(4);
	});

	it('the database refuses a negative taakstelling even past the service', async () => {
		const [imp] = await t.db.select({ id: imports.id }).from(imports).limit(1);
		await expect(
			t.db.insert(taakstellingen).values({
				periode: '2025-I',
				gemeenteCode: 'GM0503',
				aantal: -1,
				bron: 'import',
				importId: imp!.id
			})
		).rejects.toThrow();
	});
});
