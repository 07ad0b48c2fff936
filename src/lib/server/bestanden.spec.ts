import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
	acceptAttribuut,
	bestandResponse,
	contentDisposition,
	controleerInhoud,
	controleerUpload,
	schoneNaam,
	soortenTekst,
	type BestandSoort
} from './bestanden';
import { resetEnvCache } from './env';

const bytes = (...delen: (string | number[])[]) =>
	new Uint8Array(delen.flatMap((d) => (typeof d === 'string' ? [...Buffer.from(d, 'latin1')] : d)));

const PDF = bytes('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest of a png');
const JPG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF rest of a jpeg');
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00];
const DOCX = bytes(ZIP, '....[Content_Types].xml....word/document.xml....');
const ZIP_ZONDER_OFFICE = bytes(ZIP, '....foto.jpg....');
const HTML = bytes('<!doctype html><script>alert(1)</script>');

const CONTRACT: readonly BestandSoort[] = ['pdf', 'png', 'jpg'];
const ALLES: readonly BestandSoort[] = ['pdf', 'docx', 'xlsx', 'png', 'jpg'];

async function echteXlsx(): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.addWorksheet('Blad1').addRow(['gemeente', 'personen']);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

afterEach(() => {
	delete process.env.BIJLAGE_MAX_BYTES;
	resetEnvCache();
});

