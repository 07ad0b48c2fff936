import { MAANDEN } from '../periode/maanden';
import type { Beleid } from './beleidskader';
import { tredeLabel } from './trede';
import type { EindBeoordeling, MiddenBeoordeling } from './beoordeling';

/**
 * The sentences a toezichtbrief contains, generated from the same numbers the decision used:
 * one number per fact, so a deficit can never be stated as two different figures (a known flaw
 * of hand-written letters, DOMAIN.md §4).
 */

const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const procent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/** "1 april 2021" from an ISO date, without a time zone. */
export function datumTekst(iso: string): string {
	const [j, m, d] = iso.split('-').map(Number);
	return `${d} ${MAANDEN[(m ?? 1) - 1]} ${j}`;
}

function meervoud(n: number, een: string, meer: string) {
	return `${getal.format(n)} ${n === 1 ? een : meer}`;
}

function opgaveZin(taakstelling: number, saldoVorige: number, opgave: number, periode: string) {
	if (saldoVorige < 0) {
		return `De opgave voor ${periode} is ${getal.format(opgave)}: de taakstelling van ${getal.format(taakstelling)} plus een achterstand van ${getal.format(-saldoVorige)} uit de vorige periode.`;
	}
	if (saldoVorige > 0) {
		return `De opgave voor ${periode} is ${getal.format(opgave)}: de taakstelling van ${getal.format(taakstelling)} min een voorsprong van ${getal.format(saldoVorige)} uit de vorige periode.`;
	}
	return `De opgave voor ${periode} is gelijk aan de taakstelling: ${getal.format(opgave)}.`;
}

function tredeZin(voor: MiddenBeoordeling['tredeVoor'], na: MiddenBeoordeling['tredeNa']) {
	return voor === na
		? `De gemeente blijft op ${tredeLabel(na)}.`
		: `De gemeente gaat van ${tredeLabel(voor)} naar ${tredeLabel(na)}.`;
}

export function toelichtingMidden(
	b: Omit<MiddenBeoordeling, 'toelichting'>,
	beleid: Beleid
): string {
	const zinnen: string[] = [];
	zinnen.push(`Peildatum ${datumTekst(b.peildatum)}, halverwege ${b.period}.`);
	zinnen.push(opgaveZin(b.taakstelling, b.saldoVorigePeriode, b.opgave, b.period));
	const normTekst =
		beleid.midpointThreshold === 1
			? ''
			: ` Volgens het beleidskader is de gemeente op schema bij ${procent.format(beleid.midpointThreshold)} daarvan (${getal.format(b.norm)}).`;
	zinnen.push(
		`Halverwege moet ten minste de helft zijn gerealiseerd: ${getal.format(b.minimum)}.${normTekst}`
	);
	const pct =
		b.percentageVanMinimum === null
			? ''
			: `, ${procent.format(b.percentageVanMinimum)} van het minimum`;
	zinnen.push(
		`Gerealiseerd sinds het begin van de periode: ${getal.format(b.gerealiseerd)}${pct}.`
	);
	zinnen.push(b.opSchema ? 'De gemeente ligt op schema.' : 'De gemeente ligt niet op schema.');
	zinnen.push(
		`Nog te huisvesten: ${getal.format(b.nogTeHuisvesten)}; ${meervoud(b.koppelingen, 'koppeling', 'koppelingen')} (inclusief prognose van het COA), ${b.voldoendeKoppelingen ? 'voldoende' : 'onvoldoende'} om de opgave te halen.`
	);
	if (b.redenen.includes('trede-blijft-vanaf-2')) {
		zinnen.push('Vanaf trede 2 leidt de tussentijdse meting niet tot een hogere trede.');
	}
	zinnen.push(tredeZin(b.tredeVoor, b.tredeNa));
	return zinnen.join(' ');
}

