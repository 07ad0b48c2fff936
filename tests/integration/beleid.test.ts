import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import {
	auditLog,
	beleidsversies,
	beoordelingen,
	imports,
	realisatiecijfers,
	realtimeGebeurtenissen,
	taakstellingen
} from '../../src/lib/server/db/schema';
import { loadActor } from '../../src/lib/server/auth/actor';
import { SYSTEEM } from '../../src/lib/server/mutatie';
import { currentSeq } from '../../src/lib/server/realtime/publish';
import { herberekenProvincie, tijdlijn } from '../../src/lib/server/services/beoordelingen';
import { legBeleidVast, voorbeeldBeleid } from '../../src/lib/server/services/beleid';
import { STANDAARD_BELEID, type Beleid } from '../../src/lib/domain/ladder/beleidskader';
import { rowCount, testDatabase, userByEmail, type TestDatabase } from '../helpers/demo';

/**
 * Saving a version of the beleidskader: numbering per vanaf, audit, recomputation in the same
 * transaction, the live event, stale and invalid input, rights; and the preview that writes
 * nothing. Two gemeenten with figures for 2026-I:
 * - 's-Gravenhage (GM0518): taakstelling 100, 20 housed by March (40 % of the minimum of 50),
 *   60 by June: trede 1 at the midpoint under the standard policy;
 * - Rotterdam (GM0599): taakstelling 200, 120 by March, 210 by June: trede 0 throughout.
 */

let t: TestDatabase;
const KAMER = 'provincie:PV28';

const maand = (gemeenteCode: string, m: string, gehuisvest: number) => ({
	gemeenteCode,
	maand: m,
	periode: '2026-I',
	gehuisvest,
	koppelingen: 100,
	omkoppelingen: 0,
	stapelgemeente: false
});

async function toezichthouder() {
	const u = await userByEmail(t.db, 'toezicht@regietafel.test');
	return { actor: await loadActor(t.db, u.id), door: { userId: u.id, label: u.naam } };
}

const beleid = (b: Partial<Beleid>): Beleid => ({ ...STANDAARD_BELEID, ...b });

async function stand(gemeenteCode: string, kind: 'midpoint' | 'end', periode = '2026-I') {
	const [r] = await t.db
		.select()
		.from(beoordelingen)
		.where(
			and(
				eq(beoordelingen.gemeenteCode, gemeenteCode),
				eq(beoordelingen.periode, periode),
				eq(beoordelingen.kind, kind)
			)
		);
	return r;
}

async function gebeurtenissenNa(seq: number) {
	return t.db
		.select()
		.from(realtimeGebeurtenissen)
		.where(and(eq(realtimeGebeurtenissen.kamer, KAMER), gt(realtimeGebeurtenissen.seq, seq)))
		.orderBy(asc(realtimeGebeurtenissen.seq));
}

/** Everything a save could write, to prove that a refusal wrote nothing. */
async function tellingen() {
	return {
		versies: await rowCount(t.db, beleidsversies),
		audit: await rowCount(t.db, auditLog),
		beoordelingen: JSON.stringify(
			(await t.db.select().from(beoordelingen).orderBy(asc(beoordelingen.id))).map((b) => [
				b.id,
				b.tredeNa,
				b.beleidsversieId
			])
		),
		seq: await currentSeq(t.db, KAMER)
	};
}

beforeAll(async () => {
	t = await testDatabase();
	const [imp] = await t.db
		.insert(imports)
		.values({ soort: 'taakstelling', bestandsnaam: 'test', sha256: 'x', rijen: 2, doorLabel: 't' })
		.returning();
	const importId = imp!.id;
	await t.db.insert(taakstellingen).values([
		{ periode: '2026-I', gemeenteCode: 'GM0518', aantal: 100, bron: 'import', importId },
		{ periode: '2026-I', gemeenteCode: 'GM0599', aantal: 200, bron: 'import', importId }
	]);
	await t.db
		.insert(realisatiecijfers)
		.values(
			[
				maand('GM0518', '2026-03', 20),
				maand('GM0518', '2026-06', 60),
				maand('GM0599', '2026-03', 120),
				maand('GM0599', '2026-06', 210)
			].map((r) => ({ ...r, importId }))
		);
	await herberekenProvincie(SYSTEEM, 'PV28');
});
afterAll(async () => {
	await t?.close();
});

