import { z } from 'zod';
import { MAX_PERSONEN } from '$lib/domain/huurcontract/regels';

/** A real calendar date as `YYYY-MM-DD` (what `<input type="date">` sends). */
function isoDatum(leeg: string) {
	return z
		.string({ error: leeg })
		.trim()
		.min(1, leeg)
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in als jjjj-mm-dd.')
		.refine((d) => {
			const t = new Date(`${d}T00:00:00Z`);
			return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
		}, 'Deze datum bestaat niet.')
		.refine((d) => d >= '1990-01-01', 'Deze datum ligt te ver terug.');
}

/**
 * The registration form of a signed huurcontract (the file is checked separately by
 * `$lib/server/bestanden.ts`; the rules between the dates and today by the domain).
 */
export const huurcontractSchema = z.object({
	datum: isoDatum('Vul de datum van ondertekening in.'),
	ingangsdatum: isoDatum('Vul de ingangsdatum van de huur in.'),
	personen: z
		.string({ error: 'Vul het aantal personen in.' })
		.trim()
		.min(1, 'Vul het aantal personen in.')
		.regex(/^\d+$/, 'Vul een heel getal in.')
		.transform(Number)
		.pipe(
			z
				.number()
				.min(1, 'Een huurcontract telt ten minste 1 persoon.')
				.max(
					MAX_PERSONEN,
					`Ten hoogste ${MAX_PERSONEN} personen per contract; controleer het aantal.`
				)
		),
	kenmerk: z
		.string()
		.trim()
		.max(100, 'Het kenmerk is te lang (ten hoogste 100 tekens).')
		.optional()
		.default(''),
	omschrijving: z
		.string()
		.trim()
		.max(1000, 'De omschrijving is te lang (ten hoogste 1000 tekens).')
		.optional()
		.default('')
});
export type HuurcontractInvoer = z.infer<typeof huurcontractSchema>;

/** Accept, reject or withdraw: which contract, at which version (optimistic locking). */
export const huurcontractActieSchema = z.object({
	id: z.coerce.number({ error: 'Onbekend huurcontract.' }).int().positive('Onbekend huurcontract.'),
	versie: z.coerce.number({ error: 'Onbekende versie.' }).int().min(1, 'Onbekende versie.'),
	reden: z
		.string()
		.trim()
		.max(2000, 'De reden is te lang (ten hoogste 2000 tekens).')
		.optional()
		.default('')
});
export type HuurcontractActieInvoer = z.infer<typeof huurcontractActieSchema>;
