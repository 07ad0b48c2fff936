/**
 * Huurcontracten (issue 3): register, accept, reject, withdraw; optimistic locking; rights;
 * nothing half-written; and the effect on the stored assessments (contracts count for the end
 * judgement only when needed, the carry-over saldo stays on COA figures).
 *
 * Figures (2026-I, synthetic): 's-Gravenhage (GM0518) taakstelling 100, 60 housed by March
 * (op schema), 95 by June: 5 short. Rotterdam (GM0599) taakstelling 200, 210 by June: made it.
 * 's-Gravenhage also has 2026-II (taakstelling 50, September figures) to see the carry-over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Actor } from '../../src/lib/domain/autorisatie/rollen';
import type { EindBeoordeling, MiddenBeoordeling } from '../../src/lib/domain/ladder/beoordeling';
import { STANDAARD_BELEID } from '../../src/lib/domain/ladder/beleidskader';
import { loadActor } from '../../src/lib/server/auth/actor';
import { controleerInhoud, leesBestand } from '../../src/lib/server/bestanden';
import {
	auditLog,
	beleidsversies,
	beoordelingen,
	bestanden,
	besluiten,
	huurcontracten,
	imports,
	realisatiecijfers,
	realtimeGebeurtenissen,
	taakstellingen
} from '../../src/lib/server/db/schema';
import { currentSeq } from '../../src/lib/server/realtime/publish';
import { herberekenProvincie } from '../../src/lib/server/services/beoordelingen';
import {
	aantalTeBeoordelen,
	huurcontractenVanGemeente,
	huurcontractenVanProvincie,
	registreerHuurcontract,
	wijzigHuurcontract
} from '../../src/lib/server/services/huurcontracten';
import type { AuditActor } from '../../src/lib/server/mutatie';
import { SYSTEEM } from '../../src/lib/server/mutatie';
import { auditActor, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';

const VANDAAG = '2026-11-22';
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n% huurcontract\n1 0 obj <<>> endobj\n%%EOF\n'));

let t: TestDatabase;
interface Persoon {
	actor: Actor;
	door: AuditActor;
}
let ambtenaar: Persoon;
let bestuurder: Persoon;
let toezicht: Persoon;
let coa: Persoon;
/** Rotterdam's official (not in the route matrix, but in the demo data). */
let rotterdam: Persoon;

async function persoon(email: string): Promise<Persoon> {
	const door = await auditActor(t.db, email);
	return { door, actor: await loadActor(t.db, door.userId) };
}

const maand = (gemeenteCode: string, m: string, gehuisvest: number, importId: number) => ({
	gemeenteCode,
	maand: m,
	periode: Number(m.slice(5)) <= 6 ? `${m.slice(0, 4)}-I` : `${m.slice(0, 4)}-II`,
	gehuisvest,
	koppelingen: 100,
	omkoppelingen: 0,
	stapelgemeente: false,
	importId
});

function pdf(naam = 'huurcontract.pdf') {
	const r = controleerInhoud(naam, PDF, { soorten: ['pdf', 'png', 'jpg'] });
	if (!r.ok) throw new Error(r.fout);
	return r.bestand;
}

const contract = (
	over: Partial<{ datum: string; ingangsdatum: string; personen: number }> = {}
) => ({
	datum: '2026-06-20',
	ingangsdatum: '2026-07-01',
	personen: 6,
	kenmerk: 'HC-2026-001',
	omschrijving: 'Gezin van zes, Laakkwartier',
	...over
});

async function registreer(
	wie: Persoon,
	gemeenteCode = 'GM0518',
	over: Parameters<typeof contract>[0] = {}
) {
	return registreerHuurcontract({
		actor: wie.actor,
		door: wie.door,
		gemeenteCode,
		invoer: contract(over),
		bestand: pdf(),
		vandaag: VANDAAG
	});
}

async function eind(gemeenteCode: string, periode = '2026-I') {
	const [r] = await t.db
		.select()
		.from(beoordelingen)
		.where(
			and(
				eq(beoordelingen.gemeenteCode, gemeenteCode),
				eq(beoordelingen.periode, periode),
				eq(beoordelingen.kind, 'end')
			)
		);
	return r!.resultaat as EindBeoordeling;
}

async function midden(gemeenteCode: string, periode: string) {
	const [r] = await t.db
		.select()
		.from(beoordelingen)
		.where(
			and(
				eq(beoordelingen.gemeenteCode, gemeenteCode),
				eq(beoordelingen.periode, periode),
				eq(beoordelingen.kind, 'midpoint')
			)
		);
	return r!.resultaat as MiddenBeoordeling;
}

