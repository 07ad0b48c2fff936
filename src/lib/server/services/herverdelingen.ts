import { and, asc, count, desc, eq, inArray, lte, ne } from 'drizzle-orm';
import { kamerNaam, mag, type GemeenteRef } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { conceptBericht } from '$lib/domain/herverdeling/bericht';
import {
	valideerHerverdeling,
	type Bevinding,
	type GemeenteStand,
	type Validatie,
	type Wijziging
} from '$lib/domain/herverdeling/validatie';
import {
	ONTVANGERS,
	STATUS_NAMEN,
	pasActieToe,
	telt,
	type Actie,
	type HerverdelingStatus,
	type Ontvanger,
	type Reactie,
	type Toestand
} from '$lib/domain/herverdeling/workflow';
import {
	formatHalfjaar,
	halfjaarVan,
	parseHalfjaar,
	volgendHalfjaar,
	type Halfjaar
} from '$lib/domain/periode/halfjaar';
import type { VoorstelInvoer } from '$lib/schemas/herverdeling';
import { db, type Executor } from '../db';
import {
	bestandInfoKolommen,
	leesBestand,
	slaBestandOp,
	type BestandRij,
	type BestandSoort,
	type GecontroleerdBestand
} from '../bestanden';
import {
	auditLog,
	bestanden,
	gemeenten,
	herverdelingBijlagen,
	herverdelingGemeenten,
	herverdelingen,
	provincies,
	realisatiecijfers,
	taakstellingen
} from '../db/schema';
import { mutate, type AuditActor, type MutatieContext } from '../mutatie';
import { herberekenBeoordelingen } from './beoordelingen';

/** Who acts: the authorization actor and the name the audit log records. */
export interface Wie {
	actor: Actor;
	audit: AuditActor;
}

export type Uitkomst<T = { id: number; versie: number }> =
	| ({ ok: true } & T)
	| {
			ok: false;
			/** 400 invalid, 403 not allowed, 404 not found (or not visible), 409 stale or conflicting. */
			status: 400 | 403 | 404 | 409;
			fout: string;
			bevindingen?: Bevinding[];
	  };

