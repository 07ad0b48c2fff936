/**
 * Actiepunten (issue 6 §6): an afspraak at an agendapunt becomes an actiepunt with an owner (a
 * portal user or a name typed in), a deadline and a status; the next meeting's agenda lists the
 * open ones; status changes are guarded by rights and by the version the page showed; a person
 * sees their own across tables, overdue first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt } from 'drizzle-orm';
import type { Actor } from '../../src/lib/domain/autorisatie/rollen';
import { loadActor } from '../../src/lib/server/auth/actor';
import { actiepunten, auditLog, realtimeGebeurtenissen } from '../../src/lib/server/db/schema';
import type { AuditActor } from '../../src/lib/server/mutatie';
import { currentSeq } from '../../src/lib/server/realtime/publish';
import {
	actiepuntenVanTafel,
	actiepuntenVanVergadering,
	kamersVoor,
	maakActiepunt,
	mijnActiepunten,
	openActiepuntenVoor,
	wijzigActiepuntStatus,
	type NieuwActiepunt
} from '../../src/lib/server/services/actiepunten';
import { getTafel, type TafelOverzicht } from '../../src/lib/server/services/regietafels';
import { schermGegevens } from '../../src/lib/server/services/gedeeld-scherm';
import {
	haalAgenda,
	haalVergadering,
	maakVergadering,
	verwijderAgendapunt,
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
let deelnemer: Wie;
let coa: Wie;
let secretarisHaaglanden: Wie;
let bestuurder: Wie;
/** Meetings of the PRT: the one in October, where the afspraken are made, and the next one. */
let oktober: number;
let december: number;
let agendapuntOktober: number;

async function wie(email: string): Promise<Wie> {
	const door: AuditActor & { userId: number } = await auditActor(t.db, email);
	return { door, actor: (await loadActor(t.db, door.userId)) as Actor };
}

async function plan(tafel: TafelOverzicht, door: Wie, datum: string) {
	const r = await maakVergadering(door, tafel, {
		datum,
		begintijd: '09:30',
		eindtijd: '11:30',
		locatie: 'Provinciehuis',
		onlineLink: null
	});
	if (!r.ok) throw new Error(r.fout);
	return r.id;
}

function afspraak(over: Partial<NieuwActiepunt> = {}): NieuwActiepunt {
	return {
		tafel: prt,
		vergaderingId: oktober,
		agendapuntId: agendapuntOktober,
		omschrijving: 'Overzicht leads opvanglocaties delen met de regio’s',
		eigenaar: { naam: 'Jan de Corporatie', organisatie: 'Woonstichting Voorbeeld (fictief)' },
		deadline: '2026-12-01',
		...over
	};
}

async function maak(over: Partial<NieuwActiepunt> = {}, door = secretaris) {
	const r = await maakActiepunt(door, afspraak(over));
	if (!r.ok) throw new Error(r.fout);
	return r.id;
}

async function rij(id: number) {
	const [r] = await t.db.select().from(actiepunten).where(eq(actiepunten.id, id));
	return r!;
}

beforeAll(async () => {
	t = await testDatabase();
	prt = (await getTafel(1))!;
	haaglanden = (await getTafel(2))!;
	secretaris = await wie('secretaris@regietafel.test');
	deelnemer = await wie('deelnemer@regietafel.test');
	coa = await wie('coa@regietafel.test');
	secretarisHaaglanden = await wie('secretaris.haaglanden@regietafel.test');
	bestuurder = await wie('bestuurder.denhaag@regietafel.test');
	oktober = await plan(prt, secretaris, '2026-10-08');
	agendapuntOktober = (await haalAgenda(t.db, oktober)).find(
		(p) => p.type === 'stand-van-zaken'
	)!.id;
});

afterAll(async () => {
	await t?.close();
});