describe('een nieuwe beleidsversie vastleggen', () => {
	it('versie 1: opgeslagen, geaudit, standen herberekend in dezelfde transactie, live gemeld', async () => {
		expect(await stand('GM0518', 'midpoint')).toMatchObject({
			tredeNa: '1',
			beleidsversieId: null
		});
		const { actor, door } = await toezichthouder();
		const seq = await currentSeq(t.db, KAMER);

		const r = await legBeleidVast({
			actor,
			door,
			provincieCode: 'PV28',
			invoer: {
				vanaf: '2026-I',
				beleid: beleid({ midpointThreshold: 0.4 }),
				toelichting: 'Coronamaatregel, besluit GS',
				basisVersie: 0
			}
		});

		expect(r).toMatchObject({ ok: true, vanaf: '2026-I', versie: 1, gewijzigd: ['GM0518'] });
		if (!r.ok) throw new Error('niet opgeslagen');
		const [rij] = await t.db.select().from(beleidsversies).where(eq(beleidsversies.id, r.id));
		expect(rij).toMatchObject({
			provincieCode: 'PV28',
			vanaf: '2026-I',
			versie: 1,
			door: door.userId,
			doorLabel: 'Tessa de Vries',
			toelichting: 'Coronamaatregel, besluit GS'
		});
		expect((rij!.beleid as Beleid).midpointThreshold).toBe(0.4);

		// 20 of a minimum of 50 is 40 %: op schema at a threshold of 40 %.
		expect(await stand('GM0518', 'midpoint')).toMatchObject({
			tredeNa: '0',
			beleidsversieId: r.id
		});
		// Rotterdam's standing is the same, but its assessment names the version it was made under.
		expect(await stand('GM0599', 'midpoint')).toMatchObject({
			tredeNa: '0',
			beleidsversieId: r.id
		});
		const [laatste] = await tijdlijn(t.db, 'GM0518');
		expect(laatste!.beleid).toEqual({ id: r.id, vanaf: '2026-I', versie: 1 });

		const [audit] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'beleidsversie'), eq(auditLog.action, 'vastgelegd')))
			.orderBy(desc(auditLog.id))
			.limit(1);
		expect(audit).toMatchObject({
			actorUserId: door.userId,
			entityId: String(r.id),
			before: { standaardbeleid: true },
			after: { vanaf: '2026-I', versie: 1, beleid: { midpointThreshold: 0.4 } }
		});

		const events = await gebeurtenissenNa(seq);
		expect(events.map((e) => e.type)).toEqual(['beoordelingen.gewijzigd', 'beleid.gewijzigd']);
		expect(events[1]!.payload).toEqual({
			id: r.id,
			vanaf: '2026-I',
			versie: 1,
			door: 'Tessa de Vries',
			gemeenten: ['GM0518']
		});
	});

	it('versie 2 voor dezelfde vanaf: nummer + 1, de audit toont versie 1 als "voor"', async () => {
		const { actor, door } = await toezichthouder();
		const r = await legBeleidVast({
			actor,
			door,
			provincieCode: 'PV28',
			invoer: {
				vanaf: '2026-I',
				beleid: STANDAARD_BELEID,
				toelichting: 'Terug naar het standaardbeleid',
				basisVersie: 1
			}
		});
		expect(r).toMatchObject({ ok: true, versie: 2, gewijzigd: ['GM0518'] });
		expect(await stand('GM0518', 'midpoint')).toMatchObject({ tredeNa: '1' });
		const [audit] = await t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entity, 'beleidsversie'))
			.orderBy(desc(auditLog.id))
			.limit(1);
		expect(audit!.before).toMatchObject({ versie: 1, beleid: { midpointThreshold: 0.4 } });
		expect(audit!.after).toMatchObject({ versie: 2, beleid: { midpointThreshold: 1 } });
		// Versions are never updated: version 1 is still there, unchanged.
		const rijen = await t.db
			.select()
			.from(beleidsversies)
			.where(eq(beleidsversies.vanaf, '2026-I'))
			.orderBy(asc(beleidsversies.versie));
		expect(rijen.map((v) => [v.versie, (v.beleid as Beleid).midpointThreshold])).toEqual([
			[1, 0.4],
			[2, 1]
		]);
	});

	it('een andere vanaf begint bij versie 1; zonder cijfers in die periode verandert geen stand', async () => {
		const { actor, door } = await toezichthouder();
		const r = await legBeleidVast({
			actor,
			door,
			provincieCode: 'PV28',
			invoer: {
				vanaf: '2026-II',
				beleid: beleid({ notRising: [{ kind: 'fractionOfOpgave', fraction: 0.7 }] }),
				toelichting: 'LRT-advies 2026-II',
				basisVersie: 0
			}
		});
		expect(r).toMatchObject({ ok: true, vanaf: '2026-II', versie: 1, gewijzigd: [] });
	});

	it('een niet-stijgen-regel verandert de stand aan het einde van de periode', async () => {
		const { actor, door } = await toezichthouder();
		// GM0518 ends 2026-I with 60 of 100: trede 1 → 2 under the standard policy. With a
		// "niet stijgen" rule at 60 % of the opgave it stays at 1.
		expect(await stand('GM0518', 'end')).toMatchObject({ tredeVoor: '1', tredeNa: '2' });
		const r = await legBeleidVast({
			actor,
			door,
			provincieCode: 'PV28',
			invoer: {
				vanaf: '2026-I',
				beleid: beleid({ notRising: [{ kind: 'fractionOfOpgave', fraction: 0.6 }] }),
				toelichting: 'Niet stijgen bij 60 %',
				basisVersie: 2
			}
		});
		expect(r).toMatchObject({ ok: true, versie: 3, gewijzigd: ['GM0518'] });
		expect(await stand('GM0518', 'end')).toMatchObject({ tredeVoor: '1', tredeNa: '1' });
	});
	it('een versie zonder inhoudelijke wijziging: geen andere stand, wel de nieuwe versie genoemd', async () => {
		const { actor, door } = await toezichthouder();
		const r = await legBeleidVast({
			actor,
			door,
			provincieCode: 'PV28',
			invoer: {
				vanaf: '2026-I',
				beleid: beleid({ notRising: [{ kind: 'fractionOfOpgave', fraction: 0.6 }] }),
				toelichting: 'Zelfde beleid, nu met het kenmerk van het GS-besluit erbij',
				basisVersie: 3
			}
		});
		expect(r).toMatchObject({ ok: true, versie: 4, gewijzigd: [] });
		if (!r.ok) throw new Error('niet opgeslagen');
		for (const code of ['GM0518', 'GM0599']) {
			expect(await stand(code, 'midpoint')).toMatchObject({ beleidsversieId: r.id });
			expect(await stand(code, 'end')).toMatchObject({ beleidsversieId: r.id });
		}
	});
});