/** Today in the Netherlands, ISO (`YYYY-MM-DD`). */
export function vandaag(nu = new Date()): string {
	return nu.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/**
 * Each gemeente's taakstelling and gekoppeld for the period as the validation needs them: the
 * official number plus every other herverdeling that counts (vastgesteld or verwerkt), and the
 * permit holders already linked (housed since the start of the period plus linked, from the
 * latest COA month of the period).
 */
export async function gemeenteStanden(
	ex: Executor,
	periode: Halfjaar,
	p: string,
	codes: readonly string[],
	behalve: number | null = null
): Promise<Map<string, GemeenteStand>> {
	const uit = new Map<string, GemeenteStand>();
	if (codes.length === 0) return uit;
	const lijst = [...new Set(codes)];
	const [gem, tk, andere, cijfers] = await Promise.all([
		// The gebiedsindeling of the period's year, or the newest before it (a future period's
		// gemeenten are those of today until CBS publishes the next one).
		ex
			.select()
			.from(gemeenten)
			.where(and(lte(gemeenten.jaar, periode.jaar), inArray(gemeenten.code, lijst)))
			.orderBy(asc(gemeenten.jaar)),
		ex
			.select()
			.from(taakstellingen)
			.where(and(eq(taakstellingen.periode, p), inArray(taakstellingen.gemeenteCode, lijst))),
		ex
			.select({
				gemeenteCode: herverdelingGemeenten.gemeenteCode,
				wijziging: herverdelingGemeenten.wijziging,
				status: herverdelingen.status
			})
			.from(herverdelingGemeenten)
			.innerJoin(herverdelingen, eq(herverdelingen.id, herverdelingGemeenten.herverdelingId))
			.where(
				and(
					eq(herverdelingen.periode, p),
					inArray(herverdelingGemeenten.gemeenteCode, lijst),
					behalve === null ? undefined : ne(herverdelingen.id, behalve)
				)
			),
		ex
			.select()
			.from(realisatiecijfers)
			.where(and(eq(realisatiecijfers.periode, p), inArray(realisatiecijfers.gemeenteCode, lijst)))
			.orderBy(asc(realisatiecijfers.maand))
	]);
	for (const g of gem) {
		const rij = tk.find((t) => t.gemeenteCode === g.code);
		const officieel = rij?.aantal ?? 0;
		const herverdeeld = andere
			.filter((a) => a.gemeenteCode === g.code && telt(a.status))
			.reduce((s, a) => s + a.wijziging, 0);
		const laatste = cijfers.filter((c) => c.gemeenteCode === g.code).at(-1);
		uit.set(g.code, {
			gemeenteCode: g.code,
			naam: g.naam,
			provincieCode: g.provincieCode,
			taakstelling: officieel + herverdeeld,
			vastgesteld: rij !== undefined,
			gekoppeld: laatste ? laatste.gehuisvest + laatste.koppelingen : 0
		});
	}
	return uit;
}

/** Validates a set of changes against the state now (also for the live check in the form). */
export async function valideer(
	ex: Executor,
	invoer: { periode: string; wijzigingen: readonly Wijziging[]; eigenProvincie: string },
	behalve: number | null = null,
	nu = new Date()
): Promise<Validatie | null> {
	const h = parseHalfjaar(invoer.periode);
	if (!h) return null;
	const standen = await gemeenteStanden(
		ex,
		h,
		invoer.periode,
		invoer.wijzigingen.map((w) => w.gemeenteCode),
		behalve
	);
	return valideerHerverdeling({
		periode: h,
		vandaag: vandaag(nu),
		wijzigingen: invoer.wijzigingen,
		gemeenten: standen,
		eigenProvincie: invoer.eigenProvincie
	});
}

const kamersVan = (provincieCodes: Iterable<string>) =>
	[...new Set(provincieCodes)].sort().map((code) => kamerNaam({ soort: 'provincie', code }));

async function publiceer(
	ctx: MutatieContext,
	provincieCodes: Iterable<string>,
	payload: { id: number; status: HerverdelingStatus; versie: number; akkoordGevraagd: string[] }
) {
	for (const kamer of kamersVan(provincieCodes)) {
		await ctx.publish(kamer, 'herverdeling.gewijzigd', payload);
	}
}

const gemeenteRefs = (rijen: readonly { gemeenteCode: string; provincieCode: string }[]) =>
	rijen.map((r): GemeenteRef => ({ code: r.gemeenteCode, provincieCode: r.provincieCode }));

const EIGEN_GEMEENTE =
	'Als medewerker van een gemeente stelt u alleen een herverdeling voor waaraan uw eigen gemeente meedoet.';

/**
 * A gemeente official proposes (or changes a proposal into) only a herverdeling their own
 * gemeente takes part in; a toezichthouder or secretaris any in the provincie.
 */
function magDezeGemeenten(wie: Wie, provincieCode: string, v: Validatie): boolean {
	const gemeenten = v.regels.flatMap((r) =>
		r.provincieCode ? [{ code: r.gemeenteCode, provincieCode: r.provincieCode }] : []
	);
	return mag(wie.actor, { actie: 'herverdeling.voorstellen', provincieCode, gemeenten });
}

const ongeldig = (v: Validatie, wat: string): Uitkomst<never> => ({
	ok: false,
	status: 409,
	fout: `${wat} kan niet: ${v.fouten.map((f) => f.bericht).join(' ')}`,
	bevindingen: v.fouten
});

/**
 * Creates a proposal (status concept, or ingediend right away) after validating it against the
 * current state. Gemeenten of another provincie are allowed with a warning, which is stored.
 */
export async function maakVoorstel(
	wie: Wie,
	eigenProvincie: string,
	invoer: VoorstelInvoer,
	opties: { indienen: boolean; nu?: Date } = { indienen: false }
): Promise<Uitkomst> {
	if (!mag(wie.actor, { actie: 'herverdeling.voorstellen', provincieCode: eigenProvincie })) {
		return {
			ok: false,
			status: 403,
			fout: 'U mag in deze provincie geen herverdeling voorstellen.'
		};
	}
	return mutate(wie.audit, async (ctx) => {
		const v = await valideer(ctx.tx, { ...invoer, eigenProvincie }, null, opties.nu);
		if (!v) return { ok: false, status: 400, fout: 'Onbekende periode.' } as const;
		if (!magDezeGemeenten(wie, eigenProvincie, v)) {
			await ctx.audit({
				entity: 'herverdeling',
				entityId: 'nieuw',
				action: 'geweigerd-recht',
				after: { invoer }
			});
			return { ok: false, status: 403, fout: EIGEN_GEMEENTE } as const;
		}
		if (v.fouten.length > 0) {
			await ctx.audit({
				entity: 'herverdeling',
				entityId: 'nieuw',
				action: 'geweigerd-ongeldig',
				after: { invoer, fouten: v.fouten.map((f) => f.code) }
			});
			return {
				ok: false,
				status: 400,
				fout: 'Het voorstel klopt nog niet.',
				bevindingen: v.fouten
			} as const;
		}
		const status: HerverdelingStatus = opties.indienen ? 'ingediend' : 'concept';
		const [rij] = await ctx.tx
			.insert(herverdelingen)
			.values({
				periode: invoer.periode,
				status,
				motivatie: invoer.motivatie,
				provincieCode: eigenProvincie,
				waarschuwingen: v.waarschuwingen,
				door: wie.audit.userId,
				doorLabel: wie.audit.label
			})
			.returning({ id: herverdelingen.id, versie: herverdelingen.versie });
		const id = rij!.id;
		await ctx.tx.insert(herverdelingGemeenten).values(
			v.regels.map((r) => ({
				herverdelingId: id,
				gemeenteCode: r.gemeenteCode,
				provincieCode: r.provincieCode!,
				wijziging: r.wijziging
			}))
		);
		await ctx.audit({
			entity: 'herverdeling',
			entityId: id,
			action: opties.indienen ? 'ingediend' : 'aangemaakt',
			after: {
				periode: invoer.periode,
				motivatie: invoer.motivatie,
				wijzigingen: invoer.wijzigingen,
				waarschuwingen: v.waarschuwingen.map((w) => w.bericht)
			}
		});
		await publiceer(
			ctx,
			v.regels.map((r) => r.provincieCode!),
			{
				id,
				status,
				versie: rij!.versie,
				akkoordGevraagd: opties.indienen ? v.regels.map((r) => r.gemeenteCode) : []
			}
		);
		return { ok: true, id, versie: rij!.versie } as const;
	});
}

export type Handeling =
	| { soort: 'bewerken'; motivatie: string; wijzigingen: Wijziging[] }
	| { soort: 'indienen' }
	| { soort: 'akkoord'; gemeenteCode: string; besluitDatum: string; kenmerk: string }
	| { soort: 'afwijzen'; gemeenteCode: string; reden: string }
	| { soort: 'intrekken' }
	| { soort: 'verwerken'; geinformeerd: Ontvanger[] };

const HANDELING_NAAM: Record<Handeling['soort'], string> = {
	bewerken: 'Wijzigen',
	indienen: 'Indienen',
	akkoord: 'Akkoord geven',
	afwijzen: 'Afwijzen',
	intrekken: 'Intrekken',
	verwerken: 'Verwerken'
};

function reactieVan(r: typeof herverdelingGemeenten.$inferSelect): Reactie {
	if (r.reactie === 'akkoord') {
		return { status: 'akkoord', besluitDatum: r.besluitDatum ?? '', kenmerk: r.kenmerk ?? '' };
	}
	if (r.reactie === 'afgewezen') return { status: 'afgewezen', reden: r.reden ?? '' };
	return { status: 'open' };
}

/** May this person change the numbers or withdraw: the proposer or a toezichthouder involved. */
function magBeheren(wie: Wie, door: number | null, refs: readonly GemeenteRef[]): boolean {
	return (
		(door !== null && door === wie.audit.userId) ||
		refs.some((g) =>
			mag(wie.actor, { actie: 'toezicht.beoordelen', provincieCode: g.provincieCode })
		)
	);
}

/**
 * One step of the workflow, under optimistic locking: `versie` is the version the person saw.
 * The row is locked for the transaction, the version compared, the right checked, the step
 * applied by the pure state machine, and every step that keeps or makes the proposal valid is
 * revalidated against the current state (koppelingen, other herverdelingen). A refusal writes
 * nothing but its audit row.
 */
export async function voerUit(
	wie: Wie,
	id: number,
	versie: number,
	h: Handeling,
	nu = new Date()
): Promise<Uitkomst> {
	return mutate(wie.audit, async (ctx) => {
		const weiger = async (
			status: 400 | 403 | 404 | 409,
			fout: string,
			bevindingen?: Bevinding[]
		): Promise<Uitkomst> => {
			await ctx.audit({
				entity: 'herverdeling',
				entityId: id,
				action: `geweigerd-${h.soort}`,
				after: { status, fout }
			});
			return { ok: false, status, fout, ...(bevindingen ? { bevindingen } : {}) };
		};
		const [hv] = await ctx.tx
			.select()
			.from(herverdelingen)
			.where(eq(herverdelingen.id, id))
			.for('update');
		const rijen = hv
			? await ctx.tx
					.select()
					.from(herverdelingGemeenten)
					.where(eq(herverdelingGemeenten.herverdelingId, id))
					.orderBy(asc(herverdelingGemeenten.gemeenteCode))
			: [];
		const refs = gemeenteRefs(rijen);
		if (!hv || !mag(wie.actor, { actie: 'herverdeling.bekijken', gemeenten: refs })) {
			return weiger(404, 'Dit herverdelingsvoorstel bestaat niet.');
		}
		// The right for this step, before anything else is told (the version, the state).
		const magDit =
			h.soort === 'akkoord' || h.soort === 'afwijzen'
				? refs.some(
						(g) =>
							g.code === h.gemeenteCode &&
							mag(wie.actor, { actie: 'gemeente.besluiten', gemeente: g })
					)
				: h.soort === 'verwerken'
					? mag(wie.actor, { actie: 'herverdeling.verwerken', gemeenten: refs })
					: magBeheren(wie, hv.door, refs);
		if (!magDit) {
			return weiger(
				403,
				h.soort === 'akkoord' || h.soort === 'afwijzen'
					? 'Alleen een bestuurder van deze gemeente geeft namens het college akkoord of wijst af.'
					: h.soort === 'verwerken'
						? 'Alleen de toezichthouder van een betrokken provincie verwerkt een herverdeling.'
						: 'Alleen de indiener of de toezichthouder kan dit voorstel wijzigen of intrekken.'
			);
		}

		if (hv.versie !== versie) {
			const wanneer = hv.gewijzigdAt.toLocaleTimeString('nl-NL', {
				hour: '2-digit',
				minute: '2-digit',
				timeZone: 'Europe/Amsterdam'
			});
			return weiger(
				409,
				`Dit voorstel is intussen gewijzigd (om ${wanneer}); uw ${HANDELING_NAAM[h.soort].toLowerCase()} is niet verwerkt. Bekijk de nieuwe stand en probeer het zo nodig opnieuw.`
			);
		}

		if (h.soort === 'akkoord' && h.besluitDatum > vandaag(nu)) {
			return weiger(
				400,
				'De datum van het B&W-besluit ligt in de toekomst; vul de datum van het besluit in.'
			);
		}

		const toestand: Toestand = {
			status: hv.status,
			wijzigingen: rijen.map((r) => ({ gemeenteCode: r.gemeenteCode, wijziging: r.wijziging })),
			reacties: Object.fromEntries(rijen.map((r) => [r.gemeenteCode, reactieVan(r)]))
		};
		const actie: Actie =
			h.soort === 'bewerken'
				? { soort: 'bewerken', wijzigingen: h.wijzigingen }
				: h.soort === 'verwerken'
					? { soort: 'verwerken', geinformeerd: h.geinformeerd }
					: h;
		const o = pasActieToe(toestand, actie);
		if (!o.ok) return weiger(409, o.fout);

		// Revalidate against the state now: an intrekken or afwijzen never needs it.
		let v: Validatie | null = null;
		if (h.soort !== 'intrekken' && h.soort !== 'afwijzen') {
			v = await valideer(
				ctx.tx,
				{
					periode: hv.periode,
					wijzigingen: o.toestand.wijzigingen,
					eigenProvincie: hv.provincieCode
				},
				id,
				nu
			);
			if (
				v &&
				h.soort === 'bewerken' &&
				!refs.some((g) =>
					mag(wie.actor, { actie: 'toezicht.beoordelen', provincieCode: g.provincieCode })
				) &&
				!magDezeGemeenten(wie, hv.provincieCode, v)
			) {
				return weiger(403, EIGEN_GEMEENTE);
			}
			if (v && v.fouten.length > 0) {
				return weiger(409, ongeldig(v, HANDELING_NAAM[h.soort]).fout as string, v.fouten);
			}
		}

		const nieuweVersie = hv.versie + 1;
		await ctx.tx
			.update(herverdelingen)
			.set({
				status: o.toestand.status,
				versie: nieuweVersie,
				gewijzigdAt: new Date(),
				...(h.soort === 'bewerken'
					? { motivatie: h.motivatie, waarschuwingen: v?.waarschuwingen ?? [] }
					: {}),
				...(h.soort === 'verwerken' ? { geinformeerd: h.geinformeerd } : {})
			})
			.where(eq(herverdelingen.id, id));

		if (h.soort === 'bewerken') {
			await ctx.tx
				.delete(herverdelingGemeenten)
				.where(eq(herverdelingGemeenten.herverdelingId, id));
			await ctx.tx.insert(herverdelingGemeenten).values(
				v!.regels.map((r) => ({
					herverdelingId: id,
					gemeenteCode: r.gemeenteCode,
					provincieCode: r.provincieCode!,
					wijziging: r.wijziging
				}))
			);
		} else if (h.soort === 'akkoord' || h.soort === 'afwijzen') {
			await ctx.tx
				.update(herverdelingGemeenten)
				.set(
					h.soort === 'akkoord'
						? {
								reactie: 'akkoord',
								besluitDatum: h.besluitDatum,
								kenmerk: h.kenmerk,
								reden: null,
								reactieDoor: wie.audit.userId,
								reactieDoorLabel: wie.audit.label,
								reactieAt: new Date()
							}
						: {
								reactie: 'afgewezen',
								reden: h.reden,
								besluitDatum: null,
								kenmerk: null,
								reactieDoor: wie.audit.userId,
								reactieDoorLabel: wie.audit.label,
								reactieAt: new Date()
							}
				)
				.where(
					and(
						eq(herverdelingGemeenten.herverdelingId, id),
						eq(herverdelingGemeenten.gemeenteCode, h.gemeenteCode)
					)
				);
		}

		await ctx.audit({
			entity: 'herverdeling',
			entityId: id,
			action:
				h.soort === 'akkoord' && o.toestand.status === 'vastgesteld' ? 'vastgesteld' : h.soort,
			before: { status: hv.status, versie: hv.versie },
			after: {
				status: o.toestand.status,
				versie: nieuweVersie,
				...(h.soort === 'bewerken'
					? {
							wijzigingen: h.wijzigingen,
							motivatie: h.motivatie,
							reactiesGewist: o.reactiesGewist
						}
					: {}),
				...(h.soort === 'akkoord'
					? { gemeente: h.gemeenteCode, besluitDatum: h.besluitDatum, kenmerk: h.kenmerk }
					: {}),
				...(h.soort === 'afwijzen' ? { gemeente: h.gemeenteCode, reden: h.reden } : {}),
				...(h.soort === 'verwerken' ? { geinformeerd: h.geinformeerd } : {})
			}
		});

		const betrokken = [
			...rijen.map((r) => r.provincieCode),
			...(v?.regels.map((r) => r.provincieCode!) ?? [])
		];
		// The engine counts verwerkte herverdelingen: standings follow in this transaction.
		if (h.soort === 'verwerken') {
			await herberekenBeoordelingen(
				ctx,
				rijen.map((r) => r.gemeenteCode)
			);
		}
		const akkoordGevraagd =
			h.soort === 'indienen' || (h.soort === 'bewerken' && o.toestand.status === 'ingediend')
				? o.toestand.wijzigingen.map((w) => w.gemeenteCode)
				: [];
		await publiceer(ctx, betrokken, {
			id,
			status: o.toestand.status,
			versie: nieuweVersie,
			akkoordGevraagd
		});
		return { ok: true, id, versie: nieuweVersie } as const;
	});
}

export interface HerverdelingRegel {
	gemeenteCode: string;
	naam: string;
	provincieCode: string;
	huidig: number | null;
	wijziging: number;
	nieuw: number | null;
	gekoppeld: number | null;
	reactie: Reactie;
	reactieDoor: string | null;
	reactieAt: Date | null;
}

export interface HerverdelingLijstItem {
	id: number;
	periode: string;
	status: HerverdelingStatus;
	versie: number;
	doorLabel: string;
	at: Date;
	gewijzigdAt: Date;
	gemeenten: { code: string; naam: string; wijziging: number; reactie: Reactie['status'] }[];
}

/** Every herverdeling touching a gemeente of the provincie that this person may see. */
export async function lijstHerverdelingen(
	actor: Actor,
	provincieCode: string
): Promise<HerverdelingLijstItem[]> {
	const ids = await db()
		.selectDistinct({ id: herverdelingGemeenten.herverdelingId })
		.from(herverdelingGemeenten)
		.where(eq(herverdelingGemeenten.provincieCode, provincieCode));
	if (ids.length === 0) return [];
	const lijst = ids.map((r) => r.id);
	const [hvs, rijen] = await Promise.all([
		db()
			.select()
			.from(herverdelingen)
			.where(inArray(herverdelingen.id, lijst))
			.orderBy(desc(herverdelingen.gewijzigdAt)),
		db()
			.select({
				herverdelingId: herverdelingGemeenten.herverdelingId,
				gemeenteCode: herverdelingGemeenten.gemeenteCode,
				provincieCode: herverdelingGemeenten.provincieCode,
				wijziging: herverdelingGemeenten.wijziging,
				reactie: herverdelingGemeenten.reactie,
				periode: herverdelingen.periode
			})
			.from(herverdelingGemeenten)
			.innerJoin(herverdelingen, eq(herverdelingen.id, herverdelingGemeenten.herverdelingId))
			.where(inArray(herverdelingGemeenten.herverdelingId, lijst))
	]);
	const namen = await gemeenteNamen(rijen.map((r) => r.gemeenteCode));
	return hvs.flatMap((hv) => {
		const eigen = rijen.filter((r) => r.herverdelingId === hv.id);
		if (!mag(actor, { actie: 'herverdeling.bekijken', gemeenten: gemeenteRefs(eigen) })) return [];
		return [
			{
				id: hv.id,
				periode: hv.periode,
				status: hv.status,
				versie: hv.versie,
				doorLabel: hv.doorLabel,
				at: hv.at,
				gewijzigdAt: hv.gewijzigdAt,
				gemeenten: eigen.map((r) => ({
					code: r.gemeenteCode,
					naam: namen.get(r.gemeenteCode) ?? r.gemeenteCode,
					wijziging: r.wijziging,
					reactie: r.reactie
				}))
			}
		];
	});
}

/** The newest name of each gemeente code. */
async function gemeenteNamen(codes: readonly string[]): Promise<Map<string, string>> {
	if (codes.length === 0) return new Map();
	const rows = await db()
		.select({ code: gemeenten.code, naam: gemeenten.naam })
		.from(gemeenten)
		.where(inArray(gemeenten.code, [...new Set(codes)]))
		.orderBy(asc(gemeenten.jaar));
	return new Map(rows.map((r) => [r.code, r.naam]));
}

export interface Stap {
	at: Date;
	door: string;
	actie: string;
	details: Record<string, unknown> | null;
}

/** One herverdeling with its rows as they stand now, its history and, once vastgesteld, drafts. */
export async function haalHerverdeling(actor: Actor, id: number, nu = new Date()) {
	const [hv] = await db().select().from(herverdelingen).where(eq(herverdelingen.id, id));
	if (!hv) return null;
	const rijen = await db()
		.select()
		.from(herverdelingGemeenten)
		.where(eq(herverdelingGemeenten.herverdelingId, id))
		.orderBy(asc(herverdelingGemeenten.gemeenteCode));
	if (!mag(actor, { actie: 'herverdeling.bekijken', gemeenten: gemeenteRefs(rijen) })) return null;

	const h = parseHalfjaar(hv.periode)!;
	// Once it counts, "huidig" is what it was without this herverdeling.
	const standen = await gemeenteStanden(
		db(),
		h,
		hv.periode,
		rijen.map((r) => r.gemeenteCode),
		id
	);
	const validatie = valideerHerverdeling({
		periode: h,
		vandaag: vandaag(nu),
		wijzigingen: rijen.map((r) => ({ gemeenteCode: r.gemeenteCode, wijziging: r.wijziging })),
		gemeenten: standen,
		eigenProvincie: hv.provincieCode
	});
	const regels: HerverdelingRegel[] = rijen.map((r) => {
		const s = standen.get(r.gemeenteCode);
		return {
			gemeenteCode: r.gemeenteCode,
			naam: s?.naam ?? r.gemeenteCode,
			provincieCode: r.provincieCode,
			huidig: s?.taakstelling ?? null,
			wijziging: r.wijziging,
			nieuw: s ? s.taakstelling + r.wijziging : null,
			gekoppeld: s?.gekoppeld ?? null,
			reactie: reactieVan(r),
			reactieDoor: r.reactieDoorLabel,
			reactieAt: r.reactieAt
		};
	});
	const geschiedenis = await db()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, 'herverdeling'), eq(auditLog.entityId, String(id))))
		.orderBy(asc(auditLog.id));
	const provincieNamen = await db()
		.select()
		.from(provincies)
		.where(inArray(provincies.code, [...new Set(rijen.map((r) => r.provincieCode))]));
	const berichten =
		hv.status === 'vastgesteld' || hv.status === 'verwerkt'
			? ONTVANGERS.map((o) => ({
					ontvanger: o,
					...conceptBericht(
						{
							periode: hv.periode,
							motivatie: hv.motivatie,
							provincies: provincieNamen.map((p) => p.naam),
							regels: regels.map((r) => ({
								naam: r.naam,
								huidig: r.huidig ?? 0,
								wijziging: r.wijziging,
								nieuw: r.nieuw ?? 0,
								besluitDatum: r.reactie.status === 'akkoord' ? r.reactie.besluitDatum : '',
								kenmerk: r.reactie.status === 'akkoord' ? r.reactie.kenmerk : ''
							}))
						},
						o
					)
				}))
			: [];
	return {
		herverdeling: {
			id: hv.id,
			periode: hv.periode,
			status: hv.status,
			versie: hv.versie,
			motivatie: hv.motivatie,
			provincieCode: hv.provincieCode,
			door: hv.door,
			doorLabel: hv.doorLabel,
			at: hv.at,
			gewijzigdAt: hv.gewijzigdAt,
			geinformeerd: hv.geinformeerd as Ontvanger[]
		},
		regels,
		som: validatie.som,
		/** Findings against the state now (a proposal can become invalid while it waits). */
		bevindingen: { fouten: validatie.fouten, waarschuwingen: validatie.waarschuwingen },
		geschiedenis: geschiedenis
			.filter((g) => !g.action.startsWith('geweigerd'))
			.map((g): Stap => ({
				at: g.at,
				door: g.actorLabel,
				actie: g.action,
				// A removal records what was there before.
				details: (g.after ?? g.before ?? null) as Record<string, unknown> | null
			})),
		berichten,
		bijlagen: await bijlagenVan(db(), id)
	};
}

