import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The database commands the README promises: db:migrate, db:reset, beheerder. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'regietafel-dbscripts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(
	script: string,
	args: string[],
	env: Record<string, string>,
	input?: string
): Promise<{ code: number; out: string }> {
	return new Promise((resolve) => {
		const e = { ...process.env, ...env } as Record<string, string>;
		delete e.DATABASE_URL;
		const child = execFile(
			process.execPath,
			[
				path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
				path.join(ROOT, 'scripts', script),
				...args
			],
			{ cwd: ROOT, env: e },
			(err, stdout, stderr) =>
				resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr })
		);
		if (input !== undefined) child.stdin?.end(input);
	});
}

describe('database scripts', { timeout: 120_000 }, () => {
	// One data dir, in the order of a production setup: migrate, create the first beheerder;
	// then db:reset (twice) wipes it and loads the demo.
	const env = { PGLITE_DIR: path.join(dir, 'a') };

	it('db:migrate applies the migrations; beheerder creates the first administrator and refuses a short password', async () => {
		const m = await run('db-migrate.ts', [], env);
		expect(m.code).toBe(0);
		expect(m.out).toContain('Migraties toegepast');

		const zonderDemo = { ...env, DEMO: 'false' };
		const kort = await run(
			'beheerder.ts',
			['ada@provincie.test', 'Ada', 'Provincie Utrecht'],
			zonderDemo,
			'kort\n'
		);
		expect(kort.code).toBe(1);
		expect(kort.out).toContain('minstens 12 tekens');
		const ok = await run(
			'beheerder.ts',
			['ada@provincie.test', 'Ada Admin', 'Provincie Utrecht'],
			zonderDemo,
			'een-lang-wachtwoord\n'
		);
		expect(ok.code).toBe(0);
		expect(ok.out).toContain('Beheerder ada@provincie.test aangemaakt');
		const dubbel = await run(
			'beheerder.ts',
			['ada@provincie.test', 'Ada Admin', 'Provincie Utrecht'],
			zonderDemo,
			'een-lang-wachtwoord\n'
		);
		expect(dubbel.code).toBe(1);
		expect(dubbel.out).toContain('Er bestaat al een account met dit e-mailadres.');
	});

	it('db:reset wipes the database and reloads the demo, also a second time', async () => {
		const r1 = await run('db-reset.ts', [], env);
		expect(r1.code).toBe(0);
		expect(r1.out).toContain('demodata opnieuw geladen');
		const token1 = /\/kiosk\/([a-z2-7]{32})/.exec(r1.out)?.[1];
		const r2 = await run('db-reset.ts', [], env);
		expect(r2.code).toBe(0);
		const token2 = /\/kiosk\/([a-z2-7]{32})/.exec(r2.out)?.[1];
		// A second reset starts from scratch again (a new kiosk link, no duplicate-key errors).
		expect(token1).toBeTruthy();
		expect(token2).toBeTruthy();
		expect(token2).not.toBe(token1);
	});
});
