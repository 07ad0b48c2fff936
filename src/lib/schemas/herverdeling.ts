import { z } from 'zod';
import { ONTVANGERS } from '$lib/domain/herverdeling/workflow';

const geheel = z.coerce
	.number({ error: 'Vul een geheel getal in.' })
	.int('Vul een geheel getal in.')
	.min(-100_000, 'Dat aantal is niet realistisch.')
	.max(100_000, 'Dat aantal is niet realistisch.');

export const wijzigingSchema = z.object({
	gemeenteCode: z.string().regex(/^GM\d{4}$/, 'Kies een gemeente.'),
	wijziging: geheel
});

/** A proposal as typed in the form (the domain checks zero-sum and the rest). */
export const voorstelSchema = z.object({
	periode: z.string().regex(/^\d{4}-(I|II)$/, 'Kies een periode zoals 2027-I.'),
	motivatie: z
		.string()
		.trim()
		.min(10, 'Motiveer het voorstel (ten minste 10 tekens).')
		.max(4000, 'De motivatie is te lang (ten hoogste 4000 tekens).'),
	wijzigingen: z
		.array(wijzigingSchema)
		.min(2, 'Een herverdeling gaat over ten minste twee gemeenten.')
		.max(60, 'Te veel gemeenten in één voorstel.')
});
export type VoorstelInvoer = z.infer<typeof voorstelSchema>;

export const versieSchema = z.coerce
	.number({ error: 'Onbekende versie; laad de pagina opnieuw.' })
	.int()
	.min(1, 'Onbekende versie; laad de pagina opnieuw.');

export const akkoordSchema = z.object({
	gemeenteCode: z.string().regex(/^GM\d{4}$/, 'Onbekende gemeente.'),
	besluitDatum: z.iso.date({ error: 'Vul de datum van het B&W-besluit in (jjjj-mm-dd).' }),
	kenmerk: z
		.string()
		.trim()
		.min(1, 'Vul het kenmerk van het B&W-besluit in.')
		.max(100, 'Het kenmerk is te lang.')
});

export const afwijzenSchema = z.object({
	gemeenteCode: z.string().regex(/^GM\d{4}$/, 'Onbekende gemeente.'),
	reden: z
		.string()
		.trim()
		.min(5, 'Geef de reden van de afwijzing.')
		.max(2000, 'De reden is te lang.')
});

export const verwerkenSchema = z.object({
	geinformeerd: z.array(z.enum(ONTVANGERS)).default([])
});
