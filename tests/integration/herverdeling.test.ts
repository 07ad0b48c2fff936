import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../src/lib/domain/autorisatie/rollen';
import { parseHalfjaar } from '../../src/lib/domain/periode/halfjaar';
import { loadActor } from '../../src/lib/server/auth/actor';
import { controleerInhoud } from '../../src/lib/server/bestanden';
import {
	auditLog,
	bestanden,
	beoordelingen,
	herverdelingGemeenten,
	herverdelingen,
	realtimeGebeurtenissen
} from '../../src/lib/server/db/schema';
import { laadDemoCijfers } from '../../src/lib/server/seed/demo-cijfers';
import { taakstellingenVan } from '../../src/lib/server/services/herverdeeld';
import { gemeenteKamers, wachtOpMijnAkkoord } from '../../src/lib/server/services/home';
import { provincieOverzicht } from '../../src/lib/server/services/overzicht';
import { getTafel } from '../../src/lib/server/services/regietafels';
import { tafelStand } from '../../src/lib/server/services/tafelstand';
import type { Wijziging } from '../../src/lib/domain/herverdeling/validatie';
import {
	HERVERDELING_BESTANDEN,
	bijlagenVan,
	gemeenteStanden,
	haalHerverdeling,
	leesBijlage,
	lijstHerverdelingen,
	maakVoorstel,
	verwijderBijlage,
	voegBijlageToe,
	voerUit,
	type Wie
} from '../../src/lib/server/services/herverdelingen';
import { auditActor, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';

/**
 * Herverdeling (issue 5) against a real database: the workflow, optimistic locking, revalidation
 * against the current state, and the effect on the engine's taakstelling. The clock is fixed on
 * 22 November 2026 (period 2026-II has started and is still open).
 */
const NU = new Date('2026-11-22T10:00:00Z');
const P = '2026-II';
const DH = 'GM0518'; // 's-Gravenhage
const RW = 'GM0603'; // Rijswijk (ZH.)

let t: TestDatabase;
const wie: Record<string, Wie> = {};

async function persoon(email: string): Promise<Wie> {
	const audit = await auditActor(t.db, email);
	const actor: Actor = await loadActor(t.db, audit.userId);
	return { actor, audit };
}

beforeAll(async () => {
	t = await testDatabase();
	expect(await laadDemoCijfers()).toBe(true);
	wie.ambtenaar = await persoon('ambtenaar.denhaag@regietafel.test');
	wie.denhaag = await persoon('bestuurder.denhaag@regietafel.test');
	wie.rijswijk = await persoon('bestuurder.rijswijk@regietafel.test');
	wie.toezicht = await persoon('toezicht@regietafel.test');
	wie.deelnemer = await persoon('deelnemer@regietafel.test');
});
afterAll(async () => {
	await t?.close();
});

const standen = () => gemeenteStanden(t.db, parseHalfjaar(P)!, P, [DH, RW]);
const voorstel = (van: number) => ({
	periode: P,
	motivatie: 'Rijswijk neemt een deel over; in Den Haag opent een opvanglocatie.',
	wijzigingen: [
		{ gemeenteCode: DH, wijziging: -van },
		{ gemeenteCode: RW, wijziging: van }
	]
});
const reacties = async (id: number) =>
	(
		await t.db
			.select()
			.from(herverdelingGemeenten)
			.where(eq(herverdelingGemeenten.herverdelingId, id))
			.orderBy(asc(herverdelingGemeenten.gemeenteCode))
	).map((r) => r.reactie);
const akkoord = (gemeenteCode: string) => ({
	soort: 'akkoord' as const,
	gemeenteCode,
	besluitDatum: '2026-11-20',
	kenmerk: `B&W-${gemeenteCode}-2026-114`
});

describe('herverdeling: creation', () => {
	it('refuses a proposal that does not sum to zero, writing nothing but the audit row', async () => {
		const voor = await rowCount(t.db, herverdelingen);
		const u = await maakVoorstel(
			wie.ambtenaar!,
			'PV28',
			{
				...voorstel(5),
				wijzigingen: [
					{ gemeenteCode: DH, wijziging: -5 },
					{ gemeenteCode: RW, wijziging: 4 }
				]
			},
			{ indienen: true, nu: NU }
		);
		expect(u.ok).toBe(false);
		if (u.ok) return;
		expect(u.status).toBe(400);
		expect(u.bevindingen!.map((b) => b.code)).toEqual(['som-niet-nul']);
		expect(await rowCount(t.db, herverdelingen)).toBe(voor);
		const [laatste] = await t.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entity, 'herverdeling'))
			.orderBy(asc(auditLog.id));
		expect(laatste!.action).toBe('geweigerd-ongeldig');
	});

	it('refuses someone without the right to propose in the provincie', async () => {
		const u = await maakVoorstel(wie.deelnemer!, 'PV28', voorstel(1), { indienen: false, nu: NU });
		expect(u).toMatchObject({ ok: false, status: 403 });
	});

	it('refuses taking a gemeente below what is already gekoppeld', async () => {
		const s = await standen();
		const dh = s.get(DH)!;
		const teVeel = dh.taakstelling - dh.gekoppeld + 1;
		const u = await maakVoorstel(wie.ambtenaar!, 'PV28', voorstel(teVeel), {
			indienen: true,
			nu: NU
		});
		expect(u.ok).toBe(false);
		if (!u.ok) expect(u.bevindingen!.map((b) => b.code)).toEqual(['onder-gekoppeld']);
	});
});

