import type { Locator, Page } from 'playwright-core';
import { DEMO } from './helpers';

/** Shared by the verslag end-to-end files (verslag-editor, verslag-samen). */

export async function wachtOpStatus(page: Page, status: string): Promise<void> {
	await page.waitForSelector(`[data-testid=verslag-status][data-status="${status}"]`, {
		timeout: 10_000
	});
}

/** Polls until `check` holds (true), or false after `ms`. */
export async function wachtTot(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
	const start = Date.now();
	while (Date.now() - start < ms) {
		if (await check()) return true;
		await new Promise((r) => setTimeout(r, 25));
	}
	return false;
}

/** The text of every paragraph of an editor (also inside list items), in document order. */
export const alineasVan = (editor: Locator) =>
	editor.evaluate((el) => [...el.querySelectorAll('p')].map((p) => p.textContent ?? ''));

/**
 * Every line written so far is a paragraph of its own — not split, not merged with another, not
 * twice — and there is no other text; each writer's lines are in the order written. Returns what
 * is wrong ('' when nothing).
 */
export function structuurFout(gezien: string[], perSchrijver: string[][]): string {
	const tekst = gezien.filter((t) => t !== '');
	const alle = perSchrijver.flat();
	const kapot = alle.filter((r) => tekst.filter((t) => t === r).length !== 1);
	const vreemd = tekst.filter((t) => !alle.includes(t));
	if (kapot.length > 0 || vreemd.length > 0) {
		return `geen hele alinea (of dubbel): ${JSON.stringify(kapot)}; onbekend: ${JSON.stringify(vreemd)}`;
	}
	for (const regels of perSchrijver) {
		const plek = regels.map((r) => tekst.indexOf(r));
		if (plek.some((p, i) => i > 0 && p < plek[i - 1]!)) {
			return `volgorde van ${JSON.stringify(regels)}: ${JSON.stringify(plek)}`;
		}
	}
	return '';
}

/** Clicks in the editor and moves the cursor to the very end of its text. */
export async function naarEindeVan(page: Page, editor: Locator): Promise<void> {
	await editor.click();
	// The next key comes at once, before the browser reports the moved cursor ('selectionchange'):
	// the editor takes the cursor from the browser first (volgBrowserSelectie), or an Enter would
	// split the line the click landed in.
	await page.keyboard.press('Control+End');
}

/**
 * The secretaris makes the voorzitter co-editor through the form; the voorzitter's open page
 * (whose editor is `editorVoorzitter`) turns writable without a reload. Answers whether it did.
 */
export async function maakVoorzitterMederedacteur(
	secretaris: Page,
	voorzitter: Page,
	editorVoorzitter: Locator
): Promise<boolean> {
	const waarde = await secretaris
		.locator('#nieuwe-redacteur option', { hasText: DEMO.voorzitter.naam })
		.getAttribute('value');
	await secretaris.selectOption('#nieuwe-redacteur', waarde!);
	await secretaris.getByRole('button', { name: 'Toevoegen' }).click();
	// (The form's answer moves the focus: only then type.)
	await secretaris
		.locator(`[data-testid=redacteuren] [data-redacteur="${DEMO.voorzitter.naam}"]`)
		.waitFor();
	// No reload on the voorzitter's side: the live event reopens the document as a writer.
	await wachtOpStatus(voorzitter, 'verbonden');
	return wachtTot(async () => (await editorVoorzitter.getAttribute('contenteditable')) === 'true');
}
