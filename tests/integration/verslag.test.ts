/**
 * The life of a verslag (issue 6 §4–5) against a real database: concepts published as
 * snapshots, comments per agendapunt and their processing, frozen figures, and the vaststelling
 * at the next meeting's vaststelling item, after which nothing changes any more. PRT = table 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type { Actor } from '../../src/lib/domain/autorisatie/rollen';
import { loadActor } from '../../src/lib/server/auth/actor';
import {
	auditLog,
	realtimeGebeurtenissen,
	verslagCijfers,
	verslagOpmerkingen,
	verslagVersies
} from '../../src/lib/server/db/schema';
import { maakActiepunt } from '../../src/lib/server/services/actiepunten';
import {
	getTafel,
	tafelKamer,
	type TafelOverzicht
} from '../../src/lib/server/services/regietafels';
import { tafelStand } from '../../src/lib/server/services/tafelstand';
import {
	haalAgenda,
	haalVergadering,
	listVergaderingen,
	maakVergadering,
	registreerAanwezigheid,
	wijzigVergaderingStatus,
	type Wie
} from '../../src/lib/server/services/vergaderingen';
import {
	haalVersie,
	isVastgesteld,
	legCijfersVast,
	opmerkingenVan,
	plaatsOpmerking,
	publiceerConcept,
	stelVerslagVast,
	vaststellingVoor,
	verslagInhoud,
	verslagLevenscyclus,
	verwerkOpmerking
} from '../../src/lib/server/services/verslag';
import { schrijfVerslagTekst } from '../../src/lib/server/seed/demo-verslag';
import type { PmNode } from '../../src/lib/verslag/blokken';
import { fragmentNaam } from '../../src/lib/verslag/document';
import {
	auditActor,
	queryRows,
	testDatabase,
	userByEmail,
	type TestDatabase
} from '../helpers/demo';

let t: TestDatabase;
let prt: TafelOverzicht;
let secretaris: Wie;
let voorzitter: Wie;
let deelnemer: Wie;
let buitenstaander: Wie;
/** Meetings A (earlier) and B (the next one, which vaststelt A's verslag), with agenda ids. */
let A: number;
let B: number;
let agendaA: Awaited<ReturnType<typeof haalAgenda>>;
let agendaB: Awaited<ReturnType<typeof haalAgenda>>;
const punt = (agenda: typeof agendaA, type: string) => agenda.find((p) => p.type === type)!.id;

async function wie(email: string): Promise<Wie> {
	const door = await auditActor(t.db, email);
	return { door, actor: (await loadActor(t.db, door.userId)) as Actor };
}

const PM = (tekst: string): PmNode => ({
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text: tekst }] }]
});

async function gebeurtenissen() {
	return t.db
		.select({ type: realtimeGebeurtenissen.type, payload: realtimeGebeurtenissen.payload })
		.from(realtimeGebeurtenissen)
		.where(
			and(
				eq(realtimeGebeurtenissen.kamer, tafelKamer(1)),
				eq(realtimeGebeurtenissen.type, 'verslag.gewijzigd')
			)
		)
		.orderBy(asc(realtimeGebeurtenissen.seq));
}

beforeAll(async () => {
	t = await testDatabase();
	prt = (await getTafel(1))!;
	secretaris = await wie('secretaris@regietafel.test');
	voorzitter = await wie('voorzitter@regietafel.test');
	deelnemer = await wie('deelnemer@regietafel.test');
	buitenstaander = await wie('secretaris.haaglanden@regietafel.test');
	const plan = async (datum: string) => {
		const r = await maakVergadering(secretaris, prt, {
			datum,
			begintijd: '09:30',
			eindtijd: '11:30',
			locatie: 'Provinciehuis, Den Haag',
			onlineLink: null
		});
		if (!r.ok) throw new Error(r.fout);
		return r.id;
	};
	A = await plan('2026-09-10');
	B = await plan('2026-12-03');
	agendaA = await haalAgenda(t.db, A);
	agendaB = await haalAgenda(t.db, B);
});

