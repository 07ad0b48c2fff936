import { and, asc, eq, gt, lt, min, sql } from 'drizzle-orm';
import { realtimeGebeurtenissen, realtimeKamers } from '../db/schema';
import type { Executor } from '../db';
import type { GebeurtenisType, LiveGebeurtenis } from '$lib/realtime/events';
import { emitLocalFirst, getIo } from './hub.js';

/** How many missed events a client may fetch at once before it is told to reload instead. */
export const MAX_INHALEN = 500;
/** Events stay in the outbox this long for clients catching up. */
export const BEWAARTERMIJN_MS = 7 * 24 * 3600 * 1000;

/**
 * Allocates the next sequence number of the room and writes the event to the outbox, inside
 * the caller's transaction. The counter row stays locked until commit, so sequence order is
 * commit order across processes.
 */
export async function queueEvent(
	tx: Executor,
	kamer: string,
	type: GebeurtenisType,
	payload: unknown
): Promise<Omit<LiveGebeurtenis, 't' | 'at'>> {
	const [row] = await tx
		.insert(realtimeKamers)
		.values({ kamer, seq: 1 })
		.onConflictDoUpdate({
			target: realtimeKamers.kamer,
			set: { seq: sql`${realtimeKamers.seq} + 1` }
		})
		.returning({ seq: realtimeKamers.seq });
	const seq = row!.seq;
	await tx.insert(realtimeGebeurtenissen).values({ kamer, seq, type, payload: payload as object });
	return { kamer, seq, type, payload };
}

/**
 * Emits committed events to the sockets in their rooms: this process's sockets at once, the other
 * processes' via the adapter (see emitLocalFirst).
 */
export function emitCommitted(events: Omit<LiveGebeurtenis, 't' | 'at'>[]): void {
	if (events.length === 0) return;
	const io = getIo();
	const t = performance.timeOrigin + performance.now();
	const at = new Date(t).toISOString();
	if (!io) return;
	for (const e of events) emitLocalFirst(io, e.kamer, 'gebeurtenis', { ...e, at, t });
}

export async function currentSeq(db: Executor, kamer: string): Promise<number> {
	const [row] = await db
		.select({ seq: realtimeKamers.seq })
		.from(realtimeKamers)
		.where(eq(realtimeKamers.kamer, kamer));
	return row?.seq ?? 0;
}

/**
 * The refetch-from-sequence fallback: events after `sinds`, or `volledigVerversen` when some of
 * them are gone (pruned) or too many, so the client reloads its state instead.
 */
export async function eventsSince(
	db: Executor,
	kamer: string,
	sinds: number
): Promise<{ seq: number; gemist: LiveGebeurtenis[]; volledigVerversen: boolean }> {
	const seq = await currentSeq(db, kamer);
	if (sinds >= seq) return { seq, gemist: [], volledigVerversen: sinds > seq };
	if (seq - sinds > MAX_INHALEN) return { seq, gemist: [], volledigVerversen: true };
	const rows = await db
		.select()
		.from(realtimeGebeurtenissen)
		.where(and(eq(realtimeGebeurtenissen.kamer, kamer), gt(realtimeGebeurtenissen.seq, sinds)))
		.orderBy(asc(realtimeGebeurtenissen.seq));
	const complete = rows.length === seq - sinds && rows[0]?.seq === sinds + 1;
	const gemist = rows.map((r) => ({
		kamer: r.kamer,
		seq: r.seq,
		type: r.type as GebeurtenisType,
		payload: r.payload,
		at: r.at.toISOString(),
		t: r.at.getTime()
	}));
	return { seq, gemist: complete ? gemist : [], volledigVerversen: !complete };
}

/** Drops outbox rows past the retention period (never the counters). */
export async function pruneOutbox(db: Executor, now = Date.now()): Promise<void> {
	await db
		.delete(realtimeGebeurtenissen)
		.where(lt(realtimeGebeurtenissen.at, new Date(now - BEWAARTERMIJN_MS)));
}

export async function oldestSeq(db: Executor, kamer: string): Promise<number | null> {
	const [row] = await db
		.select({ s: min(realtimeGebeurtenissen.seq) })
		.from(realtimeGebeurtenissen)
		.where(eq(realtimeGebeurtenissen.kamer, kamer));
	return row?.s ?? null;
}