describe('weigeringen', () => {
	it('verouderd formulier: een ander legde intussen een nieuwere versie vast → geweigerd, niets overschreven', async () => {
		const { actor, door } = await toezichthouder();
		const voor = await tellingen();
		const r = await legBeleidVast({
			actor,
			door,
			provincieCode: 'PV28',
			invoer: {
				vanaf: '2026-I',
				beleid: beleid({ midpointThreshold: 0.1 }),
				toelichting: 'Gebaseerd op versie 2, maar 4 bestaat al',
				basisVersie: 2
			}
		});
		expect(r).toMatchObject({ ok: false, code: 'BELEID.VEROUDERD' });
		if (r.ok) throw new Error('opgeslagen');
		expect(r.fouten.algemeen).toContain('Tessa de Vries');
		expect(r.fouten.algemeen).toContain('versie 4 vastgelegd voor 2026-I');
		expect(r.fouten.algemeen).toContain('niet opgeslagen');
		const na = await tellingen();
		expect(na.versies).toBe(voor.versies);
		expect(na.beoordelingen).toBe(voor.beoordelingen);
		expect(na.seq).toBe(voor.seq);
		// Only the refusal itself is recorded.
		expect(na.audit).toBe(voor.audit + 1);
		const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
		expect(audit).toMatchObject({ entity: 'beleidsversie', action: 'geweigerd-verouderd' });
	});

	it('twee gelijktijdige opslagen op basis van dezelfde versie: één wint, de ander wordt geweigerd', async () => {
		const { actor, door } = await toezichthouder();
		const opslaan = (drempel: number) =>
			legBeleidVast({
				actor,
				door,
				provincieCode: 'PV28',
				invoer: {
					vanaf: '2026-II',
					beleid: beleid({ midpointThreshold: drempel }),
					toelichting: `Gelijktijdig ${drempel}`,
					basisVersie: 1
				}
			});
		const uitkomsten = await Promise.all([opslaan(0.8), opslaan(0.9)]);
		expect(uitkomsten.map((u) => (u.ok ? 'ok' : u.code)).sort()).toEqual([
			'BELEID.VEROUDERD',
			'ok'
		]);
		const rijen = await t.db
			.select()
			.from(beleidsversies)
			.where(eq(beleidsversies.vanaf, '2026-II'));
		expect(rijen.map((v) => v.versie).sort()).toEqual([1, 2]);
	});

	it.each<[string, Record<string, unknown>, string]>([
		[
			'drempel boven 100 %',
			{ beleid: beleid({ midpointThreshold: 1.5 }) },
			'beleid.midpointThreshold'
		],
		['periode onleesbaar', { vanaf: 'volgend jaar' }, 'vanaf'],
		['lege toelichting', { toelichting: '  ' }, 'toelichting'],
		[
			'onbekend soort regel',
			{ beleid: { ...STANDAARD_BELEID, notRising: [{ kind: 'altijd', fraction: 0.5 }] } },
			'beleid.notRising.0.kind'
		],
		['geen basisversie', { basisVersie: -1 }, 'basisVersie']
	])(
		'ongeldige invoer (%s) → geweigerd zonder enige schrijfactie',
		async (_naam, wijziging, veld) => {
			const { actor, door } = await toezichthouder();
			const voor = await tellingen();
			const r = await legBeleidVast({
				actor,
				door,
				provincieCode: 'PV28',
				invoer: {
					vanaf: '2027-I',
					beleid: STANDAARD_BELEID,
					toelichting: 'Geldige toelichting',
					basisVersie: 0,
					...wijziging
				}
			});
			expect(r).toMatchObject({ ok: false, code: 'BELEID.ONGELDIG' });
			if (r.ok) throw new Error('opgeslagen');
			expect(Object.keys(r.fouten)).toContain(veld);
			expect(await tellingen()).toEqual(voor);
		}
	);

	it.each([
		['coa@regietafel.test', 'PV28', 'COA-regievoerder: mag bekijken, niet beoordelen'],
		['beheerder@regietafel.test', 'PV28', 'beheerder: geen toezichthouder'],
		['ambtenaar.denhaag@regietafel.test', 'PV28', 'ambtenaar van een gemeente'],
		['toezicht@regietafel.test', 'PV27', 'toezichthouder van een andere provincie']
	])('%s voor %s → geweigerd, niets geschreven (%s)', async (email, provincieCode) => {
		const u = await userByEmail(t.db, email);
		const voor = await tellingen();
		const r = await legBeleidVast({
			actor: await loadActor(t.db, u.id),
			door: { userId: u.id, label: u.naam },
			provincieCode,
			invoer: {
				vanaf: '2027-I',
				beleid: beleid({ midpointThreshold: 0.5 }),
				toelichting: 'Poging zonder recht',
				basisVersie: 0
			}
		});
		expect(r).toMatchObject({ ok: false, code: 'BELEID.GEEN_RECHT' });
		expect(await tellingen()).toEqual(voor);
	});
});