export interface FormulierGegevens {
	vandaag: string;
	perioden: string[];
	/** Every gemeente known (newest gebiedsindeling), with its provincie, by provincie and name. */
	gemeenten: { code: string; naam: string; provincieCode: string; provincieNaam: string }[];
	/** Per period: per gemeente what the validation uses (taakstelling, gekoppeld). */
	standen: Record<string, Record<string, GemeenteStand>>;
}

/**
 * What the proposal form needs to validate while typing, with the same pure rules the server
 * applies: the open periods (current and the next two) and each gemeente's stand in them.
 */
export async function formulierGegevens(
	behalve: number | null = null,
	nu = new Date()
): Promise<FormulierGegevens> {
	const dag = vandaag(nu);
	const huidig = halfjaarVan(new Date(`${dag}T12:00:00Z`));
	const perioden = [huidig, volgendHalfjaar(huidig), volgendHalfjaar(volgendHalfjaar(huidig))];
	const [jaarRij] = await db()
		.select({ jaar: gemeenten.jaar })
		.from(gemeenten)
		.where(lte(gemeenten.jaar, perioden.at(-1)!.jaar))
		.orderBy(desc(gemeenten.jaar))
		.limit(1);
	const lijst = jaarRij
		? await db()
				.select({
					code: gemeenten.code,
					naam: gemeenten.naam,
					provincieCode: gemeenten.provincieCode,
					provincieNaam: provincies.naam
				})
				.from(gemeenten)
				.innerJoin(provincies, eq(provincies.code, gemeenten.provincieCode))
				.where(eq(gemeenten.jaar, jaarRij.jaar))
				.orderBy(asc(provincies.naam), asc(gemeenten.naam))
		: [];
	const standen: Record<string, Record<string, GemeenteStand>> = {};
	for (const h of perioden) {
		const p = formatHalfjaar(h);
		const s = await gemeenteStanden(
			db(),
			h,
			p,
			lijst.map((g) => g.code),
			behalve
		);
		standen[p] = Object.fromEntries(s);
	}
	return { vandaag: dag, perioden: perioden.map(formatHalfjaar), gemeenten: lijst, standen };
}

