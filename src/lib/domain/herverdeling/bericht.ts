/**
 * Draft notifications of a vastgestelde herverdeling (DOMAIN.md §5: gemeenten inform the
 * provincie, the minister of BZK and the COA regievoerder). The toezichthouder copies, adapts and
 * sends them; the portal records that it was done.
 */
import { ONTVANGER_NAMEN, type Ontvanger } from './workflow';

export interface BerichtRegel {
	naam: string;
	huidig: number;
	wijziging: number;
	nieuw: number;
	/** The B&W-besluit of this gemeente. */
	besluitDatum: string;
	kenmerk: string;
}

export interface BerichtInvoer {
	periode: string;
	regels: readonly BerichtRegel[];
	motivatie: string;
	/** The provincie(s) supervising the gemeenten involved, by name. */
	provincies: readonly string[];
}

const getal = (n: number) => n.toLocaleString('nl-NL');
const metTeken = (n: number) => (n > 0 ? `+${getal(n)}` : `−${getal(-n)}`);
const datum = (iso: string) =>
	new Date(`${iso}T12:00:00Z`).toLocaleDateString('nl-NL', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});

const AANHEF: Record<Ontvanger, string> = {
	provincie: 'Geachte toezichthouder,',
	bzk: 'Geachte heer, mevrouw,',
	coa: 'Geachte regievoerder,'
};

const SLOT: Record<Ontvanger, string> = {
	provincie:
		'Wij verzoeken u de gewijzigde taakstellingen te betrekken bij het interbestuurlijk toezicht over deze periode.',
	bzk: 'Wij informeren u hiermee conform artikel 29, tweede lid, van de Huisvestingswet 2014.',
	coa: 'Wij verzoeken u bij het koppelen van vergunninghouders uit te gaan van de gewijzigde taakstellingen.'
};

/** Onderwerp and body of the notification for one recipient. */
export function conceptBericht(
	h: BerichtInvoer,
	ontvanger: Ontvanger
): { aan: string; onderwerp: string; tekst: string } {
	const namen = h.regels.map((r) => r.naam);
	const opsomming =
		namen.length <= 1 ? namen.join('') : `${namen.slice(0, -1).join(', ')} en ${namen.at(-1)}`;
	const tabel = h.regels
		.map(
			(r) =>
				`- ${r.naam}: ${getal(r.huidig)} → ${getal(r.nieuw)} (${metTeken(r.wijziging)}); besluit B&W van ${datum(r.besluitDatum)}, kenmerk ${r.kenmerk}`
		)
		.join('\n');
	const totaal = h.regels.reduce((s, r) => s + r.huidig, 0);
	const tekst = [
		AANHEF[ontvanger],
		'',
		`De colleges van burgemeester en wethouders van de gemeenten ${opsomming} hebben besloten hun taakstelling voor de huisvesting van vergunninghouders over ${h.periode} gezamenlijk te wijzigen (artikel 29, tweede lid, Huisvestingswet 2014). De som van de taakstellingen van deze gemeenten blijft gelijk: ${getal(totaal)}.`,
		'',
		tabel,
		'',
		h.motivatie.trim() ? `Toelichting: ${h.motivatie.trim()}` : null,
		h.motivatie.trim() ? '' : null,
		h.provincies.length > 1
			? `Bij deze herverdeling zijn meerdere provincies betrokken (${h.provincies.join(' en ')}).`
			: null,
		h.provincies.length > 1 ? '' : null,
		SLOT[ontvanger],
		'',
		'Met vriendelijke groet,'
	]
		.filter((r): r is string => r !== null)
		.join('\n');
	return {
		aan: ONTVANGER_NAMEN[ontvanger],
		onderwerp: `Herverdeling taakstelling vergunninghouders ${h.periode}: ${opsomming}`,
		tekst
	};
}
