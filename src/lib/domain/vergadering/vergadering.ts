/**
 * A meeting of a regietafel (DOMAIN.md §6): its status, its time and place, and how it appears in
 * a calendar. Pure: times are local Dutch wall-clock times (what the secretaris types), turned
 * into instants here without reading a clock.
 */
import type { IcsVergadering } from './ical';

export const VERGADERING_STATUSSEN = ['gepland', 'bezig', 'afgerond'] as const;
export type VergaderingStatus = (typeof VERGADERING_STATUSSEN)[number];

export const VERGADERING_STATUS_NAMEN: Record<VergaderingStatus, string> = {
	gepland: 'Gepland',
	bezig: 'Bezig',
	afgerond: 'Afgerond'
};

/** What the voorzitter or secretaris does with the meeting itself. */
export type VergaderingActie = 'starten' | 'afronden';

/** gepland → bezig → afgerond; anything else is refused (null). */
export function volgendeVergaderingStatus(
	status: VergaderingStatus,
	actie: VergaderingActie
): VergaderingStatus | null {
	if (actie === 'starten') return status === 'gepland' ? 'bezig' : null;
	return status === 'bezig' ? 'afgerond' : null;
}

/** The time zone of the meetings: Dutch provinces and their tables. */
export const TIJDZONE = 'Europe/Amsterdam';

/** Minutes that `tz` is ahead of UTC at the instant `utcMs`. */
function verschilMinuten(utcMs: number, tz: string): number {
	const delen = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', {
			timeZone: tz,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		})
			.formatToParts(new Date(utcMs))
			.map((p) => [p.type, p.value])
	);
	const alsUtc = Date.UTC(
		Number(delen.year),
		Number(delen.month) - 1,
		Number(delen.day),
		Number(delen.hour),
		Number(delen.minute),
		Number(delen.second)
	);
	return Math.round((alsUtc - utcMs) / 60_000);
}

/**
 * The instant (ISO, UTC) of a wall-clock time on a date in the Netherlands: '2026-12-03' +
 * '09:30' → '2026-12-03T08:30:00.000Z' (CET), '2026-06-15' + '09:30' → 07:30Z (CEST). A time
 * that does not exist (the spring-forward hour) lands an hour later, as clocks show it.
 */
export function lokaleTijdNaarIso(datum: string, tijd: string, tz = TIJDZONE): string {
	const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
	const [u, mi] = tijd.split(':').map(Number) as [number, number];
	const naief = Date.UTC(j, m - 1, d, u, mi);
	const eerste = verschilMinuten(naief, tz);
	let utc = naief - eerste * 60_000;
	const tweede = verschilMinuten(utc, tz);
	if (tweede !== eerste) utc = naief - tweede * 60_000;
	return new Date(utc).toISOString();
}

/** Time and place of a meeting, as stored. */
export interface TijdEnPlaats {
	datum: string;
	begintijd: string;
	eindtijd: string;
	locatie: string;
	onlineLink: string | null;
}

/**
 * SEQUENCE of the calendar event after a change (RFC 5545 §3.8.7.4): it goes up when time or
 * place change, so calendars replace the event; other edits (agenda, attendance) leave it.
 */
export function volgnummerNa(oud: TijdEnPlaats, nieuw: TijdEnPlaats, volgnummer: number): number {
	const anders =
		oud.datum !== nieuw.datum ||
		oud.begintijd !== nieuw.begintijd ||
		oud.eindtijd !== nieuw.eindtijd ||
		oud.locatie.trim() !== nieuw.locatie.trim() ||
		(oud.onlineLink ?? '') !== (nieuw.onlineLink ?? '');
	return anders ? volgnummer + 1 : volgnummer;
}

/** Where the meeting is, in one line: "Provinciehuis, Den Haag (ook online)" or "Online". */
export function plaatsTekst(v: Pick<TijdEnPlaats, 'locatie' | 'onlineLink'>): string {
	const locatie = v.locatie.trim();
	if (locatie && v.onlineLink) return `${locatie} (ook online)`;
	return locatie || (v.onlineLink ? 'Online' : '');
}

export interface IcsBron extends TijdEnPlaats {
	id: number;
	tafelNaam: string;
	/** Agenda titles in order. */
	agenda: readonly string[];
	/** Host name of the portal: with the id it makes the UID unique across installations. */
	host: string;
	/** The meeting page (absolute URL). */
	url: string;
	gewijzigd: string;
	volgnummer: number;
}

/** The calendar event of a meeting: stable UID per meeting, local times as instants. */
export function icsVanVergadering(v: IcsBron): IcsVergadering {
	const regels = [`Vergadering van de ${v.tafelNaam}.`];
	if (v.onlineLink) regels.push(`Online deelnemen: ${v.onlineLink}`);
	if (v.agenda.length > 0) {
		regels.push('', 'Agenda:', ...v.agenda.map((t, i) => `${i + 1}. ${t}`));
	}
	regels.push('', `Stukken en agenda in het portaal: ${v.url}`);
	return {
		uid: `vergadering-${v.id}@${v.host}`,
		start: lokaleTijdNaarIso(v.datum, v.begintijd),
		eind: lokaleTijdNaarIso(v.datum, v.eindtijd),
		titel: v.tafelNaam,
		locatie: plaatsTekst(v),
		beschrijving: regels.join('\n'),
		url: v.url,
		gewijzigd: v.gewijzigd,
		volgnummer: v.volgnummer,
		geannuleerd: false
	};
}
