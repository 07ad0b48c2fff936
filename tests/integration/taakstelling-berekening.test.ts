import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import {
	auditLog,
	bevolking,
	imports,
	realtimeGebeurtenissen,
	taakstellingen
} from '../../src/lib/server/db/schema';
import {
	importeerBevolking,
	previewBevolkingImport
} from '../../src/lib/server/services/bevolking';
import {
	berekenTaakstellingen,
	importeerTaakstellingen,
	legBerekeningVast
} from '../../src/lib/server/services/taakstellingen';
import { auditActor, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;
let toezichthouder: Awaited<ReturnType<typeof auditActor>>;

const fixture = (naam: string) => ({
	naam,
	inhoud: new Uint8Array(readFileSync(`tests/fixtures/imports/${naam}`))
});
const csv = (tekst: string, naam = 'bevolking.csv') => ({
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
		bevolking: await rowCount(t.db, bevolking),
		imports: await rowCount(t.db, imports),
		audit: await rowCount(t.db, auditLog),
		events: await rowCount(t.db, realtimeGebeurtenissen)
	};
}

describe('CBS population import', () => {
	it('previews gemeenten and NL01, skipping other regions with a warning', async () => {
		const voor = await tellingen();
		const p = await previewBevolkingImport(fixture('bevolking-2025.csv'));
		expect(p.fouten).toEqual([]);
		expect(p.regels.map((r) => [r.rij, r.code, r.inwoners, r.status])).toEqual([
			[2, 'NL01', 1_000_000, 'nieuw'],
			[3, 'GM0503', 100_000, 'nieuw'],
			[4, 'GM0518', 250_000, 'nieuw'],
			[5, 'GM0599', 300_000, 'nieuw'],
			[6, 'GM0546', 50_000, 'nieuw'],
			[7, 'GM9001', 200_000, 'nieuw'],
			[8, 'GM9002', 100_000, 'nieuw']
		]);
		expect(p.waarschuwingen.map((w) => w.code)).toEqual(['regio-overgeslagen']);
		expect(await tellingen()).toEqual(voor);
	});

	it('commits once (audit, no event) and is idempotent', async () => {
		const voor = await tellingen();
		const r = await importeerBevolking(toezichthouder, fixture('bevolking-2025.csv'));
		expect(r.status).toBe('geimporteerd');
		expect(await tellingen()).toEqual({
			...voor,
			bevolking: voor.bevolking + 7,
			imports: voor.imports + 1,
			audit: voor.audit + 1
		});
		const nogmaals = await importeerBevolking(toezichthouder, fixture('bevolking-2025.csv'));
		expect(nogmaals.status).toBe('al-geimporteerd');
		expect(await rowCount(t.db, auditLog)).toBe(voor.audit + 1);
	});

	it('refuses bad rows with row and column, writing nothing', async () => {
		const voor = await tellingen();
		const r = await importeerBevolking(
			toezichthouder,
			csv(
				'Regiocode,Perioden,Bevolking op 1 januari\nGM0503,2024JJ00,10\nGM0503,2024JJ00,11\nGM05x,2024,3\nGM0518,24,5\nGM0599,2024,-1\n'
			)
		);
		expect(r.status).toBe('geweigerd');
		if (r.status !== 'geweigerd') return;
		expect(r.fouten.map((f) => f.bericht)).toEqual([
			"rij 3, kolom 'Regiocode': GM0503 (2024) staat al op rij 2.",
			"rij 4, kolom 'Regiocode': 'GM05x' is geen gemeentecode (GMxxxx) of landcode (NL01).",
			"rij 5, kolom 'Perioden': '24' is geen jaar.",
			"rij 6, kolom 'Bevolking op 1 januari': het aantal inwoners mag niet negatief zijn (-1)."
		]);
		expect(await tellingen()).toEqual(voor);
	});
});

describe('taakstelling computed from vg', () => {
	it('previews ceil(vg × iG / iN) with iN from NL01, for the gemeenten of the year only', async () => {
		const voor = await tellingen();
		const p = await berekenTaakstellingen('2026-I', 333);
		expect(p.fouten).toEqual([]);
		expect(p.peiljaar).toBe(2025);
		expect(p.iN).toBe(1_000_000);
		// 33.3 → 34, 83.25 → 84, 16.65 → 17, 99.9 → 100; GM9001 (66.6 → 67) and GM9002 (33.3 → 34)
		// share in the national distribution but are not gemeenten of the demo's 2026.
		expect(p.regels.map((r) => [r.gemeenteCode, r.aantal, r.status])).toEqual([
			['GM0503', 34, 'nieuw'],
			['GM0518', 84, 'nieuw'],
			['GM0546', 17, 'nieuw'],
			['GM0599', 100, 'nieuw']
		]);
		expect(p.somLandelijk).toBe(34 + 84 + 17 + 100 + 67 + 34);
		// Every other Zuid-Holland gemeente of 2026 lacks a population in the fixture.
		expect(p.waarschuwingen.map((w) => w.code)).toEqual(['geen-bevolking-gemeente']);
		expect(p.waarschuwingen[0]?.bericht).toContain('GM0505');
		expect(await tellingen()).toEqual(voor);
	});

	it('commits with bron "berekend" and vg, publishes to the provincie, and is idempotent', async () => {
		const voor = await tellingen();
		const r = await legBerekeningVast(toezichthouder, '2026-I', 333);
		expect(r.status).toBe('geimporteerd');
		const rows = await t.db
			.select()
			.from(taakstellingen)
			.where(eq(taakstellingen.periode, '2026-I'))
			.orderBy(asc(taakstellingen.gemeenteCode));
		expect(rows.map((x) => [x.gemeenteCode, x.aantal, x.bron, x.vg])).toEqual([
			['GM0503', 34, 'berekend', 333],
			['GM0518', 84, 'berekend', 333],
			['GM0546', 17, 'berekend', 333],
			['GM0599', 100, 'berekend', 333]
		]);
		expect(await tellingen()).toEqual({
			...voor,
			taakstellingen: voor.taakstellingen + 4,
			imports: voor.imports + 1,
			audit: voor.audit + 1,
			events: voor.events + 1
		});
		expect((await legBerekeningVast(toezichthouder, '2026-I', 333)).status).toBe('al-geimporteerd');
		expect((await berekenTaakstellingen('2026-I', 333)).alGeimporteerd).not.toBeNull();
		expect(await rowCount(t.db, imports)).toBe(voor.imports + 1);
	});

	it('an official list afterwards replaces computed numbers as "gewijzigd" with bron import', async () => {
		const r = await importeerTaakstellingen(
			toezichthouder,
			fixture('taakstelling-2026-I.csv'),
			'2026-I'
		);
		expect(r.status).toBe('geimporteerd');
		if (r.status !== 'geimporteerd') return;
		expect(r.samenvatting.gewijzigd).toBe(4);
		const [row] = await t.db
			.select()
			.from(taakstellingen)
			.where(and(eq(taakstellingen.periode, '2026-I'), eq(taakstellingen.gemeenteCode, 'GM0518')));
		expect(row).toMatchObject({ aantal: 274, bron: 'import', vg: null });
	});

	it('refuses when the gemeenten do not add up to NL01', async () => {
		const imp = await importeerBevolking(
			toezichthouder,
			csv('regiocode;jaar;bevolking_1_januari\nNL01;2024;1000\nGM0503;2024;400\nGM0518;2024;500\n')
		);
		expect(imp.status).toBe('geimporteerd');
		if (imp.status === 'geimporteerd') {
			expect(imp.waarschuwingen.map((w) => w.code)).toEqual(['som-wijkt-af']);
		}
		const voor = await tellingen();
		const r = await legBerekeningVast(toezichthouder, '2025-II', 100);
		expect(r.status).toBe('geweigerd');
		if (r.status !== 'geweigerd') return;
		expect(r.fouten.map((f) => f.bericht)).toEqual([
			'De gemeenten tellen op 1 januari 2024 op tot 900 inwoners, maar Nederland (NL01) heeft er 1000: de bevolkingslijst is niet volledig of bevat te veel gemeenten. Importeer een volledige lijst.',
			'Voor 2025 zijn geen gemeenten bekend (de gebiedsindeling van 1 januari 2025 ontbreekt); laad eerst de gemeenten van 2025.'
		]);
		expect(await tellingen()).toEqual(voor);
	});

	it.each([
		['no population for the peiljaar', '2027-I', 10, 'geen bevolkingscijfers van 1 januari 2026'],
		['a negative vg', '2026-II', -5, 'moet een geheel getal ≥ 0 zijn'],
		['an invalid periode', '2026', 10, "'2026' is geen halfjaar"]
	])('refuses %s', async (_, periode, vg, bericht) => {
		const p = await berekenTaakstellingen(periode, vg);
		expect(p.fouten.map((f) => f.bericht).join(' ')).toContain(bericht);
		expect(p.regels).toEqual([]);
	});
});
