/**
 * iCalendar (RFC 5545) for meetings: one VEVENT per meeting, times in UTC so that every calendar
 * (Outlook, Google, Apple) places them right without a VTIMEZONE block. Pure text generation.
 */

export interface IcsVergadering {
	/** Globally unique and stable: a re-import updates the event instead of duplicating it. */
	uid: string;
	/** ISO instants. */
	start: string;
	eind: string;
	titel: string;
	locatie: string;
	beschrijving: string;
	url: string | null;
	/** Last change (DTSTAMP / LAST-MODIFIED), ISO instant. */
	gewijzigd: string;
	/** Increases with every change of time or place (SEQUENCE). */
	volgnummer: number;
	geannuleerd: boolean;
}

/** 20261122T093000Z */
export function icsTijd(iso: string): string {
	return new Date(iso)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma and newlines. */
export function icsTekst(s: string): string {
	return s
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (§3.1): continuation lines start with one space. Never
 * splits a UTF-8 sequence (a character is kept whole).
 */
export function vouw(regel: string): string {
	const enc = new TextEncoder();
	const delen: string[] = [];
	let huidig = '';
	let bytes = 0;
	for (const teken of regel) {
		const n = enc.encode(teken).length;
		const max = delen.length === 0 ? 75 : 74; // continuation lines carry a leading space
		if (bytes + n > max) {
			delen.push(huidig);
			huidig = '';
			bytes = 0;
		}
		huidig += teken;
		bytes += n;
	}
	delen.push(huidig);
	return delen.join('\r\n ');
}

export function icsAgenda(naam: string, vergaderingen: readonly IcsVergadering[]): string {
	const regels = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Regietafel//Vergaderingen//NL',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${icsTekst(naam)}`
	];
	for (const v of vergaderingen) {
		regels.push(
			'BEGIN:VEVENT',
			`UID:${v.uid}`,
			`DTSTAMP:${icsTijd(v.gewijzigd)}`,
			`LAST-MODIFIED:${icsTijd(v.gewijzigd)}`,
			`SEQUENCE:${v.volgnummer}`,
			`DTSTART:${icsTijd(v.start)}`,
			`DTEND:${icsTijd(v.eind)}`,
			`SUMMARY:${icsTekst(v.titel)}`
		);
		if (v.locatie) regels.push(`LOCATION:${icsTekst(v.locatie)}`);
		if (v.beschrijving) regels.push(`DESCRIPTION:${icsTekst(v.beschrijving)}`);
		if (v.url) regels.push(`URL:${v.url}`);
		regels.push(`STATUS:${v.geannuleerd ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
	}
	regels.push('END:VCALENDAR');
	return regels.map(vouw).join('\r\n') + '\r\n';
}