async function rij(id: number) {
	const [r] = await t.db.select().from(huurcontracten).where(eq(huurcontracten.id, id));
	return r!;
}

/** Everything a refused or failed call must leave alone. */
async function stand() {
	return {
		contracten: await rowCount(t.db, huurcontracten),
		bestanden: await rowCount(t.db, bestanden),
		audit: await rowCount(t.db, auditLog),
		outbox: await rowCount(t.db, realtimeGebeurtenissen),
		statussen: (
			await t.db
				.select({
					id: huurcontracten.id,
					status: huurcontracten.status,
					versie: huurcontracten.versie
				})
				.from(huurcontracten)
				.orderBy(asc(huurcontracten.id))
		).map((r) => `${r.id}:${r.status}:${r.versie}`),
		beoordelingen: (
			await t.db
				.select({
					g: beoordelingen.gemeenteCode,
					p: beoordelingen.periode,
					k: beoordelingen.kind,
					trede: beoordelingen.tredeNa
				})
				.from(beoordelingen)
				.orderBy(asc(beoordelingen.gemeenteCode), asc(beoordelingen.peildatum))
		).map((r) => `${r.g}/${r.p}/${r.k}:${r.trede}`)
	};
}

async function gebeurtenissenNa(seq: number) {
	return t.db
		.select({ type: realtimeGebeurtenissen.type, payload: realtimeGebeurtenissen.payload })
		.from(realtimeGebeurtenissen)
		.where(
			and(eq(realtimeGebeurtenissen.kamer, 'provincie:PV28'), gt(realtimeGebeurtenissen.seq, seq))
		)
		.orderBy(asc(realtimeGebeurtenissen.seq));
}

beforeAll(async () => {
	t = await testDatabase();
	ambtenaar = await persoon('ambtenaar.denhaag@regietafel.test');
	bestuurder = await persoon('bestuurder.denhaag@regietafel.test');
	toezicht = await persoon('toezicht@regietafel.test');
	coa = await persoon('coa@regietafel.test');
	rotterdam = await persoon('ambtenaar.rotterdam@regietafel.test');
	const [imp] = await t.db
		.insert(imports)
		.values({
			soort: 'taakstelling',
			bestandsnaam: 'test',
			sha256: 'huur',
			rijen: 3,
			doorLabel: 'test'
		})
		.returning();
	const importId = imp!.id;
	await t.db.insert(taakstellingen).values([
		{ periode: '2026-I', gemeenteCode: 'GM0518', aantal: 100, bron: 'import', importId },
		{ periode: '2026-II', gemeenteCode: 'GM0518', aantal: 50, bron: 'import', importId },
		{ periode: '2026-I', gemeenteCode: 'GM0599', aantal: 200, bron: 'import', importId }
	]);
	await t.db
		.insert(realisatiecijfers)
		.values([
			maand('GM0518', '2026-03', 60, importId),
			maand('GM0518', '2026-06', 95, importId),
			maand('GM0518', '2026-09', 20, importId),
			maand('GM0599', '2026-03', 120, importId),
			maand('GM0599', '2026-06', 210, importId)
		]);
	await herberekenProvincie(SYSTEEM, 'PV28');
});
afterAll(async () => {
	await t?.close();
});

describe('without contracts', () => {
	it("'s-Gravenhage misses its opgave by 5 and rises to trede 1; Rotterdam made it", async () => {
		const dh = await eind('GM0518');
		expect(dh).toMatchObject({
			opgave: 100,
			gerealiseerd: 95,
			meegeteld: 95,
			saldo: -5,
			tredeNa: '1'
		});
		expect((await eind('GM0599')).tredeNa).toBe('0');
	});
});

