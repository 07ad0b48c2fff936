// @ts-check
/**
 * A throwaway PostgreSQL cluster for tests and benchmarks (Debian's postgresql package):
 * initdb in a temporary directory, started on a free loopback port, removed on stop.
 * As root the server runs as the `postgres` user (initdb refuses root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function binDir() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** @returns {Promise<number>} */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const a = srv.address();
			const port = typeof a === 'object' && a ? a.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

/**
 * @returns {Promise<{ url: string, port: number, stop: () => void }>}
 */
export async function startThrowawayPostgres() {
	const bin = binDir();
	if (!bin) {
		throw new Error(
			'PostgreSQL-server niet gevonden (/usr/lib/postgresql/*/bin/initdb). Installeer Debian-pakket "postgresql" (zie .ci/run) of zet TEST_DATABASE_URL.'
		);
	}
	const isRoot = process.getuid?.() === 0;
	const dir = mkdtempSync(path.join(os.tmpdir(), 'regietafel-pg-'));
	chmodSync(dir, 0o777);
	const port = await freePort();
	/** @param {string} cmd @param {string[]} args */
	const run = (cmd, args) => {
		if (isRoot) {
			const quoted = [cmd, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
			execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: 'pipe' });
		} else {
			execFileSync(cmd, args, { stdio: 'pipe' });
		}
	};
	const data = path.join(dir, 'data');
	run(path.join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		'postgres',
		'--auth=trust',
		'-E',
		'UTF8',
		'--locale=C.UTF-8'
	]);
	run(path.join(bin, 'pg_ctl'), [
		'-D',
		data,
		'-o',
		`-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
		'-l',
		path.join(dir, 'log'),
		'-w',
		'start'
	]);
	let stopped = false;
	const stop = () => {
		if (stopped) return;
		stopped = true;
		try {
			run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
		} catch {
			// already gone
		}
		rmSync(dir, { recursive: true, force: true });
	};
	return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop };
}

/** Creates a fresh database on the cluster and returns its URL. */
export function createDatabase(/** @type {string} */ adminUrl, /** @type {string} */ name) {
	const u = new URL(adminUrl);
	const r = spawnSync('psql', [adminUrl, '-qAtc', `CREATE DATABASE "${name}"`], {
		encoding: 'utf8'
	});
	if (r.status !== 0) throw new Error(`CREATE DATABASE ${name} mislukt: ${r.stderr}`);
	u.pathname = `/${name}`;
	return u.toString();
}