describe('the list of meetings', () => {
	it('counts the agendapunten of each meeting (the subquery refers to the outer meeting)', async () => {
		const lijst = await listVergaderingen(1);
		expect(lijst.find((v) => v.id === A)?.agendapunten).toBe(agendaA.length);
		expect(agendaA.length).toBeGreaterThan(3);
	});
});
afterAll(async () => {
	await t?.close();
});

describe('concept publication', () => {
	it('refuses an empty verslag, and anyone but the secretaris', async () => {
		expect(await publiceerConcept(secretaris, prt, A, 0)).toMatchObject({
			ok: false,
			code: 'LEEG',
			fout: 'Het verslag is nog leeg.'
		});
		await schrijfVerslagTekst(t.db, A, punt(agendaA, 'opening'), PM('De voorzitter opent.'), null);
		for (const w of [voorzitter, deelnemer, buitenstaander]) {
			expect(await publiceerConcept(w, prt, A, 0)).toMatchObject({ ok: false, code: 'GEEN_RECHT' });
		}
		expect(await t.db.select().from(verslagVersies)).toHaveLength(0);
	});

	it('publishes concept 1: a snapshot with text, attendance, afspraken and the Yjs state', async () => {
		const daan = await userByEmail(t.db, 'deelnemer@regietafel.test');
		const r1 = await registreerAanwezigheid(secretaris, prt, A, {
			userId: daan.id,
			status: 'vervangen',
			vervanger: {
				naam: 'Eva Jansen',
				functie: 'Adviseur',
				organisatie: 'Ministerie van BZK',
				aanhef: 'mevrouw'
			}
		});
		expect(r1.ok).toBe(true);
		const afspraak = await maakActiepunt(secretaris, {
			tafel: prt,
			vergaderingId: A,
			agendapuntId: punt(agendaA, 'stand-van-zaken'),
			omschrijving: 'De toezichthouder stuurt het overzicht per regio rond.',
			eigenaar: { naam: 'Tessa de Vries', organisatie: 'Provincie Zuid-Holland' },
			deadline: '2026-10-01'
		});
		expect(afspraak.ok).toBe(true);
		const r = await publiceerConcept(secretaris, prt, A, 0);
		expect(r).toEqual({ ok: true, nummer: 1 });
		const v = (await haalVersie(t.db, A, 1))!;
		expect(v.soort).toBe('concept');
		expect(v.doorLabel).toBe('Sanne Bakker');
		const opening = v.inhoud.agendapunten.find((a) => a.type === 'opening')!;
		expect(JSON.stringify(opening.pm)).toContain('De voorzitter opent.');
		expect(v.inhoud.aanwezigheid.vervangers).toEqual([
			expect.objectContaining({ naam: 'Eva Jansen', voor: 'Daan Visser' })
		]);
		const svz = v.inhoud.agendapunten.find((a) => a.type === 'stand-van-zaken')!;
		expect(svz.afspraken[0]).toContain('De toezichthouder stuurt het overzicht per regio rond.');
		expect(v.inhoud.actiepunten.map((a) => a.omschrijving)).toContain(
			'De toezichthouder stuurt het overzicht per regio rond.'
		);
		// The Yjs state of the moment: the same text when read back.
		const doc = new Y.Doc();
		Y.applyUpdate(doc, v.yjsStaat);
		expect(
			JSON.stringify(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(fragmentNaam(opening.id))))
		).toContain('De voorzitter opent.');
		// Audited, and the members hear of it live.
		const [audit] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'verslag'), eq(auditLog.action, 'concept-gepubliceerd')));
		expect(audit).toMatchObject({ entityId: String(A), actorLabel: 'Sanne Bakker' });
		expect((await gebeurtenissen()).at(-1)).toEqual({
			type: 'verslag.gewijzigd',
			payload: { vergaderingId: A, wat: 'concept', nummer: 1 }
		});
	});

	it('refuses a concept when nothing changed, or from a page that missed a newer concept', async () => {
		expect(await publiceerConcept(secretaris, prt, A, 1)).toMatchObject({
			ok: false,
			code: 'ONGEWIJZIGD'
		});
		const kop = (
			await verslagLevenscyclus(prt, (await haalVergadering(t.db, 1, A))!, secretaris.actor)
		).kop;
		expect(kop.publiceren).toEqual({ reden: 'Er is niets gewijzigd sinds het laatste concept.' });
		expect(kop.laatsteNummer).toBe(1);
		await schrijfVerslagTekst(t.db, A, punt(agendaA, 'rondvraag'), PM('Geen vragen.'), null);
		expect(await publiceerConcept(secretaris, prt, A, 0)).toMatchObject({
			ok: false,
			code: 'VEROUDERD'
		});
		expect(await verslagInhoud(t.db, A)).toContainEqual({
			agendapuntId: punt(agendaA, 'rondvraag'),
			titel: 'Rondvraag',
			pm: PM('Geen vragen.')
		});
		// A member sees no publish button at all.
		const voorDeelnemer = await verslagLevenscyclus(
			prt,
			(await haalVergadering(t.db, 1, A))!,
			deelnemer.actor
		);
		expect(voorDeelnemer.kop.publiceren).toBeNull();
	});
});

