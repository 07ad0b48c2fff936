/**
 * The life of a verslag around its living text (issue 6 §4, §5, §7): frozen "stand van zaken"
 * figures, concept versions published to the members, comments per agendapunt and how the
 * secretaris processed them, the vaststelling at the next meeting, and the data of the exports.
 *
 * The text itself is the Yjs document `verslag:<vergaderingId>` (one XML fragment per
 * agendapunt); it is read here, never written. Every change is one mutation with an audit row and
 * a 'verslag.gewijzigd' event in the table's room. Changes to one verslag run one after the other
 * (the meeting row is locked), and a page that acted on an older state is refused (VEROUDERD).
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { can, type Recht } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { formatHalfjaar, halfjaarVan, halfjaarVanDatum } from '$lib/domain/periode/halfjaar';
import { ACTIEPUNT_STATUS_NAMEN } from '$lib/domain/vergadering/actiepunten';
import { presentielijst } from '$lib/domain/vergadering/presentie';
import {
	opmerkingBlokkade,
	publicatieBlokkade,
	teVerslagVaststellen,
	vaststellingBlokkade
} from '$lib/domain/vergadering/verslag-status';
import type { VerslagGewijzigd } from '$lib/realtime/events';
import type { PmNode } from '$lib/verslag/blokken';
import { fragmentNaam, verslagDocument } from '$lib/verslag/document';
import {
	cijfersUitStand,
	datumKort,
	exportGegevens,
	heeftTekst,
	stabielJson,
	vingerafdrukDeel,
	type CijfersInVerslag,
	type InhoudActiepunt,
	type VastgelegdeCijfers,
	type VerslagInhoud,
	type VersieLabel
} from '$lib/verslag/inhoud';
import type { OpmerkingStatus } from '$lib/verslag/opmerkingen';
import type {
	CijfersBlok,
	ExportLink,
	VastgesteldInfo,
	VaststellingInfo,
	VerslagKop
} from '$lib/verslag/weergave';
import { db, type Executor } from '../db';
import {
	agendapunten,
	verslagCijfers,
	verslagOpmerkingen,
	verslagRedacteuren,
	verslagVersies,
	vergaderingen
} from '../db/schema';
import type { VerslagData } from '../export/verslag';
import { mutate, type MutatieContext } from '../mutatie';
import { laadDocument } from '../realtime/yjs';
import { actiepuntenVanVergadering, openActiepuntenVoor, vandaagNL } from './actiepunten';
import { tafelKamer, type TafelOverzicht } from './regietafels';
import { tafelStand } from './tafelstand';
import {
	Geweigerd,
	haalAgenda,
	haalGasten,
	haalGenodigden,
	haalVergadering,
	type VergaderingFoutCode,
	type VergaderingRij,
	type Wie
} from './vergaderingen';

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

export type VerslagFoutCode =
	| VergaderingFoutCode
	/** No published concept to comment on or to vaststellen. */
	| 'GEEN_CONCEPT'
	/** The verslag is vastgesteld: nothing changes any more. */
	| 'VASTGESTELD'
	/** Publishing a concept equal to the previous one. */
	| 'ONGEWIJZIGD'
	/** Publishing an empty verslag. */
	| 'LEEG';

export interface VerslagWeigering {
	ok: false;
	code: VerslagFoutCode;
	/** 403 not allowed, 404 not found, 409 not possible in this state or stale. */
	status: 403 | 404 | 409;
	fout: string;
}

class VerslagFout extends Error {
	constructor(readonly weigering: VerslagWeigering) {
		super(weigering.code);
	}
}

const STATUS_VAN: Partial<Record<VerslagFoutCode, 403 | 404>> = {
	GEEN_RECHT: 403,
	NIET_GEVONDEN: 404
};

function weiger(code: VerslagFoutCode, fout: string): never {
	throw new VerslagFout({ ok: false, code, status: STATUS_VAN[code] ?? 409, fout });
}

async function zonderHalfWerk<T>(fn: () => Promise<T>): Promise<T | VerslagWeigering> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof VerslagFout || e instanceof Geweigerd) return e.weigering;
		throw e;
	}
}

const RECHT_TEKST: Partial<Record<Recht['actie'], string>> = {
	'verslag.beheren': 'Alleen de secretaris van deze regietafel beheert het verslag.',
	'verslag.becommentarieren':
		'Alleen leden van deze regietafel kunnen opmerkingen maken bij het verslag.',
	'verslag.vaststellen':
		'Alleen de voorzitter en de secretaris van deze regietafel kunnen het verslag vaststellen.'
};

function eis(actor: Actor, recht: Recht): void {
	if (!can(actor, recht).toegestaan) {
		weiger('GEEN_RECHT', RECHT_TEKST[recht.actie] ?? 'U heeft geen recht op deze handeling.');
	}
}

