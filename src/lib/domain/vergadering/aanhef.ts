/**
 * How a person is named in a verslag (DOMAIN.md §6: "De heer X geeft aan dat …"). The portal
 * does not guess anyone's gender: a person chooses an aanhef on their account page (the secretaris
 * fills it in for a substitute or guest); without one the verslag uses the full name, which is
 * also common in Dutch minutes.
 */

export const AANHEFFEN = ['de heer', 'mevrouw'] as const;
export type Aanhef = (typeof AANHEFFEN)[number];

/** For select lists; `''` is "no aanhef: the full name". */
export const AANHEF_KEUZES: readonly { waarde: Aanhef | ''; label: string }[] = [
	{ waarde: '', label: 'Geen (volledige naam)' },
	{ waarde: 'de heer', label: 'De heer' },
	{ waarde: 'mevrouw', label: 'Mevrouw' }
];

export function isAanhef(s: unknown): s is Aanhef {
	return typeof s === 'string' && (AANHEFFEN as readonly string[]).includes(s);
}

/**
 * Dutch surname prefixes (tussenvoegsels), also the common ones of other origins met in Dutch
 * names ("el", "da"). Compared in lower case.
 */
const TUSSENVOEGSELS = new Set([
	'van',
	'de',
	'der',
	'den',
	'het',
	"'t",
	'’t',
	'te',
	'ten',
	'ter',
	'in',
	'op',
	'aan',
	'uit',
	'bij',
	'tot',
	'voor',
	'onder',
	'over',
	'la',
	'le',
	'les',
	'du',
	'des',
	'di',
	'da',
	'del',
	'della',
	'dos',
	'el',
	'al'
]);

/**
 * The surname of a full name as a verslag uses it after "De heer"/"Mevrouw": everything from the
 * first tussenvoegsel or hyphenated part after the first name, otherwise the last word.
 * "Victor van Dam" → "Van Dam" (a tussenvoegsel without first name before it takes a capital),
 * "Jan Willem de Boer" → "De Boer", "Ellen Smit-de Boer" → "Smit-de Boer",
 * "Tom 't Hart" → "'t Hart" (an elided article stays lower case), "Chris Smit" → "Smit".
 */
export function achternaam(naam: string): string {
	const delen = naam.trim().split(/\s+/).filter(Boolean);
	if (delen.length <= 1) return delen[0] ?? '';
	let start = delen.length - 1;
	for (let i = 1; i < delen.length - 1; i++) {
		const deel = delen[i]!;
		if (TUSSENVOEGSELS.has(deel.toLowerCase()) || deel.includes('-')) {
			start = i;
			break;
		}
	}
	const rest = delen.slice(start).join(' ');
	if (/^['’]/.test(rest)) return rest;
	return rest.charAt(0).toLocaleUpperCase('nl') + rest.slice(1);
}

/**
 * How the verslag names a person at the start of a sentence: "De heer Van Dam",
 * "Mevrouw Bakker", or the full name without an aanhef.
 */
export function aanduiding(p: { naam: string; aanhef?: Aanhef | null }): string {
	const naam = p.naam.trim().replace(/\s+/g, ' ');
	if (!p.aanhef) return naam;
	const achter = achternaam(naam);
	if (!achter) return naam;
	const woord = p.aanhef === 'de heer' ? 'De heer' : 'Mevrouw';
	return `${woord} ${achter}`;
}