describe(`een afspraak wordt een actiepunt (${process.env.TEST_DB})`, () => {
	it('with a portal user as owner: name and organisation come from the account', async () => {
		const seq = await currentSeq(t.db, 'regietafel:1');
		const id = await maak({ eigenaar: { userId: deelnemer.door.userId! } });
		expect(await rij(id)).toMatchObject({
			regietafelId: 1,
			vergaderingId: oktober,
			agendapuntId: agendapuntOktober,
			eigenaarUserId: deelnemer.door.userId,
			eigenaarNaam: 'Daan Visser',
			eigenaarOrganisatie: 'Ministerie van BZK',
			deadline: '2026-12-01',
			status: 'open',
			versie: 1,
			aangemaaktDoorLabel: 'Sanne Bakker'
		});
		const events = await t.db
			.select({ type: realtimeGebeurtenissen.type, payload: realtimeGebeurtenissen.payload })
			.from(realtimeGebeurtenissen)
			.where(
				and(eq(realtimeGebeurtenissen.kamer, 'regietafel:1'), gt(realtimeGebeurtenissen.seq, seq))
			);
		expect(events).toEqual([
			{ type: 'actiepunt.gewijzigd', payload: { id, vergaderingId: oktober, status: 'open' } }
		]);
		const [audit] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'actiepunt'), eq(auditLog.entityId, String(id))));
		expect(audit).toMatchObject({ action: 'vastgelegd', actorLabel: 'Sanne Bakker' });
	});

	it('with a name typed in for someone without an account', async () => {
		const id = await maak({ deadline: null });
		expect(await rij(id)).toMatchObject({
			eigenaarUserId: null,
			eigenaarNaam: 'Jan de Corporatie',
			eigenaarOrganisatie: 'Woonstichting Voorbeeld (fictief)',
			deadline: null
		});
	});

	it('refuses a deelnemer, an agendapunt of another meeting, another table and an unknown person', async () => {
		const voor = await rowCount(t.db, actiepunten);
		expect(await maakActiepunt(deelnemer, afspraak())).toMatchObject({
			ok: false,
			code: 'GEEN_RECHT'
		});
		const ander = await plan(prt, secretaris, '2026-10-09');
		const vreemd = (await haalAgenda(t.db, ander))[0]!.id;
		expect(await maakActiepunt(secretaris, afspraak({ agendapuntId: vreemd }))).toMatchObject({
			ok: false,
			code: 'NIET_GEVONDEN'
		});
		expect(
			await maakActiepunt(secretarisHaaglanden, afspraak({ tafel: haaglanden }))
		).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
		expect(
			await maakActiepunt(secretaris, afspraak({ eigenaar: { userId: 999_999 } }))
		).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
		expect(await rowCount(t.db, actiepunten)).toBe(voor);
	});

	it('an actiepunt cannot point at a meeting of another table (database)', async () => {
		const haag = await plan(haaglanden, secretarisHaaglanden, '2026-10-10');
		await expect(
			t.db.insert(actiepunten).values({
				regietafelId: 1,
				vergaderingId: haag,
				omschrijving: 'x',
				eigenaarNaam: 'x',
				aangemaaktDoorLabel: 'test'
			})
		).rejects.toThrow();
	});

	it('survives the removal of its agendapunt (kept on the meeting)', async () => {
		const extra = await plan(prt, secretaris, '2026-10-01');
		const punt = (await haalAgenda(t.db, extra))[4]!.id;
		const id = await maak({ vergaderingId: extra, agendapuntId: punt });
		const v = (await haalVergadering(t.db, 1, extra))!.versie;
		expect((await verwijderAgendapunt(secretaris, prt, extra, punt, v)).ok).toBe(true);
		expect(await rij(id)).toMatchObject({ vergaderingId: extra, agendapuntId: null });
	});
});

describe('de volgende vergadering', () => {
	it('starts with the open actiepunten of earlier meetings under "Actiepunten vorige vergadering"', async () => {
		const afgerond = await maak({ omschrijving: 'Al gedaan' });
		const r = await wijzigActiepuntStatus(secretaris, {
			id: afgerond,
			versie: 1,
			status: 'afgerond',
			tafelId: 1
		});
		expect(r.ok).toBe(true);
		const lopend = (await actiepuntenVanTafel(1)).filter(
			(a) => a.status === 'open' || a.status === 'in-uitvoering'
		);
		expect(lopend.length).toBeGreaterThanOrEqual(3);

		december = await plan(prt, secretaris, '2026-12-10');
		const punt = (await haalAgenda(t.db, december)).find((p) => p.type === 'actiepunten')!;
		expect(punt.titel).toBe('Actiepunten vorige vergadering');
		expect(punt.omschrijving).toBe(`${lopend.length} open actiepunten; zie de lijst.`);

		const v = (await haalVergadering(t.db, 1, december))!;
		const open = await openActiepuntenVoor(t.db, 1, v, '2026-11-22');
		expect(open.map((a) => a.id).sort()).toEqual(lopend.map((a) => a.id).sort());
		expect(open.map((a) => a.id)).not.toContain(afgerond);
		// Not the afspraken of this meeting itself, nor of later ones.
		expect(
			(await openActiepuntenVoor(t.db, 1, (await haalVergadering(t.db, 1, oktober))!)).length
		).toBe(lopend.filter((a) => a.vergaderingDatum < '2026-10-08').length);
	});

	it('the shared screen lists them at that agendapunt, and new afspraken at the current one', async () => {
		expect((await wijzigVergaderingStatus(secretaris, prt, december, 'starten')).ok).toBe(true);
		const punt = (await haalAgenda(t.db, december)).find((p) => p.type === 'actiepunten')!;
		await zetHuidigAgendapunt(secretaris, prt, december, punt.id);
		const id = await maak({
			vergaderingId: december,
			agendapuntId: punt.id,
			omschrijving: 'Nieuw in december'
		});
		const s = await schermGegevens(prt, (await haalVergadering(t.db, 1, december))!);
		expect(s.open.length).toBeGreaterThanOrEqual(3);
		expect(s.open.every((a) => a.vergaderingDatum < '2026-12-10')).toBe(true);
		expect(s.afspraken.map((a) => a.id)).toEqual([id]);
		expect(s.stand).toBeNull();
		await wijzigVergaderingStatus(secretaris, prt, december, 'afronden');
	});
});

