/**
 * Collaborative documents over the existing Socket.IO connection (issue 6 §4): Yjs updates are
 * checked, stored (table yjs_updates) and relayed to everyone who has the document open; a
 * client that was offline sends its state vector on reopening and both sides exchange exactly
 * what the other misses, so offline edits merge (CRDT) instead of overwriting.
 *
 * Which documents exist and who may read or write them is decided by the feature that owns the
 * document (`registreerYjsDocument('verslag', …)`), never here.
 */
import { asc, count, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import type { YjsOpenAntwoord } from '$lib/realtime/events';
import { db, type Executor } from '../db';
import { yjsUpdates } from '../db/schema';
import { writeAudit, type AuditActor } from '../mutatie';

export type YjsRecht = 'lezen' | 'schrijven' | null;
type Beslisser = (actor: Actor, sleutel: string) => Promise<YjsRecht>;

const soorten = new Map<string, Beslisser>();

/** Document names look like `<soort>:<sleutel>` (`verslag:12`). */
const PATROON = /^([a-z][a-z-]{0,30}):([A-Za-z0-9_-]{1,64})$/;

/** Registers a kind of document with its access decision. */
export function registreerYjsDocument(soort: string, beslis: Beslisser): void {
	soorten.set(soort, beslis);
}

export async function yjsRecht(actor: Actor, document: string): Promise<YjsRecht> {
	const m = PATROON.exec(document);
	const beslis = m ? soorten.get(m[1]!) : undefined;
	if (!m || !beslis) return null;
	return beslis(actor, m[2]!);
}

/** Largest single update accepted (a paste of a long text is far below this). */
export const MAX_UPDATE_BYTES = 512 * 1024;
/** Above this many stored updates, a document is compacted into one row. */
export const COMPACT_NA = 200;

/** Is this a well-formed Yjs update? (A broken one would poison the document for everyone.) */
export function geldigeUpdate(update: Uint8Array): boolean {
	if (update.byteLength === 0 || update.byteLength > MAX_UPDATE_BYTES) return false;
	try {
		Y.decodeUpdate(update);
		const probe = new Y.Doc();
		Y.applyUpdate(probe, update);
		probe.destroy();
		return true;
	} catch {
		return false;
	}
}

/** The document as one update (the merge of everything stored); empty document: empty update. */
export async function laadDocument(ex: Executor, document: string): Promise<Uint8Array> {
	const rows = await ex
		.select({ update: yjsUpdates.update })
		.from(yjsUpdates)
		.where(eq(yjsUpdates.document, document))
		.orderBy(asc(yjsUpdates.id));
	if (rows.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
	return Y.mergeUpdates(rows.map((r) => r.update));
}

/** Stores one update (already checked) and compacts the document when it has grown long. */
export async function bewaarUpdate(
	ex: Executor,
	document: string,
	update: Uint8Array,
	door: number | null
): Promise<void> {
	await ex.insert(yjsUpdates).values({ document, update, door });
	const [r] = await ex
		.select({ n: count() })
		.from(yjsUpdates)
		.where(eq(yjsUpdates.document, document));
	if (Number(r?.n ?? 0) > COMPACT_NA) await compacteer(ex, document);
}

/**
 * Replaces the stored rows of a document by their merge, in one transaction: only the rows read
 * are deleted, so an update stored concurrently is kept.
 */
export async function compacteer(ex: Executor, document: string): Promise<void> {
	await ex.transaction(async (tx) => {
		const rows = await tx
			.select()
			.from(yjsUpdates)
			.where(eq(yjsUpdates.document, document))
			.orderBy(asc(yjsUpdates.id));
		if (rows.length < 2) return;
		const samen = Y.mergeUpdates(rows.map((r) => r.update));
		await tx.delete(yjsUpdates).where(
			inArray(
				yjsUpdates.id,
				rows.map((r) => r.id)
			)
		);
		await tx.insert(yjsUpdates).values({ document, update: samen, door: null });
	});
}

/** The plain Y.Doc of a stored document (for exports and snapshots of the verslag). */
export async function documentVan(ex: Executor, document: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await laadDocument(ex, document));
	return doc;
}

const AUDIT_INTERVAL_MS = 10 * 60 * 1000;
/** Per database (one per process; tests open several in one process), per editor and document. */
const laatsteAudit = new WeakMap<object, Map<string, number>>();

/**
 * Edits are audited per editor and document at most every ten minutes ("who worked on this
 * verslag, when"), not per keystroke.
 */
export async function auditBewerking(actor: AuditActor, document: string, nu = Date.now()) {
	const database = db();
	let gezien = laatsteAudit.get(database);
	if (!gezien) laatsteAudit.set(database, (gezien = new Map()));
	const sleutel = `${actor.userId ?? actor.label}|${document}`;
	const vorige = gezien.get(sleutel);
	if (vorige !== undefined && nu - vorige < AUDIT_INTERVAL_MS) return false;
	gezien.set(sleutel, nu);
	await writeAudit(database, actor, {
		entity: 'yjs-document',
		entityId: document,
		action: 'bewerkt'
	});
	return true;
}

export const yjsKamer = (document: string) => `yjs:${document}`;

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const vanB64 = (s: unknown): Uint8Array | null => {
	if (typeof s !== 'string' || s.length > (MAX_UPDATE_BYTES * 4) / 3 + 8) return null;
	const b = Buffer.from(s, 'base64');
	return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};

export type OpenAntwoord = YjsOpenAntwoord;

/**
 * Opening a document: the right, then what the client misses (relative to its state vector, or
 * everything), and the server's state vector so the client can send what the server misses.
 * `volg` (joining the document's room) runs after the access check and before the document is
 * read: an update stored while reading is then relayed to this client too, rather than falling
 * between the read and the join (the client would miss it until it reopened). Getting an update
 * twice is harmless.
 */
export async function openDocument(
	actor: Actor,
	document: unknown,
	staat: unknown,
	volg?: (document: string) => Promise<void> | void
): Promise<OpenAntwoord> {
	if (typeof document !== 'string' || !PATROON.test(document)) {
		return { ok: false, fout: 'Onbekend document.' };
	}
	const recht = await yjsRecht(actor, document);
	if (!recht) return { ok: false, fout: 'Geen toegang tot dit document.' };
	await volg?.(document);
	const volledig = await laadDocument(db(), document);
	const sv = staat === undefined ? null : vanB64(staat);
	let update = volledig;
	if (sv) {
		try {
			update = Y.diffUpdate(volledig, sv);
		} catch {
			update = volledig;
		}
	}
	return {
		ok: true,
		update: b64(update),
		staat: b64(Y.encodeStateVectorFromUpdate(volledig)),
		recht
	};
}

/** Applying a client's update: write right, well-formed, stored; the caller relays it. */
export async function ontvangUpdate(
	actor: Actor,
	audit: AuditActor,
	document: unknown,
	update: unknown
): Promise<{ ok: true; update: Uint8Array; document: string } | { ok: false; fout: string }> {
	if (typeof document !== 'string' || !PATROON.test(document)) {
		return { ok: false, fout: 'Onbekend document.' };
	}
	if ((await yjsRecht(actor, document)) !== 'schrijven') {
		return { ok: false, fout: 'U mag dit document alleen lezen.' };
	}
	const u = vanB64(update);
	if (!u || !geldigeUpdate(u)) return { ok: false, fout: 'Ongeldige wijziging geweigerd.' };
	await bewaarUpdate(db(), document, u, audit.userId);
	await auditBewerking(audit, document);
	return { ok: true, update: u, document };
}
