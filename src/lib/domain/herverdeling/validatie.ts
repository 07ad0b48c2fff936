/**
 * Herverdeling (Huisvestingswet 2014 art. 29 lid 2, DOMAIN.md §5): B&W of two or more gemeenten
 * jointly change their taakstellingen for one period, the sum over the gemeenten involved staying
 * equal. Pure validation, used while typing (in the browser) and on every transition (server).
 */
import { formatHalfjaar, peildata, type Halfjaar } from '../periode/halfjaar';

export interface Wijziging {
	gemeenteCode: string;
	/** + takes over taakstelling, − hands it off. */
	wijziging: number;
}

/** What is known of one gemeente for the period, at the moment of validation. */
export interface GemeenteStand {
	gemeenteCode: string;
	naam: string;
	provincieCode: string;
	/**
	 * The taakstelling as it stands: the official number plus every other herverdeling that is
	 * vastgesteld or verwerkt for this period (never the one being validated).
	 */
	taakstelling: number;
	/** False when no taakstelling was set for the gemeente for this period yet. */
	vastgesteld: boolean;
	/**
	 * Permit holders already linked to the gemeente for the period (housed since the start of the
	 * period plus linked and not yet housed, COA figures incl. forecast): these cannot be
	 * redistributed, so a decrease may not take the taakstelling below this number.
	 */
	gekoppeld: number;
}

export type BevindingCode =
	| 'te-weinig-gemeenten'
	| 'gemeente-dubbel'
	| 'gemeente-onbekend'
	| 'geen-taakstelling'
	| 'wijziging-nul'
	| 'wijziging-geen-geheel-getal'
	| 'som-niet-nul'
	| 'onder-nul'
	| 'onder-gekoppeld'
	| 'periode-gesloten'
	| 'periode-begonnen'
	| 'andere-provincie';

export interface Bevinding {
	code: BevindingCode;
	/** The gemeente the finding is about, or null for the proposal as a whole. */
	gemeenteCode: string | null;
	bericht: string;
}

export interface Regel {
	gemeenteCode: string;
	naam: string;
	provincieCode: string | null;
	huidig: number | null;
	wijziging: number;
	nieuw: number | null;
	gekoppeld: number | null;
}

export interface Validatie {
	regels: Regel[];
	/** Σ wijziging: must be exactly 0. */
	som: number;
	fouten: Bevinding[];
	waarschuwingen: Bevinding[];
	/** The provincies involved, sorted (more than one: two supervisors are involved). */
	provincies: string[];
}

export interface ValidatieInvoer {
	periode: Halfjaar;
	/** Today, ISO `YYYY-MM-DD` (the caller reads the clock). */
	vandaag: string;
	wijzigingen: readonly Wijziging[];
	gemeenten: ReadonlyMap<string, GemeenteStand>;
	/** The provincie of the person or table proposing (where the portal is used). */
	eigenProvincie: string;
}

const getal = (n: number) => n.toLocaleString('nl-NL');
const metTeken = (n: number) => (n > 0 ? `+${getal(n)}` : n < 0 ? `−${getal(-n)}` : '0');

/**
 * A period is closed once its end peildatum has come: the judgement is then made on the
 * taakstelling as it was, so it can no longer be redistributed.
 */
export function periodeGesloten(periode: Halfjaar, vandaag: string): boolean {
	return vandaag >= peildata(periode).eind;
}

export function periodeBegonnen(periode: Halfjaar, vandaag: string): boolean {
	return vandaag >= peildata(periode).start;
}

/**
 * Every rule of §5 as a finding. Errors block the proposal (at every transition); warnings are
 * shown and recorded but do not block: a period that has already started, and gemeenten of
 * another provincie (two supervisors are involved).
 */