describe('registreren', () => {
	let id: number;

	it('stores the contract with its document, audits it and tells the provincie room', async () => {
		const seq = await currentSeq(t.db, 'provincie:PV28');
		const voor = await stand();
		const r = await registreer(ambtenaar);
		expect(r).toMatchObject({ ok: true, periode: '2026-I', waarschuwing: null });
		if (!r.ok) return;
		id = r.id;
		const c = await rij(id);
		expect(c).toMatchObject({
			gemeenteCode: 'GM0518',
			periode: '2026-I',
			datum: '2026-06-20',
			ingangsdatum: '2026-07-01',
			personen: 6,
			kenmerk: 'HC-2026-001',
			status: 'ingediend',
			versie: 1,
			ingediendDoorLabel: ambtenaar.door.label,
			beoordeeldAt: null
		});
		// The bytes come back exactly (bytea on this driver), with our content type.
		const b = await leesBestand(t.db, c.bestandId);
		expect(b).toMatchObject({
			naam: 'huurcontract.pdf',
			mime: 'application/pdf',
			grootte: PDF.byteLength
		});
		expect(Buffer.from(b!.inhoud).equals(Buffer.from(PDF))).toBe(true);
		const [audit] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'huurcontract'), eq(auditLog.entityId, String(id))));
		expect(audit).toMatchObject({ action: 'geregistreerd', actorUserId: ambtenaar.door.userId });
		expect(JSON.stringify(audit!.after)).not.toContain('inhoud');
		expect((audit!.after as { bestand: { sha256: string } }).bestand.sha256).toMatch(
			/^[0-9a-f]{64}$/
		);
		expect(await gebeurtenissenNa(seq)).toEqual([
			{
				type: 'huurcontracten.gewijzigd',
				payload: { gemeenteCode: 'GM0518', id, periode: '2026-I', status: 'ingediend' }
			}
		]);
		// A submitted contract does not count: the standings are untouched.
		const na = await stand();
		expect(na.beoordelingen).toEqual(voor.beoordelingen);
		expect(na.contracten).toBe(voor.contracten + 1);
		expect(na.bestanden).toBe(voor.bestanden + 1);
	});

	it('the bestuurder of the same gemeente may register too', async () => {
		const r = await registreer(bestuurder, 'GM0518', {
			personen: 2,
			datum: '2026-10-02',
			ingangsdatum: '2026-11-01'
		});
		expect(r).toMatchObject({ ok: true, periode: '2026-II' });
	});

	it.each([
		['the toezichthouder', () => toezicht, 'GM0518'],
		['the COA-regievoerder', () => coa, 'GM0518'],
		["an official of 's-Gravenhage for Rotterdam", () => ambtenaar, 'GM0599']
	])('refuses %s and writes nothing', async (_naam, wie, gemeente) => {
		const voor = await stand();
		const r = await registreer(wie(), gemeente);
		expect(r).toMatchObject({ ok: false, code: 'GEEN_RECHT' });
		expect(await stand()).toEqual(voor);
	});

	it('refuses a future signing date and a lease that starts before signing, per field', async () => {
		const voor = await stand();
		const toekomst = await registreer(ambtenaar, 'GM0518', {
			datum: '2026-11-23',
			ingangsdatum: '2026-12-01'
		});
		expect(toekomst).toMatchObject({ ok: false, code: 'ONGELDIG' });
		expect(!toekomst.ok && toekomst.fouten.datum).toContain('ligt in de toekomst');
		const omgekeerd = await registreer(ambtenaar, 'GM0518', { ingangsdatum: '2026-06-01' });
		expect(!omgekeerd.ok && omgekeerd.fouten).toEqual({
			ingangsdatum: 'De ingangsdatum ligt vóór de datum van ondertekening.'
		});
		// No orphaned document either.
		expect(await stand()).toEqual(voor);
	});

	it('refuses an unknown gemeente', async () => {
		const r = await registreer(ambtenaar, 'GM9999');
		expect(r).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
	});

	it('leaves no half-written document when storing the contract itself fails', async () => {
		const voor = await stand();
		// Longer than the database allows (the form limits it; the check constraint is the last
		// line): the document is inserted first, then the contract insert fails.
		await expect(
			registreerHuurcontract({
				actor: ambtenaar.actor,
				door: ambtenaar.door,
				gemeenteCode: 'GM0518',
				invoer: { ...contract(), kenmerk: 'K'.repeat(150) },
				bestand: pdf(),
				vandaag: VANDAAG
			})
		).rejects.toThrow();
		expect(await stand()).toEqual(voor);
	});

	it('the database itself refuses inconsistent rows', async () => {
		const [b] = await t.db.select({ id: bestanden.id }).from(bestanden).limit(1);
		const basis = {
			gemeenteCode: 'GM0518',
			periode: '2026-I',
			datum: '2026-06-20',
			personen: 1,
			ingangsdatum: '2026-07-01',
			bestandId: b!.id,
			ingediendDoorLabel: 'test'
		};
		const pogingen = [
			{ ...basis, periode: '2026-II' }, // not the half year of the signing date
			{ ...basis, personen: 0 },
			{ ...basis, ingangsdatum: '2026-06-19' },
			{
				...basis,
				status: 'afgewezen' as const,
				beoordeeldAt: new Date(),
				beoordeeldDoorLabel: 'x'
			}, // no reason
			{ ...basis, status: 'geaccepteerd' as const } // judged, but by nobody
		];
		for (const p of pogingen) {
			await expect(t.db.insert(huurcontracten).values(p)).rejects.toThrow();
		}
	});

	describe('accepteren, afwijzen, intrekken', () => {
		it('an accepted contract makes the end judgement not rise; the saldo stays COA-only', async () => {
			const seq = await currentSeq(t.db, 'provincie:PV28');
			const r = await wijzigHuurcontract({
				...toezicht,
				id,
				versie: 1,
				actie: 'accepteren',
				binnen: { provincieCode: 'PV28' }
			});
			expect(r).toEqual({ ok: true, id, status: 'geaccepteerd', versie: 2 });
			expect(await rij(id)).toMatchObject({
				status: 'geaccepteerd',
				versie: 2,
				beoordeeldDoorLabel: toezicht.door.label,
				reden: null
			});
			const dh = await eind('GM0518');
			expect(dh).toMatchObject({
				gerealiseerd: 95,
				huurcontracten: 6,
				meegeteld: 101,
				saldo: -5,
				tredeNa: '0'
			});
			expect(dh.redenen).toContain('huurcontracten-meegeteld');
			expect(dh.toelichting).toContain(
				'Daarnaast zijn 6 personen met ondertekende huurcontracten meegeteld voor dit oordeel: samen 101.'
			);
			// The next period starts from the COA saldo: 50 + 5 achterstand (not 50 − 1).
			expect(await midden('GM0518', '2026-II')).toMatchObject({
				saldoVorigePeriode: -5,
				opgave: 55
			});
			const events = await gebeurtenissenNa(seq);
			expect(events.map((e) => e.type).sort()).toEqual([
				'beoordelingen.gewijzigd',
				'huurcontracten.gewijzigd'
			]);
			const [audit] = await t.db
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entity, 'huurcontract'), eq(auditLog.action, 'geaccepteerd')));
			expect(audit).toMatchObject({ entityId: String(id), actorUserId: toezicht.door.userId });
			expect(audit!.before).toMatchObject({ status: 'ingediend', versie: 1 });
		});

		it('refuses a judgement made on an outdated version, and changes nothing', async () => {
			const voor = await stand();
			const r = await wijzigHuurcontract({
				...toezicht,
				id,
				versie: 1,
				actie: 'afwijzen',
				reden: 'Handtekening ontbreekt.',
				binnen: { gemeenteCode: 'GM0518' }
			});
			expect(r).toMatchObject({ ok: false, code: 'VEROUDERD' });
			expect(!r.ok && r.fouten.algemeen).toBe(
				`Dit huurcontract is intussen gewijzigd door ${toezicht.door.label} (nu: geaccepteerd). Bekijk de nieuwe stand en kies opnieuw.`
			);
			expect(await stand()).toEqual(voor);
		});

		it('of two simultaneous judgements on one version, exactly one wins', async () => {
			const nieuw = await registreer(ambtenaar, 'GM0518', { personen: 1 });
			if (!nieuw.ok) throw new Error('registratie mislukt');
			const [a, b] = await Promise.all([
				wijzigHuurcontract({
					...toezicht,
					id: nieuw.id,
					versie: 1,
					actie: 'accepteren',
					binnen: { provincieCode: 'PV28' }
				}),
				wijzigHuurcontract({
					...toezicht,
					id: nieuw.id,
					versie: 1,
					actie: 'afwijzen',
					reden: 'Dubbel ingediend.',
					binnen: { provincieCode: 'PV28' }
				})
			]);
			expect([a.ok, b.ok].sort()).toEqual([false, true]);
			expect([a, b].find((x) => !x.ok)).toMatchObject({ code: 'VEROUDERD' });
			expect((await rij(nieuw.id)).versie).toBe(2);
			// Leave it withdrawn-equivalent for the rest: reject it with the right version.
			const c = await rij(nieuw.id);
			if (c.status === 'geaccepteerd') {
				await wijzigHuurcontract({
					...toezicht,
					id: nieuw.id,
					versie: 2,
					actie: 'afwijzen',
					reden: 'Dubbel ingediend.',
					binnen: { provincieCode: 'PV28' }
				});
			}
			expect((await rij(nieuw.id)).status).toBe('afgewezen');
		});

		it('only the toezichthouder of the provincie judges; only the gemeente withdraws', async () => {
			const voor = await stand();
			for (const [wie, actie] of [
				[ambtenaar, 'afwijzen'],
				[bestuurder, 'accepteren'],
				[coa, 'afwijzen'],
				[toezicht, 'intrekken']
			] as const) {
				const r = await wijzigHuurcontract({
					...wie,
					id,
					versie: 2,
					actie,
					reden: 'Poging zonder recht.',
					binnen: { gemeenteCode: 'GM0518' }
				});
				expect(r).toMatchObject({ ok: false, code: 'GEEN_RECHT' });
			}
			expect(await stand()).toEqual(voor);
		});

		it('a contract outside the page it was shown on is not found', async () => {
			for (const binnen of [{ provincieCode: 'PV27' }, { gemeenteCode: 'GM0599' }]) {
				const r = await wijzigHuurcontract({
					...toezicht,
					id,
					versie: 2,
					actie: 'afwijzen',
					reden: 'x',
					binnen
				});
				expect(r).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
			}
			const r = await wijzigHuurcontract({
				...toezicht,
				id: 999_999,
				versie: 1,
				actie: 'accepteren',
				binnen: { provincieCode: 'PV28' }
			});
			expect(r).toMatchObject({ ok: false, code: 'NIET_GEVONDEN' });
		});

		it('an accepted contract can no longer be withdrawn', async () => {
			const r = await wijzigHuurcontract({
				...ambtenaar,
				id,
				versie: 2,
				actie: 'intrekken',
				binnen: { gemeenteCode: 'GM0518' }
			});
			expect(r).toMatchObject({ ok: false, code: 'STATUS' });
			expect(!r.ok && r.fouten.algemeen).toBe(
				'Dit huurcontract is al geaccepteerd en kan niet meer worden ingetrokken.'
			);
		});

		it('rejecting needs a reason; a rejection takes the contract out of the judgement again', async () => {
			const zonder = await wijzigHuurcontract({
				...toezicht,
				id,
				versie: 2,
				actie: 'afwijzen',
				reden: '  ',
				binnen: { provincieCode: 'PV28' }
			});
			expect(zonder).toMatchObject({ ok: false, code: 'REDEN_ONTBREEKT' });
			expect(!zonder.ok && Object.keys(zonder.fouten)).toEqual(['reden']);
			const r = await wijzigHuurcontract({
				...toezicht,
				id,
				versie: 2,
				actie: 'afwijzen',
				reden: 'Het contract is niet door de verhuurder ondertekend.',
				binnen: { provincieCode: 'PV28' }
			});
			expect(r).toMatchObject({ ok: true, status: 'afgewezen', versie: 3 });
			expect((await rij(id)).reden).toBe('Het contract is niet door de verhuurder ondertekend.');
			expect(await eind('GM0518')).toMatchObject({
				huurcontracten: 0,
				meegeteld: 95,
				tredeNa: '1'
			});
		});

		it('the gemeente withdraws a contract that was not judged yet', async () => {
			const nieuw = await registreer(ambtenaar, 'GM0518', { personen: 3 });
			if (!nieuw.ok) throw new Error('registratie mislukt');
			const r = await wijzigHuurcontract({
				...bestuurder,
				id: nieuw.id,
				versie: 1,
				actie: 'intrekken',
				binnen: { gemeenteCode: 'GM0518' }
			});
			expect(r).toMatchObject({ ok: true, status: 'ingetrokken' });
			expect(await rij(nieuw.id)).toMatchObject({
				status: 'ingetrokken',
				ingetrokkenDoorLabel: bestuurder.door.label,
				beoordeeldAt: null
			});
			const opnieuw = await wijzigHuurcontract({
				...toezicht,
				id: nieuw.id,
				versie: 2,
				actie: 'accepteren',
				binnen: { provincieCode: 'PV28' }
			});
			expect(opnieuw).toMatchObject({ ok: false, code: 'STATUS' });
		});
	});
});

