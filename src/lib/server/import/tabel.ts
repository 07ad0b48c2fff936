import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';

/**
 * Tabular files as they arrive from CBS, COA and the Rijk: CSV (';' or ',', UTF-8 with or
 * without BOM, or the Windows-1252 that Excel still writes) or XLSX (first worksheet). Both become
 * rows of string cells with their 1-based row number in the file, so that every message can point
 * at "rij 7, kolom 'aantal'". Interpretation of the cells is left to each importer.
 */

export interface Bestand {
	naam: string;
	inhoud: Uint8Array;
}

export interface TabelRij {
	/** 1-based row number in the file (the header is row 1 when it is the first line). */
	rij: number;
	cellen: string[];
}

export interface Tabel {
	/** Header names as written in the file (trimmed). */
	kolommen: string[];
	rijen: TabelRij[];
}

/** A finding about a file, a row or a cell. `bericht` is the complete Dutch sentence. */
export interface Melding {
	rij: number | null;
	kolom: string | null;
	code: string;
	bericht: string;
	/**
	 * For a consistency flag about a gemeente's figures of one month (COA figures): which ones,
	 * so that the pages can show the flag next to those figures after the commit.
	 */
	gemeenteCode?: string;
	maand?: string;
}

export function melding(
	code: string,
	tekst: string,
	plaats: { rij?: number | null; kolom?: string | null } = {}
): Melding {
	const rij = plaats.rij ?? null;
	const kolom = plaats.kolom ?? null;
	const waar = [rij !== null ? `rij ${rij}` : null, kolom !== null ? `kolom '${kolom}'` : null]
		.filter(Boolean)
		.join(', ');
	return { rij, kolom, code, bericht: waar ? `${waar}: ${tekst}` : tekst };
}

export class TabelFout extends Error {}

export function sha256(inhoud: Uint8Array | string): string {
	return createHash('sha256').update(inhoud).digest('hex');
}

const isXlsx = (b: Bestand) =>
	/\.xlsx$/i.test(b.naam) ||
	(b.inhoud[0] === 0x50 && b.inhoud[1] === 0x4b && b.inhoud[2] === 0x03 && b.inhoud[3] === 0x04);

/** Reads a CSV or XLSX file; throws TabelFout (Dutch message) when it cannot be read at all. */
export async function leesTabel(bestand: Bestand): Promise<Tabel> {
	const ruw = isXlsx(bestand) ? await leesXlsx(bestand.inhoud) : leesCsv(bestand.inhoud);
	// The first non-empty row is the header; empty rows (Excel leaves them) are skipped.
	const gevuld = ruw.filter((r) => r.cellen.some((c) => c !== ''));
	const [kop, ...rijen] = gevuld;
	if (!kop) throw new TabelFout('Het bestand is leeg.');
	return { kolommen: kop.cellen, rijen };
}

function decodeer(inhoud: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(inhoud);
	} catch {
		// Not valid UTF-8: Excel's "CSV (gescheiden door lijstscheidingsteken)" is Windows-1252.
		return new TextDecoder('windows-1252').decode(inhoud);
	}
}

function leesCsv(inhoud: Uint8Array): TabelRij[] {
	const tekst = decodeer(inhoud).replace(/^\uFEFF/, '');
	const eersteRegel = tekst.split(/\r?\n/).find((r) => r.trim() !== '') ?? '';
	// Dutch Excel writes ';', CBS StatLine and most tools ','. The header decides: it has no
	// numbers with decimal commas, so counting separators there is reliable.
	const tel = (t: string) => eersteRegel.split(t).length - 1;
	const delimiter = tel(';') >= tel(',') && tel(';') > 0 ? ';' : tel('\t') > tel(',') ? '\t' : ',';
	const res = Papa.parse<string[]>(tekst, { delimiter, skipEmptyLines: false });
	const fout = res.errors.find((e) => e.type === 'Quotes');
	if (fout) {
		throw new TabelFout(
			`Het CSV-bestand is niet te lezen (rij ${(fout.row ?? 0) + 1}: aanhalingstekens kloppen niet).`
		);
	}
	return res.data.map((cellen, i) => ({ rij: i + 1, cellen: cellen.map((c) => c.trim()) }));
}

async function leesXlsx(inhoud: Uint8Array): Promise<TabelRij[]> {
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(inhoud as unknown as ArrayBuffer);
	} catch {
		throw new TabelFout('Het Excel-bestand is niet te lezen (geen geldig .xlsx-bestand).');
	}
	const blad = wb.worksheets[0];
	if (!blad) throw new TabelFout('Het Excel-bestand heeft geen werkblad.');
	const rijen: TabelRij[] = [];
	blad.eachRow({ includeEmpty: false }, (row, nummer) => {
		const cellen: string[] = [];
		for (let k = 1; k <= blad.columnCount; k++) cellen.push(celTekst(row.getCell(k).value));
		rijen.push({ rij: nummer, cellen });
	});
	return rijen;
}