/** Locks the meeting row for this transaction: changes to one verslag run one after the other. */
async function vergrendel(ctx: MutatieContext, tafelId: number, id: number) {
	const [v] = await ctx.tx
		.select()
		.from(vergaderingen)
		.where(and(eq(vergaderingen.id, id), eq(vergaderingen.regietafelId, tafelId)))
		.for('update');
	if (!v) weiger('NIET_GEVONDEN', 'Deze vergadering bestaat niet (meer).');
	return v;
}

async function publiceer(ctx: MutatieContext, tafelId: number, p: VerslagGewijzigd) {
	await ctx.publish(tafelKamer(tafelId), 'verslag.gewijzigd', p);
}

/** Today's date in the Netherlands for a moment (ISO `YYYY-MM-DD`). */
const dagVan = (d: Date) => vandaagNL(d);

// ---------------------------------------------------------------------------------------------
// Reading the text and putting the content together
// ---------------------------------------------------------------------------------------------

/** The Yjs document of a meeting's verslag as it is stored now. */
async function verslagDoc(ex: Executor, vergaderingId: number): Promise<Y.Doc> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await laadDocument(ex, verslagDocument(vergaderingId)));
	return doc;
}

function tekstVan(doc: Y.Doc, agendapuntId: number): PmNode | null {
	const fragment = doc.getXmlFragment(fragmentNaam(agendapuntId));
	if (fragment.length === 0) return null;
	return yXmlFragmentToProsemirrorJSON(fragment) as PmNode;
}

/** Per agendapunt (in agenda order) its text as ProseMirror JSON (null: nothing written). */
export async function verslagInhoud(
	ex: Executor,
	vergaderingId: number
): Promise<{ agendapuntId: number; titel: string; pm: PmNode | null }[]> {
	const [agenda, doc] = await Promise.all([
		haalAgenda(ex, vergaderingId),
		verslagDoc(ex, vergaderingId)
	]);
	try {
		return agenda.map((a) => ({ agendapuntId: a.id, titel: a.titel, pm: tekstVan(doc, a.id) }));
	} finally {
		doc.destroy();
	}
}

type CijferRij = typeof verslagCijfers.$inferSelect;

const cijfersInVerslag = (r: CijferRij): CijfersInVerslag => ({
	...(r.inhoud as VastgelegdeCijfers),
	vastgelegdOp: r.at.toISOString(),
	door: r.doorLabel
});

const eigenaarTekst = (a: { eigenaarNaam: string; eigenaarOrganisatie: string }) =>
	a.eigenaarOrganisatie ? `${a.eigenaarNaam} (${a.eigenaarOrganisatie})` : a.eigenaarNaam;

/**
 * The complete content of the verslag as it is now: attendance, per agendapunt the text, frozen
 * figures and afspraken, and the action list. Reads through `ex` only (inside a mutation: its
 * transaction).
 */
export async function stelInhoudSamen(
	ex: Executor,
	tafelNaam: string,
	v: Pick<VergaderingRij, 'id' | 'regietafelId' | 'datum' | 'begintijd' | 'eindtijd' | 'locatie'>,
	doc: Y.Doc
): Promise<VerslagInhoud> {
	// One after the other: inside a transaction a connection runs one query at a time anyway.
	const agenda = await haalAgenda(ex, v.id);
	const genodigden = await haalGenodigden(ex, v.id);
	const gasten = await haalGasten(ex, v.id);
	const cijfers = await ex
		.select()
		.from(verslagCijfers)
		.where(eq(verslagCijfers.vergaderingId, v.id));
	const afspraken = await actiepuntenVanVergadering(ex, v.id);
	const eerder = await openActiepuntenVoor(ex, v.regietafelId, v);

	const p = presentielijst(genodigden, gasten);
	const persoon = (x: { naam: string; functie: string; organisatie: string }) => ({
		naam: x.naam,
		functie: x.functie,
		organisatie: x.organisatie
	});
	const afspraakTekst = (a: (typeof afspraken)[number]) =>
		`${a.omschrijving} (${[a.eigenaarNaam, a.eigenaarOrganisatie].filter(Boolean).join(', ')}${
			a.deadline ? `; uiterlijk ${datumKort(a.deadline)}` : ''
		})`;
	const actiepunten: InhoudActiepunt[] = [...eerder, ...afspraken].map((a, i) => ({
		nummer: i + 1,
		omschrijving: a.omschrijving,
		eigenaar: eigenaarTekst(a),
		deadline: a.deadline,
		status: ACTIEPUNT_STATUS_NAMEN[a.status]
	}));
	const zonder: Omit<VerslagInhoud, 'vingerafdruk'> = {
		regietafel: tafelNaam,
		vergadering: {
			id: v.id,
			datum: v.datum,
			begintijd: v.begintijd,
			eindtijd: v.eindtijd,
			locatie: v.locatie
		},
		aanwezigheid: {
			aanwezigen: p.aanwezig.filter((a) => a.namens === null).map(persoon),
			afwezigen: genodigden.filter((g) => g.status === 'afgemeld').map(persoon),
			vervangers: p.aanwezig
				.filter((a) => a.namens !== null)
				.map((a) => ({ ...persoon(a), voor: a.namens! })),
			gasten: p.gasten
		},
		agendapunten: agenda.map((a, i) => {
			const c = cijfers.find((r) => r.agendapuntId === a.id);
			return {
				id: a.id,
				nummer: i + 1,
				titel: a.titel,
				type: a.type,
				pm: tekstVan(doc, a.id),
				cijfers: c ? cijfersInVerslag(c) : null,
				afspraken: afspraken.filter((x) => x.agendapuntId === a.id).map(afspraakTekst)
			};
		}),
		actiepunten
	};
	return { ...zonder, vingerafdruk: vingerafdruk(zonder) };
}

