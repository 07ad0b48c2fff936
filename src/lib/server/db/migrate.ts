import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { DatabaseHandle } from './client';

/** Finds drizzle/ from the working directory (dev, prod, scripts) or relative to this file. */
export function migrationsFolder(): string {
	const candidates = [
		path.resolve(process.cwd(), 'drizzle'),
		path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../drizzle')
	];
	const found = candidates.find((c) => existsSync(path.join(c, 'meta', '_journal.json')));
	if (!found) {
		throw new Error(
			`Map met migraties (drizzle/) niet gevonden; gezocht in ${candidates.join(', ')}`
		);
	}
	return found;
}

/** Advisory-lock key that serialises migrations between processes ("regietafel-migratie"). */
const MIGRATIE_SLOT = 7_346_201_501;

/** Applies the drizzle-kit migrations in drizzle/; the same SQL runs on PGlite and PostgreSQL. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
	const folder = migrationsFolder();
	if (handle.kind === 'postgres') {
		const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
		if (!handle.url) {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator wants its driver's own type
			await run(handle.db as any, { migrationsFolder: folder });
			return;
		}
		// Several server processes may start at once on one database: a session advisory lock on
		// a connection of its own lets one migrate while the others wait (drizzle does not lock).
		const [{ default: postgres }, { drizzle }] = await Promise.all([
			import('postgres'),
			import('drizzle-orm/postgres-js')
		]);
		const client = postgres(handle.url, { max: 1, onnotice: () => {} });
		try {
			await client`select pg_advisory_lock(${MIGRATIE_SLOT})`;
			await run(drizzle(client), { migrationsFolder: folder });
		} finally {
			await client.end({ timeout: 5 });
		}
	} else {
		const { migrate: run } = await import('drizzle-orm/pglite/migrator');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await run(handle.db as any, { migrationsFolder: folder });
	}
}
