import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Download } from 'playwright-core';

/**
 * Reading the exports a person downloads: the text of a DOCX (word/document.xml) and of a PDF
 * (pdf.js), and a picture of the PDF's pages as Chromium's pdf.js renders them, so a person can
 * look at the export (headless Chromium has no PDF viewer of its own).
 */

const PDFJS = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function bytesVan(download: Download): Promise<Uint8Array> {
	const pad = await download.path();
	return new Uint8Array(readFileSync(pad));
}

export async function docxTekst(bytes: Uint8Array): Promise<string> {
	const zip = await JSZip.loadAsync(bytes);
	const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
	// Paragraph ends become line breaks; runs of one paragraph are joined.
	return xml
		.replace(/<\/w:p>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'");
}

export async function pdfTekst(bytes: Uint8Array): Promise<string> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const pdf = await pdfjs.getDocument({
		data: bytes.slice(),
		useSystemFonts: false,
		standardFontDataUrl: `${PDFJS}/standard_fonts/`
	}).promise;
	const delen: string[] = [];
	for (let i = 1; i <= pdf.numPages; i++) {
		const pagina = await pdf.getPage(i);
		const inhoud = await pagina.getTextContent();
		delen.push(inhoud.items.map((it) => ('str' in it ? it.str : '')).join(' '));
	}
	await pdf.destroy();
	return delen.join('\n');
}

/** Renders the first `paginas` pages of a PDF side by side in Chromium and saves a PNG. */
export async function pdfSchermafdruk(
	browser: Browser,
	bytes: Uint8Array,
	bestand: string,
	paginas = 2
): Promise<void> {
	const context = await browser.newContext({ viewport: { width: 1700, height: 1150 } });
	try {
		const page = await context.newPage();
		const basis = 'http://pdf.test';
		await page.route(`${basis}/**`, async (route) => {
			const naam = new URL(route.request().url()).pathname;
			if (naam === '/') {
				return route.fulfill({
					contentType: 'text/html',
					body: `<!doctype html><body style="margin:0;background:#6b7280;display:flex;gap:20px;padding:20px">
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
const data = new Uint8Array(await (await fetch('/document.pdf')).arrayBuffer());
const pdf = await pdfjs.getDocument({ data, standardFontDataUrl: '/standard_fonts/' }).promise;
for (let i = 1; i <= Math.min(${paginas}, pdf.numPages); i++) {
	const p = await pdf.getPage(i);
	const vp = p.getViewport({ scale: 1.3 });
	const c = document.createElement('canvas');
	c.width = vp.width; c.height = vp.height; c.style.background = 'white';
	document.body.append(c);
	await p.render({ canvasContext: c.getContext('2d'), viewport: vp, canvas: c }).promise;
}
document.body.dataset.klaar = 'ja';
</script></body>`
				});
			}
			if (naam === '/document.pdf') {
				return route.fulfill({ contentType: 'application/pdf', body: Buffer.from(bytes) });
			}
			const bron = naam.startsWith('/standard_fonts/')
				? path.join(PDFJS, naam)
				: path.join(PDFJS, 'legacy/build', path.basename(naam));
			return route.fulfill({
				contentType: naam.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream',
				body: readFileSync(bron)
			});
		});
		await page.goto(`${basis}/`);
		await page.waitForSelector('body[data-klaar=ja]', { timeout: 15_000 });
		await page.screenshot({ path: bestand, fullPage: true });
	} finally {
		await context.close();
	}
}
