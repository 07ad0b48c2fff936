import { z } from 'zod';
import { ACTIEPUNT_STATUSSEN } from '$lib/domain/vergadering/actiepunten';
import { AGENDAPUNT_TYPES } from '$lib/domain/vergadering/agenda';
import { AANHEFFEN } from '$lib/domain/vergadering/aanhef';
import { AANWEZIGHEID_STATUSSEN } from '$lib/domain/vergadering/presentie';

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
		.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Deze datum ligt te ver weg.');
}

/** `HH:MM` (what `<input type="time">` sends; seconds, when a browser adds them, are dropped). */
function tijd(leeg: string) {
	return z
		.string({ error: leeg })
		.trim()
		.min(1, leeg)
		.transform((t) => t.slice(0, 5))
		.pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Vul een tijd in als uu:mm.'));
}

const tekst = (max: number, wat: string) =>
	z
		.string()
		.trim()
		.max(max, `${wat} is te lang (ten hoogste ${max} tekens).`)
		.optional()
		.default('');

export const id = (wat: string) =>
	z.coerce
		.number({ error: `Onbekend ${wat}.` })
		.int()
		.positive(`Onbekend ${wat}.`);

export const versieSchema = z.coerce
	.number({ error: 'Onbekende versie.' })
	.int()
	.min(1, 'Onbekende versie.');

/** Date, time and place of a meeting (new or changed). */
export const vergaderingSchema = z
	.object({
		datum: isoDatum('Vul de datum van de vergadering in.'),
		begintijd: tijd('Vul de begintijd in.'),
		eindtijd: tijd('Vul de eindtijd in.'),
		locatie: tekst(200, 'De locatie'),
		onlineLink: z
			.string()
			.trim()
			.max(500, 'De link is te lang (ten hoogste 500 tekens).')
			.optional()
			.default('')
			.refine((l) => l === '' || /^https:\/\/[^\s]+$/.test(l), {
				message: 'Een link voor online deelname begint met https://.'
			})
	})
	.superRefine((v, ctx) => {
		if (v.eindtijd <= v.begintijd) {
			ctx.addIssue({
				code: 'custom',
				path: ['eindtijd'],
				message: 'De eindtijd ligt na de begintijd.'
			});
		}
		if (v.locatie === '' && v.onlineLink === '') {
			ctx.addIssue({
				code: 'custom',
				path: ['locatie'],
				message: 'Vul een locatie in, een link voor online deelname, of beide.'
			});
		}
	})
	.transform((v) => ({ ...v, onlineLink: v.onlineLink === '' ? null : v.onlineLink }));
export type VergaderingInvoer = z.infer<typeof vergaderingSchema>;

export const agendapuntSchema = z.object({
	titel: z
		.string({ error: 'Vul een titel in.' })
		.trim()
		.min(1, 'Vul een titel in.')
		.max(200, 'De titel is te lang (ten hoogste 200 tekens).'),
	type: z.enum(AGENDAPUNT_TYPES, { error: 'Kies het soort agendapunt.' }),
	duur: z.coerce
		.number({ error: 'Vul de duur in minuten in.' })
		.int('Vul de duur in hele minuten in.')
		.min(1, 'Een agendapunt duurt ten minste 1 minuut.')
		.max(480, 'Een agendapunt duurt ten hoogste 480 minuten.'),
	presentator: tekst(200, 'De naam van de presentator'),
	omschrijving: tekst(4000, 'De omschrijving')
});
export type AgendapuntInvoer = z.infer<typeof agendapuntSchema>;

/** A new order of the agenda: the ids, comma-separated, as the page sends them. */
export const volgordeSchema = z
	.string({ error: 'Onbekende volgorde.' })
	.regex(/^\d{1,9}(,\d{1,9}){0,199}$/, 'Onbekende volgorde.')
	.transform((s) => s.split(',').map(Number));

/** `''` (or absent): no aanhef, the verslag uses the full name. */
export const aanhefSchema = z
	.union([z.literal(''), z.enum(AANHEFFEN)], { error: 'Kies De heer, Mevrouw of Geen.' })
	.optional()
	.default('')
	.transform((a) => (a === '' ? null : a));

