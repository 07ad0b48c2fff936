import { z } from 'zod';
import { TREDEN } from '$lib/domain/ladder/trede';
import { leesSaldo } from '$lib/format/getal';

/** Largest achterstand or voorsprong accepted: a whole period of the largest gemeente, twice. */
export const MAX_BEGINSALDO = 100_000;

const SALDO_FOUT =
	'Vul het saldo in als geheel getal: + voor een voorsprong, − voor een achterstand (bijvoorbeeld −12), of 0.';

/**
 * The standing of a gemeente when it entered the portal ("Stand bij aanvang", issue 3): its trede
 * and the saldo carried into its first period, with the source (a toezichtbrief: date and
 * kenmerk). The source is required: a starting standing nobody can trace back is not accepted.
 */
export const beginstandSchema = z.object({
	trede: z.enum(TREDEN, { message: 'Kies de trede bij aanvang.' }),
	saldo: z.preprocess(
		(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : leesSaldo(v)) : v),
		z
			.number({
				error: (i) =>
					i.input === undefined
						? 'Vul het saldo in (0 als er geen achterstand of voorsprong was).'
						: SALDO_FOUT
			})
			.int(SALDO_FOUT)
			.min(-MAX_BEGINSALDO, `Een achterstand van meer dan ${MAX_BEGINSALDO} is onwaarschijnlijk.`)
			.max(MAX_BEGINSALDO, `Een voorsprong van meer dan ${MAX_BEGINSALDO} is onwaarschijnlijk.`)
	),
	bron: z
		.string({ message: 'Vermeld de bron, bijvoorbeeld de toezichtbrief met datum en kenmerk.' })
		.trim()
		.min(5, 'Vermeld de bron, bijvoorbeeld de toezichtbrief met datum en kenmerk.')
		.max(1000, 'De bron is te lang (hoogstens 1000 tekens).')
});
export type BeginstandInvoer = z.infer<typeof beginstandSchema>;
