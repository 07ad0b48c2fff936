import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { DEMO, ga, launchBrowser, persoon } from './helpers';

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

async function wachtOpStatus(page: Page, status: string) {
	await page.waitForSelector(`[data-testid=verslag-status][data-status="${status}"]`, {
		timeout: 10_000
	});
}

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

/** The text of every paragraph (also inside list items), in document order. */
const alineas = (page: Page) =>
	editor(page).evaluate((el) => [...el.querySelectorAll('p')].map((p) => p.textContent ?? ''));

async function wachtTot(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
	const start = Date.now();
	while (Date.now() - start < ms) {
		if (await check()) return true;
		await new Promise((r) => setTimeout(r, 50));
	}
	return false;
}

/** The cursor at the very end of the text. */
async function naarEinde(page: Page) {
	await editor(page).click();
	// The next key comes at once, before the browser reports the moved cursor ('selectionchange'):
	// the editor takes the cursor from the browser first (volgBrowserSelectie), or an Enter would
	// split the line the click landed in.
	await page.keyboard.press('Control+End');
}

/** A new paragraph at the very end, and a line typed into it. */
async function typRegel(page: Page, regel: string) {
	await naarEinde(page);
	await page.keyboard.press('Enter');
	await page.keyboard.type(regel, { delay: 8 });
}

/**
 * Every typed line is a paragraph of its own, exactly once; there is no other text; each writer's
 * lines are in the order typed. Returns what is wrong ('' when nothing).
 */
function controleer(gezien: string[], perSchrijver: string[][]): string {
	const tekst = gezien.filter((t) => t !== '');
	const alle = perSchrijver.flat();
	const ontbreekt = alle.filter((r) => tekst.filter((t) => t === r).length !== 1);
	const vreemd = tekst.filter((t) => !alle.includes(t));
	if (ontbreekt.length > 0 || vreemd.length > 0) {
		return `niet heel of dubbel: ${JSON.stringify(ontbreekt)}; onbekende alinea's: ${JSON.stringify(vreemd)}`;
	}
	for (const regels of perSchrijver) {
		const volgorde = regels.map((r) => tekst.indexOf(r));
		if (volgorde.some((p, i) => i > 0 && p < volgorde[i - 1]!)) {
			return `volgorde van ${JSON.stringify(regels)} is ${JSON.stringify(volgorde)}`;
		}
	}
	return '';
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
		const waarde = await secretaris
			.locator('#nieuwe-redacteur option', { hasText: DEMO.voorzitter.naam })
			.getAttribute('value');
		await secretaris.selectOption('#nieuwe-redacteur', waarde!);
		await secretaris.getByRole('button', { name: 'Toevoegen' }).click();
		// (The form's answer moves the focus: only then type.)
		await secretaris
			.locator(`[data-testid=redacteuren] [data-redacteur="${DEMO.voorzitter.naam}"]`)
			.waitFor();
		await wachtOpStatus(voorzitter, 'verbonden');
		expect(
			await wachtTot(
				async () => (await editor(voorzitter).getAttribute('contenteditable')) === 'true'
			)
		).toBe(true);

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
					controleer(g, [vanSecretaris, vanVoorzitter]),
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
		expect(controleer(await alineas(lezer), [vanSecretaris, vanVoorzitter])).toBe('');
		expect(fouten).toEqual([]);
	});
});