describe('controleerInhoud: extension and magic bytes must agree', () => {
	const gevallen: [
		naam: string,
		inhoud: Uint8Array,
		soorten: readonly BestandSoort[],
		uit: string
	][] = [
		['contract.pdf', PDF, CONTRACT, 'ok:pdf:application/pdf'],
		['CONTRACT.PDF', PDF, CONTRACT, 'ok:pdf:application/pdf'],
		['scan.png', PNG, CONTRACT, 'ok:png:image/png'],
		['scan.jpg', JPG, CONTRACT, 'ok:jpg:image/jpeg'],
		['scan.jpeg', JPG, CONTRACT, 'ok:jpg:image/jpeg'],
		[
			'brief.docx',
			DOCX,
			ALLES,
			'ok:docx:application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		],
		// A PNG renamed to .pdf, a web page renamed to .pdf, a JPEG renamed to .png.
		['contract.pdf', PNG, CONTRACT, 'BESTAND.INHOUD_PAST_NIET'],
		['contract.pdf', HTML, CONTRACT, 'BESTAND.INHOUD_PAST_NIET'],
		['scan.png', JPG, CONTRACT, 'BESTAND.INHOUD_PAST_NIET'],
		// Any ZIP is not a Word document.
		['brief.docx', ZIP_ZONDER_OFFICE, ALLES, 'BESTAND.INHOUD_PAST_NIET'],
		// Allowed in general, but not by this owner.
		['brief.docx', DOCX, CONTRACT, 'BESTAND.SOORT_NIET_TOEGESTAAN'],
		['pagina.html', HTML, ALLES, 'BESTAND.SOORT_NIET_TOEGESTAAN'],
		['contract.pdf.exe', PDF, CONTRACT, 'BESTAND.SOORT_NIET_TOEGESTAAN'],
		['contract', PDF, CONTRACT, 'BESTAND.SOORT_NIET_TOEGESTAAN'],
		['leeg.pdf', new Uint8Array(0), CONTRACT, 'BESTAND.LEEG'],
		['', PDF, CONTRACT, 'BESTAND.ONTBREEKT']
	];
	it.each(gevallen)('%s → %s', (naam, inhoud, soorten, uit) => {
		const r = controleerInhoud(naam, inhoud, { soorten, maxBytes: 1000 });
		expect(r.ok ? `ok:${r.bestand.soort}:${r.bestand.mime}` : r.code).toBe(uit);
	});

	it('recognises a real Excel workbook as xlsx, and refuses it named .docx', async () => {
		const xlsx = await echteXlsx();
		const ok = controleerInhoud('cijfers.xlsx', xlsx, { soorten: ALLES, maxBytes: 1e6 });
		expect(ok.ok && ok.bestand.soort).toBe('xlsx');
		const nee = controleerInhoud('cijfers.docx', xlsx, { soorten: ALLES, maxBytes: 1e6 });
		expect(nee.ok ? 'ok' : nee.code).toBe('BESTAND.INHOUD_PAST_NIET');
	});

	it('keeps name, size and SHA-256 of the bytes', () => {
		const r = controleerInhoud('C:\\Users\\a\\Huurcontract Café.pdf', PDF, { soorten: CONTRACT });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.bestand).toMatchObject({ naam: 'Huurcontract Café.pdf', grootte: PDF.byteLength });
		expect(r.bestand.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
	});
});

describe('Dutch messages', () => {
	const fout = (naam: string, inhoud: Uint8Array, soorten = CONTRACT, maxBytes = 1000) => {
		const r = controleerInhoud(naam, inhoud, { soorten, maxBytes });
		if (r.ok) throw new Error('verwacht een fout');
		return r.fout;
	};

	it('names the allowed kinds as one Dutch compound', () => {
		expect(fout('', PDF)).toBe('Kies een PDF-, PNG- of JPG-bestand.');
		expect(fout('brief.docx', DOCX)).toBe(
			'‘brief.docx’ kan hier niet: kies een PDF-, PNG- of JPG-bestand (.pdf, .png, .jpg, .jpeg).'
		);
		expect(fout('x.exe', PDF, ['pdf'])).toContain('kies een PDF-bestand (.pdf)');
	});

	it('says what a mislabelled file really is when that kind is allowed', () => {
		expect(fout('contract.pdf', PNG)).toBe(
			'‘contract.pdf’ heet een PDF-bestand, maar de inhoud is dat niet. Het lijkt een PNG-bestand; sla het op met de extensie .png.'
		);
		expect(fout('contract.pdf', HTML)).toBe(
			'‘contract.pdf’ heet een PDF-bestand, maar de inhoud is dat niet. Sla het document opnieuw op als PDF en kies het opnieuw.'
		);
	});

	it('gives size and limit for a file that is too large', () => {
		expect(fout('groot.pdf', PDF, CONTRACT, 20)).toBe(
			`Het bestand ‘groot.pdf’ is ${PDF.byteLength} bytes; de grens is 20 bytes. Maak het kleiner (bijvoorbeeld een scan met een lagere resolutie) of vraag de beheerder de grens te verhogen.`
		);
	});

	it('the limit comes from BIJLAGE_MAX_BYTES (default 10 MB)', () => {
		const groot = new Uint8Array(10 * 1024 * 1024 + 1);
		groot.set(PDF);
		const standaard = controleerInhoud('groot.pdf', groot, { soorten: CONTRACT });
		expect(standaard.ok ? 'ok' : standaard.fout).toContain('de grens is 10 MB');
		process.env.BIJLAGE_MAX_BYTES = '40';
		resetEnvCache();
		const klein = controleerInhoud('contract.pdf', PDF, { soorten: CONTRACT });
		expect(klein.ok ? 'ok' : klein.code).toBe('BESTAND.TE_GROOT');
		process.env.BIJLAGE_MAX_BYTES = '4000';
		resetEnvCache();
		expect(controleerInhoud('contract.pdf', PDF, { soorten: CONTRACT }).ok).toBe(true);
	});

	it('lists kinds for an accept attribute and in prose', () => {
		expect(soortenTekst(CONTRACT)).toBe('PDF, PNG of JPG');
		expect(acceptAttribuut(['pdf', 'jpg'])).toBe('.pdf,application/pdf,.jpg,.jpeg,image/jpeg');
	});
});

describe('controleerUpload: the form field', () => {
	it('refuses a missing file, an empty file field and a text value', async () => {
		for (const waarde of [null, 'contract.pdf', new File([], '')]) {
			const r = await controleerUpload(waarde, { soorten: CONTRACT });
			expect(r.ok ? 'ok' : r.code).toBe('BESTAND.ONTBREEKT');
		}
	});

	it('refuses an oversized upload without reading its bytes', async () => {
		class Onleesbaar extends File {
			override arrayBuffer(): Promise<ArrayBuffer> {
				throw new Error('gelezen');
			}
		}
		const f = new Onleesbaar([new Uint8Array(2000)], 'groot.pdf');
		const r = await controleerUpload(f, { soorten: CONTRACT, maxBytes: 1000 });
		expect(r.ok ? 'ok' : r.code).toBe('BESTAND.TE_GROOT');
	});

	it('accepts a real upload and checks its bytes', async () => {
		const ok = await controleerUpload(new File([PDF], 'contract.pdf', { type: 'text/html' }), {
			soorten: CONTRACT
		});
		// The browser's type is ignored: ours is application/pdf.
		expect(ok.ok && ok.bestand.mime).toBe('application/pdf');
		const nep = await controleerUpload(
			new File([HTML], 'contract.pdf', { type: 'application/pdf' }),
			{ soorten: CONTRACT }
		);
		expect(nep.ok ? 'ok' : nep.code).toBe('BESTAND.INHOUD_PAST_NIET');
	});
});

describe('schoneNaam', () => {
	it.each([
		['/tmp/../contract.pdf', 'contract.pdf'],
		['C:\\fakepath\\scan.png', 'scan.png'],
		['  contract.pdf  ', 'contract.pdf'],
		// Right-to-left override: "contract‮fdp.exe" shows as "contractexe.pdf".
		['contract\u202efdp.exe', 'contractfdp.exe'],
		['regel\r\nSet-Cookie: x.pdf', 'regelSet-Cookie: x.pdf'],
		['Cafe\u0301.pdf', 'Café.pdf']
	])('%j → %j', (in_, uit) => {
		expect(schoneNaam(in_)).toBe(uit);
	});

	it('shortens a long name to 200 characters and keeps the extension', () => {
		const n = schoneNaam(`${'a'.repeat(300)}.pdf`);
		expect(n).toHaveLength(200);
		expect(n.endsWith('a.pdf')).toBe(true);
	});
});

describe('downloads', () => {
	it.each([
		['contract.pdf', `attachment; filename="contract.pdf"; filename*=UTF-8''contract.pdf`],
		[
			'Huurcontract Café «2026».pdf',
			`attachment; filename="Huurcontract Cafe _2026_.pdf"; filename*=UTF-8''Huurcontract%20Caf%C3%A9%20%C2%AB2026%C2%BB.pdf`
		],
		[
			// (a backslash is a path separator: see schoneNaam)
			`a"b%d'(e)*.pdf`,
			`attachment; filename="a_b_d'(e)*.pdf"; filename*=UTF-8''a%22b%25d%27%28e%29%2A.pdf`
		],
		[
			'x\r\nSet-Cookie: y.pdf',
			`attachment; filename="xSet-Cookie: y.pdf"; filename*=UTF-8''xSet-Cookie%3A%20y.pdf`
		]
	])('Content-Disposition for %j', (naam, header) => {
		expect(contentDisposition(naam)).toBe(header);
	});

	it('sends our content type, as an attachment, unsniffable, sandboxed and uncached', async () => {
		const r = bestandResponse({ naam: 'contract.pdf', mime: 'application/pdf', inhoud: PDF });
		expect(r.status).toBe(200);
		expect(Object.fromEntries(r.headers)).toEqual({
			'content-type': 'application/pdf',
			'content-length': String(PDF.byteLength),
			'content-disposition': `attachment; filename="contract.pdf"; filename*=UTF-8''contract.pdf`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': 'sandbox',
			'cache-control': 'private, no-store'
		});
		expect(new Uint8Array(await r.arrayBuffer())).toEqual(PDF);
	});

	it('never serves a stored type it did not set itself', () => {
		const r = bestandResponse({ naam: 'x.pdf', mime: 'text/html', inhoud: HTML });
		expect(r.headers.get('content-type')).toBe('application/octet-stream');
	});
});
