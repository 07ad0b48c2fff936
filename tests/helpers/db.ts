import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { migrate, migrationsFolder } from '../../src/lib/server/db/migrate';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
	return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

let template: Blob | undefined;

/**
 * Where the migrated PGlite template of the current migrations is kept between test files:
 * every Vitest worker would otherwise build it again (~3 s, much more on a busy machine). The
 * name carries a hash of the migrations and the PGlite version, so a new migration builds anew.
 */
function templatePath(): string {
	const folder = migrationsFolder();
	const h = createHash('sha256');
	const files = [
		...readdirSync(folder).filter((f) => f.endsWith('.sql')),
		'meta/_journal.json'
	].sort();
	for (const f of files) h.update(f).update(readFileSync(path.join(folder, f)));
	const pglite = path.resolve('node_modules/@electric-sql/pglite/package.json');
	if (existsSync(pglite)) h.update(readFileSync(pglite));
	return path.join(os.tmpdir(), `regietafel-pglite-template-${h.digest('hex').slice(0, 16)}.tar`);
}

async function pgliteTemplate(): Promise<Blob> {
	const file = templatePath();
	if (existsSync(file)) return new Blob([readFileSync(file)]);
	const h = await openDatabase({ dataDir: 'memory://' });
	await migrate(h);
	const client = (h.db as unknown as { $client: import('@electric-sql/pglite').PGlite }).$client;
	const dump = await client.dumpDataDir('none');
	await h.close();
	// Written under a temporary name and renamed: parallel workers never read half a file.
	const tmp = `${file}.${process.pid}.${Date.now()}`;
	writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
	renameSync(tmp, file);
	return dump;
}

/**
 * A fresh, migrated database of the kind this Vitest project runs against: PGlite in memory
 * (cloned from a migrated template dump, cached on disk: ~0.5 s instead of ~3 s) or a new
 * database on the test PostgreSQL server.
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
	template ??= await pgliteTemplate();
	return openDatabase({ dataDir: 'memory://', loadDataDir: template });
}
