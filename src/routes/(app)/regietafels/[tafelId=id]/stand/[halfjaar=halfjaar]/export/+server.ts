import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRight } from '$lib/server/guard';
import { leesFormaat, tabelDownload } from '$lib/server/export/tabel';
import { getTafel } from '$lib/server/services/regietafels';
import { tafelStand } from '$lib/server/services/tafelstand';

const KOPPEN = [
	'Gemeentecode',
	'Gemeente',
	'Regio',
	'Trede',
	'Peildatum trede',
	'Taakstelling',
	'Herverdeling',
	'Taakstelling na herverdeling',
	'Opgave',
	'Gehuisvest sinds start periode',
	'Tot en met maand',
	'Nog te realiseren',
	'Percentage gerealiseerd'
];

const procent = (f: number | null) => (f === null ? null : Math.round(f * 1000) / 10);

/** The regietafel's stand van zaken as CSV or XLSX: the rows of the page plus the total. */
export const GET: RequestHandler = async (event) => {
	const tafel = await getTafel(Number(event.params.tafelId));
	if (!tafel) error(404, 'Deze regietafel bestaat niet.');
	requireRight(event, { actie: 'regietafel.bekijken', regietafel: tafel });
	const formaat = leesFormaat(event.url);
	const { halfjaar } = event.params;
	const { rijen, totaal } = await tafelStand(tafel, halfjaar);
	const waarden = rijen.map((r) => [
		r.gemeenteCode,
		r.naam,
		r.regio,
		r.trede,
		r.peildatum,
		r.taakstellingOrigineel,
		r.herverdeeld,
		r.taakstelling,
		r.opgave,
		r.gehuisvest,
		r.laatsteMaand,
		r.nogTeHuisvesten,
		procent(r.fractieGerealiseerd)
	]);
	waarden.push([
		null,
		`Totaal (${totaal.gemeenten} gemeenten)`,
		null,
		null,
		null,
		totaal.taakstellingOrigineel,
		totaal.taakstelling - totaal.taakstellingOrigineel,
		totaal.taakstelling,
		totaal.opgave,
		totaal.gehuisvest,
		null,
		totaal.nogTeHuisvesten,
		procent(totaal.fractieGerealiseerd)
	]);
	return tabelDownload(
		`stand-regietafel-${tafel.id}-${halfjaar}`,
		`Stand ${halfjaar}`,
		KOPPEN,
		waarden,
		formaat
	);
};
