import { auditLog } from './db/schema';
import { db, type Executor, type Tx } from './db';
import type { GebeurtenisType } from '$lib/realtime/events';
import { emitCommitted, queueEvent } from './realtime/publish';

/** Who does something, as the audit log records it. */
export interface AuditActor {
	userId: number | null;
	label: string;
}

export const SYSTEEM: AuditActor = { userId: null, label: 'systeem' };

export interface AuditEntry {
	entity: string;
	entityId: string | number;
	action: string;
	before?: unknown;
	after?: unknown;
}

export interface MutatieContext {
	tx: Tx;
	/** Appends to audit_log in this transaction. */
	audit(entry: AuditEntry): Promise<void>;
	/** Queues a realtime event in this transaction; it is emitted only after commit. */
	publish(kamer: string, type: GebeurtenisType, payload: unknown): Promise<void>;
}

export async function writeAudit(
	tx: Executor,
	actor: AuditActor,
	entry: AuditEntry
): Promise<void> {
	await tx.insert(auditLog).values({
		actorUserId: actor.userId,
		actorLabel: actor.label,
		entity: entry.entity,
		entityId: String(entry.entityId),
		action: entry.action,
		before: (entry.before ?? null) as object | null,
		after: (entry.after ?? null) as object | null
	});
}

/**
 * The one way to change data: one transaction that must write at least one audit row;
 * realtime events queued inside it are emitted after the commit (never for a rollback).
 */
export async function mutate<T>(
	actor: AuditActor,
	fn: (ctx: MutatieContext) => Promise<T>
): Promise<T> {
	const queued: Awaited<ReturnType<typeof queueEvent>>[] = [];
	const result = await db().transaction(async (tx) => {
		let audited = false;
		const ctx: MutatieContext = {
			tx,
			audit: async (entry) => {
				audited = true;
				await writeAudit(tx, actor, entry);
			},
			publish: async (kamer, type, payload) => {
				queued.push(await queueEvent(tx, kamer, type, payload));
			}
		};
		const r = await fn(ctx);
		if (!audited) throw new Error('Mutatie zonder audit-regel geweigerd');
		return r;
	});
	emitCommitted(queued);
	return result;
}
