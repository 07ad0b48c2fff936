const TZ = 'Europe/Amsterdam';

const datumTijd = new Intl.DateTimeFormat('nl-NL', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: TZ
});
const datum = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: TZ });
const tijd = new Intl.DateTimeFormat('nl-NL', { timeStyle: 'short', timeZone: TZ });

export const formatDatumTijd = (d: Date | string) => datumTijd.format(new Date(d));
export const formatDatum = (d: Date | string) => datum.format(new Date(d));
export const formatTijd = (d: Date | string) => tijd.format(new Date(d));

const kort = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: TZ });
/** "1 okt." for dense tables; the year is implied by the period shown. */
export const formatDatumKort = (d: Date | string) => kort.format(new Date(d));

const dag = new Intl.DateTimeFormat('nl-NL', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: TZ
});
/** "donderdag 3 december 2026" for a calendar date (`YYYY-MM-DD`, no time zone shift). */
export const formatDag = (iso: string) => dag.format(new Date(`${iso}T12:00:00Z`));
/** "3 dec. 2026" for a calendar date (`YYYY-MM-DD`). */
export const formatDatumKortJaar = (iso: string) =>
	new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: TZ }).format(
		new Date(`${iso}T12:00:00Z`)
	);
