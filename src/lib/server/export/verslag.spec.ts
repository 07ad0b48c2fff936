import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import JSZip from 'jszip';
import { blokkenVan, type PmNode } from '$lib/verslag/blokken';
import { verslagDocx, verslagPdf, type VerslagData } from './verslag';

/** Text of every page of a PDF, read back with pdf.js (what a reader would extract). */
async function pdfTekst(bytes: Uint8Array): Promise<string[]> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const standardFontDataUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;
	const pdf = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, standardFontDataUrl })
		.promise;
	const paginas: string[] = [];
	for (let i = 1; i <= pdf.numPages; i++) {
		const inhoud = await (await pdf.getPage(i)).getTextContent();
		paginas.push(inhoud.items.map((x) => ('str' in x ? x.str : '')).join(' '));
	}
	return paginas;
}

async function docxXml(bytes: Uint8Array): Promise<string> {
	const zip = await JSZip.loadAsync(bytes);
	return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
}

const tekstVan = (pm: PmNode) => blokkenVan(pm);
const VERSLAG: VerslagData = {
	regietafel: 'Provinciale Regietafel Zuid-Holland',
	datum: '2026-12-03',
	tijd: '09:30–11:30',
	locatie: 'Provinciehuis, Den Haag',
	status: 'concept',
	versie: 'concept 1',
	vastgesteld: null,
	aanwezigen: [
		{ naam: 'Sanne Bakker', functie: 'Secretaris', organisatie: 'Provincie Zuid-Holland' },
		{ naam: 'Bart Jansen', functie: 'Wethouder Wonen', organisatie: "Gemeente 's-Gravenhage" }
	],
	afwezigen: [{ naam: 'Chris Smit', functie: 'Regievoerder', organisatie: 'COA' }],
	vervangers: [
		{ naam: 'Noor Peters', functie: 'Adviseur', organisatie: 'COA', voor: 'Chris Smit' }
	],
	gasten: [{ naam: 'Eva de Wit', functie: 'Coördinator', organisatie: 'VluchtelingenWerk' }],
	agendapunten: [
		{
			nummer: 1,
			titel: 'Opening en mededelingen',
			blokken: tekstVan({
				type: 'doc',
				content: [
					{
						type: 'paragraph',
						content: [
							{ type: 'text', text: 'De voorzitter opent de vergadering. ' },
							{ type: 'text', text: 'Mevrouw Bakker', marks: [{ type: 'strong' }] },
							{ type: 'text', text: ' geeft aan dat het verslag −2 pagina’s telt.' }
						]
					},
					{
						type: 'bullet_list',
						content: [
							{
								type: 'list_item',
								content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punt één' }] }]
							},
							{
								type: 'list_item',
								content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punt twee' }] }]
							}
						]
					}
				]
			}),
			afspraken: ['COA levert de prognose koppelingen vóór 15 december.']
		},
		{ nummer: 2, titel: 'Rondvraag', blokken: [], afspraken: [] }
	],
	actiepunten: [
		{
			nummer: 7,
			omschrijving: 'Prognose koppelingen aanleveren',
			eigenaar: 'Noor Peters (COA)',
			deadline: '2026-12-15',
			status: 'Open'
		}
	]
};

describe('blokkenVan', () => {
	it('reads paragraphs with bold/italic runs and both list kinds from ProseMirror JSON', () => {
		const b = blokkenVan({
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'De heer ' },
						{ type: 'text', text: 'X', marks: [{ type: 'strong' }, { type: 'em' }] },
						{ type: 'text', text: ' geeft aan' }
					]
				},
				{ type: 'paragraph' },
				{
					type: 'ordered_list',
					content: [
						{
							type: 'list_item',
							content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }]
						}
					]
				}
			]
		});
		expect(b).toEqual([
			{
				soort: 'alinea',
				delen: [
					{ tekst: 'De heer ' },
					{ tekst: 'X', vet: true, cursief: true },
					{ tekst: ' geeft aan' }
				]
			},
			{ soort: 'nummering', items: [[{ tekst: 'a' }]] }
		]);
	});

	it('a block nested in a paragraph (left by concurrent edits) is a block of its own, in place', () => {
		const p = (tekst: string, ...meer: PmNode[]): PmNode => ({
			type: 'paragraph',
			content: [{ type: 'text', text: tekst }, ...meer]
		});
		const b = blokkenVan({
			type: 'doc',
			content: [
				p(
					'Offline aangevuld.',
					p('Sanne: op schema.'),
					{ type: 'bullet_list', content: [{ type: 'list_item', content: [p('punt')] }] },
					{ type: 'text', text: 'Staart.' }
				),
				{ type: 'blockquote', content: [p('Citaat.')] }
			]
		});
		expect(b).toEqual([
			{ soort: 'alinea', delen: [{ tekst: 'Offline aangevuld.' }] },
			{ soort: 'alinea', delen: [{ tekst: 'Sanne: op schema.' }] },
			{ soort: 'opsomming', items: [[{ tekst: 'punt' }]] },
			{ soort: 'alinea', delen: [{ tekst: 'Staart.' }] },
			{ soort: 'alinea', delen: [{ tekst: 'Citaat.' }] }
		]);
	});
});