describe('comments', () => {
	let opmerkingId: number;

	it('a member comments on the latest concept per agendapunt; others may not', async () => {
		const r = await plaatsOpmerking(deelnemer, prt, A, {
			nummer: 1,
			agendapuntId: punt(agendaA, 'opening'),
			tekst: 'Graag mijn vervanger bij naam noemen.'
		});
		expect(r.ok).toBe(true);
		opmerkingId = (r as { id: number }).id;
		expect(
			await plaatsOpmerking(buitenstaander, prt, A, { nummer: 1, agendapuntId: null, tekst: 'x' })
		).toMatchObject({ ok: false, code: 'GEEN_RECHT' });
		expect(
			await plaatsOpmerking(deelnemer, prt, A, { nummer: 9, agendapuntId: null, tekst: 'x' })
		).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
		expect(
			await plaatsOpmerking(deelnemer, prt, A, {
				nummer: 1,
				agendapuntId: punt(agendaB, 'opening'),
				tekst: 'x'
			})
		).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
		const lijst = await opmerkingenVan(t.db, A);
		expect(lijst).toEqual([
			expect.objectContaining({
				id: opmerkingId,
				nummer: 1,
				agendapuntId: punt(agendaA, 'opening'),
				doorLabel: 'Daan Visser',
				status: 'open'
			})
		]);
		expect((await gebeurtenissen()).at(-1)?.payload).toEqual({
			vergaderingId: A,
			wat: 'opmerking',
			nummer: 1
		});
		const kop = (
			await verslagLevenscyclus(prt, (await haalVergadering(t.db, 1, A))!, deelnemer.actor)
		).kop;
		expect(kop.openOpmerkingen).toBe(1);
		expect(kop.versies[0]).toMatchObject({ nummer: 1, opmerkingen: 1, open: 1 });
	});

	it('the secretaris processes it; a page showing the old status cannot process it again', async () => {
		expect(
			await verwerkOpmerking(deelnemer, prt, A, {
				opmerkingId,
				status: 'verwerkt',
				gezien: 'open',
				reactie: null
			})
		).toMatchObject({ ok: false, code: 'GEEN_RECHT' });
		expect(
			await verwerkOpmerking(secretaris, prt, A, {
				opmerkingId,
				status: 'verwerkt',
				gezien: 'open',
				reactie: 'Aangepast in concept 2.'
			})
		).toEqual({ ok: true });
		expect(
			await verwerkOpmerking(secretaris, prt, A, {
				opmerkingId,
				status: 'niet-overgenomen',
				gezien: 'open',
				reactie: null
			})
		).toMatchObject({ ok: false, code: 'VEROUDERD' });
		const [o] = await opmerkingenVan(t.db, A);
		expect(o).toMatchObject({
			status: 'verwerkt',
			reactie: 'Aangepast in concept 2.',
			verwerktDoorLabel: 'Sanne Bakker'
		});
		expect((await gebeurtenissen()).at(-1)?.payload).toEqual({
			vergaderingId: A,
			wat: 'opmerking-verwerkt'
		});
	});

	it('after a new concept, comments go to the new one only', async () => {
		expect(await publiceerConcept(secretaris, prt, A, 1)).toEqual({ ok: true, nummer: 2 });
		expect(
			await plaatsOpmerking(deelnemer, prt, A, { nummer: 1, agendapuntId: null, tekst: 'Laat' })
		).toMatchObject({ ok: false, code: 'VEROUDERD', fout: expect.stringContaining('concept 2') });
		expect(
			(
				await plaatsOpmerking(voorzitter, prt, A, {
					nummer: 2,
					agendapuntId: null,
					tekst: 'Akkoord.'
				})
			).ok
		).toBe(true);
	});
});

