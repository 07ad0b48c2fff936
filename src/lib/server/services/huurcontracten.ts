/**
 * Huurcontracten (pijplijnproductie, issue 3): a gemeente registers signed contracts, the
 * provincie's toezichthouder accepts or rejects each, the gemeente may withdraw one that has not
 * been judged. Every change is one `mutate()`: the change, its audit row, the recomputed
 * standings (accepted persons count for the period's end judgement) and a live event to the
 * provincie room. A refusal writes nothing.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { can, huurcontractRecht, kamerNaam } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import {
	controleerHuurcontract,
	periodeVanContract,
	STATUS_LABELS,
	volgendeStatus,
	type HuurcontractActie,
	type HuurcontractStatus
} from '$lib/domain/huurcontract/regels';
import { peildata, parseHalfjaar } from '$lib/domain/periode/halfjaar';
import type { HuurcontractGewijzigd } from '$lib/realtime/events';
import type { HuurcontractInvoer } from '$lib/schemas/huurcontract';
import { bestandInfoKolommen, slaBestandOp, type GecontroleerdBestand } from '../bestanden';
import type { Executor } from '../db';
import { beoordelingen, bestanden, besluiten, gemeenten, huurcontracten } from '../db/schema';
import { mutate, type AuditActor, type MutatieContext } from '../mutatie';
import { herberekenBeoordelingen } from './beoordelingen';

/** Today's date in the Netherlands (ISO): the server's clock, in the users' time zone. */
export function vandaagInNederland(nu = new Date()): string {
	// Swedish formats dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(nu);
}

/** A gemeente as the rights need it: its code and provincie, from its latest gebiedsindeling. */
export async function gemeenteRef(ex: Executor, code: string) {
	const [g] = await ex
		.select({ code: gemeenten.code, naam: gemeenten.naam, provincieCode: gemeenten.provincieCode })
		.from(gemeenten)
		.where(eq(gemeenten.code, code))
		.orderBy(desc(gemeenten.jaar))
		.limit(1);
	return g ?? null;
}

export interface HuurcontractWeergave {
	id: number;
	gemeenteCode: string;
	periode: string;
	datum: string;
	personen: number;
	ingangsdatum: string;
	kenmerk: string | null;
	omschrijving: string | null;
	status: HuurcontractStatus;
	reden: string | null;
	ingediendDoor: string;
	ingediendAt: Date;
	beoordeeldDoor: string | null;
	beoordeeldAt: Date | null;
	ingetrokkenDoor: string | null;
	ingetrokkenAt: Date | null;
	versie: number;
	bestand: { naam: string; mime: string; grootte: number };
}

const weergaveKolommen = {
	id: huurcontracten.id,
	gemeenteCode: huurcontracten.gemeenteCode,
	periode: huurcontracten.periode,
	datum: huurcontracten.datum,
	personen: huurcontracten.personen,
	ingangsdatum: huurcontracten.ingangsdatum,
	kenmerk: huurcontracten.kenmerk,
	omschrijving: huurcontracten.omschrijving,
	status: huurcontracten.status,
	reden: huurcontracten.reden,
	ingediendDoor: huurcontracten.ingediendDoorLabel,
	ingediendAt: huurcontracten.ingediendAt,
	beoordeeldDoor: huurcontracten.beoordeeldDoorLabel,
	beoordeeldAt: huurcontracten.beoordeeldAt,
	ingetrokkenDoor: huurcontracten.ingetrokkenDoorLabel,
	ingetrokkenAt: huurcontracten.ingetrokkenAt,
	versie: huurcontracten.versie,
	bestandNaam: bestandInfoKolommen.naam,
	bestandMime: bestandInfoKolommen.mime,
	bestandGrootte: bestandInfoKolommen.grootte
};

function metBestand(ex: Executor) {
	return ex
		.select(weergaveKolommen)
		.from(huurcontracten)
		.innerJoin(bestanden, eq(bestanden.id, huurcontracten.bestandId));
}

type Rij = Awaited<ReturnType<typeof metBestand>>[number];

function weergave(r: Rij): HuurcontractWeergave {
	const { bestandNaam, bestandMime, bestandGrootte, ...c } = r;
	return { ...c, bestand: { naam: bestandNaam, mime: bestandMime, grootte: bestandGrootte } };
}

