import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import { bytesVan, docxTekst, pdfSchermafdruk, pdfTekst } from './export-hulp';
import { DEMO, ga, launchBrowser, persoon, wachtOpHydratie, wachtOpLive } from './helpers';
import {
	alineasVan,
	maakVoorzitterMederedacteur,
	naarEindeVan,
	structuurFout,
	wachtOpStatus,
	wachtTot
} from './verslag-hulp';

/**
 * The verslag of a PRT meeting written together (issue 6 §4, §6) in three browsers: the
 * secretaris makes the voorzitter co-editor (whose open page turns writable live), both type in
 * the same agendapunt at the same time and both texts survive on every screen and after a
 * reload; a plain member (Daan Visser) reads along live and cannot type; an editor who goes
 * offline keeps typing and the texts merge when the connection is back; formatting through the
 * toolbar and the keyboard; an afspraak marked in the text becomes an actiepunt. Then the rest
 * of its life (§5, §7): attendance heads it, concept 1 is published, a member comments and the
 * secretaris processes the comment, the DOCX and PDF downloads contain the attendees and the
 * afspraak, and at the next meeting the verslag is vastgesteld — every open editor turns
 * read-only live — while the afspraak is on that meeting's agenda as an open actiepunt.
 * Screenshots of the editor go to tests/e2e/screenshots/.
 */

const MAP = path.resolve(import.meta.dirname, 'screenshots');
const VERGADERING = '/regietafels/1/vergaderingen/2';
const VERSLAG = `${VERGADERING}/verslag`;
const PUNT = 'Terugkoppeling uit de regio’s';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

let secretaris: Page;
let voorzitter: Page;
let deelnemer: Page;
let ap = '';

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
	return p.page;
}

const editor = (page: Page): Locator =>
	page.locator(`[data-testid=verslag-editor][data-agendapunt="${ap}"]`);
const sectie = (page: Page): Locator => page.locator(`section[data-agendapunt="${ap}"]`);
const tekst = async (page: Page) => (await editor(page).textContent()) ?? '';

const bevatAlles = (page: Page, delen: string[]) =>
	wachtTot(async () => {
		const t = await tekst(page);
		return delen.every((d) => t.includes(d));
	});

const alineas = (page: Page) => alineasVan(editor(page));

/** Lines written by the secretaris and by the voorzitter, in order. */
const doorSecretaris: string[] = [];
const doorVoorzitter: string[] = [];

/** Waits until the page's structure is whole (see structuurFout); fails with what it shows. */
async function heel(page: Page, wie: string) {
	let fout = '';
	const ok = await wachtTot(async () => {
		fout = structuurFout(await alineas(page), [doorSecretaris, doorVoorzitter]);
		return fout === '';
	});
	expect(ok, `${wie}: ${fout} in ${JSON.stringify(await alineas(page))}`).toBe(true);
}

/** heel() on the three screens. */
async function heelOveral() {
	await heel(secretaris, 'secretaris');
	await heel(voorzitter, 'voorzitter');
	await heel(deelnemer, 'lezer');
}

/** Every screen shows exactly the same text (the CRDT converged), in the same order. */
async function overalGelijk(): Promise<boolean> {
	return wachtTot(async () => {
		const [a, b, c] = await Promise.all(
			[secretaris, voorzitter, deelnemer].map((p) => editor(p).innerHTML())
		);
		return a === b && b === c;
	});
}

const naarEinde = (page: Page) => naarEindeVan(page, editor(page));

async function foto(page: Page, naam: string) {
	const file = path.join(MAP, `${naam}.png`);
	await page.screenshot({ path: file, fullPage: false, animations: 'disabled', caret: 'hide' });
	expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
}