describe('Rotterdam already met its opgave', () => {
	it('with huurcontractenOnlyWhenNeeded an accepted contract changes nothing in the judgement', async () => {
		const voor = await eind('GM0599');
		const r = await registreer(rotterdam, 'GM0599', { personen: 8 });
		if (!r.ok) throw new Error(JSON.stringify(r));
		await wijzigHuurcontract({
			...toezicht,
			id: r.id,
			versie: 1,
			actie: 'accepteren',
			binnen: { provincieCode: 'PV28' }
		});
		const na = await eind('GM0599');
		expect(na).toMatchObject({
			gerealiseerd: 210,
			huurcontracten: 8,
			meegeteld: 210,
			saldo: 10,
			tredeNa: '0'
		});
		expect(na.redenen).not.toContain('huurcontracten-meegeteld');
		expect(na.toelichting).toContain(
			'Huurcontracten zijn niet meegeteld, omdat de COA-cijfers de opgave al halen.'
		);
		expect({ ...na, huurcontracten: 0, toelichting: '' }).toEqual({
			...voor,
			huurcontracten: 0,
			toelichting: ''
		});
	});

	it('a policy that always counts contracts adds them to the judgement, still not to the saldo', async () => {
		await t.db.insert(beleidsversies).values({
			provincieCode: 'PV28',
			vanaf: '2026-I',
			versie: 1,
			beleid: {
				midpointThreshold: 1,
				notRising: [],
				disregardOmkoppelingen: false,
				huurcontractenOnlyWhenNeeded: false
			},
			doorLabel: 'test'
		});
		await herberekenProvincie(SYSTEEM, 'PV28');
		expect(await eind('GM0599')).toMatchObject({ meegeteld: 218, saldo: 10, tredeNa: '0' });
		// Back to the standard policy for the rest of the file (versions are never deleted).
		await t.db.insert(beleidsversies).values({
			provincieCode: 'PV28',
			vanaf: '2026-I',
			versie: 2,
			beleid: STANDAARD_BELEID,
			doorLabel: 'test'
		});
		await herberekenProvincie(SYSTEEM, 'PV28');
		expect(await eind('GM0599')).toMatchObject({ meegeteld: 210 });
	});
});