describe('status wijzigen', () => {
	it('the owner may, a deelnemer who does not own it may not, and a stale version is refused', async () => {
		const vanDaan = await maak({ eigenaar: { userId: deelnemer.door.userId! } });
		const vanJan = await maak();
		expect(
			await wijzigActiepuntStatus(deelnemer, {
				id: vanDaan,
				versie: 1,
				status: 'in-uitvoering',
				tafelId: null
			})
		).toEqual({ ok: true, versie: 2 });
		expect(
			await wijzigActiepuntStatus(deelnemer, {
				id: vanJan,
				versie: 1,
				status: 'afgerond',
				tafelId: 1
			})
		).toMatchObject({ ok: false, code: 'GEEN_RECHT', status: 403 });
		expect(
			await wijzigActiepuntStatus(coa, { id: vanDaan, versie: 2, status: 'afgerond', tafelId: 1 })
		).toMatchObject({ ok: false, code: 'GEEN_RECHT' });
		const oud = await wijzigActiepuntStatus(secretaris, {
			id: vanDaan,
			versie: 1,
			status: 'vervallen',
			tafelId: 1
		});
		expect(oud).toMatchObject({ ok: false, code: 'VEROUDERD', status: 409 });
		if (!oud.ok) {
			expect(oud.fout).toBe(
				'Dit actiepunt is intussen gewijzigd door Daan Visser (nu: in uitvoering). Bekijk de nieuwe stand en kies opnieuw.'
			);
		}
		expect(await rij(vanDaan)).toMatchObject({ status: 'in-uitvoering', versie: 2 });
		// Under another table's page it does not exist.
		expect(
			await wijzigActiepuntStatus(secretaris, {
				id: vanDaan,
				versie: 2,
				status: 'afgerond',
				tafelId: 2
			})
		).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
	});
});

describe('mijn actiepunten', () => {
	it('lists what a person owns across tables, overdue first, with the rooms to follow', async () => {
		const bart = bestuurder.door.userId!;
		const haag = await plan(haaglanden, secretarisHaaglanden, '2026-10-12');
		const haagPunt = (await haalAgenda(t.db, haag))[0]!.id;
		const later = await maak({
			eigenaar: { userId: bart },
			deadline: '2027-01-15',
			omschrijving: 'Later'
		});
		const teLaat = await maakActiepunt(secretarisHaaglanden, {
			tafel: haaglanden,
			vergaderingId: haag,
			agendapuntId: haagPunt,
			omschrijving: 'Te laat',
			eigenaar: { userId: bart },
			deadline: '2026-11-01'
		});
		if (!teLaat.ok) throw new Error(teLaat.fout);
		const mijn = await mijnActiepunten(bart, '2026-11-22');
		expect(mijn.map((a) => [a.id, a.tafelNaam])).toEqual([
			[teLaat.id, 'Regionale tafel Haaglanden'],
			[later, 'Provinciale Regietafel Zuid-Holland']
		]);
		expect(
			kamersVoor(
				bestuurder.actor,
				mijn.map((a) => ({ id: a.regietafelId, provincieCode: 'PV28' }))
			)
		).toEqual(['regietafel:2', 'regietafel:1']);
		// Daan sits only at the PRT: no room of Haaglanden for him.
		expect(
			kamersVoor(deelnemer.actor, [
				{ id: 1, provincieCode: 'PV28' },
				{ id: 2, provincieCode: 'PV28' }
			])
		).toEqual(['regietafel:1']);
		expect(
			(await mijnActiepunten((await userByEmail(t.db, 'beheerder@regietafel.test')).id)).length
		).toBe(0);
	});

	it('lists the afspraken of a meeting in the order they were made', async () => {
		const lijst = await actiepuntenVanVergadering(t.db, oktober);
		expect(lijst.length).toBeGreaterThan(0);
		expect(lijst.map((a) => a.id)).toEqual([...lijst.map((a) => a.id)].sort((a, b) => a - b));
		expect(
			lijst.every((a) => a.agendapuntTitel === 'Stand van zaken huisvesting vergunninghouders')
		).toBe(true);
	});

	it('sorts a table’s list: overdue first, then by deadline, closed last', async () => {
		const lijst = await actiepuntenVanTafel(1, '2026-12-05');
		const rang = lijst.map((a) =>
			a.status === 'afgerond' || a.status === 'vervallen'
				? 2
				: a.deadline && a.deadline < '2026-12-05'
					? 0
					: 1
		);
		expect(rang).toEqual([...rang].sort());
		expect(rang[0]).toBe(0);
		expect(rang.at(-1)).toBe(2);
	});
});
