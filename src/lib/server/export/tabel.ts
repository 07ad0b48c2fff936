import { error } from '@sveltejs/kit';
import ExcelJS from 'exceljs';

export type Cel = string | number | null;
export type Formaat = 'csv' | 'xlsx';

/** `?formaat=csv|xlsx` (csv when absent); anything else is a 400 with a Dutch message. */
export function leesFormaat(url: URL): Formaat {
	const formaat = url.searchParams.get('formaat') ?? 'csv';
	if (formaat !== 'csv' && formaat !== 'xlsx') error(400, 'Kies formaat=csv of formaat=xlsx.');
	return formaat;
}

/** CSV with ';' (what Dutch Excel opens directly), quoted where needed. */
function csvCel(v: Cel): string {
	if (v === null) return '';
	const s = String(v);
	return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * A table as a download: CSV (UTF-8 with BOM, so Excel reads the accents) or XLSX with a bold
 * header row. `naam` is the file name without extension (ASCII: codes and periods only).
 */
export async function tabelDownload(
	naam: string,
	blad: string,
	koppen: readonly string[],
	rijen: readonly Cel[][],
	formaat: Formaat
): Promise<Response> {
	if (formaat === 'csv') {
		const tekst = [koppen, ...rijen].map((rij) => rij.map(csvCel).join(';')).join('\r\n');
		return new Response(`\uFEFF${tekst}\r\n`, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${naam}.csv"`
			}
		});
	}
	const boek = new ExcelJS.Workbook();
	const werkblad = boek.addWorksheet(blad.slice(0, 31));
	werkblad.addRow([...koppen]).font = { bold: true };
	for (const rij of rijen) werkblad.addRow(rij);
	werkblad.columns.forEach((c) => (c.width = 16));
	const buffer = await boek.xlsx.writeBuffer();
	return new Response(new Uint8Array(buffer as ArrayBuffer), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${naam}.xlsx"`
		}
	});
}