describe('a period whose end already has a decision', () => {
	it('still registers, with a warning', async () => {
		await t.db.insert(besluiten).values({
			gemeenteCode: 'GM0518',
			periode: '2026-I',
			kind: 'end',
			trede: '1',
			motivatie: 'Vastgesteld in het toezichtgesprek.',
			doorLabel: 'test'
		});
		const r = await registreer(ambtenaar, 'GM0518', { personen: 2 });
		expect(r).toMatchObject({ ok: true });
		expect(r.ok && r.waarschuwing).toContain(
			'Voor het einde van 2026-I is al een besluit vastgelegd.'
		);
		const groepen = await huurcontractenVanGemeente(t.db, 'GM0518');
		expect(groepen.find((g) => g.periode === '2026-I')?.besluit).toBe(true);
	});
});

describe('lists', () => {
	it('per gemeente: grouped per period, newest first, with what the judgement did', async () => {
		const groepen = await huurcontractenVanGemeente(t.db, 'GM0518');
		expect(groepen.map((g) => g.periode)).toEqual(['2026-II', '2026-I']);
		const i = groepen[1]!;
		expect(i.peildatum).toBe('2026-07-01');
		expect(i.contracten.map((c) => c.status).sort()).toEqual(
			['afgewezen', 'afgewezen', 'ingediend', 'ingetrokken'].sort()
		);
		expect(i.teBeoordelen).toBe(1);
		expect(i.geaccepteerdePersonen).toBe(0);
		expect(i.oordeel).toMatchObject({ meegeteld: false, gerealiseerd: 95, opgave: 100 });
		expect(i.contracten[0]!.bestand).toEqual({
			naam: 'huurcontract.pdf',
			mime: 'application/pdf',
			grootte: PDF.byteLength
		});
	});

	it('per provincie: what awaits judgement (oldest first) and what was judged recently', async () => {
		const { teBeoordelen, recentBeoordeeld } = await huurcontractenVanProvincie(t.db, 'PV28');
		expect(teBeoordelen.map((c) => [c.gemeenteNaam, c.periode])).toEqual([
			["'s-Gravenhage", '2026-II'],
			["'s-Gravenhage", '2026-I']
		]);
		expect(recentBeoordeeld[0]).toMatchObject({
			gemeenteNaam: 'Rotterdam',
			status: 'geaccepteerd'
		});
		expect(await aantalTeBeoordelen(t.db, 'PV28')).toBe(2);
		expect(await aantalTeBeoordelen(t.db, 'PV27')).toBe(0);
	});
});