function regelTekst(b: Omit<EindBeoordeling, 'toelichting'>): string {
	const r = b.nietStijgenRegel;
	if (!r) return '';
	if (r.kind === 'fractionOfOpgave') {
		return `Het beleidskader bepaalt dat de trede niet stijgt wanneer ten minste ${procent.format(r.fraction)} van de opgave is gerealiseerd (${getal.format(r.fraction * b.opgave)}); dat is het geval.`;
	}
	const grens = b.taakstelling + r.fraction * Math.max(0, -b.saldoVorigePeriode);
	return `Het beleidskader bepaalt dat de trede niet stijgt wanneer ten minste de taakstelling plus ${procent.format(r.fraction)} van de meegenomen achterstand is gerealiseerd (${getal.format(grens)}); dat is het geval.`;
}

export function toelichtingEinde(b: Omit<EindBeoordeling, 'toelichting'>, beleid: Beleid): string {
	const zinnen: string[] = [];
	zinnen.push(`Peildatum ${datumTekst(b.peildatum)}, einde van ${b.period}.`);
	zinnen.push(opgaveZin(b.taakstelling, b.saldoVorigePeriode, b.opgave, b.period));
	zinnen.push(
		`Volgens de cijfers van het COA zijn in deze periode ${getal.format(b.gerealiseerd)} vergunninghouders gehuisvest.`
	);
	if (b.redenen.includes('huurcontracten-meegeteld')) {
		zinnen.push(
			`Daarnaast ${b.huurcontracten === 1 ? 'is' : 'zijn'} ${meervoud(b.huurcontracten, 'persoon', 'personen')} met ondertekende huurcontracten meegeteld voor dit oordeel: samen ${getal.format(b.meegeteld)}.`
		);
	} else if (b.huurcontracten > 0 && beleid.huurcontractenOnlyWhenNeeded) {
		zinnen.push('Huurcontracten zijn niet meegeteld, omdat de COA-cijfers de opgave al halen.');
	}
	if (b.tredeNa === '0' && b.redenen.includes('taakstelling-gerealiseerd')) {
		zinnen.push('De gemeente heeft haar opgave gerealiseerd.');
	} else {
		const gevolg = b.redenen.includes('niet-gerealiseerd-signaleren')
			? 'de gemeente komt daarom niet hoger dan trede 1'
			: 'de trede stijgt daarom niet';
		zinnen.push(
			`De opgave is niet gerealiseerd: er ontbreken ${getal.format(b.opgave - b.meegeteld)}.`
		);
		if (b.redenen.includes('niet-stijgen-regel')) zinnen.push(regelTekst(b));
		if (b.redenen.includes('onvoldoende-koppelingen')) {
			zinnen.push(
				`Halverwege de periode waren er onvoldoende koppelingen om de opgave te halen; ${gevolg}.`
			);
		}
		if (b.redenen.includes('omkoppelingen')) {
			zinnen.push(
				`Het COA heeft in deze periode ${meervoud(b.omkoppelingen, 'vergunninghouder', 'vergunninghouders')} omgekoppeld; ${gevolg}.`
			);
		}
		if (b.redenen.includes('stapelgemeente')) {
			zinnen.push(
				`De gemeente was ${b.stapelgemeenteMaanden} maanden stapelgemeente, ook in de laatste maand; ${gevolg}.`
			);
		}
		if (b.redenen.includes('niet-gerealiseerd-signaleren')) {
			zinnen.push(
				`Omdat de opgave niet is gerealiseerd, kan de gemeente niet op ${tredeLabel('0')} blijven: zij komt op ${tredeLabel('1')}.`
			);
		}
		if (b.omkoppelingen > 0 && beleid.disregardOmkoppelingen) {
			zinnen.push(
				'Omkoppelingen gelden volgens het beleidskader in deze periode niet als verschoning.'
			);
		}
	}
	zinnen.push(tredeZin(b.tredeVoor, b.tredeNa));
	if (b.vereistBesluit) {
		zinnen.push(
			`Dit is een voorstel: ${tredeLabel(b.tredeNa)} vraagt een besluit van Gedeputeerde Staten.`
		);
	}
	const s = b.saldo;
	zinnen.push(
		s < 0
			? `De achterstand van ${getal.format(-s)} (op basis van de COA-cijfers) gaat mee naar de volgende periode.`
			: s > 0
				? `De voorsprong van ${getal.format(s)} (op basis van de COA-cijfers) telt mee in de volgende periode.`
				: 'Er gaat geen achterstand of voorsprong mee naar de volgende periode.'
	);
	return zinnen.join(' ');
}
