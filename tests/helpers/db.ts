import { inject } from 'vitest';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
	return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

let template: Blob | undefined;

/**
 * A fresh, migrated database of the kind this Vitest project runs against: PGlite in memory
 * (cloned from a migrated template dump: ~0.5 s instead of ~3 s) or a new database on the
 * test PostgreSQL server.
 */
export async function freshDatabase(): Promise<DatabaseHandle & { url?: string }> {
	if (testDbKind() === 'postgres') {
		const admin = inject('pgAdminUrl');
		const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
		const sql = postgres(admin, { max: 1, onnotice: () => {} });
		await sql.unsafe(`CREATE DATABASE "${name}"`);
		await sql.end();
		const u = new URL(admin);
		u.pathname = `/${name}`;
		const handle = await openDatabase({ url: u.toString(), max: 5 });
		await migrate(handle);
		return { ...handle, url: u.toString() };
	}
	if (!template) {
		const h = await openDatabase({ dataDir: 'memory://' });
		await migrate(h);
		const client = (h.db as unknown as { $client: import('@electric-sql/pglite').PGlite }).$client;
		template = await client.dumpDataDir('none');
		await h.close();
	}
	return openDatabase({ dataDir: 'memory://', loadDataDir: template });
}