export function vingerafdruk(i: Omit<VerslagInhoud, 'vingerafdruk'>): string {
	return createHash('sha256')
		.update(stabielJson(vingerafdrukDeel(i)))
		.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Versions
// ---------------------------------------------------------------------------------------------

export interface VersieRij {
	id: number;
	nummer: number;
	soort: 'concept' | 'vastgesteld';
	at: Date;
	doorLabel: string;
	vastgesteldIn: number | null;
	vingerafdruk: string | null;
}

/** The published versions of a verslag, oldest first (without their content). */
export async function versiesVan(ex: Executor, vergaderingId: number): Promise<VersieRij[]> {
	return ex
		.select({
			id: verslagVersies.id,
			nummer: verslagVersies.nummer,
			soort: verslagVersies.soort,
			at: verslagVersies.at,
			doorLabel: verslagVersies.doorLabel,
			vastgesteldIn: verslagVersies.vastgesteldIn,
			vingerafdruk: sql<string | null>`${verslagVersies.inhoud}->>'vingerafdruk'`
		})
		.from(verslagVersies)
		.where(eq(verslagVersies.vergaderingId, vergaderingId))
		.orderBy(asc(verslagVersies.nummer));
}

/**
 * Is the verslag of this meeting vastgesteld (and so read-only)? For the editor's rights
 * decision on the Yjs document too.
 */
export async function isVastgesteld(ex: Executor, vergaderingId: number): Promise<boolean> {
	const [r] = await ex
		.select({ n: count() })
		.from(verslagVersies)
		.where(
			and(eq(verslagVersies.vergaderingId, vergaderingId), eq(verslagVersies.soort, 'vastgesteld'))
		);
	return Number(r?.n ?? 0) > 0;
}

/** One published version with its content, or null. */
export async function haalVersie(ex: Executor, vergaderingId: number, nummer: number) {
	const [r] = await ex
		.select()
		.from(verslagVersies)
		.where(and(eq(verslagVersies.vergaderingId, vergaderingId), eq(verslagVersies.nummer, nummer)));
	return r ? { ...r, inhoud: r.inhoud as VerslagInhoud } : null;
}

/**
 * Publishes the verslag as it is now as the next concept ("concept N"): its content and Yjs
 * state are kept as they are, for good. `basis` is the latest version number the page showed.
 */
export async function publiceerConcept(
	wie: Wie,
	tafel: TafelOverzicht,
	vergaderingId: number,
	basis: number
): Promise<{ ok: true; nummer: number } | VerslagWeigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'verslag.beheren', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			const laatste = (await versiesVan(ctx.tx, v.id)).at(-1) ?? null;
			if (laatste?.soort === 'vastgesteld') {
				weiger('VASTGESTELD', 'Het verslag is vastgesteld; er komen geen nieuwe concepten meer.');
			}
			if ((laatste?.nummer ?? 0) !== basis) {
				weiger(
					'VEROUDERD',
					`Intussen is concept ${laatste?.nummer} gepubliceerd. De pagina toont nu de nieuwe stand.`
				);
			}
			const doc = await verslagDoc(ctx.tx, v.id);
			const inhoud = await stelInhoudSamen(ctx.tx, tafel.naam, v, doc);
			const blokkade = publicatieBlokkade({
				vastgesteld: false,
				heeftTekst: heeftTekst(inhoud.agendapunten),
				laatsteVingerafdruk: laatste?.vingerafdruk ?? null,
				huidigeVingerafdruk: inhoud.vingerafdruk
			});
			if (blokkade) weiger(blokkade.code, blokkade.reden);
			const nummer = (laatste?.nummer ?? 0) + 1;
			await ctx.tx.insert(verslagVersies).values({
				vergaderingId: v.id,
				nummer,
				soort: 'concept',
				inhoud,
				yjsStaat: Y.encodeStateAsUpdate(doc),
				door: wie.door.userId,
				doorLabel: wie.door.label
			});
			doc.destroy();
			await ctx.audit({
				entity: 'verslag',
				entityId: v.id,
				action: 'concept-gepubliceerd',
				after: { nummer, vingerafdruk: inhoud.vingerafdruk }
			});
			await publiceer(ctx, tafel.id, { vergaderingId: v.id, wat: 'concept', nummer });
			return { ok: true as const, nummer };
		})
	);
}

