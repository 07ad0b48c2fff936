import { z } from 'zod';
import { OPMERKING_STATUSSEN_INVOER } from '$lib/verslag/opmerkingen';
import { id } from './vergadering';

const nummer = z.coerce
	.number({ error: 'Onbekende versie van het verslag.' })
	.int()
	.min(0, 'Onbekende versie van het verslag.');

/** "Concept publiceren": `basis` is the latest version number the page showed (0: none). */
export const publicerenSchema = z.object({ basis: nummer });

/** "Cijfers vastleggen" at a stand-van-zaken agendapunt. */
export const cijfersSchema = z.object({ agendapuntId: id('agendapunt') });

/** A member's comment on a concept, per agendapunt (empty: on the verslag as a whole). */
export const opmerkingSchema = z.object({
	nummer: nummer.pipe(z.number().min(1, 'Onbekende versie van het verslag.')),
	agendapuntId: z
		.union([z.literal(''), z.coerce.number().int().positive()])
		.optional()
		.transform((v) => (v === '' || v === undefined ? null : v)),
	tekst: z
		.string({ error: 'Schrijf uw opmerking.' })
		.trim()
		.min(1, 'Schrijf uw opmerking.')
		.max(4000, 'De opmerking is te lang (ten hoogste 4000 tekens).')
});

/** The secretaris processes a comment; `gezien` is the status the page showed. */
export const verwerkenSchema = z.object({
	opmerkingId: id('opmerking'),
	status: z.enum(OPMERKING_STATUSSEN_INVOER, { error: 'Kies verwerkt of niet overgenomen.' }),
	gezien: z.enum(['open', ...OPMERKING_STATUSSEN_INVOER], { error: 'Onbekende status.' }),
	reactie: z
		.string()
		.trim()
		.max(2000, 'De reactie is te lang (ten hoogste 2000 tekens).')
		.optional()
		.transform((r) => (r ? r : null))
});

/**
 * "Verslag vaststellen" at the current meeting's agendapunt: which verslag the page offered
 * (`doelId`), at which meeting (`vergaderingId`) and agendapunt.
 */
export const vaststellenSchema = z.object({
	vergaderingId: id('vergadering'),
	agendapuntId: id('agendapunt'),
	doelId: id('verslag')
});
