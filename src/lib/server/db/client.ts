import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** The postgres:// URL (PostgreSQL only). */
	url?: string;
	close: () => Promise<void>;
}

export interface OpenOptions {
	/** postgres:// URL; without it PGlite is used. */
	url?: string;
	/** PGlite data directory, or `memory://`. */
	dataDir?: string;
	/** A PGlite data-dir dump to start from (tests: ~0.5 s instead of ~3 s). */
	loadDataDir?: Blob;
	/** postgres.js pool size. */
	max?: number;
}

/**
 * The single switch between embedded PGlite and a real PostgreSQL server. Both drivers are
 * imported dynamically so that a PostgreSQL deployment never loads PGlite's WASM and vice versa.
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
	if (options.url) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const client = postgres(options.url, {
			max: options.max ?? 10,
			onnotice: () => {},
			connection: { application_name: 'regietafel' }
		});
		const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
		return { db, kind: 'postgres', url: options.url, close: () => client.end({ timeout: 5 }) };
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const dataDir = options.dataDir ?? 'memory://';
	if (!dataDir.startsWith('memory://')) {
		const { mkdirSync } = await import('node:fs');
		mkdirSync(dataDir, { recursive: true });
	}
	const client = new PGlite(
		dataDir,
		options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}
	);
	await client.waitReady;
	const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
	return { db, kind: 'pglite', close: () => client.close() };
}
