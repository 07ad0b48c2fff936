import { z } from 'zod';

/** Length over complexity rules (NCSC/NIST): at least 12 characters, at most 256. */
export const wachtwoordSchema = z
	.string()
	.min(12, 'Een wachtwoord heeft minstens 12 tekens.')
	.max(256, 'Een wachtwoord heeft hoogstens 256 tekens.');

export const wachtwoordWijzigenSchema = z
	.object({
		huidig: z.string().min(1, 'Vul uw huidige wachtwoord in.').max(256),
		nieuw: wachtwoordSchema,
		herhaal: z.string().max(256)
	})
	.refine((v) => v.nieuw === v.herhaal, {
		path: ['herhaal'],
		message: 'De twee nieuwe wachtwoorden zijn niet gelijk.'
	});
