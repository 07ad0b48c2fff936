import { asc, count, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import type { PmNode } from '$lib/verslag/blokken';
import { fragmentNaam, verslagDocument } from '$lib/verslag/document';
import { cijfersUitStand } from '$lib/verslag/inhoud';
import { verslagSchema } from '$lib/verslag/schema';
import type { Executor } from '../db';
import { db } from '../db';
import {
	agendapunten,
	users,
	verslagCijfers,
	verslagOpmerkingen,
	verslagVersies,
	vergaderingen
} from '../db/schema';
import { mutate, SYSTEEM } from '../mutatie';
import { bewaarUpdate, documentVan } from '../realtime/yjs';
import { getTafel } from '../services/regietafels';
import { tafelStand } from '../services/tafelstand';
import { cijferHalfjaar, stelInhoudSamen } from '../services/verslag';

/**
 * Sets the text of one agendapunt in a meeting's verslag document (stored as one Yjs update, the
 * way an editor's changes arrive). For demo data and tests; the editor writes through the socket.
 */
export async function schrijfVerslagTekst(
	ex: Executor,
	vergaderingId: number,
	agendapuntId: number,
	pm: PmNode,
	door: number | null
): Promise<void> {
	const naam = verslagDocument(vergaderingId);
	const doc = await documentVan(ex, naam);
	const voor = Y.encodeStateVector(doc);
	prosemirrorJSONToYXmlFragment(verslagSchema, pm, doc.getXmlFragment(fragmentNaam(agendapuntId)));
	await bewaarUpdate(ex, naam, Y.encodeStateAsUpdate(doc, voor), door);
	doc.destroy();
}

type Deel = string | { vet: string };
const alinea = (...delen: Deel[]): PmNode => ({
	type: 'paragraph',
	content: delen.map((d) =>
		typeof d === 'string'
			? { type: 'text', text: d }
			: { type: 'text', text: d.vet, marks: [{ type: 'strong' }] }
	)
});
const opsomming = (...items: string[]): PmNode => ({
	type: 'bullet_list',
	content: items.map((i) => ({ type: 'list_item', content: [alinea(i)] }))
});
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content });

/** SYNTHETIC minutes text per agendapunt type of the demo PRT meeting (names are the demo's). */
const TEKST: Record<string, PmNode> = {
	opening: doc(
		alinea(
			'De voorzitter opent de vergadering en heet iedereen welkom, in het bijzonder Mila Kok van VluchtelingenWerk. (Demotekst: verzonnen.)'
		),
		alinea('Bart Jansen heeft zich afgemeld. Daan Visser wordt vervangen door Eva Jansen (BZK).')
	),
	'vaststelling-verslag': doc(
		alinea('Het verslag van de vorige vergadering wordt ongewijzigd vastgesteld.')
	),
	actiepunten: doc(alinea('Er stonden geen open actiepunten van eerdere vergaderingen.')),
	bespreking: doc(
		alinea(
			{ vet: 'Mevrouw Bakker' },
			' geeft aan dat de regio’s vooral worstelen met de doorstroming uit de opvang.'
		),
		opsomming(
			'Haaglanden: tekort aan kleine sociale huurwoningen.',
			'Hollands Midden: flexwoningen in voorbereiding, oplevering in het voorjaar.',
			'Rotterdam-Rijnmond en Zuid-Holland-Zuid: op schema.'
		)
	),
	'stand-van-zaken': doc(
		alinea(
			{ vet: 'De toezichthouder' },
			' licht de stand van zaken per regio toe aan de hand van de cijfers hieronder. Enkele gemeenten staan op trede 2 van de interventieladder.'
		),
		alinea('De vergadering vraagt per regio een overzicht van de gemeenten op trede 2 en hoger.')
	),
	'bespreking-coa': doc(
		alinea(
			{ vet: 'De heer Smit' },
			' (COA) meldt dat er drie nieuwe leads voor opvanglocaties zijn; het overzicht volgt.'
		)
	),
	rondvraag: doc(alinea('Er zijn geen vragen voor de rondvraag.')),
	sluiting: doc(alinea('De voorzitter dankt de aanwezigen en sluit de vergadering om 11.25 uur.'))
};