// ---------------------------------------------------------------------------------------------
// Frozen figures
// ---------------------------------------------------------------------------------------------

/** The halfjaar whose figures a meeting freezes: the one the meeting is held in. */
export function cijferHalfjaar(v: Pick<VergaderingRij, 'datum'>): string {
	const h = halfjaarVanDatum(v.datum) ?? halfjaarVan(new Date());
	return formatHalfjaar(h);
}

/**
 * "Cijfers vastleggen": the table's stand van zaken of the meeting's halfjaar (the regional
 * overview, per regio for the PRT, per gemeente for a regional table) into the verslag at a
 * stand-van-zaken agendapunt. Freezing again replaces them, until the verslag is vastgesteld.
 */
export async function legCijfersVast(
	wie: Wie,
	tafel: TafelOverzicht,
	vergaderingId: number,
	agendapuntId: number
): Promise<{ ok: true; halfjaar: string } | VerslagWeigering> {
	return zonderHalfWerk(async () => {
		eis(wie.actor, { actie: 'verslag.beheren', regietafel: tafel });
		const gelezen = await haalVergadering(db(), tafel.id, vergaderingId);
		if (!gelezen) weiger('NIET_GEVONDEN', 'Deze vergadering bestaat niet (meer).');
		const halfjaar = cijferHalfjaar(gelezen);
		// Read before the transaction (the overview reads through its own connection).
		const stand = await tafelStand(tafel, halfjaar);
		const cijfers = cijfersUitStand(stand, halfjaar, tafel.soort === 'prt' ? 'regio' : 'gemeente');
		return mutate(wie.door, async (ctx) => {
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			if (await isVastgesteld(ctx.tx, v.id)) {
				weiger('VASTGESTELD', 'Het verslag is vastgesteld; de cijfers liggen vast.');
			}
			const [ap] = await ctx.tx
				.select({ id: agendapunten.id, type: agendapunten.type, titel: agendapunten.titel })
				.from(agendapunten)
				.where(and(eq(agendapunten.id, agendapuntId), eq(agendapunten.vergaderingId, v.id)));
			if (!ap) weiger('NIET_GEVONDEN', 'Dit agendapunt bestaat niet (meer).');
			if (ap.type !== 'stand-van-zaken') {
				weiger('STATUS', 'Cijfers worden vastgelegd bij een agendapunt ‘Stand van zaken’.');
			}
			const [oud] = await ctx.tx
				.select({ halfjaar: verslagCijfers.halfjaar, at: verslagCijfers.at })
				.from(verslagCijfers)
				.where(eq(verslagCijfers.agendapuntId, ap.id));
			const rij = {
				agendapuntId: ap.id,
				vergaderingId: v.id,
				halfjaar,
				inhoud: cijfers,
				door: wie.door.userId,
				doorLabel: wie.door.label,
				at: new Date()
			};
			await ctx.tx
				.insert(verslagCijfers)
				.values(rij)
				.onConflictDoUpdate({ target: verslagCijfers.agendapuntId, set: rij });
			await ctx.audit({
				entity: 'verslag',
				entityId: v.id,
				action: oud ? 'cijfers-vervangen' : 'cijfers-vastgelegd',
				before: oud ?? null,
				after: {
					agendapuntId: ap.id,
					halfjaar,
					rijen: cijfers.rijen.length,
					totaal: cijfers.totaal
				}
			});
			await publiceer(ctx, tafel.id, { vergaderingId: v.id, wat: 'cijfers' });
			return { ok: true as const, halfjaar };
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------------

/** A member's comment on the latest concept, at an agendapunt (null: the verslag as a whole). */
export async function plaatsOpmerking(
	wie: Wie,
	tafel: TafelOverzicht,
	vergaderingId: number,
	invoer: { nummer: number; agendapuntId: number | null; tekst: string }
): Promise<{ ok: true; id: number } | VerslagWeigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'verslag.becommentarieren', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			const versies = await versiesVan(ctx.tx, v.id);
			const versie = versies.find((x) => x.nummer === invoer.nummer);
			if (!versie) weiger('NIET_GEVONDEN', 'Deze versie van het verslag bestaat niet.');
			const laatste = versies.at(-1)!;
			const blokkade = opmerkingBlokkade(laatste, invoer.nummer);
			if (blokkade) weiger(laatste.soort === 'vastgesteld' ? 'VASTGESTELD' : 'VEROUDERD', blokkade);
			if (invoer.agendapuntId !== null) {
				const [ap] = await ctx.tx
					.select({ id: agendapunten.id })
					.from(agendapunten)
					.where(
						and(eq(agendapunten.id, invoer.agendapuntId), eq(agendapunten.vergaderingId, v.id))
					);
				if (!ap) weiger('NIET_GEVONDEN', 'Dit agendapunt bestaat niet (meer).');
			}
			const [o] = await ctx.tx
				.insert(verslagOpmerkingen)
				.values({
					versieId: versie.id,
					vergaderingId: v.id,
					agendapuntId: invoer.agendapuntId,
					tekst: invoer.tekst,
					door: wie.door.userId,
					doorLabel: wie.door.label
				})
				.returning({ id: verslagOpmerkingen.id });
			await ctx.audit({
				entity: 'verslag-opmerking',
				entityId: o!.id,
				action: 'geplaatst',
				after: { vergaderingId: v.id, nummer: invoer.nummer, agendapuntId: invoer.agendapuntId }
			});
			await publiceer(ctx, tafel.id, {
				vergaderingId: v.id,
				wat: 'opmerking',
				nummer: invoer.nummer
			});
			return { ok: true as const, id: o!.id };
		})
	);
}

/**
 * The secretaris processes a comment: verwerkt or niet overgenomen, with an optional reactie.
 * `gezien` is the status the page showed: a comment processed meanwhile is not overwritten unseen.
 */
export async function verwerkOpmerking(
	wie: Wie,
	tafel: TafelOverzicht,
	vergaderingId: number,
	invoer: {
		opmerkingId: number;
		status: Exclude<OpmerkingStatus, 'open'>;
		gezien: OpmerkingStatus;
		reactie: string | null;
	}
): Promise<{ ok: true } | VerslagWeigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'verslag.beheren', regietafel: tafel });
			const v = await vergrendel(ctx, tafel.id, vergaderingId);
			if (await isVastgesteld(ctx.tx, v.id)) {
				weiger('VASTGESTELD', 'Het verslag is vastgesteld; opmerkingen liggen vast.');
			}
			const waar = and(
				eq(verslagOpmerkingen.id, invoer.opmerkingId),
				eq(verslagOpmerkingen.vergaderingId, v.id)
			);
			const [oud] = await ctx.tx.select().from(verslagOpmerkingen).where(waar);
			if (!oud) weiger('NIET_GEVONDEN', 'Deze opmerking bestaat niet (meer).');
			if (oud.status !== invoer.gezien) {
				weiger(
					'VEROUDERD',
					`Deze opmerking is intussen al afgehandeld door ${oud.verwerktDoorLabel ?? 'iemand anders'}. De pagina toont nu de nieuwe stand.`
				);
			}
			await ctx.tx
				.update(verslagOpmerkingen)
				.set({
					status: invoer.status,
					reactie: invoer.reactie,
					verwerktDoorLabel: wie.door.label,
					verwerktAt: new Date()
				})
				.where(waar);
			await ctx.audit({
				entity: 'verslag-opmerking',
				entityId: oud.id,
				action: 'verwerkt',
				before: { status: oud.status, reactie: oud.reactie },
				after: { status: invoer.status, reactie: invoer.reactie }
			});
			await publiceer(ctx, tafel.id, { vergaderingId: v.id, wat: 'opmerking-verwerkt' });
			return { ok: true as const };
		})
	);
}

