import { z } from 'zod';
import { TAFEL_ROLLEN } from '$lib/domain/autorisatie/rollen';

export const MEDEDELING_MAX = 1000;

export const mededelingSchema = z.object({
	tekst: z
		.string()
		.trim()
		.min(1, 'Schrijf een mededeling.')
		.max(MEDEDELING_MAX, `Een mededeling is hoogstens ${MEDEDELING_MAX} tekens.`)
});

export const idSchema = z.coerce
	.number({ message: 'Ongeldige keuze.' })
	.int()
	.positive('Ongeldige keuze.');

export const lidSchema = z.object({
	userId: idSchema,
	rol: z.enum(TAFEL_ROLLEN, { message: 'Kies een rol.' })
});