/** One contract of a gemeente with its file's metadata (null: no such contract there). */
export async function huurcontract(
	ex: Executor,
	gemeenteCode: string,
	id: number
): Promise<(HuurcontractWeergave & { bestandId: number }) | null> {
	const [r] = await ex
		.select({ ...weergaveKolommen, bestandId: huurcontracten.bestandId })
		.from(huurcontracten)
		.innerJoin(bestanden, eq(bestanden.id, huurcontracten.bestandId))
		.where(and(eq(huurcontracten.id, id), eq(huurcontracten.gemeenteCode, gemeenteCode)));
	return r ? { ...weergave(r), bestandId: r.bestandId } : null;
}

export interface PeriodeMetContracten {
	periode: string;
	/** The end peildatum the contracts count for (1 July / 1 January). */
	peildatum: string;
	contracten: HuurcontractWeergave[];
	geaccepteerdePersonen: number;
	teBeoordelen: number;
	/** What the stored end judgement did with the contracts (null: no end judgement yet). */
	oordeel: {
		meegeteld: boolean;
		huurcontracten: number;
		gerealiseerd: number;
		opgave: number;
	} | null;
	/** A decision (besluit) was recorded for this end peildatum. */
	besluit: boolean;
}

/** A gemeente's contracts grouped per period, newest first, with what they did for the judgement. */
export async function huurcontractenVanGemeente(
	ex: Executor,
	gemeenteCode: string
): Promise<PeriodeMetContracten[]> {
	const [rijen, eind, besl] = await Promise.all([
		metBestand(ex)
			.where(eq(huurcontracten.gemeenteCode, gemeenteCode))
			.orderBy(desc(huurcontracten.periode), desc(huurcontracten.datum), desc(huurcontracten.id)),
		ex
			.select({ periode: beoordelingen.periode, resultaat: beoordelingen.resultaat })
			.from(beoordelingen)
			.where(and(eq(beoordelingen.gemeenteCode, gemeenteCode), eq(beoordelingen.kind, 'end'))),
		ex
			.selectDistinct({ periode: besluiten.periode })
			.from(besluiten)
			.where(and(eq(besluiten.gemeenteCode, gemeenteCode), eq(besluiten.kind, 'end')))
	]);
	const per = new Map<string, PeriodeMetContracten>();
	for (const r of rijen) {
		const c = weergave(r);
		let p = per.get(c.periode);
		if (!p) {
			const res = eind.find((e) => e.periode === c.periode)?.resultaat as
				| { redenen: string[]; huurcontracten: number; gerealiseerd: number; opgave: number }
				| undefined;
			p = {
				periode: c.periode,
				peildatum: peildata(parseHalfjaar(c.periode)!).eind,
				contracten: [],
				geaccepteerdePersonen: 0,
				teBeoordelen: 0,
				oordeel: res
					? {
							meegeteld: res.redenen.includes('huurcontracten-meegeteld'),
							huurcontracten: res.huurcontracten,
							gerealiseerd: res.gerealiseerd,
							opgave: res.opgave
						}
					: null,
				besluit: besl.some((b) => b.periode === c.periode)
			};
			per.set(c.periode, p);
		}
		p.contracten.push(c);
		if (c.status === 'geaccepteerd') p.geaccepteerdePersonen += c.personen;
		if (c.status === 'ingediend') p.teBeoordelen++;
	}
	return [...per.values()];
}

export interface ProvincieContract extends HuurcontractWeergave {
	gemeenteNaam: string;
}

/**
 * The provincie's list: every contract still to be judged (oldest submission first) and the
 * most recently judged ones.
 */