function celTekst(v: ExcelJS.CellValue): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') {
		// A non-integer renders with a decimal comma, so it is never read as a thousands group.
		return Number.isInteger(v) ? String(v) : String(v).replace('.', ',');
	}
	if (typeof v === 'string') return v.trim();
	if (typeof v === 'boolean') return v ? 'ja' : 'nee';
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	if ('richText' in v) {
		return v.richText
			.map((r) => r.text)
			.join('')
			.trim();
	}
	if ('result' in v) return celTekst(v.result as ExcelJS.CellValue);
	if ('text' in v) return String(v.text).trim();
	if ('error' in v) return '';
	return '';
}

/** Lower case, without accents, spaces, dashes, underscores or dots: 'CBS-code' → 'cbscode'. */
export function normaliseerKop(kop: string): string {
	return kop
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[\s_\-.]+/g, '');
}

export interface KolomSpec {
	/** Accepted header names; matched after normaliseerKop. The first is shown in messages. */
	namen: readonly string[];
	verplicht: boolean;
}

export type KolomIndex<K extends string> = { [k in K]?: { index: number; naam: string } };

/**
 * Finds each wanted column by its accepted names. Missing required columns are errors; a
 * column matched twice (e.g. both 'code' and 'gemeentecode') is an error too, because the
 * importer could not know which one is meant.
 */
export function koppelKolommen<K extends string>(
	tabel: Tabel,
	spec: Record<K, KolomSpec>
): { kolommen: KolomIndex<K>; fouten: Melding[] } {
	const kolommen: KolomIndex<K> = {};
	const fouten: Melding[] = [];
	const koppen = tabel.kolommen.map(normaliseerKop);
	for (const sleutel of Object.keys(spec) as K[]) {
		const { namen, verplicht } = spec[sleutel];
		const gezocht = new Set(namen.map(normaliseerKop));
		const treffers = koppen.flatMap((k, i) => (gezocht.has(k) ? [i] : []));
		if (treffers.length > 1) {
			const dubbel = treffers.map((i) => `'${tabel.kolommen[i]}'`).join(' en ');
			fouten.push(
				melding(
					'kolom-dubbel',
					`de kolommen ${dubbel} betekenen allebei '${namen[0]}'; laat er één over.`,
					{ rij: 1 }
				)
			);
		} else if (treffers.length === 1) {
			const index = treffers[0]!;
			kolommen[sleutel] = { index, naam: tabel.kolommen[index]! };
		} else if (verplicht) {
			fouten.push(
				melding(
					'kolom-ontbreekt',
					`kolom '${namen[0]}' ontbreekt (toegestane namen: ${namen.map((n) => `'${n}'`).join(', ')}).`,
					{ rij: 1 }
				)
			);
		}
	}
	return { kolommen, fouten };
}

export function cel<K extends string>(
	rij: TabelRij,
	kolommen: KolomIndex<K>,
	sleutel: K
): { waarde: string; kolom: string } | null {
	const k = kolommen[sleutel];
	if (!k) return null;
	return { waarde: rij.cellen[k.index] ?? '', kolom: k.naam };
}

/**
 * A whole number as CBS, COA or Excel write it: '1234', '1.234' or '1 234' (Dutch thousands
 * separators). A decimal value ('12,5') is refused rather than rounded.
 */
export function leesGeheelGetal(tekst: string): number | null {
	const t = tekst.replace(/[\s\u00a0]/g, '');
	if (/^-?\d+$/.test(t) || /^-?\d{1,3}(\.\d{3})+$/.test(t)) {
		const n = Number(t.replace(/\./g, ''));
		return Number.isSafeInteger(n) ? n : null;
	}
	return null;
}

const JA = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const NEE = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0', '']);

export function leesJaNee(tekst: string): boolean | null {
	const t = tekst.trim().toLowerCase();
	if (JA.has(t)) return true;
	if (NEE.has(t)) return false;
	return null;
}

/** 'GM518', 'gm0518', '518' and '0518' all mean GM0518. */
export function leesGemeentecode(tekst: string): string | null {
	const m = /^(?:gm)?\s*(\d{1,4})$/i.exec(tekst.trim());
	return m ? `GM${m[1]!.padStart(4, '0')}` : null;
}