describe('frozen figures', () => {
	it('freezes the PRT’s stand van zaken per regio at a stand-van-zaken agendapunt only', async () => {
		const svz = punt(agendaA, 'stand-van-zaken');
		expect(await legCijfersVast(deelnemer, prt, A, svz)).toMatchObject({ code: 'GEEN_RECHT' });
		expect(await legCijfersVast(secretaris, prt, A, punt(agendaA, 'rondvraag'))).toMatchObject({
			ok: false,
			code: 'STATUS'
		});
		expect(await legCijfersVast(secretaris, prt, A, svz)).toEqual({
			ok: true,
			halfjaar: '2026-II'
		});
		const stand = await tafelStand(prt, '2026-II');
		const [rij] = await t.db
			.select()
			.from(verslagCijfers)
			.where(eq(verslagCijfers.agendapuntId, svz));
		const inhoud = rij!.inhoud as { eenheid: string; rijen: { naam: string }[]; totaal: object };
		expect(inhoud.eenheid).toBe('regio');
		expect(inhoud.rijen.map((r) => r.naam)).toEqual(stand.regios.map((r) => r.regio));
		expect(inhoud.rijen).toHaveLength(4);
		expect(inhoud.totaal).toMatchObject({ gehuisvest: stand.totaal.gehuisvest });
		const eerst = rij!.at;
		// Freezing again replaces (one row), audited as such.
		expect((await legCijfersVast(secretaris, prt, A, svz)).ok).toBe(true);
		const rijen = await t.db
			.select()
			.from(verslagCijfers)
			.where(eq(verslagCijfers.agendapuntId, svz));
		expect(rijen).toHaveLength(1);
		expect(rijen[0]!.at.getTime()).toBeGreaterThanOrEqual(eerst.getTime());
		const acties = (await t.db.select().from(auditLog).where(eq(auditLog.entity, 'verslag'))).map(
			(a) => a.action
		);
		expect(acties).toContain('cijfers-vastgelegd');
		expect(acties).toContain('cijfers-vervangen');
		// The header of the verslag page shows them; a changed verslag may be published again.
		const l = await verslagLevenscyclus(
			prt,
			(await haalVergadering(t.db, 1, A))!,
			secretaris.actor
		);
		expect(l.cijfers).toEqual([
			expect.objectContaining({ agendapuntId: svz, magVastleggen: true, halfjaar: '2026-II' })
		]);
		expect(l.cijfers[0]!.cijfers?.door).toBe('Sanne Bakker');
		expect(l.kop.publiceren).toEqual({ reden: null });
		expect(await publiceerConcept(secretaris, prt, A, 2)).toEqual({ ok: true, nummer: 3 });
		const v3 = (await haalVersie(t.db, A, 3))!;
		expect(v3.inhoud.agendapunten.find((a) => a.id === svz)!.cijfers?.rijen).toHaveLength(4);
	});
});

