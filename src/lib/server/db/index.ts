import { env } from '../env';
import { openDatabase, type Database, type DatabaseHandle } from './client';
import { migrate } from './migrate';

export type { Database, Executor, Tx } from './client';

const KEY = Symbol.for('regietafel.database');
type Slot = { handle?: DatabaseHandle; opening?: Promise<DatabaseHandle> };
const slot: Slot = ((globalThis as Record<symbol, unknown>)[KEY] as Slot | undefined) ?? {};
(globalThis as Record<symbol, unknown>)[KEY] = slot;

/**
 * One database per process, shared through globalThis because Vite's module runner and the
 * SvelteKit bundle may each load this module. Migrations run before the handle is handed out.
 */
export function database(): Promise<DatabaseHandle> {
	if (slot.handle) return Promise.resolve(slot.handle);
	slot.opening ??= (async () => {
		const e = env();
		const handle = await openDatabase({ url: e.DATABASE_URL, dataDir: e.PGLITE_DIR });
		await migrate(handle);
		slot.handle = handle;
		return handle;
	})();
	return slot.opening;
}

/** The ready database; only valid after `database()` resolved (the init hook awaits it). */
export function db(): Database {
	if (!slot.handle) throw new Error('Database is nog niet geopend (init-hook niet gelopen?)');
	return slot.handle.db;
}

/** For tests and scripts that bring their own handle. */
export function useDatabase(handle: DatabaseHandle): void {
	slot.handle = handle;
	slot.opening = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
	const handle = slot.handle;
	slot.handle = undefined;
	slot.opening = undefined;
	if (handle) await handle.close();
}
