/**
 * Huurcontracten ("pijplijnproductie", DOMAIN.md §3): COA figures lag about two weeks, so a
 * gemeente may send in signed, dated rental contracts; the provincie's toezichthouder accepts or
 * rejects each. Accepted contracts count for the *judgement* at the end of the period in which
 * they were signed — only when needed, by the default policy — and never for the carry-over
 * saldo, because COA registers those persons in the next period (see ladder/beoordeling.ts).
 */
import { formatHalfjaar, halfjaarVanDatum } from '../periode/halfjaar';

export const HUURCONTRACT_STATUSSEN = [
	'ingediend',
	'geaccepteerd',
	'afgewezen',
	'ingetrokken'
] as const;
export type HuurcontractStatus = (typeof HUURCONTRACT_STATUSSEN)[number];

export const STATUS_LABELS: Record<HuurcontractStatus, string> = {
	ingediend: 'Te beoordelen',
	geaccepteerd: 'Geaccepteerd',
	afgewezen: 'Afgewezen',
	ingetrokken: 'Ingetrokken'
};

/**
 * Persons on one contract. A household rarely exceeds 15, but one contract can cover a shared
 * complex; above 100 it is surely a typing error.
 */
export const MAX_PERSONEN = 100;

export type HuurcontractActie = 'accepteren' | 'afwijzen' | 'intrekken';

/**
 * The allowed transitions. The gemeente withdraws only what has not been judged yet; the
 * toezichthouder judges a submitted contract and may revise a judgement (accept what was
 * rejected, reject what was accepted), with a reason for every rejection. Withdrawn is final:
 * the gemeente registers anew.
 */
const OVERGANGEN: Record<
	HuurcontractActie,
	Partial<Record<HuurcontractStatus, HuurcontractStatus>>
> = {
	accepteren: { ingediend: 'geaccepteerd', afgewezen: 'geaccepteerd' },
	afwijzen: { ingediend: 'afgewezen', geaccepteerd: 'afgewezen' },
	intrekken: { ingediend: 'ingetrokken' }
};

/** The status after `actie`, or null when the action is not possible from `status`. */
export function volgendeStatus(
	status: HuurcontractStatus,
	actie: HuurcontractActie
): HuurcontractStatus | null {
	return OVERGANGEN[actie][status] ?? null;
}

export interface HuurcontractGegevens {
	/** Date of signing (ISO). */
	datum: string;
	/** Start of the lease (ISO). */
	ingangsdatum: string;
	personen: number;
}

export type HuurcontractFoutCode =
	| 'HUURCONTRACT.DATUM_ONGELDIG'
	| 'HUURCONTRACT.DATUM_IN_TOEKOMST'
	| 'HUURCONTRACT.INGANG_VOOR_ONDERTEKENING'
	| 'HUURCONTRACT.INGANG_TE_LAAT'
	| 'HUURCONTRACT.PERSONEN';

export interface HuurcontractFout {
	veld: keyof HuurcontractGegevens;
	code: HuurcontractFoutCode;
	melding: string;
}

/** One year after an ISO date, as a comparable ISO string (29 February stays comparable). */
const eenJaarNa = (datum: string) => `${Number(datum.slice(0, 4)) + 1}${datum.slice(4)}`;

/**
 * The rules between the fields, given today's date (passed in: the domain reads no clock).
 * A contract counts only once it is signed, so the signing date is not in the future; a lease
 * does not start before it is signed; a start more than a year later is almost surely a typo.
 */
export function controleerHuurcontract(
	c: HuurcontractGegevens,
	vandaag: string
): HuurcontractFout[] {
	const fouten: HuurcontractFout[] = [];
	if (!halfjaarVanDatum(c.datum)) {
		fouten.push({
			veld: 'datum',
			code: 'HUURCONTRACT.DATUM_ONGELDIG',
			melding: 'Vul de datum van ondertekening in.'
		});
	} else if (c.datum > vandaag) {
		fouten.push({
			veld: 'datum',
			code: 'HUURCONTRACT.DATUM_IN_TOEKOMST',
			melding:
				'De datum van ondertekening ligt in de toekomst; een huurcontract telt pas als het is ondertekend.'
		});
	}
	if (!halfjaarVanDatum(c.ingangsdatum)) {
		fouten.push({
			veld: 'ingangsdatum',
			code: 'HUURCONTRACT.DATUM_ONGELDIG',
			melding: 'Vul de ingangsdatum van de huur in.'
		});
	} else if (halfjaarVanDatum(c.datum) && c.ingangsdatum < c.datum) {
		fouten.push({
			veld: 'ingangsdatum',
			code: 'HUURCONTRACT.INGANG_VOOR_ONDERTEKENING',
			melding: 'De ingangsdatum ligt vóór de datum van ondertekening.'
		});
	} else if (halfjaarVanDatum(c.datum) && c.ingangsdatum > eenJaarNa(c.datum)) {
		fouten.push({
			veld: 'ingangsdatum',
			code: 'HUURCONTRACT.INGANG_TE_LAAT',
			melding: 'De ingangsdatum ligt meer dan een jaar na de ondertekening; controleer de datum.'
		});
	}
	if (!Number.isInteger(c.personen) || c.personen < 1 || c.personen > MAX_PERSONEN) {
		fouten.push({
			veld: 'personen',
			code: 'HUURCONTRACT.PERSONEN',
			melding: `Vul het aantal personen in: een heel getal van 1 tot en met ${MAX_PERSONEN}.`
		});
	}
	return fouten;
}

/** The period a contract counts for: the kalenderhalfjaar that contains its signing date. */
export function periodeVanContract(datum: string): string | null {
	const h = halfjaarVanDatum(datum);
	return h ? formatHalfjaar(h) : null;
}

/**
 * Persons in accepted contracts per period: the input `beoordeelReeks` takes. Submitted,
 * rejected and withdrawn contracts do not count.
 */
export function personenPerPeriode(
	contracten: readonly { periode: string; personen: number; status: HuurcontractStatus }[]
): Map<string, number> {
	const per = new Map<string, number>();
	for (const c of contracten) {
		if (c.status !== 'geaccepteerd') continue;
		per.set(c.periode, (per.get(c.periode) ?? 0) + c.personen);
	}
	return per;
}