/**
 * The demo verslag of the PRT's past meeting: text per agendapunt, the frozen figures at the
 * stand-van-zaken item (when figures are loaded), concept 1 published to the members and one
 * comment of a member on it. SYNTHETIC, like the meeting itself. Does nothing when the meeting
 * already has a published version (idempotent).
 */
export async function laadDemoVerslag(tafelId: number, vergaderingId: number): Promise<boolean> {
	const [al] = await db()
		.select({ n: count() })
		.from(verslagVersies)
		.where(eq(verslagVersies.vergaderingId, vergaderingId));
	if (Number(al?.n ?? 0) > 0) return false;
	const tafel = await getTafel(tafelId);
	const [v] = await db().select().from(vergaderingen).where(eq(vergaderingen.id, vergaderingId));
	if (!tafel || !v) return false;
	const halfjaar = cijferHalfjaar(v);
	// Read outside the transaction (the overview reads through its own connection).
	const stand = await tafelStand(tafel, halfjaar);
	const cijfers = cijfersUitStand(stand, halfjaar, tafel.soort === 'prt' ? 'regio' : 'gemeente');
	await mutate(SYSTEEM, async (ctx) => {
		const mensen = await ctx.tx
			.select({ id: users.id, email: users.email, naam: users.naam })
			.from(users)
			.where(inArray(users.email, ['secretaris@regietafel.test', 'deelnemer@regietafel.test']));
		const secretaris = mensen.find((m) => m.email === 'secretaris@regietafel.test')!;
		const deelnemer = mensen.find((m) => m.email === 'deelnemer@regietafel.test')!;
		const punten = await ctx.tx
			.select({ id: agendapunten.id, type: agendapunten.type, titel: agendapunten.titel })
			.from(agendapunten)
			.where(eq(agendapunten.vergaderingId, v.id))
			.orderBy(asc(agendapunten.volgorde));
		for (const p of punten) {
			const tekst =
				TEKST[p.type === 'bespreking' && p.titel.includes('COA') ? 'bespreking-coa' : p.type];
			if (tekst) await schrijfVerslagTekst(ctx.tx, v.id, p.id, tekst, secretaris.id);
		}
		const svz = punten.find((p) => p.type === 'stand-van-zaken');
		if (svz && cijfers.rijen.some((r) => r.taakstelling !== null)) {
			await ctx.tx.insert(verslagCijfers).values({
				agendapuntId: svz.id,
				vergaderingId: v.id,
				halfjaar,
				inhoud: cijfers,
				door: secretaris.id,
				doorLabel: secretaris.naam,
				at: new Date(`${v.datum}T09:45:00Z`)
			});
		}
		const ydoc = await documentVan(ctx.tx, verslagDocument(v.id));
		const inhoud = await stelInhoudSamen(ctx.tx, tafel.naam, v, ydoc);
		const [versie] = await ctx.tx
			.insert(verslagVersies)
			.values({
				vergaderingId: v.id,
				nummer: 1,
				soort: 'concept',
				inhoud,
				yjsStaat: Y.encodeStateAsUpdate(ydoc),
				door: secretaris.id,
				doorLabel: secretaris.naam
			})
			.returning({ id: verslagVersies.id });
		ydoc.destroy();
		await ctx.tx.insert(verslagOpmerkingen).values({
			versieId: versie!.id,
			vergaderingId: v.id,
			agendapuntId: svz?.id ?? null,
			tekst:
				'Graag toevoegen dat BZK de regio’s helpt bij het benutten van de rijksregelingen voor flexwonen. (Demo-opmerking.)',
			door: deelnemer.id,
			doorLabel: deelnemer.naam
		});
		await ctx.audit({
			entity: 'demo-data',
			entityId: 'zuid-holland-verslag',
			action: 'geladen',
			after: { synthetisch: true, vergaderingId: v.id, concept: 1, opmerkingen: 1 }
		});
	});
	return true;
}