export async function huurcontractenVanProvincie(
	ex: Executor,
	provincieCode: string,
	opties: { recent?: number } = {}
): Promise<{ teBeoordelen: ProvincieContract[]; recentBeoordeeld: ProvincieContract[] }> {
	const namen = await gemeentenVanProvincie(ex, provincieCode);
	const codes = [...namen.keys()];
	if (codes.length === 0) return { teBeoordelen: [], recentBeoordeeld: [] };
	const metNaam = (r: Rij): ProvincieContract => ({
		...weergave(r),
		gemeenteNaam: namen.get(r.gemeenteCode) ?? r.gemeenteCode
	});
	const [open, recent] = await Promise.all([
		metBestand(ex)
			.where(
				and(inArray(huurcontracten.gemeenteCode, codes), eq(huurcontracten.status, 'ingediend'))
			)
			.orderBy(asc(huurcontracten.ingediendAt), asc(huurcontracten.id)),
		metBestand(ex)
			.where(
				and(
					inArray(huurcontracten.gemeenteCode, codes),
					inArray(huurcontracten.status, ['geaccepteerd', 'afgewezen'])
				)
			)
			.orderBy(desc(huurcontracten.beoordeeldAt), desc(huurcontracten.id))
			.limit(opties.recent ?? 25)
	]);
	return { teBeoordelen: open.map(metNaam), recentBeoordeeld: recent.map(metNaam) };
}

/** Number of contracts awaiting judgement in a provincie (for the overview's link). */
export async function aantalTeBeoordelen(ex: Executor, provincieCode: string): Promise<number> {
	const codes = [...(await gemeentenVanProvincie(ex, provincieCode)).keys()];
	if (codes.length === 0) return 0;
	const [r] = await ex
		.select({ n: sql<number>`count(*)::int` })
		.from(huurcontracten)
		.where(
			and(inArray(huurcontracten.gemeenteCode, codes), eq(huurcontracten.status, 'ingediend'))
		);
	return Number(r?.n ?? 0);
}

/** Codes and names of the gemeenten whose latest gebiedsindeling puts them in the provincie. */
async function gemeentenVanProvincie(
	ex: Executor,
	provincieCode: string
): Promise<Map<string, string>> {
	const rijen = await ex
		.select({
			code: gemeenten.code,
			naam: gemeenten.naam,
			provincieCode: gemeenten.provincieCode
		})
		.from(gemeenten)
		.where(
			inArray(
				gemeenten.code,
				ex
					.selectDistinct({ code: gemeenten.code })
					.from(gemeenten)
					.where(eq(gemeenten.provincieCode, provincieCode))
			)
		)
		.orderBy(asc(gemeenten.jaar));
	// Later years overwrite earlier ones: a gemeente that moved provincie belongs to the new one.
	const laatste = new Map<string, { naam: string; provincieCode: string }>();
	for (const r of rijen) laatste.set(r.code, r);
	return new Map(
		[...laatste].filter(([, g]) => g.provincieCode === provincieCode).map(([c, g]) => [c, g.naam])
	);
}

export type HuurcontractWeigering =
	'GEEN_RECHT' | 'NIET_GEVONDEN' | 'ONGELDIG' | 'VEROUDERD' | 'STATUS' | 'REDEN_ONTBREEKT';

export type Weigering = {
	ok: false;
	code: HuurcontractWeigering;
	/** For the page: a message per field, or `algemeen`. */
	fouten: Record<string, string>;
};

const weiger = (code: HuurcontractWeigering, fout: string, veld = 'algemeen'): Weigering => ({
	ok: false,
	code,
	fouten: { [veld]: fout }
});

/** Thrown inside a mutation to roll it back; turned into a returned refusal. */
class Geweigerd extends Error {
	constructor(readonly weigering: Weigering) {
		super(weigering.code);
	}
}

async function zonderHalfWerk<T>(fn: () => Promise<T>): Promise<T | Weigering> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof Geweigerd) return e.weigering;
		throw e;
	}
}

async function publiceer(
	ctx: MutatieContext,
	provincieCode: string,
	payload: HuurcontractGewijzigd
): Promise<void> {
	await ctx.publish(
		kamerNaam({ soort: 'provincie', code: provincieCode }),
		'huurcontracten.gewijzigd',
		payload
	);
}

/** What the audit log keeps of a contract (never the document itself). */
function auditVorm(
	r: typeof huurcontracten.$inferSelect,
	bestand?: { sha256: string; naam: string }
) {
	return {
		gemeenteCode: r.gemeenteCode,
		periode: r.periode,
		datum: r.datum,
		personen: r.personen,
		ingangsdatum: r.ingangsdatum,
		kenmerk: r.kenmerk,
		status: r.status,
		reden: r.reden,
		versie: r.versie,
		bestandId: r.bestandId,
		...(bestand ? { bestand } : {})
	};
}