export function valideerHerverdeling(i: ValidatieInvoer): Validatie {
	const fouten: Bevinding[] = [];
	const waarschuwingen: Bevinding[] = [];
	const p = formatHalfjaar(i.periode);
	const regels: Regel[] = [];
	const gezien = new Set<string>();

	for (const w of i.wijzigingen) {
		const g = i.gemeenten.get(w.gemeenteCode);
		const naam = g?.naam ?? w.gemeenteCode;
		if (gezien.has(w.gemeenteCode)) {
			fouten.push({
				code: 'gemeente-dubbel',
				gemeenteCode: w.gemeenteCode,
				bericht: `${naam} staat twee keer in het voorstel; neem elke gemeente één keer op.`
			});
			continue;
		}
		gezien.add(w.gemeenteCode);
		const geheel = Number.isSafeInteger(w.wijziging);
		if (!geheel) {
			fouten.push({
				code: 'wijziging-geen-geheel-getal',
				gemeenteCode: w.gemeenteCode,
				bericht: `De wijziging voor ${naam} moet een geheel aantal personen zijn.`
			});
		} else if (w.wijziging === 0) {
			fouten.push({
				code: 'wijziging-nul',
				gemeenteCode: w.gemeenteCode,
				bericht: `De wijziging voor ${naam} is 0; laat deze gemeente weg of vul een aantal in.`
			});
		}
		if (!g) {
			fouten.push({
				code: 'gemeente-onbekend',
				gemeenteCode: w.gemeenteCode,
				bericht: `Gemeente ${w.gemeenteCode} bestaat niet in ${i.periode.jaar}.`
			});
			regels.push({
				gemeenteCode: w.gemeenteCode,
				naam,
				provincieCode: null,
				huidig: null,
				wijziging: w.wijziging,
				nieuw: null,
				gekoppeld: null
			});
			continue;
		}
		if (!g.vastgesteld) {
			fouten.push({
				code: 'geen-taakstelling',
				gemeenteCode: g.gemeenteCode,
				bericht: `Voor ${g.naam} is voor ${p} nog geen taakstelling vastgesteld; herverdelen kan pas als die bekend is.`
			});
		}
		const nieuw = g.taakstelling + (geheel ? w.wijziging : 0);
		regels.push({
			gemeenteCode: g.gemeenteCode,
			naam: g.naam,
			provincieCode: g.provincieCode,
			huidig: g.taakstelling,
			wijziging: w.wijziging,
			nieuw,
			gekoppeld: g.gekoppeld
		});
		if (nieuw < 0) {
			fouten.push({
				code: 'onder-nul',
				gemeenteCode: g.gemeenteCode,
				bericht: `De taakstelling van ${g.naam} zou ${getal(nieuw)} worden (nu ${getal(g.taakstelling)}, wijziging ${metTeken(w.wijziging)}); lager dan 0 kan niet.`
			});
		} else if (geheel && w.wijziging < 0 && nieuw < g.gekoppeld) {
			// Only a decrease can take away linked permit holders; an increase for a gemeente that
			// is already linked beyond its taakstelling only narrows that gap.
			fouten.push({
				code: 'onder-gekoppeld',
				gemeenteCode: g.gemeenteCode,
				bericht: `De taakstelling van ${g.naam} zou ${getal(nieuw)} worden, maar er zijn al ${getal(g.gekoppeld)} vergunninghouders aan ${g.naam} gekoppeld voor ${p}; gekoppelde vergunninghouders kunnen niet worden herverdeeld.`
			});
		}
	}

	if (gezien.size < 2) {
		fouten.push({
			code: 'te-weinig-gemeenten',
			gemeenteCode: null,
			bericht: 'Een herverdeling gaat over ten minste twee gemeenten.'
		});
	}
	const som = i.wijzigingen.reduce(
		(s, w) => s + (Number.isSafeInteger(w.wijziging) ? w.wijziging : 0),
		0
	);
	if (som !== 0) {
		fouten.push({
			code: 'som-niet-nul',
			gemeenteCode: null,
			bericht: `De wijzigingen tellen op tot ${metTeken(som)}; dat moet precies 0 zijn (de som van de taakstellingen blijft gelijk, art. 29 lid 2 Huisvestingswet 2014).`
		});
	}
	if (periodeGesloten(i.periode, i.vandaag)) {
		fouten.push({
			code: 'periode-gesloten',
			gemeenteCode: null,
			bericht: `De periode ${p} is afgesloten (peildatum ${peildata(i.periode).eind}); een herverdeling kan alleen voor de lopende of een komende periode.`
		});
	} else if (periodeBegonnen(i.periode, i.vandaag)) {
		waarschuwingen.push({
			code: 'periode-begonnen',
			gemeenteCode: null,
			bericht: `De periode ${p} is al begonnen; meld een herverdeling bij voorkeur vóór de start van het halfjaar.`
		});
	}
	const provincies = [
		...new Set(regels.map((r) => r.provincieCode).filter((c): c is string => c !== null))
	].sort();
	for (const r of regels) {
		if (r.provincieCode && r.provincieCode !== i.eigenProvincie) {
			waarschuwingen.push({
				code: 'andere-provincie',
				gemeenteCode: r.gemeenteCode,
				bericht: `${r.naam} ligt in een andere provincie; bij deze herverdeling zijn twee toezichthouders betrokken.`
			});
		}
	}
	return { regels, som, fouten, waarschuwingen, provincies };
}

/**
 * The taakstellingen after applying herverdelingen (those the caller selected: verwerkt for the
 * engine, vastgesteld-or-verwerkt for validation). Gemeenten without an official number start at
 * 0. Never changes a total over the gemeenten involved.
 */
export function pasToe(
	taakstellingen: ReadonlyMap<string, number>,
	herverdelingen: readonly (readonly Wijziging[])[]
): Map<string, number> {
	const uit = new Map(taakstellingen);
	for (const h of herverdelingen) {
		for (const w of h) uit.set(w.gemeenteCode, (uit.get(w.gemeenteCode) ?? 0) + w.wijziging);
	}
	return uit;
}
