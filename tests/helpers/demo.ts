import { count, desc, eq, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { closeDatabase, useDatabase, type Database } from '../../src/lib/server/db';
import { auditLog, users } from '../../src/lib/server/db/schema';
import { resetEnvCache } from '../../src/lib/server/env';
import { seedDemo, type SeedResult } from '../../src/lib/server/seed/demo';
import type { AuditActor } from '../../src/lib/server/mutatie';
import { freshDatabase } from './db';

export interface TestDatabase {
	db: Database;
	kind: 'pglite' | 'postgres';
	seed: SeedResult | null;
	close: () => Promise<void>;
}

/**
 * A fresh database for one test file, registered as the process database so that services use
 * it; `vars` are set in process.env (and the env cache reset) before anything reads them, and
 * put back by close(): test files share their worker process (isolate: false in
 * vite.config.ts), so nothing a file sets may reach the next one.
 */
export async function testDatabase(
	options: { seed?: boolean; vars?: Record<string, string> } = {}
): Promise<TestDatabase> {
	const vars = options.vars ?? {};
	const vorige = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
	Object.assign(process.env, vars);
	resetEnvCache();
	const handle = await freshDatabase();
	useDatabase(handle);
	const seed = options.seed === false ? null : await seedDemo();
	const close = async () => {
		await closeDatabase();
		for (const [k, v] of Object.entries(vorige)) {
			if (v === undefined) delete process.env[k];
			else process.env[k] = v;
		}
		resetEnvCache();
	};
	return { db: handle.db, kind: handle.kind, seed, close };
}

export async function userByEmail(db: Database, email: string) {
	const [u] = await db.select().from(users).where(eq(users.email, email));
	if (!u) throw new Error(`Geen gebruiker ${email}`);
	return u;
}

/** The audit actor for a demo user, as the routes build it. */
export async function auditActor(
	db: Database,
	email: string
): Promise<AuditActor & { userId: number }> {
	const u = await userByEmail(db, email);
	return { userId: u.id, label: u.naam };
}

export async function rowCount(db: Database, table: PgTable): Promise<number> {
	const [r] = await db.select({ n: count() }).from(table);
	return Number(r?.n ?? 0);
}

export async function lastAudit(db: Database) {
	const [row] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
	return row;
}

/** An IP address of its own for each call, so that per-IP throttling never links tests. */
let ip = 0;
export function nieuwIp(): string {
	ip++;
	return `10.0.${Math.floor(ip / 250)}.${(ip % 250) + 1}`;
}

/** Rows of a raw `db.execute()`: postgres.js answers with an array, PGlite with `{ rows }`. */
export async function queryRows<T extends Record<string, unknown>>(
	db: Database,
	query: SQL
): Promise<T[]> {
	const r = (await db.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(r) ? r : r.rows;
}