describe('verslag exports', () => {
	it('DOCX: a Word document with the header, attendance, agendapunten, afspraken and actions', async () => {
		const bytes = await verslagDocx(VERSLAG, 'verslag');
		expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
		const tekst = await docxXml(bytes);
		for (const s of [
			'Verslag Provinciale Regietafel Zuid-Holland',
			'donderdag 3 december 2026',
			'Concept 1',
			"Bart Jansen, Wethouder Wonen, Gemeente 's-Gravenhage",
			'Noor Peters, Adviseur, COA (namens Chris Smit)',
			'Eva de Wit',
			'Afwezig (afgemeld)',
			'Chris Smit',
			'1. Opening en mededelingen',
			'Mevrouw Bakker',
			'Punt twee',
			'COA levert de prognose koppelingen vóór 15 december.',
			'Prognose koppelingen aanleveren'
		]) {
			// Word XML writes an apostrophe as an entity.
			expect(tekst).toContain(s.replace(/'/g, '&apos;'));
		}
	});

	it('PDF: the same content, readable text, a footer with page numbers', async () => {
		const bytes = await verslagPdf(VERSLAG, 'verslag');
		expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		const paginas = await pdfTekst(bytes);
		const alles = paginas.join(' ').replace(/\s+/g, ' ');
		for (const s of [
			'Verslag Provinciale Regietafel Zuid-Holland',
			'Bart Jansen, Wethouder Wonen',
			'Noor Peters, Adviseur, COA (namens Chris Smit)',
			'Opening en mededelingen',
			'Mevrouw Bakker',
			'Punt twee',
			'COA levert de prognose koppelingen vóór 15 december.',
			'Prognose koppelingen aanleveren',
			`pagina 1 van ${paginas.length}`
		]) {
			expect(alles).toContain(s);
		}
		// Embedded fonts: the minus sign survives as itself.
		expect(alles).toContain('−2 pagina’s');
	});

	it('frozen figures of an agendapunt appear as a table in both formats; a vastgesteld one is marked', async () => {
		const met: VerslagData = {
			...VERSLAG,
			status: 'vastgesteld',
			versie: null,
			vastgesteld: { datum: '2027-01-14', door: 'Sanne Bakker, in de vergadering van 14 jan 2027' },
			agendapunten: [
				{
					...VERSLAG.agendapunten[1]!,
					cijfers: {
						titel: 'Stand van zaken tweede halfjaar 2026',
						kop: [
							'Regio',
							'Taakstelling',
							'Opgave',
							'Gehuisvest',
							'Nog te huisvesten',
							'Gerealiseerd',
							'Treden'
						],
						rijen: [
							['Haaglanden', '1.020', '1.110', '305', '805', '27%', 'trede 1: 1'],
							['Totaal', '1.020', '1.110', '305', '805', '27%', 'trede 1: 1']
						]
					}
				}
			]
		};
		const docx = await docxXml(await verslagDocx(met, 'verslag'));
		for (const s of [
			'Stand van zaken tweede halfjaar 2026',
			'Haaglanden',
			'1.110',
			'Nog te huisvesten',
			'Vastgesteld op 14 jan'
		]) {
			expect(docx).toContain(s);
		}
		const pdf = (await pdfTekst(await verslagPdf(met, 'verslag'))).join(' ').replace(/\s+/g, ' ');
		for (const s of [
			'Stand van zaken tweede halfjaar 2026',
			'Haaglanden',
			'1.110',
			'27%',
			'Vastgesteld op 14 jan'
		]) {
			expect(pdf).toContain(s);
		}
	});

	it('the besluiten- en actielijst holds afspraken and actions, not the minutes text', async () => {
		const docx = await docxXml(await verslagDocx(VERSLAG, 'actielijst'));
		expect(docx).toContain('Besluiten- en actielijst');
		expect(docx).toContain('COA levert de prognose koppelingen');
		expect(docx).not.toContain('Mevrouw Bakker');
		const pdf = (await pdfTekst(await verslagPdf(VERSLAG, 'actielijst'))).join(' ');
		expect(pdf).toContain('Prognose koppelingen aanleveren');
		expect(pdf).not.toContain('Punt twee');
	});

	it('many agendapunten flow onto several pages, each with its footer', async () => {
		const lang: VerslagData = {
			...VERSLAG,
			agendapunten: Array.from({ length: 30 }, (_, i) => ({
				nummer: i + 1,
				titel: `Agendapunt ${i + 1}`,
				blokken: [
					{
						soort: 'alinea' as const,
						delen: [{ tekst: 'Lorem ipsum dolor sit amet. '.repeat(12) }]
					}
				],
				afspraken: []
			}))
		};
		const paginas = await pdfTekst(await verslagPdf(lang, 'verslag'));
		expect(paginas.length).toBeGreaterThan(2);
		paginas.forEach((p, i) => expect(p).toContain(`pagina ${i + 1} van ${paginas.length}`));
	});
});
