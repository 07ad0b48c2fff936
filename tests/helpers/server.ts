import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { freePort } from '../../scripts/pg-throwaway.js';

export interface RunningServer {
	url: string;
	port: number;
	logs: () => string;
	stop: () => Promise<void>;
	/** The PGlite data dir (null on PostgreSQL). */
	dataDir: string | null;
}

/** Settings that change what the demo seed loads: such a server seeds its own database. */
const SEED_INSTELLINGEN = ['DEMO', 'DEMO_CIJFERS'];

/** The demo data dir the e2e global setup prepared (tests/helpers/e2e-global-setup.ts). */
function demoSjabloon(): { dir: string; logs: string } | null {
	try {
		return inject('demoSjabloon') ?? null;
	} catch {
		return null; // not in a Vitest worker (the global setup itself)
	}
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Starts the production server (`node scripts/server.js`, needs `vite build` first) on a free
 * port: with DATABASE_URL when given, else on a fresh PGlite data dir in demo mode.
 */
export async function startServer(
	options: {
		databaseUrl?: string;
		env?: Record<string, string>;
		/** Keep the PGlite dir on stop (the global setup's template). */
		bewaarData?: boolean;
	} = {}
): Promise<RunningServer> {
	if (!existsSync(path.join(ROOT, 'build/handler.js'))) {
		throw new Error('build/ ontbreekt: draai eerst `npm run build` (npm test doet dat zelf).');
	}
	const port = await freePort();
	const dataDir = options.databaseUrl
		? null
		: mkdtempSync(path.join(os.tmpdir(), 'regietafel-pglite-'));
	// In demo mode with the default seed: start from the demo loaded once per run (a copy, so
	// this server's changes stay its own).
	const sjabloon =
		dataDir && !SEED_INSTELLINGEN.some((k) => options.env?.[k] !== undefined)
			? demoSjabloon()
			: null;
	if (sjabloon) cpSync(sjabloon.dir, dataDir!, { recursive: true });
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://localhost:${port}`,
		DEMO: 'true',
		...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { PGLITE_DIR: dataDir! }),
		...options.env
	};
	if (!options.databaseUrl) delete env.DATABASE_URL;
	const child: ChildProcess = spawn(process.execPath, ['scripts/server.js'], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// The kiosk link is printed only by the server that loaded the demo.
	let out = sjabloon ? sjabloon.logs : '';
	child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
	const url = `http://localhost:${port}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`Server stopte bij het starten:\n${out}`);
		try {
			const r = await fetch(`${url}/api/gezondheid`);
			if (r.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`Server niet binnen 60 s gestart:\n${out}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		url,
		port,
		logs: () => out,
		dataDir,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await Promise.race([exited, new Promise((r) => setTimeout(r, 6000))]);
				if (child.exitCode === null) child.kill('SIGKILL');
			}
			if (dataDir && !options.bewaarData) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** Logs in through the real form action; returns the session cookie ("name=value"). */
export async function login(
	baseUrl: string,
	email: string,
	wachtwoord = 'Regietafel-demo-2026'
): Promise<string> {
	const r = await fetch(`${baseUrl}/inloggen`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: baseUrl
		},
		body: new URLSearchParams({ email, wachtwoord })
	});
	const cookie = r.headers.getSetCookie().find((c) => c.startsWith('regietafel_sessie='));
	if (r.status !== 303 || !cookie) throw new Error(`Inloggen als ${email} mislukt: ${r.status}`);
	return cookie.split(';')[0]!;
}