/** Attachments support the motivation: documents, not scans (issue 5 §1). */
export const HERVERDELING_BESTANDEN: readonly BestandSoort[] = ['pdf', 'docx', 'xlsx'];
/** At most this many attachments per proposal. */
export const MAX_BIJLAGEN = 10;

export interface Bijlage {
	bestandId: number;
	naam: string;
	mime: string;
	grootte: number;
	door: string;
	at: Date;
}

/** The attachments of a herverdeling, oldest first (metadata only). */
export async function bijlagenVan(ex: Executor, id: number): Promise<Bijlage[]> {
	const rijen = await ex
		.select({
			bestandId: herverdelingBijlagen.bestandId,
			naam: bestanden.naam,
			mime: bestanden.mime,
			grootte: bestanden.grootte,
			door: herverdelingBijlagen.doorLabel,
			at: herverdelingBijlagen.at
		})
		.from(herverdelingBijlagen)
		.innerJoin(bestanden, eq(bestanden.id, herverdelingBijlagen.bestandId))
		.where(eq(herverdelingBijlagen.herverdelingId, id))
		.orderBy(asc(herverdelingBijlagen.at), asc(herverdelingBijlagen.bestandId));
	return rijen;
}

/**
 * Whether this person may add or remove attachments of the proposal now: it exists and is
 * visible (else 404), they are the proposer or a toezichthouder involved (else 403), and it is a
 * concept or ingediend (else 409). Also used before an upload is read, so that a refused person
 * never gets as far as the file checks.
 */