export interface Opmerking {
	id: number;
	nummer: number;
	agendapuntId: number | null;
	tekst: string;
	doorLabel: string;
	at: string;
	status: OpmerkingStatus;
	reactie: string | null;
	verwerktDoorLabel: string | null;
	verwerktAt: string | null;
}

/** All comments on the verslag, oldest first, with the version they were made on. */
export async function opmerkingenVan(ex: Executor, vergaderingId: number): Promise<Opmerking[]> {
	const rijen = await ex
		.select({
			id: verslagOpmerkingen.id,
			nummer: verslagVersies.nummer,
			agendapuntId: verslagOpmerkingen.agendapuntId,
			tekst: verslagOpmerkingen.tekst,
			doorLabel: verslagOpmerkingen.doorLabel,
			at: verslagOpmerkingen.at,
			status: verslagOpmerkingen.status,
			reactie: verslagOpmerkingen.reactie,
			verwerktDoorLabel: verslagOpmerkingen.verwerktDoorLabel,
			verwerktAt: verslagOpmerkingen.verwerktAt
		})
		.from(verslagOpmerkingen)
		.innerJoin(verslagVersies, eq(verslagVersies.id, verslagOpmerkingen.versieId))
		.where(eq(verslagOpmerkingen.vergaderingId, vergaderingId))
		.orderBy(asc(verslagOpmerkingen.id));
	return rijen.map((r) => ({
		...r,
		at: r.at.toISOString(),
		verwerktAt: r.verwerktAt?.toISOString() ?? null
	}));
}

// ---------------------------------------------------------------------------------------------
// Vaststelling
// ---------------------------------------------------------------------------------------------

/** The table's meetings with whether their verslag has a concept and is vastgesteld. */
async function kandidaten(ex: Executor, tafelId: number) {
	const heeft = (soort: 'concept' | 'vastgesteld') =>
		// Qualified by hand: drizzle writes columns in a sql`` subquery without their table.
		sql<boolean>`exists (select 1 from ${verslagVersies} vv where vv.vergadering_id = ${vergaderingen}.id and vv.soort = ${soort})`;
	return ex
		.select({
			id: vergaderingen.id,
			datum: vergaderingen.datum,
			begintijd: vergaderingen.begintijd,
			eindtijd: vergaderingen.eindtijd,
			locatie: vergaderingen.locatie,
			regietafelId: vergaderingen.regietafelId,
			concept: heeft('concept'),
			vastgesteld: heeft('vastgesteld')
		})
		.from(vergaderingen)
		.where(eq(vergaderingen.regietafelId, tafelId))
		.orderBy(desc(vergaderingen.datum));
}

