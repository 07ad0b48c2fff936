import { z } from 'zod';

const periode = z
	.string()
	.trim()
	.regex(/^\d{4}-(I|II)$/, 'Kies een periode zoals 2026-I of 2026-II.');

const leegIsNull = (v: unknown) => (v === '' || v === undefined || v === null ? null : v);

/** The import page's choice besides the file; one message per field, in Dutch. */
export const importKeuzeSchema = z.discriminatedUnion(
	'soort',
	[
		z.object({ soort: z.literal('taakstelling'), periode }),
		z.object({
			soort: z.literal('realisatie'),
			peilmaand: z.preprocess(
				leegIsNull,
				z
					.string()
					.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Kies een peilmaand zoals 2026-03, of laat het leeg.')
					.nullable()
			)
		}),
		z.object({
			soort: z.literal('bevolking'),
			jaar: z.preprocess(
				leegIsNull,
				z.coerce
					.number({ message: 'Vul een jaar in zoals 2025, of laat het leeg.' })
					.int('Vul een jaar in zoals 2025, of laat het leeg.')
					.min(1990, 'Vul een jaar vanaf 1990 in.')
					.max(2200, 'Vul een jaar tot 2200 in.')
					.nullable()
			)
		}),
		z.object({
			soort: z.literal('berekening'),
			periode,
			vg: z.preprocess(
				(v) => (typeof v === 'string' ? v.trim().replace(/\./g, '') || undefined : v),
				z.coerce
					.number({ message: 'Vul het landelijke aantal (vg) in als geheel getal.' })
					.int('Vul het landelijke aantal (vg) in als geheel getal.')
					.min(0, 'Het landelijke aantal (vg) kan niet negatief zijn.')
					.max(10_000_000, 'Het landelijke aantal (vg) is onwaarschijnlijk groot.')
			)
		})
	],
	{ message: 'Kies wat u wilt importeren.' }
);

export type ImportKeuze = z.infer<typeof importKeuzeSchema>;
