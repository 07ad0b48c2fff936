import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { DEMO, ga, launchBrowser, persoon, wachtOpLive } from './helpers';

/**
 * Issue 3, done-when: a toezichthouder imports a month of figures in the browser (preview,
 * commit) and a second browser's overview changes live; the gemeente page explains each step.
 * The demo's synthetic figures run up to October 2026; this test adds November.
 */
const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('toezicht', () => {
	it('an import in one browser updates the province overview in another, live', async () => {
		const kijker = await persoon(browser, server.url, DEMO.coa.email, '/toezicht/PV28/2026-II');
		const importeur = await persoon(
			browser,
			server.url,
			DEMO.toezicht.email,
			'/toezicht/PV28/import'
		);
		try {
			const k = kijker.page;
			await wachtOpLive(k);
			await k.evaluate(
				() => ((window as unknown as { merkteken: string }).merkteken = 'geen-herlaad')
			);
			const rij = k.locator('tr[data-gemeente="GM0518"]');
			await expect(rij.innerText()).resolves.toContain('t/m okt 2026');
			await expect(k.getByTestId('bronnen').innerText()).resolves.toContain('synthetische cijfers');
			await k.screenshot({
				path: path.join(SCREENSHOTS, 'toezicht-overzicht.png'),
				fullPage: true
			});

			// November: 's-Gravenhage reports 999 housed since 1 July.
			const dir = mkdtempSync(path.join(os.tmpdir(), 'regietafel-coa-'));
			const bestand = path.join(dir, 'coa-2026-11.csv');
			writeFileSync(
				bestand,
				'gemeentecode;gemeentenaam;maand;gehuisvest;koppelingen;omkoppelingen;stapelgemeente\n' +
					"GM0518;'s-Gravenhage;2026-11;999;20;0;nee\n"
			);
			const p = importeur.page;
			await p.getByLabel('COA-realisatiecijfers (maandoverzicht)').check();
			await p.setInputFiles('#bestand', bestand);
			await p.getByRole('button', { name: 'Controleren' }).click();
			await p.locator('#controle-titel').filter({ hasText: 'coa-2026-11.csv' }).waitFor();
			await expect(p.locator('[data-telling="nieuw"] .getal').textContent()).resolves.toBe('1');
			await p.getByRole('button', { name: 'Importeren' }).click();
			await p.getByTestId('uitkomst').filter({ hasText: 'Geïmporteerd.' }).waitFor();

			// The other browser repaints the row without a reload.
			await rij.filter({ hasText: 't/m nov 2026' }).waitFor({ timeout: 5_000 });
			await expect(rij.innerText()).resolves.toContain('999');
			await expect(
				k.evaluate(() => (window as unknown as { merkteken?: string }).merkteken)
			).resolves.toBe('geen-herlaad');
		} finally {
			await kijker.context.close();
			await importeur.context.close();
		}
	});

	it('the gemeente page explains every peildatum as a toezichtbrief would', async () => {
		const { context, page } = await persoon(browser, server.url, DEMO.toezicht.email);
		try {
			await ga(page, '/toezicht/gemeente/GM0599');
			const stappen = page.locator('li.stap');
			// 2026-I midpoint and end, 2026-II midpoint (the demo runs to October 2026).
			await expect(stappen.count()).resolves.toBe(3);
			const peildata = await stappen.evaluateAll((els) =>
				els.map((e) => e.getAttribute('data-peildatum'))
			);
			expect(peildata).toEqual(['2026-10-01', '2026-07-01', '2026-04-01']);
			const eerste = await stappen.last().innerText();
			expect(eerste).toContain('Peildatum 1 april 2026, halverwege 2026-I.');
			expect(eerste).toContain('Halverwege moet ten minste de helft zijn gerealiseerd');
			const einde = await stappen.nth(1).innerText();
			expect(einde).toContain('Peildatum 1 juli 2026, einde van 2026-I.');
			expect(einde).toMatch(/(achterstand|voorsprong) van \d+|geen achterstand of voorsprong/);
			await page.screenshot({
				path: path.join(SCREENSHOTS, 'toezicht-gemeente.png'),
				fullPage: true
			});
		} finally {
			await context.close();
		}
	});
});
