/**
 * Speaker notes in the verslag (issue 6 §4): "De heer Visser (Ministerie van BZK) geeft aan dat …".
 * The aanhef is what the person chose on their account page (or the secretaris entered for a
 * substitute or guest); without one the note uses the full name — the portal never guesses a
 * gender. Who can be picked: whoever attended (members present, substitutes, guests); before
 * attendance is recorded, everyone invited.
 */
import { aanduiding, type Aanhef } from '$lib/domain/vergadering/aanhef';
import type { Genodigde, Persoon } from '$lib/domain/vergadering/presentie';

export interface Spreker {
	/** Stable key for lists (`lid-<userId>`, `vervanger-<userId>`, `gast-<i>`). */
	sleutel: string;
	naam: string;
	organisatie: string;
	aanhef: Aanhef | null;
	/** For the menu: "namens Daan Visser", "gast"; empty for a member present. */
	toelichting: string;
}

const opNaam = (a: Spreker, b: Spreker) => a.naam.localeCompare(b.naam, 'nl');

export function sprekers(
	genodigden: readonly Genodigde[],
	gasten: readonly Persoon[]
): { lijst: Spreker[]; presentieBekend: boolean } {
	const lijst: Spreker[] = [];
	for (const g of genodigden) {
		if (g.status === 'aanwezig') {
			lijst.push({
				sleutel: `lid-${g.userId}`,
				naam: g.naam,
				organisatie: g.organisatie,
				aanhef: g.aanhef ?? null,
				toelichting: ''
			});
		} else if (g.status === 'vervangen' && g.vervanger) {
			lijst.push({
				sleutel: `vervanger-${g.userId}`,
				naam: g.vervanger.naam,
				organisatie: g.vervanger.organisatie,
				aanhef: g.vervanger.aanhef ?? null,
				toelichting: `namens ${g.naam}`
			});
		}
	}
	const presentieBekend = lijst.length > 0;
	if (!presentieBekend) {
		for (const g of genodigden) {
			if (g.status === 'afgemeld') continue;
			lijst.push({
				sleutel: `lid-${g.userId}`,
				naam: g.naam,
				organisatie: g.organisatie,
				aanhef: g.aanhef ?? null,
				toelichting: ''
			});
		}
	}
	lijst.sort(opNaam);
	gasten.forEach((p, i) =>
		lijst.push({
			sleutel: `gast-${i}`,
			naam: p.naam,
			organisatie: p.organisatie,
			aanhef: p.aanhef ?? null,
			toelichting: 'gast'
		})
	);
	return { lijst, presentieBekend };
}

/**
 * The opening of a speaker note; the editor puts the cursor after it. "De heer Van Dam (Provincie
 * Zuid-Holland) geeft aan dat ", or with the full name when no aanhef is known.
 */
export function sprekerTekst(
	s: Pick<Spreker, 'naam' | 'organisatie'> & { aanhef?: Aanhef | null }
): string {
	const org = s.organisatie.trim();
	return `${aanduiding(s)}${org ? ` (${org})` : ''} geeft aan dat `;
}
