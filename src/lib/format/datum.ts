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
