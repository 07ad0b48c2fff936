import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run geo:import` as the README promises it, against a PGlite data dir with the demo
 * (db:reset), with files and http URLs. The real CBS boundaries are used when .ci/run points
 * GEO_TEST_GEMEENTEN_SOURCE at them (../shared/geo, never copied into the repo).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/geo');
const dir = mkdtempSync(path.join(os.tmpdir(), 'regietafel-geo-cli-'));
const PGLITE_DIR = path.join(dir, 'pglite');
const ECHT = process.env.GEO_TEST_GEMEENTEN_SOURCE;

function run(
	script: string,
	args: string[],
	env: Record<string, string> = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const e = { ...process.env, PGLITE_DIR, ...env } as Record<string, string>;
		delete e.DATABASE_URL;
		execFile(
			process.execPath,
			[
				path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
				path.join(ROOT, 'scripts', script),
				...args
			],
			{ cwd: ROOT, env: e },
			(err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr })
		);
	});
}

const geoImport = (args: string[], env?: Record<string, string>) => run('geo-import.ts', args, env);

/** A small HTTP server: the fixture, a 404, and a URL that never answers. */
let server: http.Server;
let basis = '';
const hangend: http.ServerResponse[] = [];

beforeAll(async () => {
	server = http.createServer((req, res) => {
		if (req.url === '/nl/gemeenten.geojson') {
			res.setHeader('content-type', 'application/geo+json');
			res.end(readFileSync(path.join(FIXTURES, 'gemeenten_2026.geojson')));
		} else if (req.url === '/traag.geojson') {
			hangend.push(res); // never answered
		} else {
			res.statusCode = 404;
			res.end('niet gevonden');
		}
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	basis = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	// The demo database is built while the checks that need no database run.
	demo = run('db-reset.ts', []);
}, 120_000);

/** The demo database (db:reset), once. */
let demo: ReturnType<typeof run>;
async function metDemo() {
	const reset = await demo;
	expect(reset.code, reset.stdout + reset.stderr).toBe(0);
}

afterAll(async () => {
	await demo;
	for (const r of hangend) r.destroy();
	server.closeAllConnections();
	await new Promise((r) => server.close(r));
	rmSync(dir, { recursive: true, force: true });
});

describe('npm run geo:import', { timeout: 120_000 }, () => {
	it('refuses at once, without a database: usage, options, missing file, HTTP errors, size, timeout, year', async () => {
		const fc = JSON.parse(readFileSync(path.join(FIXTURES, 'gemeenten_2026.geojson'), 'utf8')) as {
			features: { properties: Record<string, unknown> }[];
		};
		for (const f of fc.features) delete f.properties.jrstatcode;
		const zonderJaar = path.join(dir, 'gemeenten.geojson');
		writeFileSync(zonderJaar, JSON.stringify(fc));
		const [zonder, optie, onbekend, weg, http404, groot, traag, jaar] = await Promise.all([
			geoImport([]),
			geoImport(['x.geojson', '--simplify', '2']),
			geoImport(['x.geojson', '--jaartal', '2026']),
			geoImport([path.join(dir, 'bestaat-niet.geojson')]),
			geoImport([`${basis}/ontbreekt.geojson`]),
			geoImport([`${basis}/nl/gemeenten.geojson`], { GEO_MAX_BYTES: '1000' }),
			geoImport([`${basis}/traag.geojson`], { GEO_TIMEOUT_SECONDS: '1' }),
			geoImport([zonderJaar])
		]);
		expect(zonder.stderr.trim()).toBe(
			'Gebruik: npm run geo:import -- <bestand-of-url> [--year 2026] [--simplify 0..1] [--object <naam>]'
		);
		expect(optie.stderr).toContain('--simplify moet een fractie van 0 tot 1 zijn');
		expect(onbekend.stderr).toContain('Onbekende optie --jaartal.');
		expect(weg.stderr.trim()).toBe(
			`Bestand ${path.join(dir, 'bestaat-niet.geojson')} bestaat niet.`
		);
		expect(http404.stderr.trim()).toBe(`${basis}/ontbreekt.geojson gaf HTTP 404 Not Found.`);
		expect(groot.stderr).toContain('de grens is 0 MB (GEO_MAX_BYTES)');
		expect(traag.stderr.trim()).toBe(
			`Geen (volledig) antwoord van ${basis}/traag.geojson binnen 1 s.`
		);
		expect(jaar.stderr).toContain('Grenzen niet geïmporteerd:');
		expect(jaar.stderr).toContain('geef het op met --year, bijvoorbeeld --year 2026');
		for (const r of [zonder, optie, onbekend, weg, http404, groot, traag, jaar]) {
			expect(r.code).toBe(1);
			expect(r.stdout).toBe('');
		}
	});

	it('imports from an http URL with --year, and reports matches, misses and regio outlines', async () => {
		await metDemo();
		const r = await geoImport([`${basis}/nl/gemeenten.geojson`, '--year', '2026']);
		expect(r.stderr).not.toContain('Grenzen niet geïmporteerd');
		expect(r.code).toBe(0);
		const uit = r.stdout;
		expect(uit).toContain('Grenzen 2026 geïmporteerd uit gemeenten.geojson');
		expect(uit).toContain('jaar uit --year');
		expect(uit).toContain('gemeenten: 12 gekoppeld (12 nieuw, 0 gewijzigd, 0 ongewijzigd');
		expect(uit).toContain(
			'2 gemeenten uit het bestand staan niet in de database (2026) en zijn overgeslagen: GM0363, GM0014'
		);
		expect(uit).toContain('38 van 50 gemeenten van 2026 hebben nog geen grens');
		expect(uit).toContain("regio's: 3 omtrekken afgeleid uit hun gemeenten (3 nieuw");
		expect(uit).toContain('#16 GM0505 (geen vlak maar Point)');
	});

	it('the same boundaries again (as a file) change nothing and say so, with exit 0', async () => {
		await metDemo();
		const r = await geoImport([path.join(FIXTURES, 'gemeenten_2026.topojson')]);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(
			/^Niets gewijzigd: de grenzen van 2026 uit gemeenten_2026\.topojson zijn al precies zo opgeslagen/
		);
	});

	it.skipIf(!ECHT || !existsSync(ECHT))(
		'imports the real CBS boundaries of 2026: every gemeente of Zuid-Holland gets one',
		async () => {
			await metDemo();
			const r = await geoImport([ECHT!]);
			expect(r.stderr).toBe('');
			expect(r.code).toBe(0);
			expect(r.stdout).toContain('gemeenten: 50 gekoppeld (38 nieuw, 12 gewijzigd');
			expect(r.stdout).toContain('292 gemeenten uit het bestand staan niet in de database');
			expect(r.stdout).toContain('alle 50 gemeenten van 2026 in de database hebben een grens');
			expect(r.stdout).toContain("regio's: 4 omtrekken afgeleid");
		}
	);
	if (!ECHT || !existsSync(ECHT)) {
		console.warn(
			'[geo:import] echte CBS-grenzen overgeslagen: GEO_TEST_GEMEENTEN_SOURCE is niet gezet of bestaat niet (.ci/run zet hem naar ../shared/geo/gemeente_2026.topojson).'
		);
	}
});
