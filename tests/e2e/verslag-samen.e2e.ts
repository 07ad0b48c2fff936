import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { DEMO, ga, launchBrowser, persoon } from './helpers';
import {
	alineasVan,
	maakVoorzitterMederedacteur,
	naarEindeVan,
	structuurFout,
	wachtOpStatus,
	wachtTot
} from './verslag-hulp';

/**
 * Regression test for text that got scrambled when two people write in one agendapunt of the
 * verslag at the same time (issue 6 §4: "several editors at the same time never lose each other's
 * text"): two writers (the secretaris and the voorzitter, made co-editor live) type line after
 * line concurrently, the voorzitter also while offline, and a member reads along. After every
 * round every typed line must be a whole paragraph of its own — not split, not merged with
 * another, each writer's lines in the order typed — identically on every screen and after a
 * reload (what the server stored).
 */

const VERSLAG = '/regietafels/1/vergaderingen/2/verslag';
const PUNT = 'Terugkoppeling uit de regio’s';
/** One round in `npm test`; VERSLAG_RONDES=10 for a longer run when changing the sync. */
const RONDES = Number(process.env.VERSLAG_RONDES ?? 1);

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const fouten: string[] = [];

let secretaris: Page;
let voorzitter: Page;
let lezer: Page;
let ap = '';

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => {});
	await browser?.close();
	await server?.stop();
});

async function als(email: string): Promise<Page> {
	const p = await persoon(browser, server.url, email, VERSLAG);
	contexts.push(p.context);
	p.page.on('pageerror', (e) => fouten.push(`${email}: ${e.message}`));
	return p.page;
}

const editor = (page: Page): Locator =>
	page.locator(`[data-testid=verslag-editor][data-agendapunt="${ap}"]`);

/** Connected and nothing left to send. */
const opgeslagen = (page: Page) =>
	page.waitForSelector(
		'[data-testid=verslag-status][data-status="verbonden"][data-onverzonden="false"]',
		{ timeout: 10_000 }
	);

const live = (page: Page, wat: 'verbreek' | 'herstel') =>
	page.evaluate(
		(w) =>
			(window as unknown as { __regietafelLive: Record<string, () => void> }).__regietafelLive[
				w
			]!(),
		wat
	);

const alineas = (page: Page) => alineasVan(editor(page));
const naarEinde = (page: Page) => naarEindeVan(page, editor(page));

/** A new paragraph at the very end, and a line typed into it. */
async function typRegel(page: Page, regel: string) {
	await naarEinde(page);
	await page.keyboard.press('Enter');
	await page.keyboard.type(regel, { delay: 8 });
}

describe('het verslag samen schrijven: de structuur blijft heel', () => {
	it('twee schrijvers (één af en toe offline) en een lezer: elke regel blijft een eigen alinea', async () => {
		secretaris = await als(DEMO.secretaris.email);
		await wachtOpStatus(secretaris, 'verbonden');
		ap =
			(await secretaris
				.locator('section[data-agendapunt]', { hasText: PUNT })
				.getAttribute('data-agendapunt')) ?? '';
		expect(ap).toMatch(/^\d+$/);
		[voorzitter, lezer] = await Promise.all([
			als(DEMO.voorzitter.email),
			als(DEMO.deelnemer.email)
		]);
		await Promise.all([
			wachtOpStatus(voorzitter, 'alleen-lezen'),
			wachtOpStatus(lezer, 'alleen-lezen')
		]);
		// The voorzitter becomes co-editor while the page is open (it turns writable live).
		expect(await maakVoorzitterMederedacteur(secretaris, voorzitter, editor(voorzitter))).toBe(
			true
		);

		const vanSecretaris: string[] = [];
		const vanVoorzitter: string[] = [];
		for (let r = 1; r <= RONDES; r++) {
			// Both have the cursor at the end. The secretaris starts a new paragraph; once it shows
			// at the voorzitter's, he presses Enter too — his cursor is still at the end of the
			// paragraph before hers, so his new paragraph comes before hers — and both type.
			// (y-prosemirror took her empty paragraph for his new one: both typed into one.)
			await Promise.all([naarEinde(secretaris), naarEinde(voorzitter)]);
			const voor = (await alineas(voorzitter)).length;
			await secretaris.keyboard.press('Enter');
			expect(await wachtTot(async () => (await alineas(voorzitter)).length === voor + 1)).toBe(
				true
			);
			const s0 = `Sanne ronde ${r}: de regio meldt twee nieuwe locaties.`;
			const v0 = `Victor ronde ${r}: de provincie helpt met de vergunning.`;
			await Promise.all([
				secretaris.keyboard.type(s0, { delay: 8 }),
				voorzitter.keyboard.press('Enter').then(() => voorzitter.keyboard.type(v0, { delay: 8 }))
			]);
			vanSecretaris.push(s0);
			vanVoorzitter.push(v0);
			// Both type a line at the same moment, at the same place (the end).
			const s1 = `Sanne ronde ${r}: Den Haag en Delft liggen op schema.`;
			const v1 = `Victor ronde ${r}: Leiden meldt vertraging bij twee locaties.`;
			await Promise.all([typRegel(secretaris, s1), typRegel(voorzitter, v1)]);
			vanSecretaris.push(s1);
			vanVoorzitter.push(v1);
			// The voorzitter goes offline and keeps typing; so does the secretaris, online.
			await live(voorzitter, 'verbreek');
			await wachtOpStatus(voorzitter, 'offline');
			const s2 = `Sanne ronde ${r}: COA bevestigt de leads voor Gouda.`;
			const v2 = `Victor ronde ${r}: offline aangevuld, Zoetermeer zoekt een locatie.`;
			await Promise.all([typRegel(secretaris, s2), typRegel(voorzitter, v2)]);
			vanSecretaris.push(s2);
			vanVoorzitter.push(v2);
			await live(voorzitter, 'herstel');
			await Promise.all([opgeslagen(voorzitter), opgeslagen(secretaris)]);

			// Every screen converges on the same text, and its structure is whole.
			const schermen = [secretaris, voorzitter, lezer];
			const gelijk = await wachtTot(async () => {
				const [a, b, c] = await Promise.all(schermen.map(alineas));
				return JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(b) === JSON.stringify(c);
			});
			const gezien = await Promise.all(schermen.map(alineas));
			expect(gelijk, `ronde ${r}: de schermen lopen uiteen: ${JSON.stringify(gezien)}`).toBe(true);
			for (const [i, g] of gezien.entries()) {
				expect(
					structuurFout(g, [vanSecretaris, vanVoorzitter]),
					`ronde ${r}, scherm ${i}: ${JSON.stringify(g)}`
				).toBe('');
			}
		}

		// What the server stored: a fresh load shows the same.
		await ga(lezer, VERSLAG);
		await wachtOpStatus(lezer, 'alleen-lezen');
		const bijSecretaris = await alineas(secretaris);
		expect(
			await wachtTot(
				async () => JSON.stringify(await alineas(lezer)) === JSON.stringify(bijSecretaris)
			)
		).toBe(true);
		expect(structuurFout(await alineas(lezer), [vanSecretaris, vanVoorzitter])).toBe('');
		expect(fouten).toEqual([]);
	});
});