const persoonVelden = {
	naam: z.string().trim().max(200, 'De naam is te lang (ten hoogste 200 tekens).'),
	functie: tekst(200, 'De functie'),
	organisatie: tekst(200, 'De organisatie'),
	aanhef: aanhefSchema
};

/** What became of one invited member; a substitute needs at least a name. */
export const aanwezigheidSchema = z
	.object({
		userId: id('lid'),
		status: z.enum(AANWEZIGHEID_STATUSSEN, { error: 'Kies aanwezig, afgemeld of vervangen.' }),
		vervangerNaam: persoonVelden.naam.optional().default(''),
		vervangerFunctie: persoonVelden.functie,
		vervangerOrganisatie: persoonVelden.organisatie,
		vervangerAanhef: persoonVelden.aanhef
	})
	.superRefine((v, ctx) => {
		if (v.status === 'vervangen' && v.vervangerNaam === '') {
			ctx.addIssue({
				code: 'custom',
				path: ['vervangerNaam'],
				message: 'Vul de naam in van wie het lid vervangt.'
			});
		}
	})
	.transform((v) => ({
		userId: v.userId,
		status: v.status,
		vervanger:
			v.status === 'vervangen'
				? {
						naam: v.vervangerNaam,
						functie: v.vervangerFunctie,
						organisatie: v.vervangerOrganisatie,
						aanhef: v.vervangerAanhef
					}
				: null
	}));
export type AanwezigheidInvoer = z.infer<typeof aanwezigheidSchema>;

export const gastSchema = z.object({
	naam: persoonVelden.naam.min(1, 'Vul de naam van de gast in.'),
	functie: persoonVelden.functie,
	organisatie: persoonVelden.organisatie,
	aanhef: persoonVelden.aanhef
});
export type GastInvoer = z.infer<typeof gastSchema>;

/**
 * An afspraak made at an agendapunt: what, who (a portal user, or a name and organisation typed
 * in for someone without an account), and before when.
 */
export const afspraakSchema = z
	.object({
		agendapuntId: id('agendapunt'),
		omschrijving: z
			.string({ error: 'Beschrijf de afspraak.' })
			.trim()
			.min(1, 'Beschrijf de afspraak.')
			.max(2000, 'De afspraak is te lang (ten hoogste 2000 tekens).'),
		/** A user id, or '' for a name typed in. */
		eigenaarUserId: z
			.string()
			.trim()
			.optional()
			.default('')
			.refine((s) => s === '' || /^[1-9]\d{0,8}$/.test(s), 'Kies een persoon uit de lijst.')
			.transform((s) => (s === '' ? null : Number(s))),
		eigenaarNaam: tekst(200, 'De naam van de eigenaar'),
		eigenaarOrganisatie: tekst(200, 'De organisatie'),
		deadline: z
			.string()
			.trim()
			.optional()
			.default('')
			.pipe(z.union([z.literal(''), isoDatum('Vul een datum in.')]))
			.transform((d) => (d === '' ? null : d))
	})
	.superRefine((v, ctx) => {
		if (v.eigenaarUserId === null && v.eigenaarNaam === '') {
			ctx.addIssue({
				code: 'custom',
				path: ['eigenaarNaam'],
				message: 'Kies wie de afspraak uitvoert, of vul een naam in.'
			});
		}
	});
export type AfspraakInvoer = z.infer<typeof afspraakSchema>;

export const actiepuntStatusSchema = z.object({
	id: id('actiepunt'),
	versie: versieSchema,
	status: z.enum(ACTIEPUNT_STATUSSEN, { error: 'Kies een status.' })
});

/** The first message per field, for a form's `fouten`. */
export function veldFouten(error: z.ZodError): Record<string, string> {
	const uit: Record<string, string> = {};
	for (const issue of error.issues) {
		const veld = String(issue.path[0] ?? 'algemeen');
		uit[veld] ??= issue.message;
	}
	return uit;
}
