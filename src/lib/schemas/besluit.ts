import { z } from 'zod';
import { TREDEN, vereistBesluitVan, type Trede } from '$lib/domain/ladder/trede';

/**
 * A toezichthouder's decision on a standing. Treden 4–6 are decisions of GS and need a date and
 * a kenmerk; any trede other than the rule result needs a motivation (checked by the service,
 * which knows the rule result).
 */
export const besluitSchema = z
	.object({
		periode: z.string().regex(/^\d{4}-(I|II)$/, 'Onbekende periode.'),
		kind: z.enum(['midpoint', 'end'], { message: 'Onbekende peildatum.' }),
		trede: z.enum(TREDEN, { message: 'Kies een trede.' }),
		datum: z
			.string()
			.trim()
			.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Vul een datum in als jjjj-mm-dd.')
			.optional()
			.default(''),
		kenmerk: z.string().trim().max(100, 'Het kenmerk is te lang.').optional().default(''),
		motivatie: z.string().trim().max(4000, 'De motivatie is te lang.').optional().default('')
	})
	.superRefine((v, ctx) => {
		if (vereistBesluitVan(v.trede as Trede)) {
			if (!v.datum) {
				ctx.addIssue({
					code: 'custom',
					path: ['datum'],
					message: 'Trede 4, 5 en 6 vragen de datum van het GS-besluit.'
				});
			}
			if (!v.kenmerk) {
				ctx.addIssue({
					code: 'custom',
					path: ['kenmerk'],
					message: 'Trede 4, 5 en 6 vragen het kenmerk van het GS-besluit.'
				});
			}
		}
	});
export type BesluitInvoer = z.infer<typeof besluitSchema>;