describe('herverdeling: workflow to verwerkt, and the effect', () => {
	let id = 0;
	let versie = 0;

	it('is submitted with a warning that the period has started, and tells the provincie room', async () => {
		const events = await rowCount(t.db, realtimeGebeurtenissen);
		const u = await maakVoorstel(wie.ambtenaar!, 'PV28', voorstel(2), { indienen: true, nu: NU });
		expect(u.ok).toBe(true);
		if (!u.ok) return;
		id = u.id;
		versie = u.versie;
		const [hv] = await t.db.select().from(herverdelingen).where(eq(herverdelingen.id, id));
		expect(hv!.status).toBe('ingediend');
		expect((hv!.waarschuwingen as { code: string }[]).map((w) => w.code)).toEqual([
			'periode-begonnen'
		]);
		const [e] = await t.db
			.select()
			.from(realtimeGebeurtenissen)
			.where(eq(realtimeGebeurtenissen.type, 'herverdeling.gewijzigd'));
		expect(e!.kamer).toBe('provincie:PV28');
		expect(e!.payload).toMatchObject({ id, status: 'ingediend', akkoordGevraagd: [DH, RW] });
		expect(await rowCount(t.db, realtimeGebeurtenissen)).toBe(events + 1);
	});

	it('only a bestuurder of that gemeente gives akkoord', async () => {
		const u = await voerUit(wie.ambtenaar!, id, versie, akkoord(DH), NU);
		expect(u).toMatchObject({ ok: false, status: 403 });
		const ander = await voerUit(wie.rijswijk!, id, versie, akkoord(DH), NU);
		expect(ander).toMatchObject({ ok: false, status: 403 });
	});

	it('refuses an akkoord with a B&W-besluit dated in the future', async () => {
		const u = await voerUit(
			wie.denhaag!,
			id,
			versie,
			{ ...akkoord(DH), besluitDatum: '2026-11-23' },
			NU
		);
		expect(u).toMatchObject({
			ok: false,
			status: 400,
			fout: 'De datum van het B&W-besluit ligt in de toekomst; vul de datum van het besluit in.'
		});
		expect(await reacties(id)).toEqual(['open', 'open']);
	});

	it('refuses a stale write with a Dutch message, never merging it', async () => {
		const a = await voerUit(wie.denhaag!, id, versie, akkoord(DH), NU);
		expect(a.ok).toBe(true);
		// Rijswijk's page still shows the old version.
		const oud = await voerUit(wie.rijswijk!, id, versie, akkoord(RW), NU);
		expect(oud.ok).toBe(false);
		if (!oud.ok) {
			expect(oud.status).toBe(409);
			expect(oud.fout).toMatch(/^Dit voorstel is intussen gewijzigd \(om \d\d:\d\d\)/);
		}
		expect(await reacties(id)).toEqual(['akkoord', 'open']);
		if (a.ok) versie = a.versie;
	});

	it('changing the numbers after an akkoord resets every akkoord', async () => {
		const u = await voerUit(wie.ambtenaar!, id, versie, { soort: 'bewerken', ...voorstel(3) }, NU);
		expect(u.ok).toBe(true);
		if (u.ok) versie = u.versie;
		expect(await reacties(id)).toEqual(['open', 'open']);
		const [stap] = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'herverdeling'), eq(auditLog.action, 'bewerken')));
		expect(stap!.after).toMatchObject({ reactiesGewist: true });
	});

	let overzichtVoor: Awaited<ReturnType<typeof overzichten>>;

	it('both akkoord → vastgesteld; verwerken needs all three informed; verwerkt changes the engine', async () => {
		const opgaveVoor = await opgaven();
		overzichtVoor = await overzichten();
		let u = await voerUit(wie.denhaag!, id, versie, akkoord(DH), NU);
		if (u.ok) versie = u.versie;
		u = await voerUit(wie.rijswijk!, id, versie, akkoord(RW), NU);
		expect(u.ok).toBe(true);
		if (u.ok) versie = u.versie;
		const [hv] = await t.db.select().from(herverdelingen).where(eq(herverdelingen.id, id));
		expect(hv!.status).toBe('vastgesteld');
		expect(await voerUit(wie.ambtenaar!, id, versie, { soort: 'intrekken' }, NU)).toMatchObject({
			ok: false,
			status: 409
		});
		// Vastgesteld does not yet count for the engine.
		expect(await opgaven()).toEqual(opgaveVoor);

		const half = await voerUit(
			wie.toezicht!,
			id,
			versie,
			{ soort: 'verwerken', geinformeerd: ['provincie', 'coa'] },
			NU
		);
		expect(half).toMatchObject({
			ok: false,
			status: 409,
			fout: 'Verwerken kan pas als het ministerie van BZK is geïnformeerd.'
		});
		expect(
			await voerUit(
				wie.denhaag!,
				id,
				versie,
				{ soort: 'verwerken', geinformeerd: ['provincie', 'bzk', 'coa'] },
				NU
			)
		).toMatchObject({ ok: false, status: 403 });
		const klaar = await voerUit(
			wie.toezicht!,
			id,
			versie,
			{ soort: 'verwerken', geinformeerd: ['provincie', 'bzk', 'coa'] },
			NU
		);
		expect(klaar.ok).toBe(true);
		if (klaar.ok) versie = klaar.versie;
		const na = await opgaven();
		expect(na.get(DH)).toBe(opgaveVoor.get(DH)! - 3);
		expect(na.get(RW)).toBe(opgaveVoor.get(RW)! + 3);
		// The regional total is unchanged.
		expect(na.get(DH)! + na.get(RW)!).toBe(opgaveVoor.get(DH)! + opgaveVoor.get(RW)!);
	});

	it('the overviews show both taakstellingen: two gemeenten changed, regional and provincial totals not', async () => {
		const voor = overzichtVoor;
		const na = await overzichten();
		for (const [o, n] of [
			[voor.provincie, na.provincie],
			[voor.regio, na.regio]
		] as const) {
			const rij = (x: typeof o, code: string) => x.rijen.find((r) => r.gemeenteCode === code)!;
			// The official number stays; the one that counts moves by −3 / +3.
			expect(rij(n, DH).taakstellingOrigineel).toBe(rij(o, DH).taakstellingOrigineel);
			expect(rij(n, DH).taakstelling).toBe(rij(o, DH).taakstelling! - 3);
			expect(rij(n, DH).herverdeeld).toBe(-3);
			expect(rij(n, RW).taakstelling).toBe(rij(o, RW).taakstelling! + 3);
			expect(rij(n, RW).herverdeeld).toBe(3);
			// The opgave follows the redistributed taakstelling.
			expect(rij(n, DH).opgave).toBe(rij(o, DH).opgave! - 3);
			expect(rij(n, RW).opgave).toBe(rij(o, RW).opgave! + 3);
			// Every other gemeente is as it was.
			const anders = n.rijen.filter(
				(r) =>
					r.gemeenteCode !== DH &&
					r.gemeenteCode !== RW &&
					r.taakstelling !== rij(o, r.gemeenteCode).taakstelling
			);
			expect(anders).toEqual([]);
			// Totals: unchanged, and equal to the official total.
			expect(n.totaal.taakstelling).toBe(o.totaal.taakstelling);
			expect(n.totaal.taakstelling).toBe(n.totaal.taakstellingOrigineel);
			expect(n.totaal.herverdeeld).toBe(2);
			expect(n.regios.map((r) => [r.regio, r.taakstelling])).toEqual(
				o.regios.map((r) => [r.regio, r.taakstelling])
			);
		}
		// The regional table of Haaglanden sees exactly its regio, with the same total.
		expect(na.regio.regios.map((r) => r.regio)).toEqual(['Haaglanden']);
		expect(na.regio.totaal.taakstelling).toBe(voor.regio.totaal.taakstelling);
	});

	it('the gemeente page lists the taakstelling per period with the herverdeling that changed it', async () => {
		const dh = await taakstellingenVan(t.db, DH);
		expect(dh[P]!.taakstelling).toBe(dh[P]!.origineel - 3);
		expect(dh[P]!.herverdelingen).toEqual([{ id, wijziging: -3 }]);
		// The other period is untouched.
		expect(dh['2026-I']).toMatchObject({ herverdelingen: [] });
		expect(dh['2026-I']!.taakstelling).toBe(dh['2026-I']!.origineel);
	});

	it('the page shows rows, the zero total, the history and drafts for the three recipients', async () => {
		const d = await haalHerverdeling(wie.deelnemer!.actor, id, NU);
		expect(d).not.toBeNull();
		expect(d!.som).toBe(0);
		expect(d!.herverdeling.status).toBe('verwerkt');
		expect(d!.geschiedenis.map((s) => s.actie)).toEqual([
			'ingediend',
			'akkoord',
			'bewerken',
			'akkoord',
			'vastgesteld',
			'verwerken'
		]);
		expect(d!.berichten.map((b) => b.ontvanger)).toEqual(['provincie', 'bzk', 'coa']);
		expect(d!.berichten[1]!.tekst).toContain('kenmerk B&W-GM0603-2026-114');
		const lijst = await lijstHerverdelingen(wie.deelnemer!.actor, 'PV28');
		expect(lijst.map((l) => l.id)).toContain(id);
	});
});