describe('het verslag samen schrijven', () => {
	it('de secretaris opent het verslag vanaf de vergadering; lezers zien het alleen', async () => {
		secretaris = await als(DEMO.secretaris.email, VERGADERING);
		await secretaris.getByTestId('verslag-link').click();
		await secretaris.waitForURL(`**${VERSLAG}`);
		await wachtOpHydratie(secretaris);
		await wachtOpStatus(secretaris, 'verbonden');
		ap =
			(await secretaris
				.locator('section[data-agendapunt]', { hasText: PUNT })
				.getAttribute('data-agendapunt')) ?? '';
		expect(ap).toMatch(/^\d+$/);
		await expect(editor(secretaris).getAttribute('contenteditable')).resolves.toBe('true');

		[voorzitter, deelnemer] = await Promise.all([
			als(DEMO.voorzitter.email, VERSLAG),
			als(DEMO.deelnemer.email, VERSLAG)
		]);
		await Promise.all([
			wachtOpStatus(voorzitter, 'alleen-lezen'),
			wachtOpStatus(deelnemer, 'alleen-lezen')
		]);
		await expect(editor(deelnemer).getAttribute('contenteditable')).resolves.toBe('false');
		await expect(deelnemer.locator('[role=toolbar]').count()).resolves.toBe(0);
		// The head of the verslag: who was invited.
		await expect(deelnemer.getByText('Nog niet bekend').count()).resolves.toBe(1);
	});

	it('de secretaris maakt de voorzitter mederedacteur: diens pagina wordt live schrijfbaar', async () => {
		expect(await maakVoorzitterMederedacteur(secretaris, voorzitter, editor(voorzitter))).toBe(
			true
		);
		await expect(editor(deelnemer).getAttribute('contenteditable')).resolves.toBe('false');
	});

	it('twee redacteuren typen tegelijk in hetzelfde agendapunt: beide teksten blijven', async () => {
		const a = 'Sanne: Den Haag en Delft liggen op schema.';
		const b = 'Victor: Leiden meldt vertraging bij twee locaties.';
		await naarEinde(secretaris);
		await naarEinde(voorzitter);
		// Both start a line of their own at the same moment. (Typing into the one empty line
		// instead, whoever comes second may find the cursor in front of the other's first letters:
		// one line holding both, as in any shared editor.)
		const regel = (page: Page, t: string) =>
			page.keyboard.press('Enter').then(() => page.keyboard.type(t, { delay: 15 }));
		await Promise.all([regel(secretaris, a), regel(voorzitter, b)]);
		doorSecretaris.push(a);
		doorVoorzitter.push(b);
		for (const page of [secretaris, voorzitter, deelnemer]) {
			expect(await bevatAlles(page, [a, b]), 'een tekst ging verloren').toBe(true);
		}
		// Not merely somewhere in the text: each line whole, a paragraph of its own.
		await heelOveral();
		// The reader cannot type.
		await editor(deelnemer).click();
		await deelnemer.keyboard.type('Deelnemer probeert te typen');
		expect(await tekst(deelnemer)).not.toContain('Deelnemer probeert');
		// Stored on the server: a fresh load shows both.
		await ga(deelnemer, VERSLAG);
		await wachtOpStatus(deelnemer, 'alleen-lezen');
		expect(await bevatAlles(deelnemer, [a, b])).toBe(true);
		await heel(deelnemer, 'lezer na herladen');
		expect(await tekst(deelnemer)).not.toContain('Deelnemer probeert');
	});

	it('offline getypt wordt bewaard en bij terugkomst samengevoegd', async () => {
		const offline = 'Offline aangevuld: Gouda zoekt een tweede locatie.';
		const online = 'Intussen online: COA bevestigt de leads.';
		await voorzitter.evaluate(() =>
			(window as unknown as { __regietafelLive: { verbreek(): void } }).__regietafelLive.verbreek()
		);
		await wachtOpStatus(voorzitter, 'offline');
		await expect(voorzitter.getByTestId('verslag-status').textContent()).resolves.toContain(
			'Offline — wijzigingen worden bewaard'
		);
		await naarEinde(voorzitter);
		await voorzitter.keyboard.press('Enter');
		await voorzitter.keyboard.type(offline);
		await naarEinde(secretaris);
		await secretaris.keyboard.press('Enter');
		await secretaris.keyboard.type(online);
		doorVoorzitter.push(offline);
		doorSecretaris.push(online);
		expect(await bevatAlles(deelnemer, [online])).toBe(true);
		expect(await tekst(deelnemer)).not.toContain(offline);
		expect(await tekst(voorzitter)).not.toContain(online);

		await voorzitter.evaluate(() =>
			(window as unknown as { __regietafelLive: { herstel(): void } }).__regietafelLive.herstel()
		);
		await wachtOpStatus(voorzitter, 'verbonden');
		for (const page of [secretaris, voorzitter, deelnemer]) {
			expect(await bevatAlles(page, [offline, online]), 'offline tekst niet samengevoegd').toBe(
				true
			);
		}
		expect(await overalGelijk(), 'de schermen lopen uiteen').toBe(true);
		await heelOveral();
	});

	it('vet en lijsten via de knoppen en het toetsenbord; een spreker invoegen', async () => {
		const werkbalk = sectie(secretaris).locator('[role=toolbar]');
		await naarEinde(secretaris);
		await secretaris.keyboard.press('Enter');
		await werkbalk.locator('[data-knop=vet]').click();
		await expect(werkbalk.locator('[data-knop=vet]').getAttribute('aria-pressed')).resolves.toBe(
			'true'
		);
		await secretaris.keyboard.type('Besluit');
		await secretaris.keyboard.press('Control+b');
		await secretaris.keyboard.type(': de PRT stemt in.');
		await expect(editor(secretaris).locator('strong').last().textContent()).resolves.toBe(
			'Besluit'
		);
		// A bulleted list through the toolbar, a numbered one through the keyboard.
		await secretaris.keyboard.press('Enter');
		await werkbalk.locator('[data-knop=opsomming]').click();
		await secretaris.keyboard.type('Eerste aandachtspunt');
		await secretaris.keyboard.press('Enter');
		await secretaris.keyboard.type('Tweede aandachtspunt');
		await expect(
			werkbalk.locator('[data-knop=opsomming]').getAttribute('aria-pressed')
		).resolves.toBe('true');
		await expect(editor(secretaris).locator('ul > li').count()).resolves.toBe(2);
		await secretaris.keyboard.press('Control+Shift+7');
		await expect(editor(secretaris).locator('ol > li').count()).resolves.toBe(2);
		await expect(
			werkbalk.locator('[data-knop=nummering]').getAttribute('aria-pressed')
		).resolves.toBe('true');
		// Out of the list again (Enter on an empty item), then a speaker note by keyboard.
		await secretaris.keyboard.press('Enter');
		await secretaris.keyboard.press('Enter');
		await werkbalk.locator('[data-knop=spreker]').focus();
		await secretaris.keyboard.press('Enter');
		const menu = sectie(secretaris).getByRole('menu');
		await menu.waitFor();
		const eerste = await menu.getByRole('menuitem').first().getAttribute('data-spreker');
		await secretaris.keyboard.press('Enter');
		await secretaris.keyboard.type('de regio’s meer tijd nodig hebben.');
		// Chris Smit (the first present by name; Bart Jansen sent apologies) chose no aanhef: the
		// note names him in full.
		expect(eerste).toBe(DEMO.coa.naam);
		const notitie = `${eerste} (COA) geeft aan dat`;
		expect(await bevatAlles(secretaris, [notitie, 'geeft aan dat de regio’s meer tijd'])).toBe(
			true
		);
		// Someone with an aanhef (chosen on the account page; the demo's voorzitter has one) is
		// named as Dutch minutes do: "De heer Van Dam (…) geeft aan dat".
		await secretaris.keyboard.press('Enter');
		await werkbalk.locator('[data-knop=spreker]').click();
		await menu.locator(`[data-spreker="${DEMO.voorzitter.naam}"]`).click();
		await secretaris.keyboard.type('de planning haalbaar is.');
		expect(
			await bevatAlles(secretaris, [
				'De heer Van Dam (Provincie Zuid-Holland) geeft aan dat de planning haalbaar is.'
			])
		).toBe(true);
		// The reader sees the formatting live.
		expect(
			await wachtTot(async () => (await editor(deelnemer).locator('ol > li').count()) === 2)
		).toBe(true);
		await expect(editor(deelnemer).locator('strong', { hasText: 'Besluit' }).count()).resolves.toBe(
			1
		);
		// Every line whole, on every screen; the list items in the list.
		doorSecretaris.push(
			'Besluit: de PRT stemt in.',
			'Eerste aandachtspunt',
			'Tweede aandachtspunt',
			`${notitie} de regio’s meer tijd nodig hebben.`,
			'De heer Van Dam (Provincie Zuid-Holland) geeft aan dat de planning haalbaar is.'
		);
		for (const [page, wie] of [
			[secretaris, 'secretaris'],
			[voorzitter, 'voorzitter'],
			[deelnemer, 'lezer']
		] as const) {
			await heel(page, wie);
			await expect(
				editor(page)
					.locator('ol > li > p')
					.evaluateAll((ps) => ps.map((p) => p.textContent))
			).resolves.toEqual(['Eerste aandachtspunt', 'Tweede aandachtspunt']);
		}
	});

	it('een afspraak gemarkeerd in de tekst wordt een actiepunt', async () => {
		const zin = 'COA deelt de leads vóór 1 december met de regio’s.';
		await naarEinde(voorzitter);
		await expect(sectie(voorzitter).locator('[data-knop=afspraak]').isDisabled()).resolves.toBe(
			true
		);
		await voorzitter.keyboard.press('Enter');
		await voorzitter.keyboard.type(zin);
		doorVoorzitter.push(zin);
		await voorzitter.keyboard.press('Shift+Home');
		const knop = sectie(voorzitter).locator('[data-knop=afspraak]');
		// Enabled only with a text selection.
		expect(await wachtTot(() => knop.isEnabled())).toBe(true);
		await knop.click();
		const veld = voorzitter.locator(`#verslag-${ap}-omschrijving`);
		await expect(veld.inputValue()).resolves.toBe(zin);
		const waarde = await voorzitter
			.locator(`#verslag-${ap}-eigenaar option`, { hasText: 'Chris Smit' })
			.getAttribute('value');
		await voorzitter.selectOption(`#verslag-${ap}-eigenaar`, waarde!);
		await voorzitter.fill(`#verslag-${ap}-deadline`, '2026-12-01');
		await voorzitter.getByRole('button', { name: 'Vastleggen als actiepunt' }).click();
		// The passage is linked to the new actiepunt, on every screen.
		const mark = (page: Page) => editor(page).locator('mark.afspraak[data-actiepunt]');
		await mark(voorzitter).first().waitFor();
		const actiepuntId = await mark(voorzitter).first().getAttribute('data-actiepunt');
		expect(actiepuntId).toMatch(/^\d+$/);
		await expect(mark(voorzitter).first().textContent()).resolves.toBe(zin);
		expect(
			await wachtTot(async () => (await mark(deelnemer).count()) > 0),
			'de markering kwam niet aan bij de lezer'
		).toBe(true);
		// Listed with the agendapunt (live for the reader too) and on the meeting page.
		const lijst = (page: Page) =>
			page.locator(`[data-testid=afspraken-${ap}] [data-actiepunt="${actiepuntId}"]`);
		await lijst(voorzitter).waitFor();
		await lijst(deelnemer).waitFor({ timeout: 10_000 });
		await expect(lijst(deelnemer).textContent()).resolves.toContain('Chris Smit');
		expect(await overalGelijk(), 'de schermen lopen uiteen').toBe(true);
		await heelOveral();
		// After a reload the reader sees the same text as the editors: what the server stored.
		const voor = await editor(secretaris).innerText();
		await ga(deelnemer, VERSLAG);
		await wachtOpStatus(deelnemer, 'alleen-lezen');
		expect(await wachtTot(async () => (await editor(deelnemer).innerText()) === voor)).toBe(true);
		await heel(deelnemer, 'lezer na herladen');
		await ga(deelnemer, VERGADERING);
		await expect(deelnemer.locator('body').textContent()).resolves.toContain(zin);
	});

	it('schermafdrukken van de editor (1280×800 en 1920×1080)', async () => {
		await secretaris.setViewportSize({ width: 1280, height: 800 });
		await sectie(secretaris).scrollIntoViewIfNeeded();
		await editor(secretaris).click();
		await foto(secretaris, 'verslag-editor-1280');
		await secretaris.setViewportSize({ width: 1920, height: 1080 });
		await secretaris.evaluate(() => window.scrollTo(0, 0));
		await foto(secretaris, 'verslag-editor-1920-boven');
		await sectie(secretaris).scrollIntoViewIfNeeded();
		await foto(secretaris, 'verslag-editor-1920');
		await voorzitter.setViewportSize({ width: 1920, height: 1080 });
		await sectie(voorzitter).scrollIntoViewIfNeeded();
		await foto(voorzitter, 'verslag-editor-mederedacteur-1920');
	});
});

