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

	it('stand bij aanvang changes the first assessment; a differing COA saldo is flagged after import', async () => {
		const { context, page } = await persoon(browser, server.url, DEMO.toezicht.email);
		try {
			await ga(page, '/toezicht/gemeente/GM0546');
			const aanvang = page.getByTestId('beginstand');
			await expect(aanvang.getByTestId('geen-beginstand').isVisible()).resolves.toBe(true);

			// Invalid input: Dutch errors per field, nothing stored.
			await aanvang.getByText('Stand bij aanvang vastleggen').first().click();
			await page.fill('#beginstand-saldo', '12,5');
			await aanvang.getByRole('button', { name: 'Stand bij aanvang vastleggen' }).click();
			await page.locator('#beginstand-bron-fout').waitFor();
			await expect(page.locator('#beginstand-saldo-fout').innerText()).resolves.toContain(
				'geheel getal'
			);
			await expect(aanvang.getByTestId('geen-beginstand').isVisible()).resolves.toBe(true);

			await page.selectOption('#beginstand-trede', '2');
			await page.fill('#beginstand-saldo', '−10');
			await page.fill(
				'#beginstand-bron',
				'Toezichtbrief 1 januari 2026, kenmerk PZH-2026-0042 (synthetisch)'
			);
			await aanvang.getByRole('button', { name: 'Stand bij aanvang vastleggen' }).click();
			await aanvang.getByText('Stand bij aanvang vastgelegd.').waitFor();
			await expect(aanvang.getByTestId('beginstand-saldo').innerText()).resolves.toContain('−10');
			await expect(aanvang.getByTestId('beginstand-trede').innerText()).resolves.toContain(
				'informatie opvragen en valideren'
			);
			// The first peildatum now starts from trede 2 with an opgave raised by 10.
			const eerste = page.locator('li.stap[data-peildatum="2026-04-01"]');
			await expect(eerste.innerText()).resolves.toContain('achterstand van 10');
			await expect(eerste.locator('.treden .trede').first().innerText()).resolves.toContain('2');

			// COA's November overview carries a saldo two off the portal's end saldo of 2026-I.
			const eind = page.locator('li.stap[data-peildatum="2026-07-01"] dd').nth(3);
			const portaal = Number((await eind.innerText()).replace('−', '-').replace('+', ''));
			const coa = portaal - 2;
			const dir = mkdtempSync(path.join(os.tmpdir(), 'regietafel-coa-'));
			const bestand = path.join(dir, 'coa-2026-11-leiden.csv');
			writeFileSync(
				bestand,
				'gemeentecode;maand;gehuisvest;koppelingen;omkoppelingen;stapelgemeente;saldo vorige periode\n' +
					`GM0546;2026-11;80;20;0;nee;${coa}\n`
			);
			await ga(page, '/toezicht/PV28/import');
			await page.getByLabel('COA-realisatiecijfers (maandoverzicht)').check();
			await page.setInputFiles('#bestand', bestand);
			await page.getByRole('button', { name: 'Controleren' }).click();
			await page.locator('#controle-titel').filter({ hasText: 'coa-2026-11-leiden.csv' }).waitFor();
			await expect(page.locator('li.rijwaarschuwing').innerText()).resolves.toContain(
				'uit 2026-I; het portaal berekende'
			);
			await page.getByRole('button', { name: 'Importeren' }).click();
			await page.getByTestId('uitkomst').filter({ hasText: 'Geïmporteerd.' }).waitFor();

			await ga(page, '/toezicht/PV28/2026-II');
			await expect(page.getByTestId('signaal-GM0546').innerText()).resolves.toContain('1');
			await expect(page.locator('[data-testid=signalen] li').innerText()).resolves.toContain(
				'Leiden, nov 2026: COA meldt een saldo van'
			);
			await page.screenshot({
				path: path.join(SCREENSHOTS, 'toezicht-overzicht-signalen.png'),
				fullPage: true
			});
			await ga(page, '/toezicht/gemeente/GM0546');
			const signaal = page.locator('[data-testid=signalen] [data-signaal=saldo-wijkt-af]');
			await expect(signaal.innerText()).resolves.toContain('COA meldt een saldo van');
			await page.screenshot({
				path: path.join(SCREENSHOTS, 'toezicht-gemeente-beginstand.png'),
				fullPage: true
			});
		} finally {
			await context.close();
		}
	});
});
