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

/** Applies the drizzle-kit migrations in drizzle/; the same SQL runs on PGlite and PostgreSQL. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
	const folder = migrationsFolder();
	if (handle.kind === 'postgres') {
		const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator wants its driver's own type
		await run(handle.db as any, { migrationsFolder: folder });
	} else {
		const { migrate: run } = await import('drizzle-orm/pglite/migrator');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await run(handle.db as any, { migrationsFolder: folder });
	}
}