export async function bijlagenBeheer(ex: Executor, wie: Wie, id: number, vergrendel = false) {
	const q = ex.select().from(herverdelingen).where(eq(herverdelingen.id, id));
	const [hv] = vergrendel ? await q.for('update') : await q;
	const rijen = hv
		? await ex
				.select()
				.from(herverdelingGemeenten)
				.where(eq(herverdelingGemeenten.herverdelingId, id))
		: [];
	const refs = gemeenteRefs(rijen);
	const nee = (status: 403 | 404 | 409, fout: string) => ({ ok: false as const, status, fout });
	if (!hv || !mag(wie.actor, { actie: 'herverdeling.bekijken', gemeenten: refs })) {
		return nee(404, 'Dit herverdelingsvoorstel bestaat niet.');
	}
	if (!magBeheren(wie, hv.door, refs)) {
		return nee(
			403,
			'Alleen de indiener of de toezichthouder kan bijlagen toevoegen of verwijderen.'
		);
	}
	if (hv.status !== 'concept' && hv.status !== 'ingediend') {
		return nee(
			409,
			`Dit voorstel is ${STATUS_NAMEN[hv.status].toLowerCase()}; de bijlagen liggen vast.`
		);
	}
	return { ok: true as const, hv, rijen };
}

type BijlageHandeling =
	| { soort: 'toevoegen'; bestand: GecontroleerdBestand }
	| { soort: 'verwijderen'; bestandId: number };

