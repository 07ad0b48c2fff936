import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { can, kamerNaam } from '$lib/domain/autorisatie/rechten';
import type { BeleidsVersie } from '$lib/domain/ladder/beleidskader';
import { vorigeVersie } from '$lib/domain/ladder/beleid-tekst';
import { halfjaarIndex, parseHalfjaar } from '$lib/domain/periode/halfjaar';
import { formatDatumTijd } from '$lib/format/datum';
import type { BeleidGewijzigd } from '$lib/realtime/events';
import { beleidInvoerSchema, beleidSchema, type BeleidInvoer } from '$lib/schemas/beleid';
import { db, type Executor } from '../db';
import { beleidsversies, gemeenten, provincies } from '../db/schema';
import { mutate, type AuditActor } from '../mutatie';
import {
	berekenBeoordelingen,
	gemeentenMetCijfers,
	herberekenBeoordelingen,
	standen
} from './beoordelingen';

/** A stored version with who saved it, when and why. */
export interface OpgeslagenVersie extends BeleidsVersie {
	id: number;
	door: string;
	at: Date;
	toelichting: string;
}

/** All versions of a provincie's beleidskader, oldest `vanaf` first, then by version. */
export async function beleidsversiesVanProvincie(
	ex: Executor,
	provincieCode: string
): Promise<OpgeslagenVersie[]> {
	const rows = await ex
		.select()
		.from(beleidsversies)
		.where(eq(beleidsversies.provincieCode, provincieCode))
		.orderBy(asc(beleidsversies.id));
	return rows
		.flatMap((r) => {
			const vanaf = parseHalfjaar(r.vanaf);
			const beleid = beleidSchema.safeParse(r.beleid);
			if (!vanaf || !beleid.success) return []; // the write path validates; never trust silently
			return [
				{
					id: r.id,
					provincieCode: r.provincieCode,
					vanaf,
					versie: r.versie,
					beleid: beleid.data,
					door: r.doorLabel,
					at: r.at,
					toelichting: r.toelichting
				}
			];
		})
		.sort((a, b) => halfjaarIndex(a.vanaf) - halfjaarIndex(b.vanaf) || a.versie - b.versie);
}

export type BeleidFoutCode = 'BELEID.GEEN_RECHT' | 'BELEID.ONGELDIG' | 'BELEID.VEROUDERD';

export type BeleidVastleggenResultaat =
	| {
			ok: true;
			id: number;
			vanaf: string;
			versie: number;
			/** Gemeenten whose standing changed at some peildatum. */
			gewijzigd: string[];
	  }
	| { ok: false; code: BeleidFoutCode; fouten: Record<string, string> };

const hoogsteVersie = (versies: readonly BeleidsVersie[], vanaf: string) => {
	const h = parseHalfjaar(vanaf)!;
	return versies
		.filter((v) => halfjaarIndex(v.vanaf) === halfjaarIndex(h))
		.reduce<BeleidsVersie | null>((a, b) => (a && a.versie >= b.versie ? a : b), null);
};

/** Gemeenten whose standing differs between two snapshots of `standen()`. */
function verschillend(
	voor: Map<string, Map<string, string>>,
	na: Map<string, Map<string, string>>
): string[] {
	const codes = new Set([...voor.keys(), ...na.keys()]);
	return [...codes]
		.filter((c) => {
			const a = voor.get(c) ?? new Map<string, string>();
			const b = na.get(c) ?? new Map<string, string>();
			return a.size !== b.size || [...a].some(([k, t]) => b.get(k) !== t);
		})
		.sort();
}

/**
 * Saves a new version of a provincie's beleidskader (versions are never changed: a change is a
 * new version, numbered per `vanaf`), and in the same transaction recomputes every gemeente of
 * the provincie under it, writes the audit row and tells the provincie room. Refuses, without
 * writing the version, when the author lacks the right, the input is invalid, or someone else
 * saved a newer version for the same `vanaf` after the form was filled (no silent overwrite).
 */
