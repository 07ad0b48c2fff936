import type { RequestHandler } from './$types';
import { requireRight } from '$lib/server/guard';
import { leesFormaat, tabelDownload } from '$lib/server/export/tabel';
import { provincieOverzicht } from '$lib/server/services/overzicht';

const KOPPEN = [
	'Gemeentecode',
	'Gemeente',
	'Regio',
	'Trede',
	'Peildatum trede',
	'Trede bij besluit',
	'Taakstelling',
	'Herverdeling',
	'Taakstelling na herverdeling',
	'Opgave',
	'Gehuisvest',
	'Tot en met maand',
	'Nog te huisvesten',
	'Percentage gerealiseerd',
	'Koppelingen',
	'Prognose eindsaldo',
	'Signalen bij COA-cijfers'
];

/**
 * The province overview as a download: CSV or XLSX, the same rows the page shows, with the
 * official and the redistributed taakstelling side by side (verwerkte herverdelingen).
 */
export const GET: RequestHandler = async (event) => {
	const { provincie, halfjaar } = event.params;
	requireRight(event, { actie: 'toezicht.bekijken', provincieCode: provincie });
	const formaat = leesFormaat(event.url);
	const { rijen } = await provincieOverzicht(provincie, halfjaar);
	const waarden = rijen.map((r) => [
		r.gemeenteCode,
		r.naam,
		r.regio,
		r.trede,
		r.peildatum,
		r.tredeIsBesluit ? 'ja' : 'nee',
		r.taakstellingOrigineel,
		r.herverdeeld,
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
	return tabelDownload(
		`toezicht-${provincie}-${halfjaar}`,
		`${provincie} ${halfjaar}`,
		KOPPEN,
		waarden,
		formaat
	);
};