/**
 * Adds or removes an attachment: the proposer or a toezichthouder involved, while the proposal
 * is a concept or ingediend (a vastgesteld herverdeling is what the colleges agreed on). Does
 * not change the version (the numbers stay as they are) but tells the rooms, so open pages
 * show the list. Every attempt is audited; a refusal stores no file.
 */
async function wijzigBijlage(wie: Wie, id: number, b: BijlageHandeling): Promise<Uitkomst> {
	return mutate(wie.audit, async (ctx) => {
		const weiger = async (status: 400 | 403 | 404 | 409, fout: string): Promise<Uitkomst> => {
			await ctx.audit({
				entity: 'herverdeling',
				entityId: id,
				action: `geweigerd-bijlage-${b.soort}`,
				after: {
					status,
					fout,
					...(b.soort === 'toevoegen'
						? { naam: b.bestand.naam, sha256: b.bestand.sha256 }
						: { bestandId: b.bestandId })
				}
			});
			return { ok: false, status, fout };
		};
		const c = await bijlagenBeheer(ctx.tx, wie, id, true);
		if (!c.ok) return weiger(c.status, c.fout);
		const { hv, rijen } = c;
		const huidige = await ctx.tx
			.select({ bestandId: herverdelingBijlagen.bestandId, sha256: bestanden.sha256 })
			.from(herverdelingBijlagen)
			.innerJoin(bestanden, eq(bestanden.id, herverdelingBijlagen.bestandId))
			.where(eq(herverdelingBijlagen.herverdelingId, id));

		if (b.soort === 'toevoegen') {
			if (huidige.length >= MAX_BIJLAGEN) {
				return weiger(
					409,
					`Een voorstel heeft ten hoogste ${MAX_BIJLAGEN} bijlagen; verwijder er eerst een.`
				);
			}
			if (huidige.some((x) => x.sha256 === b.bestand.sha256)) {
				return weiger(409, `‘${b.bestand.naam}’ is al bij dit voorstel gevoegd.`);
			}
			const info = await slaBestandOp(ctx.tx, b.bestand, wie.audit);
			await ctx.tx.insert(herverdelingBijlagen).values({
				herverdelingId: id,
				bestandId: info.id,
				door: wie.audit.userId,
				doorLabel: wie.audit.label
			});
			await ctx.audit({
				entity: 'herverdeling',
				entityId: id,
				action: 'bijlage-toegevoegd',
				after: { bestandId: info.id, naam: info.naam, grootte: info.grootte, sha256: info.sha256 }
			});
		} else {
			if (!huidige.some((x) => x.bestandId === b.bestandId)) {
				return weiger(404, 'Deze bijlage hoort niet (meer) bij dit voorstel.');
			}
			const [info] = await ctx.tx
				.select(bestandInfoKolommen)
				.from(bestanden)
				.where(eq(bestanden.id, b.bestandId));
			await ctx.tx
				.delete(herverdelingBijlagen)
				.where(
					and(
						eq(herverdelingBijlagen.herverdelingId, id),
						eq(herverdelingBijlagen.bestandId, b.bestandId)
					)
				);
			// The file belonged to this link only.
			await ctx.tx.delete(bestanden).where(eq(bestanden.id, b.bestandId));
			await ctx.audit({
				entity: 'herverdeling',
				entityId: id,
				action: 'bijlage-verwijderd',
				before: { bestandId: b.bestandId, naam: info?.naam, sha256: info?.sha256 }
			});
		}
		await publiceer(
			ctx,
			rijen.map((r) => r.provincieCode),
			{ id, status: hv.status, versie: hv.versie, akkoordGevraagd: [] }
		);
		return { ok: true, id, versie: hv.versie } as const;
	});
}