export interface Registratie {
	ok: true;
	id: number;
	periode: string;
	/** Registered, but worth knowing (e.g. the period's end already has a decision). */
	waarschuwing: string | null;
}

/**
 * Registers a signed contract with its document for a gemeente. Allowed for the gemeente's own
 * officials; refused (nothing written) for anyone else, for an unknown gemeente and for
 * inconsistent dates. A period whose end already has a recorded decision still accepts
 * contracts, with a warning: the decision stays as it is.
 */
export async function registreerHuurcontract(args: {
	actor: Actor;
	door: AuditActor;
	gemeenteCode: string;
	invoer: HuurcontractInvoer;
	bestand: GecontroleerdBestand;
	vandaag?: string;
}): Promise<Registratie | Weigering> {
	return zonderHalfWerk(() =>
		mutate(args.door, async (ctx) => {
			const g = await gemeenteRef(ctx.tx, args.gemeenteCode);
			if (!g) throw new Geweigerd(weiger('NIET_GEVONDEN', 'Deze gemeente is niet bekend.'));
			if (!can(args.actor, huurcontractRecht('registreren', g)).toegestaan) {
				throw new Geweigerd(
					weiger(
						'GEEN_RECHT',
						`Alleen medewerkers van de gemeente ${g.naam} kunnen hier huurcontracten registreren.`
					)
				);
			}
			const fouten = controleerHuurcontract(args.invoer, args.vandaag ?? vandaagInNederland());
			if (fouten.length > 0) {
				throw new Geweigerd({
					ok: false,
					code: 'ONGELDIG',
					fouten: Object.fromEntries(fouten.map((f) => [f.veld, f.melding]))
				});
			}
			const periode = periodeVanContract(args.invoer.datum)!;
			const bestand = await slaBestandOp(ctx.tx, args.bestand, args.door);
			const [rij] = await ctx.tx
				.insert(huurcontracten)
				.values({
					gemeenteCode: g.code,
					periode,
					datum: args.invoer.datum,
					personen: args.invoer.personen,
					ingangsdatum: args.invoer.ingangsdatum,
					bestandId: bestand.id,
					kenmerk: args.invoer.kenmerk || null,
					omschrijving: args.invoer.omschrijving || null,
					ingediendDoor: args.door.userId,
					ingediendDoorLabel: args.door.label
				})
				.returning();
			await ctx.audit({
				entity: 'huurcontract',
				entityId: rij!.id,
				action: 'geregistreerd',
				after: auditVorm(rij!, { sha256: bestand.sha256, naam: bestand.naam })
			});
			await publiceer(ctx, g.provincieCode, {
				gemeenteCode: g.code,
				id: rij!.id,
				periode,
				status: 'ingediend'
			});
			const [besluit] = await ctx.tx
				.select({ trede: besluiten.trede })
				.from(besluiten)
				.where(
					and(
						eq(besluiten.gemeenteCode, g.code),
						eq(besluiten.periode, periode),
						eq(besluiten.kind, 'end')
					)
				)
				.limit(1);
			return {
				ok: true as const,
				id: rij!.id,
				periode,
				waarschuwing: besluit
					? `Voor het einde van ${periode} is al een besluit vastgelegd. Het contract is geregistreerd; wordt het geaccepteerd, dan telt het mee in de uitkomst van de regel, maar het besluit blijft staan tot de toezichthouder een nieuw besluit vastlegt.`
					: null
			};
		})
	);
}

const HANDELING: Record<HuurcontractActie, 'beoordelen' | 'intrekken'> = {
	accepteren: 'beoordelen',
	afwijzen: 'beoordelen',
	intrekken: 'intrekken'
};

function statusFout(status: HuurcontractStatus, actie: HuurcontractActie): string {
	if (status === 'ingetrokken') {
		return 'Dit huurcontract is ingetrokken door de gemeente en kan niet meer worden gewijzigd.';
	}
	if (actie === 'intrekken') {
		return `Dit huurcontract is al ${STATUS_LABELS[status].toLowerCase()} en kan niet meer worden ingetrokken.`;
	}
	return `Dit huurcontract is al ${STATUS_LABELS[status].toLowerCase()}.`;
}

export interface Statuswijziging {
	ok: true;
	id: number;
	status: HuurcontractStatus;
	versie: number;
}