/**
 * "Verslag vaststellen" in the meeting `vergaderingId`, at its agendapunt `agendapuntId` (type
 * vaststelling-verslag), while that meeting is bezig: the verslag of the most recent earlier
 * meeting of the table with a published concept that is not yet vastgesteld (`doelId`, as the
 * page offered it) gets its vastgesteld version, a snapshot of its latest state. From then on
 * the verslag is locked (no concepts, comments, figures; the editor reads the same fact).
 */
export async function stelVerslagVast(
	wie: Wie,
	tafel: TafelOverzicht,
	invoer: { vergaderingId: number; agendapuntId: number; doelId: number }
): Promise<{ ok: true; nummer: number; vergaderingId: number } | VerslagWeigering> {
	return zonderHalfWerk(() =>
		mutate(wie.door, async (ctx) => {
			eis(wie.actor, { actie: 'verslag.vaststellen', regietafel: tafel });
			const m = await vergrendel(ctx, tafel.id, invoer.vergaderingId);
			const [ap] = await ctx.tx
				.select({ id: agendapunten.id, type: agendapunten.type })
				.from(agendapunten)
				.where(and(eq(agendapunten.id, invoer.agendapuntId), eq(agendapunten.vergaderingId, m.id)));
			if (!ap) weiger('NIET_GEVONDEN', 'Dit agendapunt bestaat niet (meer).');
			const blokkade = vaststellingBlokkade({ huidigeStatus: m.status, agendapuntType: ap.type });
			if (blokkade) weiger('STATUS', blokkade);
			const lijst = await kandidaten(ctx.tx, tafel.id);
			const gevraagd = lijst.find((k) => k.id === invoer.doelId);
			if (gevraagd?.vastgesteld) {
				weiger(
					'VASTGESTELD',
					`Het verslag van de vergadering van ${datumKort(gevraagd.datum)} is al vastgesteld.`
				);
			}
			const doel = teVerslagVaststellen(m, lijst);
			if (!doel) {
				weiger(
					'GEEN_CONCEPT',
					'Er is geen gepubliceerd conceptverslag van een eerdere vergadering van deze tafel om vast te stellen.'
				);
			}
			if (doel.id !== invoer.doelId) {
				weiger(
					'VEROUDERD',
					`Het verslag dat nu kan worden vastgesteld is dat van de vergadering van ${datumKort(doel.datum)}. De pagina toont nu de nieuwe stand.`
				);
			}
			const p = await vergrendel(ctx, tafel.id, doel.id);
			const versies = await versiesVan(ctx.tx, p.id);
			if (versies.some((x) => x.soort === 'vastgesteld')) {
				weiger('VASTGESTELD', 'Dit verslag is al vastgesteld.');
			}
			const doc = await verslagDoc(ctx.tx, p.id);
			const inhoud = await stelInhoudSamen(ctx.tx, tafel.naam, p, doc);
			const nummer = (versies.at(-1)?.nummer ?? 0) + 1;
			await ctx.tx.insert(verslagVersies).values({
				vergaderingId: p.id,
				nummer,
				soort: 'vastgesteld',
				inhoud,
				yjsStaat: Y.encodeStateAsUpdate(doc),
				vastgesteldIn: m.id,
				door: wie.door.userId,
				doorLabel: wie.door.label
			});
			doc.destroy();
			await ctx.audit({
				entity: 'verslag',
				entityId: p.id,
				action: 'vastgesteld',
				after: {
					nummer,
					vastgesteldIn: m.id,
					agendapuntId: ap.id,
					vingerafdruk: inhoud.vingerafdruk
				}
			});
			await publiceer(ctx, tafel.id, { vergaderingId: p.id, wat: 'vastgesteld', nummer });
			return { ok: true as const, nummer, vergaderingId: p.id };
		})
	);
}

// ---------------------------------------------------------------------------------------------
// What the pages show
// ---------------------------------------------------------------------------------------------

export const verslagBasis = (tafelId: number, vergaderingId: number) =>
	`/regietafels/${tafelId}/vergaderingen/${vergaderingId}/verslag`;

function exportLinks(tafelId: number, vergaderingId: number, versie?: number): ExportLink[] {
	const q = versie ? `?versie=${versie}` : '';
	const b = `/regietafels/${tafelId}/vergaderingen/${vergaderingId}`;
	return [
		{ label: 'Verslag (Word)', href: `${b}/verslag.docx${q}` },
		{ label: 'Verslag (PDF)', href: `${b}/verslag.pdf${q}` },
		{ label: 'Besluiten- en actielijst (Word)', href: `${b}/actielijst.docx${q}` },
		{ label: 'Besluiten- en actielijst (PDF)', href: `${b}/actielijst.pdf${q}` }
	];
}

