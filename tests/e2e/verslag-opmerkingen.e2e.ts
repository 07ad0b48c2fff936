import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { ga, launchBrowser, persoon, wachtOpLive } from './helpers';

/**
 * Concept → comment → processed, in two browsers (issue 6 §5): the secretaris publishes concept 2
 * of the demo's past PRT verslag, a member sees it arrive live, comments at an agendapunt, the
 * secretaris sees the comment arrive live and processes it, and the member sees the answer live.
 */
const MAP = path.resolve(import.meta.dirname, 'screenshots');
const VERSIES = '/regietafels/1/vergaderingen/1/verslag/versies';
const PUNT = 'Stand van zaken huisvesting vergunninghouders';
const TEKST = 'E2E: graag Hollands Midden apart noemen.';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	mkdirSync(MAP, { recursive: true });
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => {});
	await browser?.close();
	await server?.stop();
});

async function als(email: string, pad: string): Promise<Page> {
	const p = await persoon(browser, server.url, email, pad);
	contexts.push(p.context);
	p.page.on('pageerror', (e) => console.error(`[e2e] paginafout bij ${email}:`, e.message));
	await wachtOpLive(p.page);
	return p.page;
}

describe('verslag: concept, opmerking, afhandeling', () => {
	it('publish → comment → process, each side live', async () => {
		const secretaris = await als('secretaris@regietafel.test', VERSIES);
		const deelnemer = await als('deelnemer@regietafel.test', VERSIES);
		expect(await deelnemer.getByTestId('verslag-stand').textContent()).toContain('Concept 1');

		// Nothing changed since concept 1: the button says why it is disabled.
		const publiceer = secretaris.getByRole('button', { name: 'Concept 2 publiceren' });
		expect(await publiceer.isDisabled()).toBe(true);
		expect(
			await secretaris.getByText('Er is niets gewijzigd sinds het laatste concept.').count()
		).toBe(1);
		// Freezing the figures again changes the verslag; then it can be published.
		await secretaris.getByRole('button', { name: 'Cijfers opnieuw vastleggen' }).click();
		await expect.poll(() => publiceer.isEnabled(), { timeout: 10_000 }).toBe(true);
		await publiceer.click();
		await secretaris.getByText('Concept 2 is gepubliceerd').waitFor({ timeout: 10_000 });

		// The member's page follows without a reload.
		await deelnemer
			.getByTestId('verslag-stand')
			.getByText('Concept 2 gepubliceerd', { exact: false })
			.waitFor({ timeout: 10_000 });

		await ga(deelnemer, `${VERSIES}/2`);
		await ga(secretaris, `${VERSIES}/2`);
		await wachtOpLive(deelnemer);
		await wachtOpLive(secretaris);
		const veld = deelnemer.getByLabel(`Opmerking bij ‘${PUNT}’`);
		await veld.fill(TEKST);
		await deelnemer
			.locator('section.agendapunt', { has: veld })
			.getByRole('button', { name: 'Opmerking plaatsen' })
			.click();

		// The secretaris sees it arrive and processes it.
		const bijSecretaris = secretaris.locator('li.opmerking', { hasText: TEKST });
		await bijSecretaris.waitFor({ timeout: 10_000 });
		expect(await bijSecretaris.getAttribute('data-status')).toBe('open');
		await bijSecretaris.getByLabel('Afhandeling').selectOption('niet-overgenomen');
		await bijSecretaris.getByLabel('Reactie').fill('Staat al in de tabel per regio.');
		await bijSecretaris.getByRole('button', { name: 'Afhandelen' }).click();

		// The member sees the answer without a reload.
		const bijDeelnemer = deelnemer.locator('li.opmerking[data-status="niet-overgenomen"]', {
			hasText: TEKST
		});
		await bijDeelnemer.waitFor({ timeout: 10_000 });
		expect(await bijDeelnemer.textContent()).toContain('Staat al in de tabel per regio.');
		expect(await bijDeelnemer.textContent()).toContain('Niet overgenomen door Sanne Bakker');
		await deelnemer.screenshot({ path: path.join(MAP, 'verslag-versie.png'), fullPage: true });
	});
});