describe('versies worden nooit gewijzigd', () => {
	it('de database weigert een UPDATE van een beleidsversie', async () => {
		const [eerste] = await t.db.select().from(beleidsversies).limit(1);
		let melding = '';
		try {
			await t.db
				.update(beleidsversies)
				.set({ toelichting: 'achteraf aangepast' })
				.where(eq(beleidsversies.id, eerste!.id));
		} catch (e) {
			const err = e as Error & { cause?: Error };
			melding = `${err.message} ${err.cause?.message ?? ''}`;
		}
		expect(melding).toContain('beleidsversies are never updated');
		const [na] = await t.db.select().from(beleidsversies).where(eq(beleidsversies.id, eerste!.id));
		expect(na).toEqual(eerste);
	});
});

describe('voorbeeld', () => {
	it('toont welke gemeenten een andere stand zouden krijgen, zonder iets te schrijven', async () => {
		const voor = await tellingen();
		const r = await voorbeeldBeleid('PV28', {
			vanaf: '2026-I',
			beleid: beleid({
				midpointThreshold: 0.4,
				notRising: [{ kind: 'fractionOfOpgave', fraction: 0.6 }]
			})
		});
		expect(r.gemeenten).toBe(2);
		expect(r.wijzigingen).toEqual([
			{
				gemeenteCode: 'GM0518',
				naam: "'s-Gravenhage",
				// Only the midpoint: at the end the 60 % rule cannot keep trede 0 for a missed
				// opgave (0 → 1, signaleren), which is the trede it has now.
				peildata: [{ periode: '2026-I', kind: 'midpoint', nu: '1', straks: '0' }]
			}
		]);
		expect(await tellingen()).toEqual(voor);
	});

	it('geen verschil: geen wijzigingen', async () => {
		const r = await voorbeeldBeleid('PV28', {
			vanaf: '2026-I',
			beleid: beleid({ notRising: [{ kind: 'fractionOfOpgave', fraction: 0.6 }] })
		});
		expect(r.wijzigingen).toEqual([]);
	});
});