async function vastgesteldInfo(
	ex: Executor,
	versies: readonly VersieRij[]
): Promise<VastgesteldInfo | null> {
	const vast = versies.find((x) => x.soort === 'vastgesteld');
	if (!vast) return null;
	const [m] = vast.vastgesteldIn
		? await ex
				.select({ id: vergaderingen.id, datum: vergaderingen.datum })
				.from(vergaderingen)
				.where(eq(vergaderingen.id, vast.vastgesteldIn))
		: [];
	return {
		nummer: vast.nummer,
		at: vast.at.toISOString(),
		door: vast.doorLabel,
		inVergadering: m ?? null
	};
}

/**
 * The lifecycle around the verslag of meeting `v` for the viewer: the header (versions, publish
 * button state, open comments, exports) and per stand-van-zaken agendapunt its frozen figures.
 */
export async function verslagLevenscyclus(
	tafel: TafelOverzicht,
	v: VergaderingRij,
	actor: Actor
): Promise<{ kop: VerslagKop; cijfers: CijfersBlok[] }> {
	const ex = db();
	const versies = await versiesVan(ex, v.id);
	const tellingen = await ex
		.select({
			versieId: verslagOpmerkingen.versieId,
			status: verslagOpmerkingen.status,
			n: count()
		})
		.from(verslagOpmerkingen)
		.where(eq(verslagOpmerkingen.vergaderingId, v.id))
		.groupBy(verslagOpmerkingen.versieId, verslagOpmerkingen.status);
	const vastgesteld = await vastgesteldInfo(ex, versies);
	const beheren = can(actor, { actie: 'verslag.beheren', regietafel: tafel }).toegestaan;
	let publiceren: VerslagKop['publiceren'] = null;
	if (beheren) {
		let reden: string | null;
		if (vastgesteld) reden = 'Het verslag is vastgesteld; er komen geen nieuwe concepten meer.';
		else {
			const doc = await verslagDoc(ex, v.id);
			const inhoud = await stelInhoudSamen(ex, tafel.naam, v, doc);
			doc.destroy();
			reden =
				publicatieBlokkade({
					vastgesteld: false,
					heeftTekst: heeftTekst(inhoud.agendapunten),
					laatsteVingerafdruk: versies.at(-1)?.vingerafdruk ?? null,
					huidigeVingerafdruk: inhoud.vingerafdruk
				})?.reden ?? null;
		}
		publiceren = { reden };
	}
	const agenda = await haalAgenda(ex, v.id);
	const bevroren = await ex
		.select()
		.from(verslagCijfers)
		.where(eq(verslagCijfers.vergaderingId, v.id));
	const basis = verslagBasis(tafel.id, v.id);
	const halfjaar = cijferHalfjaar(v);
	return {
		kop: {
			basis,
			versies: versies.map((x) => {
				const eigen = tellingen.filter((t) => t.versieId === x.id);
				return {
					nummer: x.nummer,
					soort: x.soort,
					at: x.at.toISOString(),
					doorLabel: x.doorLabel,
					opmerkingen: eigen.reduce((s, t) => s + Number(t.n), 0),
					open: eigen.filter((t) => t.status === 'open').reduce((s, t) => s + Number(t.n), 0)
				};
			}),
			laatsteNummer: versies.at(-1)?.nummer ?? 0,
			vastgesteld,
			openOpmerkingen: tellingen
				.filter((t) => t.status === 'open')
				.reduce((s, t) => s + Number(t.n), 0),
			publiceren,
			exports: exportLinks(tafel.id, v.id, vastgesteld?.nummer)
		},
		cijfers: agenda
			.filter((a) => a.type === 'stand-van-zaken')
			.map((a) => {
				const r = bevroren.find((c) => c.agendapuntId === a.id);
				return {
					agendapuntId: a.id,
					actie: `${basis}/versies?/cijfers`,
					halfjaar,
					cijfers: r ? cijfersInVerslag(r) : null,
					magVastleggen: beheren && !vastgesteld,
					reden: vastgesteld ? 'Het verslag is vastgesteld; de cijfers liggen vast.' : null
				};
			})
	};
}

