import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../scripts/pg-throwaway.js';
import { kioskTokenFromLogs } from '../helpers/app';
import { DEMO, ga, launchBrowser, persoon, wachtOpLive } from './helpers';

/**
 * `npm run dev` as a newcomer gets it: Vite with the realtime plugin (Socket.IO on Vite's own
 * server), migrations and demo data on a fresh PGlite, and pages that hydrate without the
 * warnings only development builds print (invalid HTML nesting, hydration mismatches).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
let dev: ChildProcess;
let log = '';
let base = '';
let dataDir = '';
let browser: Browser;

beforeAll(async () => {
	const port = await freePort();
	dataDir = mkdtempSync(path.join(os.tmpdir(), 'regietafel-dev-'));
	const env = { ...process.env, PGLITE_DIR: dataDir, PORT: String(port) } as Record<string, string>;
	delete env.DATABASE_URL;
	delete env.NODE_ENV;
	dev = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'dev', '--strictPort'], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	dev.stdout?.on('data', (d: Buffer) => (log += d.toString()));
	dev.stderr?.on('data', (d: Buffer) => (log += d.toString()));
	base = `http://localhost:${port}`;
	// The plugin warms SvelteKit up and prints the banner once migrations and demo data are done.
	const deadline = Date.now() + 90_000;
	while (!log.includes('Demo-inloggegevens')) {
		if (dev.exitCode !== null) throw new Error(`vite dev stopte:\n${log}`);
		if (Date.now() > deadline) throw new Error(`vite dev niet binnen 90 s klaar:\n${log}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	if (dev && dev.exitCode === null) {
		const exited = new Promise((r) => dev.once('exit', r));
		dev.kill('SIGTERM');
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
		if (dev.exitCode === null) dev.kill('SIGKILL');
	}
	rmSync(dataDir, { recursive: true, force: true });
});

/** Console messages a developer would have to act on. */
function verzamelWaarschuwingen(page: Page): string[] {
	const meldingen: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning') meldingen.push(m.text());
		else if (/hydration|invalid_placement/i.test(m.text())) meldingen.push(m.text());
	});
	page.on('pageerror', (e) => meldingen.push(e.message));
	return meldingen;
}

describe('npm run dev', () => {
	it('prints the URL, the demo logins and a kiosk link', () => {
		expect(log).toContain(`Regietafel draait op ${base}`);
		expect(log).toContain('secretaris@regietafel.test');
		expect(kioskTokenFromLogs(log)).toMatch(/^[a-z2-7]{32}$/);
	});

	// Each page is compiled on its first visit: a few that share most components with the others
	// (layout, tables, forms, live lists); the production build's pages are covered by the other
	// end-to-end files.
	it('serves its pages without console warnings and with a live connection', async () => {
		const pages: [string, string[]][] = [
			[DEMO.secretaris.email, ['/', '/regietafels', '/regietafels/1', '/account']],
			[DEMO.beheerder.email, ['/beheer/gebruikers']]
		];
		for (const [email, paden] of pages) {
			const { context, page } = await persoon(browser, base, email);
			const meldingen = verzamelWaarschuwingen(page);
			for (const pad of paden) {
				await ga(page, pad);
				await wachtOpLive(page);
			}
			expect(meldingen, `${email}: ${meldingen.join('\n')}`).toEqual([]);
			await context.close();
		}
	});

	it('shows the kiosk screen read-only and live', async () => {
		const context = await browser.newContext({ baseURL: base });
		const page = await context.newPage();
		const meldingen = verzamelWaarschuwingen(page);
		await ga(page, `/kiosk/${kioskTokenFromLogs(log)}`);
		await wachtOpLive(page);
		await expect(page.locator('h1').innerText()).resolves.toBe(
			'Provinciale Regietafel Zuid-Holland'
		);
		expect(await page.locator('form, button, input, textarea').count()).toBe(0);
		expect(meldingen).toEqual([]);
		await context.close();
	});
});