describe('vaststelling', () => {
	const invoer = () => ({
		vergaderingId: B,
		agendapuntId: punt(agendaB, 'vaststelling-verslag'),
		doelId: A
	});

	it('is refused while the next meeting is not bezig, at another agendapunt, or by a member', async () => {
		expect(await stelVerslagVast(secretaris, prt, invoer())).toMatchObject({
			ok: false,
			code: 'STATUS',
			fout: expect.stringContaining('start eerst de vergadering')
		});
		expect((await wijzigVergaderingStatus(voorzitter, prt, B, 'starten')).ok).toBe(true);
		expect(
			await stelVerslagVast(secretaris, prt, {
				...invoer(),
				agendapuntId: punt(agendaB, 'rondvraag')
			})
		).toMatchObject({ ok: false, code: 'STATUS' });
		expect(await stelVerslagVast(deelnemer, prt, invoer())).toMatchObject({ code: 'GEEN_RECHT' });
		expect(await isVastgesteld(t.db, A)).toBe(false);
	});

	it('is refused at the same meeting, or at an earlier one', async () => {
		// A cannot vaststellen its own verslag (nor B's, which has no concept): nothing earlier.
		expect((await wijzigVergaderingStatus(voorzitter, prt, B, 'afronden')).ok).toBe(true);
		expect((await wijzigVergaderingStatus(voorzitter, prt, A, 'starten')).ok).toBe(true);
		expect(
			await stelVerslagVast(secretaris, prt, {
				vergaderingId: A,
				agendapuntId: punt(agendaA, 'vaststelling-verslag'),
				doelId: A
			})
		).toMatchObject({ ok: false, code: 'GEEN_CONCEPT' });
		expect((await wijzigVergaderingStatus(voorzitter, prt, A, 'afronden')).ok).toBe(true);
		// B is afgerond now: too late there.
		expect(await stelVerslagVast(secretaris, prt, invoer())).toMatchObject({
			ok: false,
			code: 'STATUS',
			fout: expect.stringContaining('afgerond')
		});
	});

	it('at the next meeting, while bezig: the vastgesteld version locks the verslag', async () => {
		// A third meeting C after B: its vaststelling item vaststelt A's verslag (B has no concept).
		const r = await maakVergadering(secretaris, prt, {
			datum: '2027-02-04',
			begintijd: '09:30',
			eindtijd: '11:30',
			locatie: 'Provinciehuis, Den Haag',
			onlineLink: null
		});
		const C = (r as { id: number }).id;
		const agendaC = await haalAgenda(t.db, C);
		expect((await wijzigVergaderingStatus(voorzitter, prt, C, 'starten')).ok).toBe(true);
		const m = (await haalVergadering(t.db, 1, C))!;
		const info = await vaststellingVoor(prt, m, voorzitter.actor);
		expect(info).toMatchObject({ mag: true, reden: null, vastgesteldHier: null });
		expect(info.doel).toMatchObject({ id: A, laatsteConcept: 3, openOpmerkingen: 1 });
		expect((await vaststellingVoor(prt, m, deelnemer.actor)).mag).toBe(false);

		await schrijfVerslagTekst(
			t.db,
			A,
			punt(agendaA, 'sluiting'),
			PM('Sluiting om 11.30 uur.'),
			null
		);
		const vast = {
			vergaderingId: C,
			agendapuntId: punt(agendaC, 'vaststelling-verslag'),
			doelId: A
		};
		expect(await stelVerslagVast(voorzitter, prt, { ...vast, doelId: B })).toMatchObject({
			ok: false,
			code: 'VEROUDERD'
		});
		expect(await stelVerslagVast(voorzitter, prt, vast)).toEqual({
			ok: true,
			nummer: 4,
			vergaderingId: A
		});
		const v4 = (await haalVersie(t.db, A, 4))!;
		expect(v4).toMatchObject({
			soort: 'vastgesteld',
			vastgesteldIn: C,
			doorLabel: 'Victor van Dam'
		});
		// A snapshot of the latest state, including what was written after concept 3.
		expect(JSON.stringify(v4.inhoud)).toContain('Sluiting om 11.30 uur.');
		expect(await isVastgesteld(t.db, A)).toBe(true);
		expect((await gebeurtenissen()).at(-1)?.payload).toEqual({
			vergaderingId: A,
			wat: 'vastgesteld',
			nummer: 4
		});
		const hier = await vaststellingVoor(
			prt,
			(await haalVergadering(t.db, 1, C))!,
			voorzitter.actor
		);
		expect(hier.doel).toBeNull();
		expect(hier.vastgesteldHier).toMatchObject({ vergaderingId: A, door: 'Victor van Dam' });
		const kop = (
			await verslagLevenscyclus(prt, (await haalVergadering(t.db, 1, A))!, secretaris.actor)
		).kop;
		expect(kop.vastgesteld).toMatchObject({
			nummer: 4,
			door: 'Victor van Dam',
			inVergadering: { id: C }
		});
		expect(kop.publiceren?.reden).toMatch(/vastgesteld/);

		// Twice: refused.
		expect(await stelVerslagVast(secretaris, prt, vast)).toMatchObject({
			ok: false,
			code: 'VASTGESTELD'
		});
	});

	it('after the vaststelling nothing is written any more', async () => {
		const voor = {
			versies: (await t.db.select().from(verslagVersies)).length,
			opmerkingen: (await t.db.select().from(verslagOpmerkingen)).length
		};
		await schrijfVerslagTekst(t.db, A, punt(agendaA, 'rondvraag'), PM('Te laat.'), null);
		expect(await publiceerConcept(secretaris, prt, A, 4)).toMatchObject({ code: 'VASTGESTELD' });
		expect(
			await plaatsOpmerking(deelnemer, prt, A, { nummer: 4, agendapuntId: null, tekst: 'Nog iets' })
		).toMatchObject({ code: 'VASTGESTELD' });
		expect(
			await plaatsOpmerking(deelnemer, prt, A, { nummer: 3, agendapuntId: null, tekst: 'Nog iets' })
		).toMatchObject({ code: 'VASTGESTELD' });
		const open = (await opmerkingenVan(t.db, A)).find((o) => o.status === 'open')!;
		expect(
			await verwerkOpmerking(secretaris, prt, A, {
				opmerkingId: open.id,
				status: 'verwerkt',
				gezien: 'open',
				reactie: null
			})
		).toMatchObject({ code: 'VASTGESTELD' });
		expect(
			await legCijfersVast(secretaris, prt, A, punt(agendaA, 'stand-van-zaken'))
		).toMatchObject({ code: 'VASTGESTELD' });
		expect((await t.db.select().from(verslagVersies)).length).toBe(voor.versies);
		expect((await t.db.select().from(verslagOpmerkingen)).length).toBe(voor.opmerkingen);
		// The versions themselves are append-only in the database.
		const fout = await t.db
			.execute(sql`update verslag_versies set door_label = 'iemand' where vergadering_id = ${A}`)
			.then(
				() => null,
				(e: unknown) => e as Error & { cause?: Error }
			);
		expect(fout?.cause?.message ?? fout?.message).toMatch(/never updated/);
		const rijen = await queryRows<{ door_label: string }>(
			t.db,
			sql`select door_label from verslag_versies where vergadering_id = ${A} and nummer = 4`
		);
		expect(rijen[0]!.door_label).toBe('Victor van Dam');
	});
});
