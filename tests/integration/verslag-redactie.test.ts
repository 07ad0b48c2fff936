/**
 * The verslag as a collaborative document (issue 6 §4, §6) against a real database: who may open
 * and write `verslag:<vergaderingId>` (secretaris and chosen co-editors write, other viewers read,
 * outsiders and kiosks nothing), co-editors chosen by the secretaris only (audited, announced
 * live), writes refused once a co-editor is withdrawn or the verslag is vastgesteld, and an
 * afspraak marked in the text becoming an actiepunt of the meeting and agendapunt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Actor } from '../../src/lib/domain/autorisatie/rollen';
import { loadActor } from '../../src/lib/server/auth/actor';
import {
	actiepunten,
	auditLog,
	realtimeGebeurtenissen,
	verslagVersies,
	yjsUpdates
} from '../../src/lib/server/db/schema';
import { ontvangUpdate, openDocument, yjsRecht } from '../../src/lib/server/realtime/yjs';
import '../../src/lib/server/realtime/verslag-document';
import { getTafel, type TafelOverzicht } from '../../src/lib/server/services/regietafels';
import { haalAgenda, maakVergadering, type Wie } from '../../src/lib/server/services/vergaderingen';
import {
	legAfspraakVast,
	redacteurenVan,
	verslagRechtVan,
	verwijderRedacteur,
	voegRedacteurToe
} from '../../src/lib/server/services/verslag-redactie';
import { verslagDocument } from '../../src/lib/verslag/document';
import { auditActor, testDatabase, userByEmail, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;
let prt: TafelOverzicht;
let vergadering: number;
let agendapunt: number;
let doc: string;
const p: Record<string, Wie> = {};
const kiosk: Actor = { soort: 'kiosk', kioskId: 1, regietafelId: 1, provincieCode: 'PV28' };
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

async function wie(email: string): Promise<Wie> {
	const door = await auditActor(t.db, email);
	return { door, actor: (await loadActor(t.db, door.userId)) as Actor };
}

/** A small edit as a client would send it (base64 Yjs update). */
function bewerking(tekst: string): string {
	const d = new Y.Doc();
	const f = d.getXmlFragment('ap-1');
	const para = new Y.XmlElement('paragraph');
	para.insert(0, [new Y.XmlText(tekst)]);
	f.insert(0, [para]);
	return b64(Y.encodeStateAsUpdate(d));
}

const schrijf = (w: Wie, tekst: string) => ontvangUpdate(w.actor, w.door, doc, bewerking(tekst));

beforeAll(async () => {
	t = await testDatabase();
	prt = (await getTafel(t.seed!.prtId))!;
	for (const [k, email] of Object.entries({
		secretaris: 'secretaris@regietafel.test',
		voorzitter: 'voorzitter@regietafel.test',
		deelnemer: 'deelnemer@regietafel.test',
		toezicht: 'toezicht@regietafel.test',
		beheerder: 'beheerder@regietafel.test',
		ambtenaar: 'ambtenaar.denhaag@regietafel.test',
		secretarisHaaglanden: 'secretaris.haaglanden@regietafel.test'
	})) {
		p[k] = await wie(email);
	}
	const r = await maakVergadering(p.secretaris!, prt, {
		datum: '2026-10-08',
		begintijd: '09:30',
		eindtijd: '11:30',
		locatie: 'Provinciehuis',
		onlineLink: null
	});
	if (!r.ok) throw new Error(r.fout);
	vergadering = r.id;
	agendapunt = (await haalAgenda(t.db, vergadering))[3]!.id;
	doc = verslagDocument(vergadering);
});
afterAll(async () => {
	await t?.close();
});

