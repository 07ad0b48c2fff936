import { z } from 'zod';
import type { Beleid } from '$lib/domain/ladder/beleidskader';
import { parseHalfjaar } from '$lib/domain/periode/halfjaar';

const fractie = z
	.number({ error: 'moet een getal zijn' })
	.min(0, 'moet tussen 0 en 1 liggen')
	.max(1, 'moet tussen 0 en 1 liggen');

export const NIET_STIJGEN_SOORTEN = [
	'fractionOfOpgave',
	'taakstellingPlusFractionOfAchterstand'
] as const;

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

const vanaf = z
	.string({ error: 'Vul een periode in zoals 2026-II.' })
	.trim()
	.refine((s) => parseHalfjaar(s) !== null, 'Vul een periode in zoals 2026-I of 2026-II.');

export const MAX_REGELS = 10;

/**
 * A new policy version as the service takes it (fractions, as stored). `basisVersie` is the
 * highest version for this `vanaf` that the author saw (0: none); the service refuses when a
 * newer one was saved in the meantime.
 */
export const beleidInvoerSchema = z.object({
	vanaf,
	beleid: beleidSchema.refine((b) => b.notRising.length <= MAX_REGELS, {
		message: `Hoogstens ${MAX_REGELS} regels.`
	}),
	toelichting: z
		.string({ error: 'Vul een toelichting in.' })
		.trim()
		.min(5, 'Leg in een zin uit waarom het beleid wijzigt, bijvoorbeeld "LRT-advies 2021-II".')
		.max(2000, 'De toelichting is te lang (hoogstens 2000 tekens).'),
	basisVersie: z.number().int().min(0)
});
export type BeleidInvoer = z.infer<typeof beleidInvoerSchema>;

/** What the form sends, as text, so that a refused form can be shown again exactly as typed. */
export interface BeleidFormulierWaarden {
	vanaf: string;
	drempel: string;
	regels: { soort: string; procent: string }[];
	disregardOmkoppelingen: boolean;
	huurcontractenOnlyWhenNeeded: boolean;
	toelichting: string;
	basisVersie: string;
}

/** Reads the policy form (repeated `regelSoort`/`regelProcent` fields make the rule rows). */
export function beleidFormulierWaarden(form: FormData): BeleidFormulierWaarden {
	const tekst = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : '';
	};
	const soorten = form.getAll('regelSoort').map(String);
	const procenten = form.getAll('regelProcent').map(String);
	const regels = Array.from({ length: Math.max(soorten.length, procenten.length) }, (_, i) => ({
		soort: soorten[i] ?? '',
		procent: procenten[i] ?? ''
	}));
	return {
		vanaf: tekst('vanaf'),
		drempel: tekst('drempel'),
		regels,
		disregardOmkoppelingen: form.has('disregardOmkoppelingen'),
		huurcontractenOnlyWhenNeeded: form.has('huurcontractenOnlyWhenNeeded'),
		toelichting: tekst('toelichting'),
		basisVersie: tekst('basisVersie')
	};
}

/**
 * "70", "70,5", "70 %" → 0.7, 0.705. A percentage is what people type; the policy stores a
 * fraction. Rounded to 4 decimals so that 33,3 % is 0.333 and not 0.33299999999999996.
 */
const procent = z
	.string()
	.trim()
	.transform((s) => s.replace(/\s*%$/, '').replace(',', '.'))
	.pipe(
		z
			.string()
			.min(1, 'Vul een percentage in, bijvoorbeeld 70.')
			.regex(
				/^\d+(\.\d)?$/,
				'Vul een percentage in als getal met hoogstens één decimaal, bijvoorbeeld 72,5.'
			)
			.transform(Number)
			.pipe(
				z
					.number()
					.gt(0, 'Het percentage moet groter zijn dan 0.')
					.max(100, 'Het percentage kan niet hoger zijn dan 100.')
			)
	)
	.transform((p) => Math.round(p * 100) / 10000);

/** The form as typed → a `BeleidInvoer`; every message Dutch, at the field it is about. */
export const beleidFormulierSchema = z
	.object({
		vanaf,
		drempel: procent,
		regels: z
			.array(
				z.object({
					soort: z.enum(NIET_STIJGEN_SOORTEN, { message: 'Kies het soort regel.' }),
					procent
				})
			)
			.max(MAX_REGELS, `Hoogstens ${MAX_REGELS} regels.`),
		disregardOmkoppelingen: z.boolean(),
		huurcontractenOnlyWhenNeeded: z.boolean(),
		toelichting: beleidInvoerSchema.shape.toelichting,
		basisVersie: z
			.string()
			.regex(/^\d+$/, 'Het formulier is onvolledig; laad de pagina opnieuw.')
			.transform(Number)
	})
	.superRefine((v, ctx) => {
		const gezien = new Set<string>();
		v.regels.forEach((r, i) => {
			const sleutel = `${r.soort}/${r.procent}`;
			if (gezien.has(sleutel)) {
				ctx.addIssue({
					code: 'custom',
					path: ['regels', i, 'procent'],
					message: 'Deze regel staat er al.'
				});
			}
			gezien.add(sleutel);
		});
	})
	.transform((v): BeleidInvoer => ({
		vanaf: v.vanaf,
		beleid: {
			midpointThreshold: v.drempel,
			notRising: v.regels.map((r) => ({ kind: r.soort, fraction: r.procent })),
			disregardOmkoppelingen: v.disregardOmkoppelingen,
			huurcontractenOnlyWhenNeeded: v.huurcontractenOnlyWhenNeeded
		},
		toelichting: v.toelichting,
		basisVersie: v.basisVersie
	}));

/**
 * Parses the form; on failure one Dutch message per field, keyed by its path
 * (`drempel`, `regels.1.procent`, `toelichting`, …).
 */
export function parseBeleidFormulier(
	waarden: BeleidFormulierWaarden
): { ok: true; invoer: BeleidInvoer } | { ok: false; fouten: Record<string, string> } {
	const r = beleidFormulierSchema.safeParse(waarden);
	if (r.success) return { ok: true, invoer: r.data };
	const fouten: Record<string, string> = {};
	for (const i of r.error.issues) fouten[i.path.join('.') || 'algemeen'] ??= i.message;
	return { ok: false, fouten };
}
