import { z } from 'zod';
import type { Beleid } from '$lib/domain/ladder/beleidskader';

const fractie = z
	.number({ error: 'moet een getal zijn' })
	.min(0, 'moet tussen 0 en 1 liggen')
	.max(1, 'moet tussen 0 en 1 liggen');

/** A complete policy as stored in beleidsversies.beleid (validated on write and on read). */
export const beleidSchema = z.object({
	midpointThreshold: fractie,
	notRising: z.array(
		z.discriminatedUnion('kind', [
			z.object({ kind: z.literal('fractionOfOpgave'), fraction: fractie }),
			z.object({ kind: z.literal('taakstellingPlusFractionOfAchterstand'), fraction: fractie })
		])
	),
	disregardOmkoppelingen: z.boolean(),
	huurcontractenOnlyWhenNeeded: z.boolean()
}) satisfies z.ZodType<Beleid>;