describe('herverdeling: two proposals on the same gemeente', () => {
	it('the second is revalidated against the first once that one counts', async () => {
		const s = await standen();
		const dh = s.get(DH)!;
		const ruimte = dh.taakstelling - dh.gekoppeld;
		expect(ruimte).toBeGreaterThanOrEqual(2);
		const deel = Math.floor(ruimte / 2) + 1; // each alone fits, both together do not
		const a = await maakVoorstel(wie.ambtenaar!, 'PV28', voorstel(deel), {
			indienen: true,
			nu: NU
		});
		const b = await maakVoorstel(wie.ambtenaar!, 'PV28', voorstel(deel), {
			indienen: true,
			nu: NU
		});
		expect(a.ok && b.ok).toBe(true);
		if (!a.ok || !b.ok) return;
		let va = a.versie;
		for (const [w, code] of [
			[wie.denhaag!, DH],
			[wie.rijswijk!, RW]
		] as const) {
			const u = await voerUit(w, a.id, va, akkoord(code), NU);
			if (u.ok) va = u.versie;
		}
		const [hva] = await t.db.select().from(herverdelingen).where(eq(herverdelingen.id, a.id));
		expect(hva!.status).toBe('vastgesteld');

		const eerste = await voerUit(wie.denhaag!, b.id, b.versie, akkoord(DH), NU);
		expect(eerste).toMatchObject({ ok: false, status: 409 });
		if (!eerste.ok) {
			expect(eerste.bevindingen!.map((x) => x.code)).toEqual(['onder-gekoppeld']);
			expect(eerste.fout).toMatch(/^Akkoord geven kan niet: De taakstelling van 's-Gravenhage zou/);
		}
		const [hvb] = await t.db.select().from(herverdelingen).where(eq(herverdelingen.id, b.id));
		expect(hvb!.status).toBe('ingediend');
		expect(hvb!.versie).toBe(b.versie);
		// Withdrawing is always possible until vastgesteld.
		expect((await voerUit(wie.ambtenaar!, b.id, b.versie, { soort: 'intrekken' }, NU)).ok).toBe(
			true
		);
	});
});

/** The province overview and the regional table of Haaglanden (tafel 2) for the period. */
async function overzichten() {
	const [provincie, regio] = await Promise.all([
		provincieOverzicht('PV28', P),
		getTafel(2).then((tafel) => tafelStand(tafel!, P))
	]);
	return { provincie, regio };
}

/** The opgave of the 2026-II end (or midpoint) assessment per gemeente: what the engine used. */
async function opgaven(): Promise<Map<string, number>> {
	const rows = await t.db
		.select()
		.from(beoordelingen)
		.where(and(eq(beoordelingen.periode, P), eq(beoordelingen.kind, 'midpoint')));
	return new Map(
		rows
			.filter((r) => r.gemeenteCode === DH || r.gemeenteCode === RW)
			.map((r) => [r.gemeenteCode, (r.resultaat as { opgave: number }).opgave])
	);
}

describe('herverdeling: the database keeps every herverdeling zero-sum', () => {
	it('a transaction that leaves the changes of a herverdeling ≠ 0 is rolled back', async () => {
		const [hv] = await t.db.select().from(herverdelingen).limit(1);
		const voor = await t.db
			.select()
			.from(herverdelingGemeenten)
			.where(eq(herverdelingGemeenten.herverdelingId, hv!.id));
		const fout = await t.db
			.transaction(async (tx) => {
				await tx
					.update(herverdelingGemeenten)
					.set({ wijziging: 99 })
					.where(
						and(
							eq(herverdelingGemeenten.herverdelingId, hv!.id),
							eq(herverdelingGemeenten.gemeenteCode, DH)
						)
					);
			})
			.then(
				() => null,
				(e: unknown) => e as Error & { cause?: Error }
			);
		expect(`${fout?.message} ${fout?.cause?.message ?? ''}`).toMatch(
			/telt op tot 102 in plaats van 0/
		);
		const na = await t.db
			.select()
			.from(herverdelingGemeenten)
			.where(eq(herverdelingGemeenten.herverdelingId, hv!.id));
		expect(na).toEqual(voor);
		expect(na.reduce((s, r) => s + r.wijziging, 0)).toBe(0);
	});
});

describe('herverdeling: authorization comes first', () => {
	const ANDEREN = ['GM0599', 'GM0505', 'GM0546', 'GM0503', 'GM0637']; // none is Den Haag
	let zonderDenHaag: { periode: string; motivatie: string; wijzigingen: Wijziging[] };

	beforeAll(async () => {
		// Two gemeenten other than Den Haag: one that can give one up, one that takes it.
		const s = await gemeenteStanden(t.db, parseHalfjaar(P)!, P, ANDEREN);
		const gever = ANDEREN.find((c) => s.get(c)!.taakstelling - s.get(c)!.gekoppeld >= 1)!;
		const nemer = ANDEREN.find((c) => c !== gever)!;
		zonderDenHaag = {
			periode: P,
			motivatie: 'Een uitruil tussen twee andere gemeenten (voorstel van een derde).',
			wijzigingen: [
				{ gemeenteCode: gever, wijziging: -1 },
				{ gemeenteCode: nemer, wijziging: 1 }
			]
		};
	});

	it('a gemeente official proposes only a herverdeling their own gemeente takes part in', async () => {
		const voor = await rowCount(t.db, herverdelingen);
		const u = await maakVoorstel(wie.ambtenaar!, 'PV28', zonderDenHaag, {
			indienen: true,
			nu: NU
		});
		expect(u).toMatchObject({ ok: false, status: 403 });
		if (!u.ok) expect(u.fout).toMatch(/waaraan uw eigen gemeente meedoet/);
		expect(await rowCount(t.db, herverdelingen)).toBe(voor);
		// The toezichthouder may propose it.
		const tz = await maakVoorstel(wie.toezicht!, 'PV28', zonderDenHaag, {
			indienen: false,
			nu: NU
		});
		expect(tz).toMatchObject({ ok: true });
	});

	it('nor can the proposer change their own proposal into one without their gemeente', async () => {
		const u = await maakVoorstel(wie.ambtenaar!, 'PV28', voorstel(1), { indienen: false, nu: NU });
		expect(u.ok).toBe(true);
		if (!u.ok) return;
		const w = await voerUit(
			wie.ambtenaar!,
			u.id,
			u.versie,
			{ soort: 'bewerken', ...zonderDenHaag },
			NU
		);
		expect(w).toMatchObject({ ok: false, status: 403 });
		const [hv] = await t.db.select().from(herverdelingen).where(eq(herverdelingen.id, u.id));
		expect(hv!.versie).toBe(u.versie);
		expect(await reacties(u.id)).toEqual(['open', 'open']);
	});

	it('someone without the right hears 403, also with a stale version (no hint about the state)', async () => {
		const u = await maakVoorstel(wie.ambtenaar!, 'PV28', voorstel(1), { indienen: true, nu: NU });
		expect(u.ok).toBe(true);
		if (!u.ok) return;
		const a = await voerUit(wie.denhaag!, u.id, u.versie, akkoord(DH), NU);
		expect(a.ok).toBe(true);
		// Rijswijk's bestuurder tries to agree for Den Haag with the old version: not allowed
		// comes before stale.
		const r = await voerUit(wie.rijswijk!, u.id, u.versie, akkoord(DH), NU);
		expect(r).toMatchObject({ ok: false, status: 403 });
		const i = await voerUit(wie.rijswijk!, u.id, u.versie, { soort: 'intrekken' }, NU);
		expect(i).toMatchObject({ ok: false, status: 403 });
	});
});

describe('herverdeling: attachments', () => {
	const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
	const bestand = (naam: string, inhoud: Uint8Array = PDF) => {
		const c = controleerInhoud(naam, inhoud, { soorten: HERVERDELING_BESTANDEN });
		if (!c.ok) throw new Error(c.fout);
		return c.bestand;
	};
	let id = 0;
	let ander = 0;

	beforeAll(async () => {
		const a = await maakVoorstel(wie.ambtenaar!, 'PV28', voorstel(1), { indienen: true, nu: NU });
		const b = await maakVoorstel(wie.ambtenaar!, 'PV28', voorstel(1), { indienen: false, nu: NU });
		if (!a.ok || !b.ok) throw new Error('voorstel mislukt');
		id = a.id;
		ander = b.id;
	});

	it('the proposer adds a PDF: listed on the page, audited, told to the room; the version stays', async () => {
		const events = await rowCount(t.db, realtimeGebeurtenissen);
		const [voor] = await t.db.select().from(herverdelingen).where(eq(herverdelingen.id, id));
		const u = await voegBijlageToe(wie.ambtenaar!, id, bestand('Collegebesluit Den Haag.pdf'));
		expect(u).toMatchObject({ ok: true, versie: voor!.versie });
		const d = await haalHerverdeling(wie.deelnemer!.actor, id, NU);
		expect(d!.bijlagen.map((b) => b.naam)).toEqual(['Collegebesluit Den Haag.pdf']);
		expect(d!.bijlagen[0]!.door).toBe(wie.ambtenaar!.audit.label);
		expect(d!.geschiedenis.at(-1)).toMatchObject({
			actie: 'bijlage-toegevoegd',
			details: { naam: 'Collegebesluit Den Haag.pdf' }
		});
		expect(await rowCount(t.db, realtimeGebeurtenissen)).toBe(events + 1);
		// Whoever may see the proposal reads the file; the bytes are what was uploaded.
		const rij = await leesBijlage(wie.deelnemer!.actor, id, d!.bijlagen[0]!.bestandId);
		expect(rij?.mime).toBe('application/pdf');
		expect(Buffer.from(rij!.inhoud).equals(Buffer.from(PDF))).toBe(true);
	});

	it('a file of one proposal is not found under another', async () => {
		const [b] = await bijlagenVan(t.db, id);
		expect(await leesBijlage(wie.toezicht!.actor, ander, b!.bestandId)).toBeNull();
		expect(await leesBijlage(wie.toezicht!.actor, id, b!.bestandId + 1000)).toBeNull();
	});

	it('refuses the same file twice, and anyone but the proposer or toezichthouder, storing nothing', async () => {
		const voor = await rowCount(t.db, bestanden);
		const dubbel = await voegBijlageToe(wie.ambtenaar!, id, bestand('kopie.pdf'));
		expect(dubbel).toMatchObject({ ok: false, status: 409 });
		if (!dubbel.ok) expect(dubbel.fout).toBe('‘kopie.pdf’ is al bij dit voorstel gevoegd.');
		const andere = new TextEncoder().encode('%PDF-1.4\n% onderbouwing\n%%EOF\n');
		const bestuurder = await voegBijlageToe(wie.denhaag!, id, bestand('b.pdf', andere));
		expect(bestuurder).toMatchObject({ ok: false, status: 403 });
		expect(await rowCount(t.db, bestanden)).toBe(voor);
		// The toezichthouder may.
		const tz = await voegBijlageToe(wie.toezicht!, id, bestand('Onderbouwing.pdf', andere));
		expect(tz.ok).toBe(true);
		expect(await rowCount(t.db, bestanden)).toBe(voor + 1);
		const [audit] = await t.db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.entity, 'herverdeling'), eq(auditLog.action, 'geweigerd-bijlage-toevoegen'))
			)
			.orderBy(desc(auditLog.id))
			.limit(1);
		expect(audit!.actorLabel).toBe(wie.denhaag!.audit.label);
	});

	it('removing an attachment removes the file; once vastgesteld the attachments are fixed', async () => {
		const lijst = await bijlagenVan(t.db, id);
		const weg = lijst.find((b) => b.naam === 'Onderbouwing.pdf')!;
		const voor = await rowCount(t.db, bestanden);
		expect((await verwijderBijlage(wie.ambtenaar!, id, weg.bestandId)).ok).toBe(true);
		expect((await bijlagenVan(t.db, id)).map((b) => b.naam)).toEqual([
			'Collegebesluit Den Haag.pdf'
		]);
		expect(await rowCount(t.db, bestanden)).toBe(voor - 1);
		expect(await leesBijlage(wie.toezicht!.actor, id, weg.bestandId)).toBeNull();

		let [hv] = await t.db.select().from(herverdelingen).where(eq(herverdelingen.id, id));
		let versie = hv!.versie;
		for (const [w, code] of [
			[wie.denhaag!, DH],
			[wie.rijswijk!, RW]
		] as const) {
			const u = await voerUit(w, id, versie, akkoord(code), NU);
			if (u.ok) versie = u.versie;
		}
		[hv] = await t.db.select().from(herverdelingen).where(eq(herverdelingen.id, id));
		expect(hv!.status).toBe('vastgesteld');
		const laat = await voegBijlageToe(
			wie.ambtenaar!,
			id,
			bestand('laat.pdf', new TextEncoder().encode('%PDF-1.7\n'))
		);
		expect(laat).toMatchObject({
			ok: false,
			status: 409,
			fout: 'Dit voorstel is vastgesteld; de bijlagen liggen vast.'
		});
		const [b] = await bijlagenVan(t.db, id);
		expect(await verwijderBijlage(wie.ambtenaar!, id, b!.bestandId)).toMatchObject({
			ok: false,
			status: 409
		});
	});
});

