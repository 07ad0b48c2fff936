/**
 * The life of a herverdeling (issue 5 §2): concept → ingediend → per gemeente akkoord (B&W-besluit
 * with date and reference) or afgewezen (with a reason) → vastgesteld when every gemeente agreed →
 * verwerkt by the toezichthouder once the provincie, BZK and the COA regievoerder are informed.
 * Withdrawal until vastgesteld; changing the numbers after any reaction resets all reactions.
 * Pure: who may do what is `can()`'s business, validation of the numbers `valideerHerverdeling`'s.
 */
import type { Wijziging } from './validatie';

export const HERVERDELING_STATUSSEN = [
	'concept',
	'ingediend',
	'vastgesteld',
	'verwerkt',
	'ingetrokken'
] as const;
export type HerverdelingStatus = (typeof HERVERDELING_STATUSSEN)[number];

export const STATUS_NAMEN: Record<HerverdelingStatus, string> = {
	concept: 'Concept',
	ingediend: 'Ingediend, wacht op akkoord',
	vastgesteld: 'Vastgesteld',
	verwerkt: 'Verwerkt',
	ingetrokken: 'Ingetrokken'
};

export type Reactie =
	| { status: 'open' }
	| { status: 'akkoord'; besluitDatum: string; kenmerk: string }
	| { status: 'afgewezen'; reden: string };

export interface Toestand {
	status: HerverdelingStatus;
	wijzigingen: Wijziging[];
	/** One reaction per gemeente in `wijzigingen`. */
	reacties: Record<string, Reactie>;
}

export const ONTVANGERS = ['provincie', 'bzk', 'coa'] as const;
export type Ontvanger = (typeof ONTVANGERS)[number];

export type Actie =
	| { soort: 'bewerken'; wijzigingen: Wijziging[] }
	| { soort: 'indienen' }
	| { soort: 'akkoord'; gemeenteCode: string; besluitDatum: string; kenmerk: string }
	| { soort: 'afwijzen'; gemeenteCode: string; reden: string }
	| { soort: 'intrekken' }
	| { soort: 'verwerken'; geinformeerd: readonly Ontvanger[] };

export type Overgang =
	| {
			ok: true;
			toestand: Toestand;
			/** True when a change of numbers cleared reactions that had been given. */
			reactiesGewist: boolean;
	  }
	| { ok: false; fout: string };

const open = (wijzigingen: readonly Wijziging[]): Record<string, Reactie> =>
	Object.fromEntries(wijzigingen.map((w) => [w.gemeenteCode, { status: 'open' } as Reactie]));

export function nieuweToestand(wijzigingen: Wijziging[]): Toestand {
	return { status: 'concept', wijzigingen, reacties: open(wijzigingen) };
}

const STATUS_ZIN: Record<HerverdelingStatus, string> = {
	concept: 'nog een concept',
	ingediend: 'ingediend',
	vastgesteld: 'al vastgesteld',
	verwerkt: 'al verwerkt',
	ingetrokken: 'ingetrokken'
};

const niet = (t: Toestand, wat: string): Overgang => ({
	ok: false,
	fout: `Dit voorstel is ${STATUS_ZIN[t.status]}; ${wat} kan nu niet.`
});

export function alleAkkoord(t: Pick<Toestand, 'wijzigingen' | 'reacties'>): boolean {
	return t.wijzigingen.every((w) => t.reacties[w.gemeenteCode]?.status === 'akkoord');
}

/** The next state after an action, or a Dutch reason why the action is not possible now. */
export function pasActieToe(t: Toestand, a: Actie): Overgang {
	switch (a.soort) {
		case 'bewerken': {
			if (t.status !== 'concept' && t.status !== 'ingediend') {
				return niet(t, 'de aantallen wijzigen');
			}
			const reactiesGewist = Object.values(t.reacties).some((r) => r.status !== 'open');
			return {
				ok: true,
				reactiesGewist,
				toestand: { ...t, wijzigingen: a.wijzigingen, reacties: open(a.wijzigingen) }
			};
		}
		case 'indienen':
			if (t.status !== 'concept') return niet(t, 'indienen');
			return { ok: true, reactiesGewist: false, toestand: { ...t, status: 'ingediend' } };
		case 'akkoord':
		case 'afwijzen': {
			if (t.status !== 'ingediend') {
				return niet(t, a.soort === 'akkoord' ? 'akkoord geven' : 'afwijzen');
			}
			if (!(a.gemeenteCode in t.reacties)) {
				return { ok: false, fout: 'Deze gemeente doet niet mee aan dit voorstel.' };
			}
			const reactie: Reactie =
				a.soort === 'akkoord'
					? { status: 'akkoord', besluitDatum: a.besluitDatum, kenmerk: a.kenmerk }
					: { status: 'afgewezen', reden: a.reden };
			const reacties = { ...t.reacties, [a.gemeenteCode]: reactie };
			const status = alleAkkoord({ wijzigingen: t.wijzigingen, reacties })
				? 'vastgesteld'
				: 'ingediend';
			return { ok: true, reactiesGewist: false, toestand: { ...t, reacties, status } };
		}
		case 'intrekken':
			if (t.status !== 'concept' && t.status !== 'ingediend') return niet(t, 'intrekken');
			return { ok: true, reactiesGewist: false, toestand: { ...t, status: 'ingetrokken' } };
		case 'verwerken': {
			if (t.status !== 'vastgesteld') return niet(t, 'verwerken');
			const ontbreekt = ONTVANGERS.filter((o) => !a.geinformeerd.includes(o));
			if (ontbreekt.length > 0) {
				return {
					ok: false,
					fout: `Verwerken kan pas als ${ontbreekt.map((o) => ONTVANGER_NAMEN[o]).join(', ')} ${ontbreekt.length === 1 ? 'is' : 'zijn'} geïnformeerd.`
				};
			}
			return { ok: true, reactiesGewist: false, toestand: { ...t, status: 'verwerkt' } };
		}
	}
}

export const ONTVANGER_NAMEN: Record<Ontvanger, string> = {
	provincie: 'de provincie',
	bzk: 'het ministerie van BZK',
	coa: 'de COA-regievoerder'
};

/** Herverdelingen whose numbers count: for validation of others, and (verwerkt) for the engine. */
export const telt = (s: HerverdelingStatus) => s === 'vastgesteld' || s === 'verwerkt';