describe('concept, opmerking, exports en vaststelling in de volgende vergadering', () => {
	const AFSPRAAK = 'COA deelt de leads vóór 1 december met de regio’s.';
	const OPMERKING = 'E2E: Leiden noemt drie locaties, niet twee.';

	it('de aanwezigheid staat boven het verslag', async () => {
		await ga(secretaris, VERGADERING);
		await wachtOpLive(secretaris);
		for (const naam of ['Chris Smit', 'Daan Visser']) {
			await secretaris
				.getByLabel(`Aanwezigheid van ${naam}`, { exact: true })
				.selectOption('aanwezig');
			await secretaris.getByRole('button', { name: `Opslaan voor ${naam}` }).click();
			await secretaris.locator(`[data-genodigde="${naam}"][data-status=aanwezig]`).waitFor();
		}
		// Tessa de Vries sends a substitute, with an aanhef for the speaker notes; and a guest.
		const tessa = secretaris.locator(`li[data-genodigde="${DEMO.toezicht.naam}"]`);
		await secretaris
			.getByLabel(`Aanwezigheid van ${DEMO.toezicht.naam}`, { exact: true })
			.selectOption('vervangen');
		await tessa.getByLabel('Naam').fill('Eva Jansen');
		await tessa.getByLabel('Functie').fill('Senior adviseur');
		await tessa.getByLabel('Aanhef in het verslag').selectOption('mevrouw');
		await tessa.getByRole('button', { name: `Opslaan voor ${DEMO.toezicht.naam}` }).click();
		await secretaris
			.locator(`[data-genodigde="${DEMO.toezicht.naam}"][data-status=vervangen]`)
			.waitFor();
		await secretaris.locator('summary', { hasText: 'Gast toevoegen' }).click();
		await secretaris.fill('#gast-naam', 'Mila Kok');
		await secretaris.fill('#gast-organisatie', 'VluchtelingenWerk');
		await secretaris.getByRole('button', { name: 'Toevoegen', exact: true }).click();
		await secretaris.getByTestId('gasten').locator('strong', { hasText: 'Mila Kok' }).waitFor();
		await foto(secretaris, 'vergadering-aanwezigheid');
		// The reader's verslag page follows live.
		const aanwezig = deelnemer.locator('dd', { hasText: 'Chris Smit' });
		await ga(deelnemer, VERSLAG);
		await wachtOpStatus(deelnemer, 'alleen-lezen');
		await aanwezig.first().waitFor();
		await expect(aanwezig.first().textContent()).resolves.toContain('Daan Visser');
		expect((await aanwezig.first().textContent())!.replace(/\s+/g, ' ')).toContain(
			`Eva Jansen (Senior adviseur, Provincie Zuid-Holland), namens ${DEMO.toezicht.naam}`
		);
		// The substitute speaks: named with the aanhef the secretaris entered.
		await ga(secretaris, VERSLAG);
		await wachtOpStatus(secretaris, 'verbonden');
		await naarEinde(secretaris);
		await secretaris.keyboard.press('Enter');
		await sectie(secretaris).locator('[data-knop=spreker]').click();
		await sectie(secretaris).locator('[data-spreker="Eva Jansen"]').click();
		await secretaris.keyboard.type('de provincie de cijfers deelt.');
		expect(
			await bevatAlles(deelnemer, [
				'Mevrouw Jansen (Provincie Zuid-Holland) geeft aan dat de provincie de cijfers deelt.'
			])
		).toBe(true);
		doorSecretaris.push(
			'Mevrouw Jansen (Provincie Zuid-Holland) geeft aan dat de provincie de cijfers deelt.'
		);
		await heel(deelnemer, 'lezer');
	});

	it('concept 1 wordt gepubliceerd, een lid reageert, de secretaris verwerkt het live', async () => {
		await ga(secretaris, VERSLAG);
		await wachtOpStatus(secretaris, 'verbonden');
		await secretaris.getByRole('button', { name: 'Concept 1 publiceren' }).click();
		await secretaris.getByText('Concept 1 is gepubliceerd').waitFor();
		// The member's page shows it without a reload.
		await deelnemer
			.getByTestId('verslag-stand')
			.getByText('Concept 1 gepubliceerd', { exact: false })
			.waitFor();
		await secretaris
			.getByTestId('verslag-stand')
			.getByText('Concept 1 gepubliceerd', { exact: false })
			.waitFor();
		await foto(secretaris, 'verslag-versies-1920');

		await Promise.all([
			ga(deelnemer, `${VERSLAG}/versies/1`),
			ga(secretaris, `${VERSLAG}/versies/1`)
		]);
		await Promise.all([wachtOpLive(deelnemer), wachtOpLive(secretaris)]);
		// The concept holds what was written, read-only.
		await expect(deelnemer.locator('body').textContent()).resolves.toContain(AFSPRAAK);
		const veld = deelnemer.getByLabel(`Opmerking bij ‘${PUNT}’`);
		await veld.fill(OPMERKING);
		await deelnemer
			.locator('section.agendapunt', { has: veld })
			.getByRole('button', { name: 'Opmerking plaatsen' })
			.click();
		const bijSecretaris = secretaris.locator('li.opmerking', { hasText: OPMERKING });
		await bijSecretaris.waitFor();
		await bijSecretaris.getByLabel('Afhandeling').selectOption('verwerkt');
		await bijSecretaris.getByLabel('Reactie').fill('Aangepast in het verslag.');
		await bijSecretaris.getByRole('button', { name: 'Afhandelen' }).click();
		await deelnemer.locator('li.opmerking[data-status=verwerkt]', { hasText: OPMERKING }).waitFor();
		await foto(deelnemer, 'verslag-concept-opmerking');
	});

	it('de exports (Word en PDF) bevatten de aanwezigen en de afspraken', async () => {
		await ga(deelnemer, VERSLAG);
		const downloads = deelnemer.getByTestId('verslag-versies');
		const haal = async (label: string) => {
			const [d] = await Promise.all([
				deelnemer.waitForEvent('download'),
				downloads.getByRole('link', { name: label, exact: true }).click()
			]);
			expect(d.suggestedFilename()).toMatch(/^(verslag|actielijst)-prt-.*-concept-1\.(docx|pdf)$/);
			return bytesVan(d);
		};
		const docx = await docxTekst(await haal('Verslag (Word)'));
		const pdfBytes = await haal('Verslag (PDF)');
		// pdf.js gives the text line by line.
		const pdf = (await pdfTekst(pdfBytes)).replace(/\s+/g, ' ');
		const lijst = await docxTekst(await haal('Besluiten- en actielijst (Word)'));
		for (const tekst of [docx, pdf]) {
			expect(tekst).toContain('Chris Smit');
			expect(tekst).toContain('Daan Visser');
			expect(tekst).toMatch(/Afwezig/i);
			expect(tekst).toContain('Bart Jansen');
			expect(tekst).toContain('Eva Jansen');
			expect(tekst).toContain('Mila Kok');
			expect(tekst).toContain(PUNT);
			expect(tekst).toContain('Delft liggen op schema');
		}
		// pdf.js splits lines; the afspraak is whole in the Word text and in the action list.
		expect(docx).toContain(AFSPRAAK);
		// The stored text as the editors wrote it: every line a whole paragraph of the Word file
		// (the afspraak also in the list of afspraken).
		const regels = docx.split('\n').map((r) => r.trim());
		for (const r of [...doorSecretaris, ...doorVoorzitter]) {
			const keer = regels.filter((x) => x === r).length;
			expect(keer, `“${r}” als hele alinea`).toBe(r === AFSPRAAK ? 2 : 1);
		}
		expect(pdf).toContain('COA deelt de leads');
		expect(lijst).toContain(AFSPRAAK);
		expect(lijst).toContain('Chris Smit');
		await pdfSchermafdruk(browser, pdfBytes, path.join(MAP, 'verslag-export-pdf.png'));
	});

	it('in de volgende vergadering wordt het verslag vastgesteld; de editors worden alleen-lezen', async () => {
		await ga(voorzitter, VERSLAG);
		await wachtOpStatus(voorzitter, 'verbonden');
		await ga(deelnemer, VERSLAG);
		await wachtOpStatus(deelnemer, 'alleen-lezen');

		// The secretaris plans the next meeting: the afspraak is on its agenda, open.
		await ga(secretaris, '/regietafels/1');
		await secretaris.locator('summary', { hasText: 'Vergadering plannen' }).click();
		await secretaris.fill('#v-datum', '2027-02-11');
		await secretaris.getByRole('button', { name: 'Vergadering plannen' }).click();
		await secretaris.waitForURL(/\/regietafels\/1\/vergaderingen\/\d+$/);
		await wachtOpHydratie(secretaris);
		await wachtOpLive(secretaris);
		await expect(
			secretaris.locator('[data-testid=open-actiepunten]').textContent()
		).resolves.toContain(AFSPRAAK);

		// At its agendapunt "Vaststelling verslag vorige vergadering", once the meeting runs.
		const vaststelling = secretaris.locator('[data-testid^=vaststelling-]').first();
		await expect(vaststelling.textContent()).resolves.toContain('concept 1');
		await secretaris.getByRole('button', { name: 'Vergadering starten' }).click();
		const knop = vaststelling.getByRole('button', { name: 'Verslag vaststellen' });
		expect(await wachtTot(() => knop.isEnabled())).toBe(true);
		await knop.click();
		await secretaris.getByTestId('vaststelling-klaar').waitFor();
		await expect(secretaris.getByTestId('vaststelling-klaar').textContent()).resolves.toContain(
			'Sanne Bakker'
		);
		await foto(secretaris, 'vergadering-vaststelling');

		// Open verslag pages lock live: the co-editor can no longer type, everyone sees why.
		await wachtOpStatus(voorzitter, 'alleen-lezen');
		expect(
			await wachtTot(
				async () => (await editor(voorzitter).getAttribute('contenteditable')) === 'false'
			)
		).toBe(true);
		await deelnemer.getByTestId('verslag-vastgesteld').waitFor();
		await expect(deelnemer.getByTestId('verslag-vastgesteld').textContent()).resolves.toMatch(
			/Vastgesteld op .* in de vergadering van 11 feb\.? 2027 door Sanne Bakker/
		);
		// The export is now the vastgesteld version, for everyone.
		const [d] = await Promise.all([
			deelnemer.waitForEvent('download'),
			deelnemer
				.getByTestId('verslag-versies')
				.getByRole('link', { name: 'Verslag (PDF)', exact: true })
				.click()
		]);
		expect(d.suggestedFilename()).toMatch(/-vastgesteld\.pdf$/);
		const pdf = (await pdfTekst(await bytesVan(d))).replace(/\s+/g, ' ');
		expect(pdf).toContain('Vastgesteld op');
		expect(pdf).toContain('Chris Smit');
	});
});
