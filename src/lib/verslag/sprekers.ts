/**
 * Speaker notes in the verslag (issue 6 §4): "Daan Visser (Ministerie van BZK) geeft aan dat …".
 * The portal does not know anyone's gender, so the note names the person and their organisation
 * instead of "De heer/Mevrouw". Who can be picked: whoever attended (members present,
 * substitutes, guests); before attendance is recorded, everyone invited.
 */
import type { Genodigde, Persoon } from '$lib/domain/vergadering/presentie';

export interface Spreker {
	/** Stable key for lists (`lid-<userId>`, `vervanger-<userId>`, `gast-<i>`). */
	sleutel: string;
	naam: string;
	organisatie: string;
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
				toelichting: ''
			});
		} else if (g.status === 'vervangen' && g.vervanger) {
			lijst.push({
				sleutel: `vervanger-${g.userId}`,
				naam: g.vervanger.naam,
				organisatie: g.vervanger.organisatie,
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
			toelichting: 'gast'
		})
	);
	return { lijst, presentieBekend };
}

/** The opening of a speaker note; the editor puts the cursor after it. */
export function sprekerTekst(s: Pick<Spreker, 'naam' | 'organisatie'>): string {
	const naam = s.naam.trim();
	const org = s.organisatie.trim();
	return `${naam}${org ? ` (${org})` : ''} geeft aan dat `;
}