export const voegBijlageToe = (wie: Wie, id: number, bestand: GecontroleerdBestand) =>
	wijzigBijlage(wie, id, { soort: 'toevoegen', bestand });

export const verwijderBijlage = (wie: Wie, id: number, bestandId: number) =>
	wijzigBijlage(wie, id, { soort: 'verwijderen', bestandId });

/**
 * One attachment with its bytes, for whoever may see the herverdeling; null when the proposal is
 * not visible or the file is not one of its attachments (a right on one proposal never opens
 * another's file).
 */
export async function leesBijlage(
	actor: Actor,
	id: number,
	bestandId: number
): Promise<BestandRij | null> {
	const rijen = await db()
		.select({
			gemeenteCode: herverdelingGemeenten.gemeenteCode,
			provincieCode: herverdelingGemeenten.provincieCode
		})
		.from(herverdelingGemeenten)
		.where(eq(herverdelingGemeenten.herverdelingId, id));
	if (rijen.length === 0) return null;
	if (!mag(actor, { actie: 'herverdeling.bekijken', gemeenten: gemeenteRefs(rijen) })) return null;
	const [link] = await db()
		.select({ n: count() })
		.from(herverdelingBijlagen)
		.where(
			and(
				eq(herverdelingBijlagen.herverdelingId, id),
				eq(herverdelingBijlagen.bestandId, bestandId)
			)
		);
	if (!link || Number(link.n) === 0) return null;
	return leesBestand(db(), bestandId);
}
