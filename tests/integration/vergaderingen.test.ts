/**
 * Meetings of a regietafel (issue 6 §1–3): planning from the template, the agenda with optimistic
 * locking and permutation-only reorders, stukken, attendance, running the meeting on the shared
 * screen, the calendar export, and who may do what. PRT = table 1 of the demo data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Actor } from '../../src/lib/domain/autorisatie/rollen';
import { presentielijst } from '../../src/lib/domain/vergadering/presentie';
import { loadActor } from '../../src/lib/server/auth/actor';
import { bestandResponse, controleerInhoud, leesBestand } from '../../src/lib/server/bestanden';
import {
	agendapunten,
	auditLog,
	bestanden,
	realtimeGebeurtenissen,
	regietafelLeden,
	vergaderingen
} from '../../src/lib/server/db/schema';
import type { AuditActor } from '../../src/lib/server/mutatie';
import { currentSeq } from '../../src/lib/server/realtime/publish';
import { getTafel, type TafelOverzicht } from '../../src/lib/server/services/regietafels';
import { icsVanTafel } from '../../src/lib/server/services/vergadering-ics';
import { schermGegevens } from '../../src/lib/server/services/gedeeld-scherm';
import {
	BIJLAGE_SOORTEN,
	bijlageBestandId,
	haalAgenda,
	haalGasten,
	haalGenodigden,
	haalVergadering,
	herordenAgenda,
	maakVergadering,
	nietUitgenodigd,
	nodigNieuweLedenUit,
	registreerAanwezigheid,
	verwijderAgendapunt,
	verwijderBijlage,
	verwijderGast,
	voegAgendapuntToe,
	voegBijlageToe,
	voegGastToe,
	wijzigAgendapunt,
	wijzigVergadering,
	wijzigVergaderingStatus,
	zetHuidigAgendapunt,
	type Wie
} from '../../src/lib/server/services/vergaderingen';
import {
	auditActor,
	rowCount,
	testDatabase,
	userByEmail,
	type TestDatabase
} from '../helpers/demo';

let t: TestDatabase;
let prt: TafelOverzicht;
let haaglanden: TafelOverzicht;
let secretaris: Wie;
let voorzitter: Wie;
let deelnemer: Wie;
let toezicht: Wie;
let secretarisHaaglanden: Wie;
const kiosk: Wie = {
	actor: { soort: 'kiosk', kioskId: 1, regietafelId: 1, provincieCode: 'PV28' },
	door: { userId: null, label: 'kiosk' }
};

async function wie(email: string): Promise<Wie> {
	const door: AuditActor & { userId: number } = await auditActor(t.db, email);
	return { door, actor: (await loadActor(t.db, door.userId)) as Actor };
}

const VERGADERING = {
	datum: '2026-12-03',
	begintijd: '09:30',
	eindtijd: '11:30',
	locatie: 'Provinciehuis, Den Haag',
	onlineLink: null
};

async function plan(over: Partial<typeof VERGADERING> = {}, door = secretaris) {
	const r = await maakVergadering(door, prt, { ...VERGADERING, ...over });
	if (!r.ok) throw new Error(r.fout);
	return r.id;
}

async function versie(id: number) {
	return (await haalVergadering(t.db, prt.id, id))!.versie;
}

async function titels(id: number) {
	return (await haalAgenda(t.db, id)).map((p) => p.titel);
}

async function gebeurtenissenNa(seq: number, kamer = 'regietafel:1') {
	return t.db
		.select({ type: realtimeGebeurtenissen.type, payload: realtimeGebeurtenissen.payload })
		.from(realtimeGebeurtenissen)
		.where(and(eq(realtimeGebeurtenissen.kamer, kamer), gt(realtimeGebeurtenissen.seq, seq)))
		.orderBy(asc(realtimeGebeurtenissen.seq));
}

/** What a refused call must leave alone. */
async function stand() {
	return {
		vergaderingen: await rowCount(t.db, vergaderingen),
		agendapunten: await rowCount(t.db, agendapunten),
		bestanden: await rowCount(t.db, bestanden),
		audit: await rowCount(t.db, auditLog),
		outbox: await rowCount(t.db, realtimeGebeurtenissen)
	};
}

