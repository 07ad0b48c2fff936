import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import {
	auditLog,
	mededelingen,
	realtimeGebeurtenissen,
	realtimeKamers
} from '../../src/lib/server/db/schema';
import { mutate } from '../../src/lib/server/mutatie';
import {
	BEWAARTERMIJN_MS,
	MAX_INHALEN,
	currentSeq,
	eventsSince,
	oldestSeq,
	pruneOutbox
} from '../../src/lib/server/realtime/publish';
import { getIo } from '../../src/lib/server/realtime/hub.js';
import { plaatsMededeling, tafelKamer } from '../../src/lib/server/services/regietafels';
import { auditActor, rowCount, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;
let secretaris: Awaited<ReturnType<typeof auditActor>>;
let haaglanden: Awaited<ReturnType<typeof auditActor>>;

beforeAll(async () => {
	t = await testDatabase();
	secretaris = await auditActor(t.db, 'secretaris@regietafel.test');
	haaglanden = await auditActor(t.db, 'secretaris.haaglanden@regietafel.test');
});
afterAll(async () => {
	await t?.close();
});

async function tellingen() {
	return {
		mededelingen: await rowCount(t.db, mededelingen),
		audit: await rowCount(t.db, auditLog),
		outbox: await rowCount(t.db, realtimeGebeurtenissen),
		seq: await currentSeq(t.db, tafelKamer(1))
	};
}

async function seqsIn(kamer: string) {
	const rows = await t.db
		.select({ seq: realtimeGebeurtenissen.seq })
		.from(realtimeGebeurtenissen)
		.where(eq(realtimeGebeurtenissen.kamer, kamer))
		.orderBy(asc(realtimeGebeurtenissen.seq));
	return rows.map((r) => r.seq);
}

/**
 * Stands in for the Socket.IO server that publishers emit on, to see what is emitted and when
 * (the hub keeps it on globalThis; see realtime/hub.js).
 */
function vangUitzendingen() {
	getIo(); // creates the hub state
	const hub = (globalThis as Record<symbol, { current: unknown }>)[
		Symbol.for('regietafel.realtime.hub')
	]!;
	const uitgezonden: { kamer: string; event: string; data: { seq: number; kamer: string } }[] = [];
	const to = (kamer: string) => ({
		emit: (event: string, data: { seq: number; kamer: string }) =>
			uitgezonden.push({ kamer, event, data })
	});
	// emitLocalFirst writes through io.local (this process's sockets) first.
	hub.current = { to, local: { to } };
	return { uitgezonden, stop: () => (hub.current = null) };
}

const reeks = (van: number, tot: number) =>
	Array.from({ length: tot - van + 1 }, (_, i) => van + i);

describe('mutate()', () => {
	it('an exception inside rolls back data, audit and outbox', async () => {
		await plaatsMededeling(secretaris, 1, 'vooraf');
		const voor = await tellingen();
		expect(voor.seq).toBe(1);
		await expect(
			mutate(secretaris, async ({ tx, audit, publish }) => {
				await tx
					.insert(mededelingen)
					.values({ regietafelId: 1, auteurId: secretaris.userId, tekst: 'x' });
				await audit({ entity: 'regietafel', entityId: 1, action: 'mededeling-geplaatst' });
				await publish(tafelKamer(1), 'mededeling.geplaatst', { tekst: 'x' });
				throw new Error('mislukt halverwege');
			})
		).rejects.toThrow('mislukt halverwege');
		expect(await tellingen()).toEqual(voor);
	});

	it('emits events only after commit, never for a rolled-back mutation', async () => {
		const io = vangUitzendingen();
		try {
			const seq = await currentSeq(t.db, tafelKamer(1));
			await expect(
				mutate(secretaris, async ({ audit, publish }) => {
					await audit({ entity: 'test', entityId: 1, action: 'mislukt' });
					await publish(tafelKamer(1), 'regietafel.gewijzigd', {});
					expect(io.uitgezonden).toEqual([]); // not before the commit
					throw new Error('terugdraaien');
				})
			).rejects.toThrow('terugdraaien');
			expect(io.uitgezonden).toEqual([]);

			const m = await plaatsMededeling(secretaris, 1, 'na de commit');
			expect(io.uitgezonden).toHaveLength(1);
			expect(io.uitgezonden[0]).toMatchObject({
				kamer: tafelKamer(1),
				event: 'gebeurtenis',
				data: {
					kamer: tafelKamer(1),
					seq: seq + 1,
					type: 'mededeling.geplaatst',
					payload: { id: m.id, tekst: 'na de commit' }
				}
			});
		} finally {
			io.stop();
		}
	});

	it('refuses a mutation that writes no audit row, and keeps nothing of it', async () => {
		const voor = await tellingen();
		await expect(
			mutate(secretaris, async ({ tx, publish }) => {
				await tx
					.insert(mededelingen)
					.values({ regietafelId: 1, auteurId: secretaris.userId, tekst: 'y' });
				await publish(tafelKamer(1), 'mededeling.geplaatst', { tekst: 'y' });
				return 'klaar';
			})
		).rejects.toThrow('Mutatie zonder audit-regel geweigerd');
		expect(await tellingen()).toEqual(voor);
	});

	it('returns the value of the function and commits data, audit and event together', async () => {
		const voor = await tellingen();
		const m = await plaatsMededeling(secretaris, 1, 'samen');
		expect(m.tekst).toBe('samen');
		expect(await tellingen()).toEqual({
			mededelingen: voor.mededelingen + 1,
			audit: voor.audit + 1,
			outbox: voor.outbox + 1,
			seq: voor.seq + 1
		});
		const [e] = await t.db
			.select()
			.from(realtimeGebeurtenissen)
			.where(
				and(
					eq(realtimeGebeurtenissen.kamer, tafelKamer(1)),
					eq(realtimeGebeurtenissen.seq, voor.seq + 1)
				)
			);
		expect(e).toMatchObject({
			type: 'mededeling.geplaatst',
			payload: { id: m.id, tekst: 'samen', auteur: secretaris.label }
		});
	});

	it('numbers events per room without gaps, each room on its own', async () => {
		const kamer2 = tafelKamer(2);
		const kamer1Voor = await seqsIn(tafelKamer(1));
		expect(await currentSeq(t.db, kamer2)).toBe(0);
		for (let i = 0; i < 5; i++) await plaatsMededeling(haaglanden, 2, `bericht ${i}`);
		// Several events in one mutation take consecutive numbers.
		await mutate(haaglanden, async ({ audit, publish }) => {
			await audit({ entity: 'test', entityId: 2, action: 'twee-gebeurtenissen' });
			await publish(kamer2, 'regietafel.gewijzigd', { a: 1 });
			await publish(kamer2, 'regietafel.gewijzigd', { a: 2 });
		});
		expect(await seqsIn(kamer2)).toEqual(reeks(1, 7));
		expect(await currentSeq(t.db, kamer2)).toBe(7);
		// Room 1 keeps its own counter.
		expect(await seqsIn(tafelKamer(1))).toEqual(kamer1Voor);
	});

	it('concurrent mutations to one room get exactly 1..20, no duplicates', async () => {
		const kamer = tafelKamer(3);
		const leiden = await auditActor(t.db, 'ambtenaar.leiden@regietafel.test');
		const io = vangUitzendingen();
		const resultaten = await Promise.all(
			reeks(1, 20).map((i) => plaatsMededeling(leiden, 3, `gelijktijdig ${i}`))
		).finally(io.stop);
		expect(io.uitgezonden.map((u) => u.data.seq).sort((a, b) => a - b)).toEqual(reeks(1, 20));
		expect(new Set(resultaten.map((m) => m.id)).size).toBe(20);
		expect(await seqsIn(kamer)).toEqual(reeks(1, 20));
		expect(await currentSeq(t.db, kamer)).toBe(20);
		const payloads = await t.db
			.select({ payload: realtimeGebeurtenissen.payload })
			.from(realtimeGebeurtenissen)
			.where(eq(realtimeGebeurtenissen.kamer, kamer));
		const teksten = payloads.map((p) => (p.payload as { tekst: string }).tekst).sort();
		expect(teksten).toEqual(
			reeks(1, 20)
				.map((i) => `gelijktijdig ${i}`)
				.sort()
		);
	});
});

describe('eventsSince()', () => {
	const kamer = tafelKamer(4);

	beforeAll(async () => {
		const rotterdam = await auditActor(t.db, 'ambtenaar.rotterdam@regietafel.test');
		for (let i = 1; i <= 10; i++) await plaatsMededeling(rotterdam, 4, `nummer ${i}`);
	});

	it.each([0, 1, 5, 9])('after %i returns exactly the later events, in order', async (k) => {
		const r = await eventsSince(t.db, kamer, k);
		expect(r.seq).toBe(10);
		expect(r.volledigVerversen).toBe(false);
		expect(r.gemist.map((e) => e.seq)).toEqual(reeks(k + 1, 10));
		expect(r.gemist.map((e) => (e.payload as { tekst: string }).tekst)).toEqual(
			reeks(k + 1, 10).map((i) => `nummer ${i}`)
		);
		for (const e of r.gemist) {
			expect(e).toMatchObject({ kamer, type: 'mededeling.geplaatst' });
			expect(new Date(e.at).getTime()).toBe(e.t);
		}
	});

	it('up to date: nothing missed, no reload', async () => {
		expect(await eventsSince(t.db, kamer, 10)).toEqual({
			seq: 10,
			gemist: [],
			volledigVerversen: false
		});
	});

	it('a client ahead of the server (server reset) must reload', async () => {
		expect(await eventsSince(t.db, kamer, 11)).toEqual({
			seq: 10,
			gemist: [],
			volledigVerversen: true
		});
	});

	it('an unknown room has sequence 0', async () => {
		expect(await eventsSince(t.db, 'regietafel:999', 0)).toEqual({
			seq: 0,
			gemist: [],
			volledigVerversen: false
		});
	});

	it('must reload when the missed events were pruned', async () => {
		await t.db
			.delete(realtimeGebeurtenissen)
			.where(and(eq(realtimeGebeurtenissen.kamer, kamer), eq(realtimeGebeurtenissen.seq, 3)));
		const weg = await eventsSince(t.db, kamer, 2);
		expect(weg).toEqual({ seq: 10, gemist: [], volledigVerversen: true });
		const nog = await eventsSince(t.db, kamer, 3);
		expect(nog.volledigVerversen).toBe(false);
		expect(nog.gemist.map((e) => e.seq)).toEqual(reeks(4, 10));
	});

	it(`must reload when more than MAX_INHALEN (${MAX_INHALEN}) events are missed`, async () => {
		const groot = 'provincie:PV28';
		const n = MAX_INHALEN + 1;
		await t.db.insert(realtimeGebeurtenissen).values(
			reeks(1, n).map((seq) => ({
				kamer: groot,
				seq,
				type: 'regietafel.gewijzigd',
				payload: { seq }
			}))
		);
		await t.db.insert(realtimeKamers).values({ kamer: groot, seq: n });
		expect(await eventsSince(t.db, groot, 0)).toEqual({
			seq: n,
			gemist: [],
			volledigVerversen: true
		});
		const precies = await eventsSince(t.db, groot, 1);
		expect(precies.volledigVerversen).toBe(false);
		expect(precies.gemist).toHaveLength(MAX_INHALEN);
		expect(precies.gemist.map((e) => e.seq)).toEqual(reeks(2, n));
	});
});

describe('pruneOutbox()', () => {
	it('removes only rows older than the retention period and keeps the counters', async () => {
		const kamer = tafelKamer(5);
		const dordrecht = await auditActor(t.db, 'ambtenaar.dordrecht@regietafel.test');
		for (let i = 0; i < 4; i++) await plaatsMededeling(dordrecht, 5, `oud of nieuw ${i}`);
		const now = Date.now();
		// Events 1 and 2 are older than the retention period; 3 is just inside it.
		await t.db
			.update(realtimeGebeurtenissen)
			.set({ at: new Date(now - BEWAARTERMIJN_MS - 60_000) })
			.where(and(eq(realtimeGebeurtenissen.kamer, kamer), eq(realtimeGebeurtenissen.seq, 1)));
		await t.db
			.update(realtimeGebeurtenissen)
			.set({ at: new Date(now - BEWAARTERMIJN_MS - 1) })
			.where(and(eq(realtimeGebeurtenissen.kamer, kamer), eq(realtimeGebeurtenissen.seq, 2)));
		await t.db
			.update(realtimeGebeurtenissen)
			.set({ at: new Date(now - BEWAARTERMIJN_MS + 60_000) })
			.where(and(eq(realtimeGebeurtenissen.kamer, kamer), eq(realtimeGebeurtenissen.seq, 3)));
		const andereVoor = await seqsIn(tafelKamer(3));

		await pruneOutbox(t.db, now);

		expect(await seqsIn(kamer)).toEqual([3, 4]);
		expect(await oldestSeq(t.db, kamer)).toBe(3);
		expect(await currentSeq(t.db, kamer)).toBe(4);
		expect(await seqsIn(tafelKamer(3))).toEqual(andereVoor);
		// A client that missed the pruned events reloads; one that has them catches up.
		expect((await eventsSince(t.db, kamer, 0)).volledigVerversen).toBe(true);
		expect((await eventsSince(t.db, kamer, 2)).gemist.map((e) => e.seq)).toEqual([3, 4]);
		// The next event continues the sequence.
		await plaatsMededeling(dordrecht, 5, 'daarna');
		expect(await currentSeq(t.db, kamer)).toBe(5);
	});
});
