import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
	koppelKolommen,
	leesGeheelGetal,
	leesGemeentecode,
	leesJaNee,
	leesTabel,
	TabelFout,
	type Tabel
} from './tabel';

const csv = (tekst: string, naam = 'lijst.csv') => ({
	naam,
	inhoud: new TextEncoder().encode(tekst)
});

async function xlsx(rijen: unknown[][], naam = 'lijst.xlsx') {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Blad1');
	for (const r of rijen) ws.addRow(r);
	wb.addWorksheet('Tweede blad').addRow(['niet', 'lezen']);
	return { naam, inhoud: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

describe('leesTabel', () => {
	it('reads a semicolon CSV with a BOM and CRLF, keeping row numbers of the file', async () => {
		const t = await leesTabel(csv('\uFEFFcode;aantal\r\nGM0503;52\r\n\r\nGM0518;1.274\r\n'));
		expect(t.kolommen).toEqual(['code', 'aantal']);
		expect(t.rijen).toEqual([
			{ rij: 2, cellen: ['GM0503', '52'] },
			{ rij: 4, cellen: ['GM0518', '1.274'] }
		]);
	});

	it('reads a comma CSV with quoted fields containing the other separator', async () => {
		const t = await leesTabel(csv('code,naam,aantal\nGM0518,"Gravenhage; \'s-",3\n'));
		expect(t.rijen[0]?.cellen).toEqual(['GM0518', "Gravenhage; 's-", '3']);
	});

	it('reads Windows-1252 (Excel "CSV gescheiden door lijstscheidingsteken")', async () => {
		const bytes = Uint8Array.from([
			...new TextEncoder().encode('naam;aantal\nGo'),
			0xeb, // ë in Windows-1252, invalid as UTF-8
			...new TextEncoder().encode('ree;1\n')
		]);
		const t = await leesTabel({ naam: 'x.csv', inhoud: bytes });
		expect(t.rijen[0]?.cellen[0]).toBe('Goëree');
	});

	it('reads the first worksheet of an XLSX with its row numbers and cell types', async () => {
		const t = await leesTabel(
			await xlsx([
				['Gemeentecode', 'Taakstelling', 'Stapelgemeente', 'Rest'],
				['GM0503', 52, true, { formula: '1+1', result: 2 }],
				[],
				['GM0518', 12.5, false, { richText: [{ text: 'a' }, { text: 'b' }] }]
			])
		);
		expect(t.kolommen).toEqual(['Gemeentecode', 'Taakstelling', 'Stapelgemeente', 'Rest']);
		expect(t.rijen).toEqual([
			{ rij: 2, cellen: ['GM0503', '52', 'ja', '2'] },
			// A decimal renders with a comma, so it can never pass as a thousands group.
			{ rij: 4, cellen: ['GM0518', '12,5', 'nee', 'ab'] }
		]);
	});

	it('recognises an XLSX by its content even with another extension', async () => {
		const b = await xlsx([['code'], ['GM0503']], 'lijst.bin');
		expect((await leesTabel(b)).rijen).toHaveLength(1);
	});

	it.each([
		['an empty CSV', csv(''), 'Het bestand is leeg.'],
		['a CSV of empty lines', csv('\n;;\n'), 'Het bestand is leeg.'],
		[
			'a broken XLSX',
			{ naam: 'x.xlsx', inhoud: new Uint8Array([1, 2, 3]) },
			'Het Excel-bestand is niet te lezen (geen geldig .xlsx-bestand).'
		]
	])('refuses %s with a Dutch message', async (_, bestand, bericht) => {
		await expect(leesTabel(bestand)).rejects.toThrow(new TabelFout(bericht));
	});
});

describe('koppelKolommen', () => {
	const spec = {
		code: { namen: ['gemeentecode', 'code', 'cbs-code'], verplicht: true },
		aantal: { namen: ['taakstelling', 'aantal'], verplicht: true },
		naam: { namen: ['gemeentenaam'], verplicht: false }
	};
	const tabel = (kolommen: string[]): Tabel => ({ kolommen, rijen: [] });

	it.each([
		[['CBS-code', 'Taakstelling'], 0, 1],
		[['Gemeente code', 'AANTAL'], 0, 1],
		[['naam', 'cbs_code', 'taak-stelling'], 1, 2]
	])('matches header variants %j', (kolommen, code, aantal) => {
		const r = koppelKolommen(tabel(kolommen), spec);
		expect(r.fouten).toEqual([]);
		expect(r.kolommen.code?.index).toBe(code);
		expect(r.kolommen.aantal?.index).toBe(aantal);
		expect(r.kolommen.naam).toBeUndefined();
	});

	it('reports a missing required column and an ambiguous one', () => {
		const r = koppelKolommen(tabel(['code', 'Gemeentecode', 'gemeentenaam']), spec);
		expect(r.fouten.map((f) => f.bericht)).toEqual([
			"rij 1: de kolommen 'code' en 'Gemeentecode' betekenen allebei 'gemeentecode'; laat er één over.",
			"rij 1: kolom 'taakstelling' ontbreekt (toegestane namen: 'taakstelling', 'aantal')."
		]);
	});
});

describe('cell readers', () => {
	it.each([
		['52', 52],
		['1.274', 1274],
		['1 274', 1274],
		['-3', -3],
		['0', 0],
		['12,5', null],
		['12.5', null],
		['12a', null],
		['', null],
		['1.27', null]
	])('leesGeheelGetal(%j) = %j', (tekst, verwacht) => {
		expect(leesGeheelGetal(tekst)).toBe(verwacht);
	});

	it.each([
		['GM0518', 'GM0518'],
		['gm518', 'GM0518'],
		['518', 'GM0518'],
		['GM 0518', 'GM0518'],
		['PV28', null],
		['GM05180', null]
	])('leesGemeentecode(%j) = %j', (tekst, verwacht) => {
		expect(leesGemeentecode(tekst)).toBe(verwacht);
	});

	it.each([
		['ja', true],
		['J', true],
		['x', true],
		['nee', false],
		['', false],
		['misschien', null]
	])('leesJaNee(%j) = %j', (tekst, verwacht) => {
		expect(leesJaNee(tekst)).toBe(verwacht);
	});
});