/**
 * Accepts, rejects or withdraws a contract, provided the caller saw its current version
 * (`versie`): a decision on an outdated view is refused, so two people never overwrite each
 * other unseen. `binnen` limits the contract to a gemeente or provincie (the page it was shown
 * on). On success the standings are recomputed in the same transaction.
 */
export async function wijzigHuurcontract(args: {
	actor: Actor;
	door: AuditActor;
	id: number;
	versie: number;
	actie: HuurcontractActie;
	reden?: string;
	binnen: { gemeenteCode: string } | { provincieCode: string };
}): Promise<Statuswijziging | Weigering> {
	const reden = args.reden?.trim() ?? '';
	return zonderHalfWerk(() =>
		mutate(args.door, async (ctx) => {
			// The row lock orders concurrent decisions on one contract: the second one sees the
			// first one's new version and is refused.
			const [oud] = await ctx.tx
				.select()
				.from(huurcontracten)
				.where(eq(huurcontracten.id, args.id))
				.for('update');
			const g = oud ? await gemeenteRef(ctx.tx, oud.gemeenteCode) : null;
			const binnen =
				'gemeenteCode' in args.binnen
					? oud?.gemeenteCode === args.binnen.gemeenteCode
					: g?.provincieCode === args.binnen.provincieCode;
			if (!oud || !g || !binnen) {
				throw new Geweigerd(weiger('NIET_GEVONDEN', 'Dit huurcontract bestaat niet (meer).'));
			}
			if (!can(args.actor, huurcontractRecht(HANDELING[args.actie], g)).toegestaan) {
				throw new Geweigerd(
					weiger(
						'GEEN_RECHT',
						args.actie === 'intrekken'
							? `Alleen medewerkers van de gemeente ${g.naam} kunnen dit huurcontract intrekken.`
							: 'Alleen de toezichthouder van de provincie kan huurcontracten accepteren of afwijzen.'
					)
				);
			}
			if (oud.versie !== args.versie) {
				const wie =
					oud.status === 'ingetrokken'
						? oud.ingetrokkenDoorLabel
						: oud.status === 'ingediend'
							? null
							: oud.beoordeeldDoorLabel;
				throw new Geweigerd(
					weiger(
						'VEROUDERD',
						`Dit huurcontract is intussen gewijzigd${wie ? ` door ${wie}` : ''} (nu: ${STATUS_LABELS[oud.status].toLowerCase()}). Bekijk de nieuwe stand en kies opnieuw.`
					)
				);
			}
			const nieuw = volgendeStatus(oud.status, args.actie);
			if (!nieuw) throw new Geweigerd(weiger('STATUS', statusFout(oud.status, args.actie)));
			if (args.actie === 'afwijzen' && reden.length === 0) {
				throw new Geweigerd(
					weiger(
						'REDEN_ONTBREEKT',
						'Geef de reden van de afwijzing; de gemeente ziet die.',
						'reden'
					)
				);
			}
			const nu = new Date();
			const door = { door: args.door.userId, label: args.door.label, at: nu };
			const [rij] = await ctx.tx
				.update(huurcontracten)
				.set({
					status: nieuw,
					versie: oud.versie + 1,
					...(args.actie === 'intrekken'
						? {
								ingetrokkenDoor: door.door,
								ingetrokkenDoorLabel: door.label,
								ingetrokkenAt: door.at
							}
						: {
								reden: args.actie === 'afwijzen' ? reden : null,
								beoordeeldDoor: door.door,
								beoordeeldDoorLabel: door.label,
								beoordeeldAt: door.at
							})
				})
				.where(and(eq(huurcontracten.id, oud.id), eq(huurcontracten.versie, oud.versie)))
				.returning();
			await ctx.audit({
				entity: 'huurcontract',
				entityId: oud.id,
				action: nieuw,
				before: auditVorm(oud),
				after: auditVorm(rij!)
			});
			await herberekenBeoordelingen(ctx, [oud.gemeenteCode]);
			await publiceer(ctx, g.provincieCode, {
				gemeenteCode: oud.gemeenteCode,
				id: oud.id,
				periode: oud.periode,
				status: nieuw
			});
			return { ok: true as const, id: oud.id, status: nieuw, versie: rij!.versie };
		})
	);
}
