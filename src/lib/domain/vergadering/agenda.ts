/**
 * The agenda of a regietafel meeting (DOMAIN.md §6): typed agendapunten in order, each with a
 * planned duration. Pure: ordering, the template for a new meeting, and the clock of the shared
 * screen (time used against time planned).
 */

export const AGENDAPUNT_TYPES = [
	'opening',
	'vaststelling-verslag',
	'actiepunten',
	'stand-van-zaken',
	'bespreking',
	'besluitvorming',
	'rondvraag',
	'sluiting'
] as const;
export type AgendapuntType = (typeof AGENDAPUNT_TYPES)[number];

export const AGENDAPUNT_TYPE_NAMEN: Record<AgendapuntType, string> = {
	opening: 'Opening en mededelingen',
	'vaststelling-verslag': 'Vaststelling verslag',
	actiepunten: 'Actiepunten',
	'stand-van-zaken': 'Stand van zaken',
	bespreking: 'Bespreking',
	besluitvorming: 'Besluitvorming',
	rondvraag: 'Rondvraag',
	sluiting: 'Sluiting'
};

export interface AgendapuntSjabloon {
	titel: string;
	type: AgendapuntType;
	/** Planned duration in minutes. */
	duur: number;
	omschrijving: string;
}

/**
 * A new meeting starts from this agenda: the usual order of a PRT meeting, with "Vaststelling
 * verslag vorige vergadering" and "Actiepunten vorige vergadering" (the caller fills the latter
 * with the open action items).
 */
export function sjabloonAgenda(openActiepunten: number): AgendapuntSjabloon[] {
	return [
		{
			titel: 'Opening, mededelingen, afmeldingen en vervangers',
			type: 'opening',
			duur: 10,
			omschrijving: ''
		},
		{
			titel: 'Vaststelling verslag vorige vergadering',
			type: 'vaststelling-verslag',
			duur: 10,
			omschrijving: 'Het conceptverslag van de vorige vergadering wordt vastgesteld.'
		},
		{
			titel: 'Actiepunten vorige vergadering',
			type: 'actiepunten',
			duur: 15,
			omschrijving:
				openActiepunten === 0
					? 'Er staan geen open actiepunten.'
					: `${openActiepunten} open ${openActiepunten === 1 ? 'actiepunt' : 'actiepunten'}; zie de lijst.`
		},
		{
			titel: 'Stand van zaken huisvesting vergunninghouders',
			type: 'stand-van-zaken',
			duur: 30,
			omschrijving: 'Cijfers per regio: realisatie, voor- en achterstanden en de interventieladder.'
		},
		{ titel: 'Rondvraag', type: 'rondvraag', duur: 10, omschrijving: '' },
		{ titel: 'Afspraken en sluiting', type: 'sluiting', duur: 5, omschrijving: '' }
	];
}

/** Moves the item at `van` to position `naar` (both 0-based, clamped); a new array. */
export function verplaats<T>(lijst: readonly T[], van: number, naar: number): T[] {
	if (van < 0 || van >= lijst.length) return [...lijst];
	const doel = Math.max(0, Math.min(lijst.length - 1, naar));
	const uit = [...lijst];
	const [item] = uit.splice(van, 1);
	uit.splice(doel, 0, item as T);
	return uit;
}

/**
 * Checks that `volgorde` is a permutation of the current ids (a reorder from a stale page that
 * misses or invents an item is refused rather than guessed).
 */
export function isPermutatie(huidig: readonly number[], volgorde: readonly number[]): boolean {
	if (huidig.length !== volgorde.length) return false;
	const a = [...huidig].sort((x, y) => x - y);
	const b = [...volgorde].sort((x, y) => x - y);
	return a.every((v, i) => v === b[i]);
}

/** Planned start of each item, in minutes after the meeting's start. */
export function geplandeStart(duren: readonly number[]): number[] {
	const uit: number[] = [];
	let t = 0;
	for (const d of duren) {
		uit.push(t);
		t += d;
	}
	return uit;
}

export interface Tijd {
	/** Whole minutes spent on the current item. */
	gebruikt: number;
	gepland: number;
	/** Minutes over the planned duration (0 when within). */
	over: number;
	/** 'op-tijd' until 80 %, 'bijna' until 100 %, then 'over'. */
	stand: 'op-tijd' | 'bijna' | 'over';
}

/** Time used on the current agendapunt since it was made current, against the plan. */
export function tijdGebruikt(sindsIso: string, nuMs: number, gepland: number): Tijd {
	const gebruikt = Math.max(0, Math.floor((nuMs - Date.parse(sindsIso)) / 60_000));
	const over = Math.max(0, gebruikt - gepland);
	const stand = gebruikt > gepland ? 'over' : gebruikt >= gepland * 0.8 ? 'bijna' : 'op-tijd';
	return { gebruikt, gepland, over, stand };
}

/** Items after the current one (from the start when none is current), at most `n`. */
export function volgendePunten<T extends { id: number }>(
	agenda: readonly T[],
	huidigId: number | null,
	n = 3
): T[] {
	const i = huidigId === null ? -1 : agenda.findIndex((p) => p.id === huidigId);
	return agenda.slice(i + 1, i + 1 + n);
}

/** A wall-clock time `minuten` after `begintijd` ('09:30' + 75 → '10:45'; wraps at midnight). */
export function klokTijd(begintijd: string, minuten: number): string {
	const [u, m] = begintijd.split(':').map(Number) as [number, number];
	const totaal = (((u * 60 + m + minuten) % 1440) + 1440) % 1440;
	return `${String(Math.floor(totaal / 60)).padStart(2, '0')}:${String(totaal % 60).padStart(2, '0')}`;
}

/**
 * Minutes the agenda runs over the meeting's time (0 when it fits): the secretaris sees this
 * while planning, before the voorzitter finds out in the room.
 */
export function agendaOverschrijding(
	duren: readonly number[],
	begintijd: string,
	eindtijd: string
): number {
	const minuten = (t: string) => {
		const [u, m] = t.split(':').map(Number) as [number, number];
		return u * 60 + m;
	};
	const beschikbaar = minuten(eindtijd) - minuten(begintijd);
	const nodig = duren.reduce((s, d) => s + d, 0);
	return Math.max(0, nodig - beschikbaar);
}

/** What a screen reader hears after an agendapunt moved (aria-live). */
export function verplaatsMelding(titel: string, positie: number, totaal: number): string {
	return `‘${titel}’ staat nu op plaats ${positie} van ${totaal}.`;
}