export async function legBeleidVast(args: {
	actor: Actor;
	door: AuditActor;
	provincieCode: string;
	invoer: unknown;
}): Promise<BeleidVastleggenResultaat> {
	const { provincieCode } = args;
	if (!can(args.actor, { actie: 'toezicht.beoordelen', provincieCode }).toegestaan) {
		return {
			ok: false,
			code: 'BELEID.GEEN_RECHT',
			fouten: {
				algemeen: 'Alleen een toezichthouder van deze provincie kan het beleidskader wijzigen.'
			}
		};
	}
	const parsed = beleidInvoerSchema.safeParse(args.invoer);
	if (!parsed.success) {
		const fouten: Record<string, string> = {};
		for (const i of parsed.error.issues) fouten[i.path.join('.') || 'algemeen'] ??= i.message;
		return { ok: false, code: 'BELEID.ONGELDIG', fouten };
	}
	const invoer: BeleidInvoer = parsed.data;

	return mutate(args.door, async (ctx) => {
		// One policy change per provincie at a time: the second waits and then sees the first.
		const [provincie] = await ctx.tx
			.select()
			.from(provincies)
			.where(eq(provincies.code, provincieCode))
			.for('update');
		if (!provincie) throw new Error(`Onbekende provincie ${provincieCode}`);
		const versies = await beleidsversiesVanProvincie(ctx.tx, provincieCode);
		const huidige = hoogsteVersie(versies, invoer.vanaf) as OpgeslagenVersie | null;
		if ((huidige?.versie ?? 0) !== invoer.basisVersie) {
			await ctx.audit({
				entity: 'beleidsversie',
				entityId: `${provincieCode}/${invoer.vanaf}`,
				action: 'geweigerd-verouderd',
				after: { ...invoer, huidigeVersie: huidige?.versie ?? 0 }
			});
			return {
				ok: false,
				code: 'BELEID.VEROUDERD',
				fouten: {
					algemeen: huidige
						? `Intussen heeft ${huidige.door} op ${formatDatumTijd(huidige.at)} versie ${huidige.versie} vastgelegd voor ${invoer.vanaf}; uw formulier ging uit van ${invoer.basisVersie === 0 ? 'geen versie' : `versie ${invoer.basisVersie}`}. Uw wijziging is niet opgeslagen. Bekijk de nieuwe versie en vul het formulier opnieuw in.`
						: `Het formulier ging uit van versie ${invoer.basisVersie} voor ${invoer.vanaf}, maar die bestaat niet. Uw wijziging is niet opgeslagen; laad de pagina opnieuw.`
				}
			} as const;
		}

		const codes = await gemeentenMetCijfers(ctx.tx, provincieCode);
		const voor = await standen(ctx.tx, codes);
		const [rij] = await ctx.tx
			.insert(beleidsversies)
			.values({
				provincieCode,
				vanaf: invoer.vanaf,
				versie: (huidige?.versie ?? 0) + 1,
				beleid: invoer.beleid,
				door: args.door.userId,
				doorLabel: args.door.label,
				toelichting: invoer.toelichting
			})
			.returning();
		const nieuw = rij!;
		const vorige = vorigeVersie(versies, {
			provincieCode,
			vanaf: parseHalfjaar(nieuw.vanaf)!,
			versie: nieuw.versie,
			beleid: invoer.beleid
		}) as OpgeslagenVersie | null;
		await ctx.audit({
			entity: 'beleidsversie',
			entityId: nieuw.id,
			action: 'vastgelegd',
			before: vorige
				? { id: vorige.id, vanaf: invoer.vanaf, versie: vorige.versie, beleid: vorige.beleid }
				: { standaardbeleid: true },
			after: {
				id: nieuw.id,
				provincieCode,
				vanaf: nieuw.vanaf,
				versie: nieuw.versie,
				beleid: invoer.beleid,
				toelichting: invoer.toelichting
			}
		});
		await herberekenBeoordelingen(ctx, codes);
		const gewijzigd = verschillend(voor, await standen(ctx.tx, codes));
		await ctx.publish(kamerNaam({ soort: 'provincie', code: provincieCode }), 'beleid.gewijzigd', {
			id: nieuw.id,
			vanaf: nieuw.vanaf,
			versie: nieuw.versie,
			door: args.door.label,
			gemeenten: gewijzigd
		} satisfies BeleidGewijzigd);
		return { ok: true, id: nieuw.id, vanaf: nieuw.vanaf, versie: nieuw.versie, gewijzigd } as const;
	});
}

/** A standing that a candidate policy would change. */
export interface StandWijziging {
	gemeenteCode: string;
	naam: string;
	/** Per peildatum (oldest first) the standing now and under the candidate. */
	peildata: {
		periode: string;
		kind: 'midpoint' | 'end';
		nu: string | null;
		straks: string | null;
	}[];
}

/**
 * "Voorbeeld": which gemeenten of the provincie would get another standing if `beleid` became the
 * newest version for `vanaf`. Runs the same engine on the stored data; writes nothing.
 */
export async function voorbeeldBeleid(
	provincieCode: string,
	kandidaat: Pick<BeleidInvoer, 'vanaf' | 'beleid'>
): Promise<{ gemeenten: number; wijzigingen: StandWijziging[] }> {
	const ex = db();
	const vanaf = parseHalfjaar(kandidaat.vanaf);
	if (!vanaf) throw new Error(`Ongeldige periode ${kandidaat.vanaf}`);
	const codes = await gemeentenMetCijfers(ex, provincieCode);
	const [nu, { rijen }] = await Promise.all([
		standen(ex, codes),
		berekenBeoordelingen(ex, codes, { provincieCode, vanaf, beleid: kandidaat.beleid })
	]);
	const straks = await standen(ex, codes, rijen);
	const codesAnders = verschillend(nu, straks);
	const namen = new Map<string, string>();
	if (codesAnders.length > 0) {
		const rows = await ex
			.select({ code: gemeenten.code, naam: gemeenten.naam })
			.from(gemeenten)
			.where(inArray(gemeenten.code, codesAnders))
			.orderBy(asc(gemeenten.jaar));
		for (const r of rows) namen.set(r.code, r.naam);
	}
	const volgorde = (k: string) => {
		const [periode, kind] = k.split('/') as [string, string];
		return halfjaarIndex(parseHalfjaar(periode)!) * 2 + (kind === 'end' ? 1 : 0);
	};
	const wijzigingen = codesAnders.map((code) => {
		const a = nu.get(code)!;
		const b = straks.get(code)!;
		const sleutels = [...new Set([...a.keys(), ...b.keys()])]
			.filter((k) => a.get(k) !== b.get(k))
			.sort((x, y) => volgorde(x) - volgorde(y));
		return {
			gemeenteCode: code,
			naam: namen.get(code) ?? code,
			peildata: sleutels.map((k) => {
				const [periode, kind] = k.split('/') as [string, 'midpoint' | 'end'];
				return { periode, kind, nu: a.get(k) ?? null, straks: b.get(k) ?? null };
			})
		};
	});
	wijzigingen.sort((x, y) => x.naam.localeCompare(y.naam, 'nl'));
	return { gemeenten: codes.length, wijzigingen };
}