beforeAll(async () => {
	t = await testDatabase();
	prt = (await getTafel(1))!;
	haaglanden = (await getTafel(2))!;
	secretaris = await wie('secretaris@regietafel.test');
	voorzitter = await wie('voorzitter@regietafel.test');
	deelnemer = await wie('deelnemer@regietafel.test');
	toezicht = await wie('toezicht@regietafel.test');
	secretarisHaaglanden = await wie('secretaris.haaglanden@regietafel.test');
});

afterAll(async () => {
	await t?.close();
});

describe(`plannen (${process.env.TEST_DB})`, () => {
	it('a new meeting starts from the template agenda and invites the table’s members', async () => {
		const seq = await currentSeq(t.db, 'regietafel:1');
		const id = await plan();
		expect(await titels(id)).toEqual([
			'Opening, mededelingen, afmeldingen en vervangers',
			'Vaststelling verslag vorige vergadering',
			'Actiepunten vorige vergadering',
			'Stand van zaken huisvesting vergunninghouders',
			'Rondvraag',
			'Afspraken en sluiting'
		]);
		const agenda = await haalAgenda(t.db, id);
		expect(agenda.map((p) => p.volgorde)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(agenda[2]!.omschrijving).toBe('Er staan geen open actiepunten.');
		const leden = await t.db
			.select()
			.from(regietafelLeden)
			.where(eq(regietafelLeden.regietafelId, 1));
		const genodigden = await haalGenodigden(t.db, id);
		expect(genodigden.map((g) => g.userId).sort()).toEqual(leden.map((l) => l.userId).sort());
		expect(genodigden.every((g) => g.status === 'onbekend')).toBe(true);
		expect(genodigden.find((g) => g.naam === 'Daan Visser')).toMatchObject({
			functie: 'Beleidsmedewerker',
			organisatie: 'Ministerie van BZK'
		});
		const v = (await haalVergadering(t.db, prt.id, id))!;
		expect(v).toMatchObject({ status: 'gepland', versie: 1, icsVolgnummer: 0 });
		expect(await gebeurtenissenNa(seq)).toEqual([
			{ type: 'vergadering.gewijzigd', payload: { vergaderingId: id, wat: 'aangemaakt' } }
		]);
	});

	it('the voorzitter may plan as well; a deelnemer, a toezichthouder and a kiosk may not', async () => {
		expect((await maakVergadering(voorzitter, prt, VERGADERING)).ok).toBe(true);
		const voor = await stand();
		for (const w of [deelnemer, toezicht, kiosk, secretarisHaaglanden]) {
			const r = await maakVergadering(w, prt, VERGADERING);
			expect(r).toMatchObject({ ok: false, code: 'GEEN_RECHT', status: 403 });
		}
		expect(await stand()).toEqual(voor);
	});

	it('a meeting of another table is not found under this table', async () => {
		const id = await plan();
		expect(await haalVergadering(t.db, haaglanden.id, id)).toBeNull();
		const r = await voegAgendapuntToe(secretarisHaaglanden, haaglanden, id, 1, {
			titel: 'Ingebroken',
			type: 'bespreking',
			duur: 5,
			presentator: '',
			omschrijving: ''
		});
		expect(r).toMatchObject({ ok: false, code: 'NIET_GEVONDEN', status: 404 });
	});

	it('a change of time or place raises the calendar SEQUENCE, other edits do not', async () => {
		const id = await plan();
		const r1 = await wijzigVergadering(secretaris, prt, id, 1, {
			...VERGADERING,
			locatie: 'Stadhuis Leiden'
		});
		expect(r1).toMatchObject({ ok: true, versie: 2, volgnummer: 1 });
		const r2 = await wijzigVergadering(secretaris, prt, id, 2, {
			...VERGADERING,
			locatie: 'Stadhuis Leiden'
		});
		expect(r2).toMatchObject({ ok: true, versie: 3, volgnummer: 1 });
		await voegAgendapuntToe(secretaris, prt, id, 3, {
			titel: 'Extra punt',
			type: 'bespreking',
			duur: 10,
			presentator: '',
			omschrijving: ''
		});
		expect((await haalVergadering(t.db, prt.id, id))!.icsVolgnummer).toBe(1);
		const r3 = await wijzigVergadering(secretaris, prt, id, 4, {
			...VERGADERING,
			locatie: 'Stadhuis Leiden',
			begintijd: '10:00'
		});
		expect(r3).toMatchObject({ ok: true, volgnummer: 2 });
		// A stale edit is refused and changes nothing.
		const oud = await wijzigVergadering(secretaris, prt, id, 1, {
			...VERGADERING,
			datum: '2027-01-01'
		});
		expect(oud).toMatchObject({ ok: false, code: 'VEROUDERD', status: 409 });
		expect((await haalVergadering(t.db, prt.id, id))!.datum).toBe('2026-12-03');
	});
});

describe('de agenda', () => {
	let id: number;
	const punt = {
		titel: 'Terugkoppeling uit de regio’s',
		type: 'bespreking' as const,
		duur: 20,
		presentator: 'Hanna de Boer',
		omschrijving: ''
	};

	beforeAll(async () => {
		id = await plan();
	});

	it('adds an item at the end and raises the version', async () => {
		const r = await voegAgendapuntToe(secretaris, prt, id, 1, punt);
		expect(r).toMatchObject({ ok: true, versie: 2 });
		expect((await titels(id)).at(-1)).toBe(punt.titel);
		expect((await haalAgenda(t.db, id)).at(-1)!.volgorde).toBe(6);
	});

	it('refuses an edit made on an older version, in Dutch, and keeps the text', async () => {
		const [eerste] = await haalAgenda(t.db, id);
		const r = await wijzigAgendapunt(secretaris, prt, id, eerste!.id, 1, {
			...punt,
			titel: 'Oud beeld'
		});
		expect(r).toMatchObject({ ok: false, code: 'VEROUDERD', status: 409 });
		if (!r.ok) expect(r.fout).toContain('intussen door iemand anders gewijzigd');
		expect((await titels(id))[0]).toBe('Opening, mededelingen, afmeldingen en vervangers');
		const ok = await wijzigAgendapunt(secretaris, prt, id, eerste!.id, await versie(id), {
			...punt,
			titel: 'Opening en mededelingen',
			type: 'opening',
			duur: 5
		});
		expect(ok.ok).toBe(true);
		expect((await haalAgenda(t.db, id))[0]).toMatchObject({
			titel: 'Opening en mededelingen',
			duur: 5,
			id: eerste!.id
		});
	});

	it('reorders to a permutation of the current items; ids stay the same', async () => {
		const voor = (await haalAgenda(t.db, id)).map((p) => p.id);
		const nieuw = [voor[0]!, voor[6]!, ...voor.slice(1, 6)];
		const seq = await currentSeq(t.db, 'regietafel:1');
		const r = await herordenAgenda(secretaris, prt, id, await versie(id), nieuw);
		expect(r.ok).toBe(true);
		const na = await haalAgenda(t.db, id);
		expect(na.map((p) => p.id)).toEqual(nieuw);
		expect(na.map((p) => p.volgorde)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(na[1]!.titel).toBe(punt.titel);
		expect(await gebeurtenissenNa(seq)).toEqual([
			{ type: 'vergadering.gewijzigd', payload: { vergaderingId: id, wat: 'volgorde' } }
		]);
	});

	it('refuses a reorder from a stale page (old version)', async () => {
		const ids = (await haalAgenda(t.db, id)).map((p) => p.id);
		const voor = await stand();
		const r = await herordenAgenda(secretaris, prt, id, (await versie(id)) - 1, [...ids].reverse());
		expect(r).toMatchObject({ ok: false, code: 'VEROUDERD', status: 409 });
		expect((await haalAgenda(t.db, id)).map((p) => p.id)).toEqual(ids);
		expect(await stand()).toEqual(voor);
	});

	it.each([
		['misses an item', (ids: number[]) => ids.slice(1)],
		['names an unknown item', (ids: number[]) => [...ids.slice(1), 999_999]],
		['names an item twice', (ids: number[]) => [ids[0]!, ...ids.slice(0, -1)]],
		['adds an item', (ids: number[]) => [...ids, 999_999]]
	])('refuses a reorder that %s (not a permutation)', async (_, maak) => {
		const ids = (await haalAgenda(t.db, id)).map((p) => p.id);
		const v = await versie(id);
		const r = await herordenAgenda(secretaris, prt, id, v, maak(ids));
		expect(r).toMatchObject({ ok: false, code: 'GEEN_PERMUTATIE', status: 409 });
		if (!r.ok) expect(r.fout).toContain('past niet bij de agenda');
		expect((await haalAgenda(t.db, id)).map((p) => p.id)).toEqual(ids);
		expect(await versie(id)).toBe(v);
	});

	it('an item of another meeting cannot be smuggled into this agenda', async () => {
		const ander = await plan();
		const [vreemd] = await haalAgenda(t.db, ander);
		const ids = (await haalAgenda(t.db, id)).map((p) => p.id);
		const r = await herordenAgenda(secretaris, prt, id, await versie(id), [
			...ids.slice(1),
			vreemd!.id
		]);
		expect(r).toMatchObject({ ok: false, code: 'GEEN_PERMUTATIE' });
		const w = await wijzigAgendapunt(secretaris, prt, id, vreemd!.id, await versie(id), punt);
		expect(w).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
	});

	it('a deelnemer may not reorder', async () => {
		const ids = (await haalAgenda(t.db, id)).map((p) => p.id);
		const r = await herordenAgenda(deelnemer, prt, id, await versie(id), [...ids].reverse());
		expect(r).toMatchObject({ ok: false, code: 'GEEN_RECHT', status: 403 });
	});

	it('removing an item closes the ranks', async () => {
		const voor = await haalAgenda(t.db, id);
		const r = await verwijderAgendapunt(secretaris, prt, id, voor[2]!.id, await versie(id));
		expect(r.ok).toBe(true);
		const na = await haalAgenda(t.db, id);
		expect(na.map((p) => p.id)).toEqual(voor.filter((_, i) => i !== 2).map((p) => p.id));
		expect(na.map((p) => p.volgorde)).toEqual([0, 1, 2, 3, 4, 5]);
	});
});

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n% agenda\n1 0 obj <<>> endobj\n%%EOF\n'));
/** The smallest ZIP that names a word/ entry is enough for the signature check. */
const DOCX = new Uint8Array(Buffer.from('PK\u0003\u0004\u0014\u0000word/document.xml', 'latin1'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('stukken bij een agendapunt', () => {
	let id: number;
	let puntId: number;

	beforeAll(async () => {
		id = await plan();
		puntId = (await haalAgenda(t.db, id))[3]!.id;
	});

	it.each([
		['notitie.exe', PDF, 'BESTAND.SOORT_NIET_TOEGESTAAN'],
		['kaart.png', PNG, 'BESTAND.SOORT_NIET_TOEGESTAAN'],
		[
			'pagina.pdf',
			new Uint8Array(Buffer.from('<html><script>alert(1)</script>')),
			'BESTAND.INHOUD_PAST_NIET'
		],
		['notitie.docx', PDF, 'BESTAND.INHOUD_PAST_NIET']
	])('refuses %s (%#) for an agendapunt', (naam, inhoud, code) => {
		const r = controleerInhoud(naam, inhoud, { soorten: BIJLAGE_SOORTEN });
		expect(r).toMatchObject({ ok: false, code });
	});

	it('stores a PDF and a Word document, served as attachments with their own type', async () => {
		for (const [naam, inhoud] of [
			['Notitie leads COA.pdf', PDF],
			['Regionale samenwerking.docx', DOCX]
		] as const) {
			const c = controleerInhoud(naam, inhoud, { soorten: BIJLAGE_SOORTEN });
			if (!c.ok) throw new Error(c.fout);
			const r = await voegBijlageToe(secretaris, prt, id, puntId, c.bestand);
			expect(r.ok).toBe(true);
		}
		const [punt] = (await haalAgenda(t.db, id)).filter((p) => p.id === puntId);
		expect(punt!.bijlagen.map((b) => [b.naam, b.mime])).toEqual([
			['Notitie leads COA.pdf', 'application/pdf'],
			[
				'Regionale samenwerking.docx',
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
			]
		]);
		const docx = punt!.bijlagen[1]!;
		const bestandId = await bijlageBestandId(prt.id, id, docx.bijlageId);
		const rij = await leesBestand(t.db, bestandId!);
		const res = bestandResponse(rij!);
		expect(res.headers.get('content-type')).toBe(docx.mime);
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="Regionale samenwerking.docx"/
		);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(DOCX))).toBe(true);
	});

	it('finds a bijlage only under its own table and meeting', async () => {
		const [b] = (await haalAgenda(t.db, id)).find((p) => p.id === puntId)!.bijlagen;
		expect(await bijlageBestandId(prt.id, id, b!.bijlageId)).not.toBeNull();
		expect(await bijlageBestandId(haaglanden.id, id, b!.bijlageId)).toBeNull();
		expect(await bijlageBestandId(prt.id, id + 1000, b!.bijlageId)).toBeNull();
	});

	it('a deelnemer may not add stukken; removing one removes the file', async () => {
		const c = controleerInhoud('x.pdf', PDF, { soorten: BIJLAGE_SOORTEN });
		if (!c.ok) throw new Error(c.fout);
		expect(await voegBijlageToe(deelnemer, prt, id, puntId, c.bestand)).toMatchObject({
			ok: false,
			code: 'GEEN_RECHT'
		});
		const [b] = (await haalAgenda(t.db, id)).find((p) => p.id === puntId)!.bijlagen;
		const voor = await rowCount(t.db, bestanden);
		expect((await verwijderBijlage(secretaris, prt, id, b!.bijlageId)).ok).toBe(true);
		expect(await rowCount(t.db, bestanden)).toBe(voor - 1);
		expect(await leesBestand(t.db, b!.id)).toBeNull();
	});
});

describe('aanwezigheid', () => {
	let id: number;
	let daan: number;
	let victor: number;
	let chris: number;

	beforeAll(async () => {
		id = await plan();
		daan = (await userByEmail(t.db, 'deelnemer@regietafel.test')).id;
		victor = (await userByEmail(t.db, 'voorzitter@regietafel.test')).id;
		chris = (await userByEmail(t.db, 'coa@regietafel.test')).id;
	});

	it('records present, apologies and a substitute, structured for the verslag', async () => {
		const zet = (
			userId: number,
			status: 'aanwezig' | 'afgemeld' | 'vervangen',
			vervanger: {
				naam: string;
				functie: string;
				organisatie: string;
				aanhef: 'de heer' | 'mevrouw' | null;
			} | null = null
		) => registreerAanwezigheid(secretaris, prt, id, { userId, status, vervanger });
		expect((await zet(victor, 'aanwezig')).ok).toBe(true);
		expect((await zet(chris, 'afgemeld')).ok).toBe(true);
		expect(
			(
				await zet(daan, 'vervangen', {
					naam: 'Eva Jansen',
					functie: 'Senior beleidsmedewerker',
					organisatie: 'Ministerie van BZK',
					aanhef: 'mevrouw'
				})
			).ok
		).toBe(true);
		expect(
			(
				await voegGastToe(secretaris, prt, id, {
					naam: 'Piet Gast',
					functie: 'Adviseur',
					organisatie: 'VluchtelingenWerk',
					aanhef: null
				})
			).ok
		).toBe(true);

		const lijst = presentielijst(await haalGenodigden(t.db, id), await haalGasten(t.db, id));
		expect(lijst.aanwezig.map((a) => [a.naam, a.namens])).toEqual([
			['Eva Jansen', 'Daan Visser'],
			['Victor van Dam', null]
		]);
		expect(lijst.afwezig.map((a) => [a.naam, a.vervangenDoor])).toEqual([
			['Chris Smit', null],
			['Daan Visser', 'Eva Jansen']
		]);
		expect(lijst.gasten.map((g) => g.naam)).toEqual(['Piet Gast']);
		// The aanhef for speaker notes: the member's own choice (demo), the substitute's and the
		// guest's as the secretaris entered them.
		const genodigden = await haalGenodigden(t.db, id);
		expect(genodigden.find((g) => g.userId === victor)!.aanhef).toBe('de heer');
		expect(genodigden.find((g) => g.userId === chris)!.aanhef).toBeNull();
		expect(genodigden.find((g) => g.userId === daan)!.vervanger!.aanhef).toBe('mevrouw');
		expect((await haalGasten(t.db, id))[0]!.aanhef).toBeNull();
		// Back to present: the substitute is gone.
		expect((await zet(daan, 'aanwezig')).ok).toBe(true);
		expect((await haalGenodigden(t.db, id)).find((g) => g.userId === daan)!.vervanger).toBeNull();
	});

	it('the database refuses a substitute without a name', async () => {
		await expect(
			t.db.execute(
				`update vergadering_genodigden set status = 'vervangen', vervanger_naam = null where vergadering_id = ${id} and user_id = ${daan}` as never
			)
		).rejects.toThrow();
	});

	it('refuses someone who was not invited, and a deelnemer', async () => {
		const hanna = (await userByEmail(t.db, 'secretaris.haaglanden@regietafel.test')).id;
		expect(
			await registreerAanwezigheid(secretaris, prt, id, {
				userId: hanna,
				status: 'aanwezig',
				vervanger: null
			})
		).toMatchObject({
			ok: false,
			code: 'NIET_GEVONDEN'
		});
		expect(
			await registreerAanwezigheid(deelnemer, prt, id, {
				userId: daan,
				status: 'afgemeld',
				vervanger: null
			})
		).toMatchObject({
			ok: false,
			code: 'GEEN_RECHT'
		});
	});

	it('invites members who joined after planning', async () => {
		const hanna = (await userByEmail(t.db, 'secretaris.haaglanden@regietafel.test')).id;
		await t.db.insert(regietafelLeden).values({ regietafelId: 1, userId: hanna, rol: 'deelnemer' });
		expect(await nietUitgenodigd(prt.id, id)).toBe(1);
		expect(await nodigNieuweLedenUit(secretaris, prt, id)).toEqual({ ok: true, toegevoegd: 1 });
		expect(await nietUitgenodigd(prt.id, id)).toBe(0);
		expect((await haalGenodigden(t.db, id)).some((g) => g.userId === hanna)).toBe(true);
		await t.db
			.delete(regietafelLeden)
			.where(and(eq(regietafelLeden.regietafelId, 1), eq(regietafelLeden.userId, hanna)));
	});

	it('removes a guest', async () => {
		const [g] = await haalGasten(t.db, id);
		expect((await verwijderGast(secretaris, prt, id, g!.id)).ok).toBe(true);
		expect(await haalGasten(t.db, id)).toEqual([]);
		expect(await verwijderGast(secretaris, prt, id, g!.id)).toMatchObject({
			ok: false,
			code: 'NIET_GEVONDEN'
		});
	});
});

describe('het gedeelde scherm', () => {
	let id: number;

	beforeAll(async () => {
		id = await plan({ datum: '2026-11-22' });
	});

	it('nothing is current before the start', async () => {
		const [, tweede] = await haalAgenda(t.db, id);
		const r = await zetHuidigAgendapunt(voorzitter, prt, id, tweede!.id);
		expect(r).toMatchObject({ ok: false, code: 'STATUS' });
		if (!r.ok) expect(r.fout).toContain('Start eerst de vergadering');
	});

	it('starting puts the first agendapunt on the screen and tells the room', async () => {
		const seq = await currentSeq(t.db, 'regietafel:1');
		expect(await wijzigVergaderingStatus(voorzitter, prt, id, 'starten')).toEqual({
			ok: true,
			status: 'bezig'
		});
		const [eerste] = await haalAgenda(t.db, id);
		const v = (await haalVergadering(t.db, prt.id, id))!;
		expect(v.huidigAgendapuntId).toBe(eerste!.id);
		expect(v.huidigSinds).not.toBeNull();
		const [e] = await gebeurtenissenNa(seq);
		expect(e).toMatchObject({
			type: 'vergadering.scherm',
			payload: { vergaderingId: id, status: 'bezig', huidigAgendapuntId: eerste!.id }
		});
	});

	it('the secretaris moves the screen on; a deelnemer and a kiosk cannot', async () => {
		const agenda = await haalAgenda(t.db, id);
		const stand = agenda.find((p) => p.type === 'stand-van-zaken')!;
		const seq = await currentSeq(t.db, 'regietafel:1');
		expect(await zetHuidigAgendapunt(secretaris, prt, id, stand.id)).toEqual({
			ok: true,
			huidigAgendapuntId: stand.id
		});
		expect(await gebeurtenissenNa(seq)).toEqual([
			{
				type: 'vergadering.scherm',
				payload: expect.objectContaining({ huidigAgendapuntId: stand.id, status: 'bezig' })
			}
		]);
		for (const w of [deelnemer, kiosk, toezicht]) {
			expect(await zetHuidigAgendapunt(w, prt, id, agenda[0]!.id)).toMatchObject({
				ok: false,
				code: 'GEEN_RECHT',
				status: 403
			});
		}
		expect((await haalVergadering(t.db, prt.id, id))!.huidigAgendapuntId).toBe(stand.id);
	});

	it('a stand-van-zaken item brings the table’s figures to the screen', async () => {
		const v = (await haalVergadering(t.db, prt.id, id))!;
		const s = await schermGegevens(prt, v);
		expect(s.vergadering.huidigAgendapuntId).toBe(v.huidigAgendapuntId);
		expect(s.stand).not.toBeNull();
		expect(s.stand!.periode).toBe('2026-II');
		expect(s.stand!.provincieCode).toBe('PV28');
		// The demo seed of this test has no figures: all 50 gemeenten of the PRT, nothing known.
		expect(s.stand!.gemeenten).toHaveLength(50);
		expect(s.stand!.totaal.onbekend + s.stand!.totaal.voor + s.stand!.totaal.achter).toBe(50);
		expect(s.agenda).toHaveLength(6);
	});

	it('only one meeting of a table runs at a time', async () => {
		const ander = await plan();
		const r = await wijzigVergaderingStatus(voorzitter, prt, ander, 'starten');
		expect(r).toMatchObject({ ok: false, code: 'AL_BEZIG', status: 409 });
	});

	it('ending clears the screen; an ended meeting does not start again', async () => {
		expect(await wijzigVergaderingStatus(secretaris, prt, id, 'afronden')).toEqual({
			ok: true,
			status: 'afgerond'
		});
		const v = (await haalVergadering(t.db, prt.id, id))!;
		expect(v).toMatchObject({ status: 'afgerond', huidigAgendapuntId: null });
		expect(v.afgerondAt).not.toBeNull();
		expect(await wijzigVergaderingStatus(secretaris, prt, id, 'starten')).toMatchObject({
			ok: false,
			code: 'STATUS'
		});
		expect(await wijzigVergaderingStatus(secretaris, prt, id, 'afronden')).toMatchObject({
			ok: false,
			code: 'STATUS'
		});
	});
});

describe('iCalendar', () => {
	it('one event per meeting with a stable UID; SEQUENCE follows time and place only', async () => {
		const id = await plan({ datum: '2027-02-11', begintijd: '13:00', eindtijd: '15:00' });
		const origin = new URL('https://regietafel.example');
		const ics1 = await icsVanTafel(prt, origin);
		const events = ics1.split('BEGIN:VEVENT').length - 1;
		expect(events).toBe(await t.db.$count(vergaderingen, eq(vergaderingen.regietafelId, 1)));
		const blok = (ics: string) => {
			const start = ics.indexOf(`UID:vergadering-${id}@regietafel.example`);
			return ics.slice(start, ics.indexOf('END:VEVENT', start));
		};
		expect(blok(ics1)).toContain('DTSTART:20270211T120000Z');
		expect(blok(ics1)).toContain('DTEND:20270211T140000Z');
		expect(blok(ics1)).toContain('SEQUENCE:0');
		expect(blok(ics1)).toContain('LOCATION:Provinciehuis\\, Den Haag');

		await voegAgendapuntToe(secretaris, prt, id, 1, {
			titel: 'Nog een punt',
			type: 'bespreking',
			duur: 5,
			presentator: '',
			omschrijving: ''
		});
		const ics2 = await icsVanTafel(prt, origin);
		expect(blok(ics2)).toContain('SEQUENCE:0');
		expect(blok(ics2).replace(/\r\n /g, '')).toContain('Nog een punt');

		await wijzigVergadering(secretaris, prt, id, 2, {
			...VERGADERING,
			datum: '2027-02-18',
			begintijd: '13:00',
			eindtijd: '15:00'
		});
		const ics3 = await icsVanTafel(prt, origin);
		expect(blok(ics3)).toContain('SEQUENCE:1');
		expect(blok(ics3)).toContain('DTSTART:20270218T120000Z');
	});
});