describe('herverdeling: the home page of a bestuurder', () => {
	it('lists the proposals waiting for their akkoord until they gave it', async () => {
		const u = await maakVoorstel(wie.ambtenaar!, 'PV28', voorstel(1), { indienen: true, nu: NU });
		const concept = await maakVoorstel(wie.ambtenaar!, 'PV28', voorstel(1), {
			indienen: false,
			nu: NU
		});
		if (!u.ok || !concept.ok) throw new Error('voorstel mislukt');
		const wacht = async (w: Wie) =>
			(await wachtOpMijnAkkoord(w.actor as Extract<Actor, { soort: 'gebruiker' }>)).map(
				(v) => v.id
			);
		expect(await wacht(wie.denhaag!)).toContain(u.id);
		// A concept asks nobody yet; an official is no bestuurder.
		expect(await wacht(wie.denhaag!)).not.toContain(concept.id);
		expect(await wacht(wie.ambtenaar!)).toEqual([]);
		const [item] = (
			await wachtOpMijnAkkoord(wie.rijswijk!.actor as Extract<Actor, { soort: 'gebruiker' }>)
		).filter((v) => v.id === u.id);
		expect(item).toMatchObject({
			periode: P,
			voor: [{ code: RW, naam: 'Rijswijk (ZH.)' }],
			gemeenten: [
				{ code: DH, naam: "'s-Gravenhage", wijziging: -1 },
				{ code: RW, naam: 'Rijswijk (ZH.)', wijziging: 1 }
			]
		});
		expect((await voerUit(wie.denhaag!, u.id, u.versie, akkoord(DH), NU)).ok).toBe(true);
		expect(await wacht(wie.denhaag!)).not.toContain(u.id);
		expect(await wacht(wie.rijswijk!)).toContain(u.id);
	});

	it('the layout follows the provincie room of a gemeente official, and nobody else', () => {
		expect(gemeenteKamers(wie.denhaag!.actor)).toEqual({
			kamers: ['provincie:PV28'],
			gemeenten: [DH]
		});
		expect(gemeenteKamers(wie.toezicht!.actor)).toEqual({ kamers: [], gemeenten: [] });
	});
});
