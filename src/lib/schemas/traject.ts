import { z } from 'zod';
import { TREDEN } from '$lib/domain/ladder/trede';
import { parseHalfjaar } from '$lib/domain/periode/halfjaar';
import { pasBeleidAan, STANDAARD_BELEID, type Beleid } from '$lib/domain/ladder/beleidskader';
import type { TrajectInvoer } from '$lib/domain/ladder/beoordeling';

/**
 * The input of `npm run assess` (issue 3 §2): one gemeente's trajectory. Every message is Dutch
 * and the caller prefixes the field path (`periods[0].end.gerealiseerd: …`).
 */

const strikt = <T extends z.ZodRawShape>(shape: T) =>
	z.strictObject(shape, {
		error: (iss) =>
			iss.code === 'unrecognized_keys'
				? `onbekend veld ${iss.keys.map((k) => `"${k}"`).join(', ')}`
				: iss.input === undefined
					? 'ontbreekt'
					: 'moet een object zijn'
	});

const aantal = () =>
	z
		.number({ error: (iss) => (iss.input === undefined ? 'ontbreekt' : 'moet een getal zijn') })
		.int('moet een geheel getal zijn')
		.min(0, 'mag niet negatief zijn');

const fractie = () =>
	z
		.number({ error: (iss) => (iss.input === undefined ? 'ontbreekt' : 'moet een getal zijn') })
		.min(0, 'moet tussen 0 en 1 liggen')
		.max(1, 'moet tussen 0 en 1 liggen');

const nietStijgen = z.discriminatedUnion(
	'kind',
	[
		strikt({ kind: z.literal('fractionOfOpgave'), fraction: fractie() }),
		strikt({ kind: z.literal('taakstellingPlusFractionOfAchterstand'), fraction: fractie() })
	],
	{
		error: () => 'moet "fractionOfOpgave" of "taakstellingPlusFractionOfAchterstand" zijn'
	}
);

const beleid = strikt({
	midpointThreshold: fractie().optional(),
	notRising: z.array(nietStijgen, { error: 'moet een lijst zijn' }).optional(),
	disregardOmkoppelingen: z.boolean({ error: 'moet true of false zijn' }).optional(),
	huurcontractenOnlyWhenNeeded: z.boolean({ error: 'moet true of false zijn' }).optional()
});

const periode = strikt({
	period: z
		.string({ error: 'moet een halfjaar zijn zoals "2021-I" of "2021-II"' })
		.refine((s) => parseHalfjaar(s) !== null, 'moet een halfjaar zijn zoals "2021-I" of "2021-II"'),
	taakstelling: aantal(),
	policy: beleid.optional(),
	midpoint: strikt({ gerealiseerd: aantal(), koppelingen: aantal() }).optional(),
	end: strikt({
		gerealiseerd: aantal(),
		huurcontracten: aantal().default(0),
		omkoppelingen: aantal().default(0),
		stapelgemeenteMaanden: aantal().max(6, 'een halfjaar heeft 6 maanden').default(0),
		stapelgemeenteInLaatsteMaand: z.boolean({ error: 'moet true of false zijn' }).default(false)
	}).optional()
});

export const trajectSchema = strikt({
	gemeente: z
		.string({ error: 'moet een gemeentecode zijn zoals "GM0518"' })
		.regex(/^GM\d{4}$/, 'moet een gemeentecode zijn zoals "GM0518"'),
	startTrede: z
		.enum(TREDEN, { error: `moet een van ${TREDEN.map((t) => `"${t}"`).join(', ')} zijn` })
		.default('0'),
	startSaldo: z
		.number({ error: 'moet een geheel getal zijn' })
		.int('moet een geheel getal zijn')
		.default(0),
	policy: beleid.optional(),
	periods: z
		.array(periode, { error: 'moet een lijst van perioden zijn' })
		.min(1, 'moet ten minste één periode bevatten')
});

export type TrajectJson = z.infer<typeof trajectSchema>;

/** JSON path as people write it: periods[0].end.gerealiseerd */
export function padTekst(pad: readonly PropertyKey[]): string {
	return pad.reduce<string>(
		(s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)),
		''
	);
}

/** Validated JSON → engine input; a period's policy overrides the top-level one field by field. */
export function naarTrajectInvoer(json: TrajectJson): TrajectInvoer {
	const algemeen: Beleid = pasBeleidAan(STANDAARD_BELEID, json.policy);
	return {
		gemeente: json.gemeente,
		startTrede: json.startTrede,
		startSaldo: json.startSaldo,
		perioden: json.periods.map((p) => ({
			periode: parseHalfjaar(p.period)!,
			taakstelling: p.taakstelling,
			beleid: pasBeleidAan(algemeen, p.policy),
			midden: p.midpoint,
			eind: p.end
		}))
	};
}