export async function vaststellingVoor(
	tafel: TafelOverzicht,
	m: VergaderingRij,
	actor: Actor
): Promise<VaststellingInfo> {
	const ex = db();
	const lijst = await kandidaten(ex, tafel.id);
	const doel = teVerslagVaststellen(m, lijst);
	let doelInfo: VaststellingInfo['doel'] = null;
	if (doel) {
		const versies = await versiesVan(ex, doel.id);
		const [open] = await ex
			.select({ n: count() })
			.from(verslagOpmerkingen)
			.where(
				and(eq(verslagOpmerkingen.vergaderingId, doel.id), eq(verslagOpmerkingen.status, 'open'))
			);
		const laatste = versies.at(-1)?.nummer ?? 0;
		doelInfo = {
			id: doel.id,
			datum: doel.datum,
			laatsteConcept: laatste,
			openOpmerkingen: Number(open?.n ?? 0),
			actie: `${verslagBasis(tafel.id, doel.id)}/versies?/vaststellen`,
			versieUrl: `${verslagBasis(tafel.id, doel.id)}/versies/${laatste}`
		};
	}
	const [hier] = await ex
		.select({
			vergaderingId: verslagVersies.vergaderingId,
			nummer: verslagVersies.nummer,
			at: verslagVersies.at,
			door: verslagVersies.doorLabel,
			datum: vergaderingen.datum
		})
		.from(verslagVersies)
		.innerJoin(vergaderingen, eq(vergaderingen.id, verslagVersies.vergaderingId))
		.where(eq(verslagVersies.vastgesteldIn, m.id))
		.orderBy(desc(verslagVersies.at))
		.limit(1);
	return {
		vergaderingId: m.id,
		doel: doelInfo,
		vastgesteldHier: hier
			? {
					vergaderingId: hier.vergaderingId,
					datum: hier.datum,
					at: hier.at.toISOString(),
					door: hier.door,
					versieUrl: `${verslagBasis(tafel.id, hier.vergaderingId)}/versies/${hier.nummer}`
				}
			: null,
		mag: can(actor, { actie: 'verslag.vaststellen', regietafel: tafel }).toegestaan,
		reden: vaststellingBlokkade({ huidigeStatus: m.status, agendapuntType: 'vaststelling-verslag' })
	};
}

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

/** May this viewer write in the verslag (secretaris, or a chosen co-editor)? */
export async function isRedacteur(
	ex: Executor,
	tafel: TafelOverzicht,
	vergaderingId: number,
	actor: Actor
): Promise<boolean> {
	if (actor.soort !== 'gebruiker') return false;
	const [r] = await ex
		.select({ n: count() })
		.from(verslagRedacteuren)
		.where(
			and(
				eq(verslagRedacteuren.vergaderingId, vergaderingId),
				eq(verslagRedacteuren.userId, actor.userId)
			)
		);
	return can(actor, {
		actie: 'verslag.schrijven',
		regietafel: tafel,
		redacteur: Number(r?.n ?? 0) > 0
	}).toegestaan;
}

export type ExportKeuze =
	| {
			ok: true;
			data: VerslagData;
			/** The published version exported (null: the current draft). */
			versie: { nummer: number; soort: 'concept' | 'vastgesteld' } | null;
	  }
	| { ok: false; status: 400 | 404; fout: string };

/**
 * Which content an export shows: `?versie=N` a published version; without it the vastgesteld
 * version once there is one, else the current draft for those who write in it, else the latest
 * published concept.
 */
export async function exportVoor(
	tafel: TafelOverzicht,
	v: VergaderingRij,
	actor: Actor,
	versieParam: string | null
): Promise<ExportKeuze> {
	const ex = db();
	const versies = await versiesVan(ex, v.id);
	let nummer: number | null = null;
	if (versieParam !== null) {
		if (!/^[1-9][0-9]{0,5}$/.test(versieParam)) {
			return { ok: false, status: 400, fout: 'Onbekende versie van het verslag.' };
		}
		nummer = Number(versieParam);
		if (!versies.some((x) => x.nummer === nummer)) {
			return { ok: false, status: 404, fout: 'Deze versie van het verslag bestaat niet.' };
		}
	} else {
		const vast = versies.find((x) => x.soort === 'vastgesteld');
		if (vast) nummer = vast.nummer;
		else if (!(await isRedacteur(ex, tafel, v.id, actor))) {
			const laatste = versies.at(-1);
			if (!laatste) {
				return {
					ok: false,
					status: 404,
					fout: 'Er is nog geen concept van dit verslag gepubliceerd.'
				};
			}
			nummer = laatste.nummer;
		}
	}
	if (nummer === null) {
		const doc = await verslagDoc(ex, v.id);
		const inhoud = await stelInhoudSamen(ex, tafel.naam, v, doc);
		doc.destroy();
		return {
			ok: true,
			data: exportGegevens(inhoud, { status: 'concept', versie: 'werkversie', vastgesteld: null }),
			versie: null
		};
	}
	const versie = (await haalVersie(ex, v.id, nummer))!;
	let label: VersieLabel;
	if (versie.soort === 'vastgesteld') {
		const info = await vastgesteldInfo(ex, versies);
		label = {
			status: 'vastgesteld',
			versie: null,
			vastgesteld: {
				datum: dagVan(versie.at),
				door: info?.inVergadering
					? `${versie.doorLabel}, in de vergadering van ${datumKort(info.inVergadering.datum)}`
					: versie.doorLabel
			}
		};
	} else {
		label = { status: 'concept', versie: `concept ${versie.nummer}`, vastgesteld: null };
	}
	return {
		ok: true,
		data: exportGegevens(versie.inhoud, label),
		versie: { nummer: versie.nummer, soort: versie.soort }
	};
}