describe('toegang tot het verslagdocument', () => {
	it('secretaris schrijft; voorzitter, deelnemer, toezichthouder, beheerder lezen; anderen niets', async () => {
		const rechten = Object.fromEntries(
			await Promise.all(
				Object.entries(p).map(async ([k, w]) => [k, await yjsRecht(w.actor, doc)] as const)
			)
		);
		expect(rechten).toEqual({
			secretaris: 'schrijven',
			voorzitter: 'lezen',
			deelnemer: 'lezen',
			toezicht: 'lezen',
			beheerder: 'lezen',
			ambtenaar: null,
			secretarisHaaglanden: null
		});
		expect(await yjsRecht(kiosk, doc)).toBeNull();
		expect(await yjsRecht({ soort: 'anoniem' }, doc)).toBeNull();
		expect(await yjsRecht(p.secretaris!.actor, 'verslag:999999')).toBeNull();
		expect(await yjsRecht(p.secretaris!.actor, 'verslag:abc')).toBeNull();
		// Opening as a reader works; the answer says 'lezen'.
		expect(await openDocument(p.deelnemer!.actor, doc, undefined)).toMatchObject({
			ok: true,
			recht: 'lezen'
		});
		expect(await openDocument(p.ambtenaar!.actor, doc, undefined)).toEqual({
			ok: false,
			fout: 'Geen toegang tot dit document.'
		});
	});

	it('alleen de secretaris kiest mederedacteuren, uit de leden van de tafel', async () => {
		expect(
			await voegRedacteurToe(p.voorzitter!, prt, vergadering, p.deelnemer!.door.userId!)
		).toMatchObject({ ok: false, code: 'GEEN_RECHT' });
		expect(
			await voegRedacteurToe(p.secretaris!, prt, vergadering, p.ambtenaar!.door.userId!)
		).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
		expect(await redacteurenVan(t.db, vergadering)).toEqual([]);
		expect(await schrijf(p.deelnemer!, 'Deelnemer probeert')).toEqual({
			ok: false,
			fout: 'U mag dit document alleen lezen.'
		});

		const r = await voegRedacteurToe(p.secretaris!, prt, vergadering, p.deelnemer!.door.userId!);
		expect(r).toEqual({ ok: true, naam: 'Daan Visser' });
		expect(
			await voegRedacteurToe(p.secretaris!, prt, vergadering, p.deelnemer!.door.userId!)
		).toMatchObject({ ok: false, code: 'STATUS' });
		expect(await redacteurenVan(t.db, vergadering)).toEqual([
			{ userId: p.deelnemer!.door.userId, naam: 'Daan Visser' }
		]);
		// Audited and announced in the table's room.
		const audit = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'verslag-redacteur'), eq(auditLog.action, 'toegevoegd')));
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actorUserId).toBe(p.secretaris!.door.userId);
		const events = await t.db
			.select()
			.from(realtimeGebeurtenissen)
			.where(eq(realtimeGebeurtenissen.type, 'verslag.gewijzigd'));
		expect(events.map((e) => [e.kamer, e.payload])).toEqual([
			[`regietafel:${prt.id}`, { vergaderingId: vergadering, wat: 'redacteuren' }]
		]);

		// The co-editor now writes, and the page's rights say so.
		expect(await yjsRecht(p.deelnemer!.actor, doc)).toBe('schrijven');
		expect(await verslagRechtVan(p.deelnemer!, vergadering)).toEqual({
			recht: 'schrijven',
			redacteur: true,
			vastgesteld: false
		});
		expect(await schrijf(p.deelnemer!, 'Daan Visser (BZK) geeft aan dat')).toMatchObject({
			ok: true
		});
		// Co-editorship is per meeting: not a writer of another meeting's verslag.
		const ander = await maakVergadering(p.secretaris!, prt, {
			datum: '2026-12-10',
			begintijd: '09:30',
			eindtijd: '11:30',
			locatie: 'Provinciehuis',
			onlineLink: null
		});
		if (!ander.ok) throw new Error(ander.fout);
		expect(await yjsRecht(p.deelnemer!.actor, verslagDocument(ander.id))).toBe('lezen');
	});

	it('een afspraak uit de tekst wordt een actiepunt van vergadering en agendapunt', async () => {
		const r = await legAfspraakVast(p.deelnemer!, prt, vergadering, {
			agendapuntId: agendapunt,
			omschrijving: 'Leads opvanglocaties delen met de regio’s',
			eigenaar: { userId: p.toezicht!.door.userId! },
			deadline: '2026-11-01'
		});
		if (!r.ok) throw new Error(r.fout);
		const [a] = await t.db.select().from(actiepunten).where(eq(actiepunten.id, r.id));
		expect(a).toMatchObject({
			vergaderingId: vergadering,
			agendapuntId: agendapunt,
			regietafelId: prt.id,
			omschrijving: 'Leads opvanglocaties delen met de regio’s',
			eigenaarNaam: 'Tessa de Vries',
			deadline: '2026-11-01',
			status: 'open'
		});
		// A reader may not; an agendapunt of another meeting is not found.
		expect(
			await legAfspraakVast(p.voorzitter!, prt, vergadering, {
				agendapuntId: agendapunt,
				omschrijving: 'x',
				eigenaar: { naam: 'X', organisatie: '' },
				deadline: null
			})
		).toMatchObject({ ok: false, code: 'GEEN_RECHT' });
		expect(
			await legAfspraakVast(p.secretaris!, prt, vergadering + 1, {
				agendapuntId: agendapunt,
				omschrijving: 'x',
				eigenaar: { naam: 'X', organisatie: '' },
				deadline: null
			})
		).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
	});

	it('een ingetrokken mederedacteur kan niet meer schrijven', async () => {
		expect(
			await verwijderRedacteur(p.voorzitter!, prt, vergadering, p.deelnemer!.door.userId!)
		).toMatchObject({ ok: false, code: 'GEEN_RECHT' });
		expect(
			await verwijderRedacteur(p.secretaris!, prt, vergadering, p.deelnemer!.door.userId!)
		).toEqual({ ok: true });
		expect(await yjsRecht(p.deelnemer!.actor, doc)).toBe('lezen');
		expect(await schrijf(p.deelnemer!, 'Na intrekken')).toEqual({
			ok: false,
			fout: 'U mag dit document alleen lezen.'
		});
		expect(
			await verwijderRedacteur(p.secretaris!, prt, vergadering, p.deelnemer!.door.userId!)
		).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
	});

	it('een vastgesteld verslag is voor iedereen alleen nog te lezen', async () => {
		await voegRedacteurToe(p.secretaris!, prt, vergadering, p.voorzitter!.door.userId!);
		expect(await yjsRecht(p.voorzitter!.actor, doc)).toBe('schrijven');
		const u = await userByEmail(t.db, 'secretaris@regietafel.test');
		await t.db.insert(verslagVersies).values({
			vergaderingId: vergadering,
			nummer: 1,
			soort: 'vastgesteld',
			inhoud: {},
			yjsStaat: new Uint8Array([0, 0]),
			door: u.id,
			doorLabel: u.naam
		});
		expect(await yjsRecht(p.secretaris!.actor, doc)).toBe('lezen');
		expect(await yjsRecht(p.voorzitter!.actor, doc)).toBe('lezen');
		const voor = (await t.db.select().from(yjsUpdates).where(eq(yjsUpdates.document, doc))).length;
		expect(await schrijf(p.secretaris!, 'Na vaststelling')).toMatchObject({ ok: false });
		expect((await t.db.select().from(yjsUpdates).where(eq(yjsUpdates.document, doc))).length).toBe(
			voor
		);
		expect(
			await voegRedacteurToe(p.secretaris!, prt, vergadering, p.deelnemer!.door.userId!)
		).toMatchObject({ ok: false, code: 'STATUS' });
		expect(
			await legAfspraakVast(p.secretaris!, prt, vergadering, {
				agendapuntId: agendapunt,
				omschrijving: 'Te laat',
				eigenaar: { naam: 'X', organisatie: '' },
				deadline: null
			})
		).toMatchObject({ ok: false, code: 'STATUS' });
		expect(await verslagRechtVan(p.secretaris!, vergadering)).toMatchObject({
			recht: 'lezen',
			vastgesteld: true
		});
	});
});
