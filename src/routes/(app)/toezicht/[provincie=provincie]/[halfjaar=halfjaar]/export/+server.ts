import { error } from '@sveltejs/kit';
import ExcelJS from 'exceljs';
import type { RequestHandler } from './$types';
import { requireRight } from '$lib/server/guard';
import { provincieOverzicht } from '$lib/server/services/overzicht';

const KOPPEN = [
	'Gemeentecode',
	'Gemeente',
	'Regio',
	'Trede',
	'Peildatum trede',
	'Trede bij besluit',
	'Taakstelling',
	'Opgave',
	'Gehuisvest',
	'Tot en met maand',
	'Nog te huisvesten',
	'Percentage gerealiseerd',
	'Koppelingen',
	'Prognose eindsaldo',
	'Signalen bij COA-cijfers'
];

/** CSV with ';' (what Dutch Excel opens directly), quoted where needed. */
function csvCel(v: string | number | null): string {
	if (v === null) return '';
	const s = String(v);
	return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The province overview as a download: CSV or XLSX, the same rows the page shows. */
export const GET: RequestHandler = async (event) => {
	const { provincie, halfjaar } = event.params;
	requireRight(event, { actie: 'toezicht.bekijken', provincieCode: provincie });
	const formaat = event.url.searchParams.get('formaat') ?? 'csv';
	if (formaat !== 'csv' && formaat !== 'xlsx') error(400, 'Kies formaat=csv of formaat=xlsx.');
	const { rijen } = await provincieOverzicht(provincie, halfjaar);
	const waarden = rijen.map((r) => [
		r.gemeenteCode,
		r.naam,
		r.regio,
		r.trede,
		r.peildatum,
		r.tredeIsBesluit ? 'ja' : 'nee',
		r.taakstelling,
		r.opgave,
		r.gehuisvest,
		r.laatsteMaand,
		r.nogTeHuisvesten,
		r.fractieGerealiseerd === null ? null : Math.round(r.fractieGerealiseerd * 1000) / 10,
		r.koppelingen,
		r.prognoseEindsaldo,
		r.signalen.length === 0 ? null : r.signalen.map((x) => `${x.maand}: ${x.tekst}`).join(' | ')
	]);
	const naam = `toezicht-${provincie}-${halfjaar}`;
	if (formaat === 'csv') {
		const tekst = [KOPPEN, ...waarden].map((rij) => rij.map(csvCel).join(';')).join('\r\n');
		return new Response(`\uFEFF${tekst}\r\n`, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${naam}.csv"`
			}
		});
	}
	const boek = new ExcelJS.Workbook();
	const blad = boek.addWorksheet(`${provincie} ${halfjaar}`);
	blad.addRow(KOPPEN).font = { bold: true };
	for (const rij of waarden) blad.addRow(rij);
	blad.columns.forEach((c) => (c.width = 16));
	const buffer = await boek.xlsx.writeBuffer();
	return new Response(new Uint8Array(buffer as ArrayBuffer), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${naam}.xlsx"`
		}
	});
};
