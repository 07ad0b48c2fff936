/**
 * The verslag of a meeting as DOCX (officials edit it in Word) and PDF (to circulate), and the
 * besluiten- en actielijst on its own. One data structure in, the same content in both formats:
 * header (regietafel, date, aanwezigen, afwezigen, vervangers), agendapunten with their text,
 * afspraken, and the action list.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	HeadingLevel,
	LevelFormat,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import PDFDocument from 'pdfkit';
import { LETTERTYPEN } from './lettertypen';
import type { Blok, Tekstdeel } from '$lib/verslag/blokken';
import type { CijferTabel } from '$lib/verslag/inhoud';

export interface Persoon {
	naam: string;
	functie: string;
	organisatie: string;
}

export interface VerslagData {
	regietafel: string;
	/** ISO date of the meeting. */
	datum: string;
	/** "09:30–11:30", or null. */
	tijd: string | null;
	locatie: string | null;
	status: 'concept' | 'vastgesteld';
	/** Version label of a published concept ("concept 2") or null. */
	versie: string | null;
	vastgesteld: { datum: string; door: string } | null;
	aanwezigen: Persoon[];
	afwezigen: Persoon[];
	vervangers: (Persoon & { voor: string })[];
	gasten: Persoon[];
	agendapunten: {
		nummer: number;
		titel: string;
		blokken: Blok[];
		afspraken: string[];
		/** Frozen "stand van zaken" figures of the agendapunt, as a small table. */
		cijfers?: CijferTabel | null;
	}[];
	actiepunten: {
		nummer: number;
		omschrijving: string;
		eigenaar: string;
		deadline: string | null;
		status: string;
	}[];
}

export type Onderdeel = 'verslag' | 'actielijst';

const datumLang = (iso: string) =>
	new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('nl-NL', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
const datumKort = (iso: string | null) =>
	iso
		? new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('nl-NL', {
				day: 'numeric',
				month: 'short',
				year: 'numeric',
				timeZone: 'UTC'
			})
		: '—';

const persoonRegel = (p: Persoon) =>
	[p.naam, p.functie, p.organisatie].filter((x) => x && x.trim()).join(', ');

export function titelVan(v: VerslagData, onderdeel: Onderdeel): string {
	return onderdeel === 'verslag'
		? `Verslag ${v.regietafel}`
		: `Besluiten- en actielijst ${v.regietafel}`;
}

/** The status line under the title. */
export function statusRegel(v: VerslagData): string {
	if (v.status === 'vastgesteld' && v.vastgesteld) {
		return `Vastgesteld op ${datumKort(v.vastgesteld.datum)} (${v.vastgesteld.door})`;
	}
	// "Concept 1" for a published concept; the secretaris' draft says it is not yet sent out.
	if (v.versie) return v.versie.charAt(0).toUpperCase() + v.versie.slice(1);
	return 'Werkversie (nog niet aan de leden gestuurd)';
}

/** "Aanwezig", "Afwezig", "Vervangen", "Gasten": the header lines of every verslag. */
export function deelnemersRegels(v: VerslagData): { kop: string; regels: string[] }[] {
	return [
		{ kop: 'Aanwezig', regels: v.aanwezigen.map(persoonRegel) },
		{
			kop: 'Vervangen',
			regels: v.vervangers.map((p) => `${persoonRegel(p)} (namens ${p.voor})`)
		},
		{ kop: 'Gasten', regels: v.gasten.map(persoonRegel) },
		{ kop: 'Afwezig (afgemeld)', regels: v.afwezigen.map(persoonRegel) }
	].filter((g) => g.regels.length > 0);
}

// ---------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------

const runs = (delen: readonly Tekstdeel[]) =>
	delen.flatMap((d) =>
		d.tekst
			.split('\n')
			.map(
				(stuk, i) =>
					new TextRun({ text: stuk, bold: d.vet, italics: d.cursief, break: i > 0 ? 1 : undefined })
			)
	);

function docxBlokken(blokken: readonly Blok[], lijstNr: { n: number }): Paragraph[] {
	const uit: Paragraph[] = [];
	for (const b of blokken) {
		if (b.soort === 'alinea') uit.push(new Paragraph({ children: runs(b.delen) }));
		else if (b.soort === 'kop') {
			uit.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: runs(b.delen) }));
		} else {
			const instance = lijstNr.n++;
			for (const item of b.items) {
				uit.push(
					new Paragraph({
						children: runs(item),
						...(b.soort === 'opsomming'
							? { bullet: { level: 0 } }
							: { numbering: { reference: 'nummering', level: 0, instance } })
					})
				);
			}
		}
	}
	return uit;
}

const cel = (tekst: string, kop = false) =>
	new TableCell({
		children: [new Paragraph({ children: [new TextRun({ text: tekst, bold: kop })] })]
	});

const RANDEN = {
	top: { style: BorderStyle.SINGLE, size: 4, color: '999999' },
	bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999' },
	left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
	insideHorizontal: { style: BorderStyle.SINGLE, size: 2, color: 'CCCCCC' },
	insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
} as const;

/** A figures table of an agendapunt: its title, then header and rows (the total last, bold). */
function docxCijfers(c: CijferTabel): (Paragraph | Table)[] {
	return [
		new Paragraph({ children: [new TextRun({ text: c.titel, bold: true })] }),
		new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			rows: [
				new TableRow({ tableHeader: true, children: c.kop.map((t) => cel(t, true)) }),
				...c.rijen.map(
					(r, i) => new TableRow({ children: r.map((t) => cel(t, i === c.rijen.length - 1)) })
				)
			],
			borders: RANDEN
		}),
		new Paragraph('')
	];
}

export async function verslagDocx(v: VerslagData, onderdeel: Onderdeel): Promise<Uint8Array> {
	const kinderen: (Paragraph | Table)[] = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(titelVan(v, onderdeel))] }),
		new Paragraph({
			children: [
				new TextRun({
					text: [datumLang(v.datum), v.tijd, v.locatie].filter(Boolean).join(' · '),
					bold: true
				})
			]
		}),
		new Paragraph({ children: [new TextRun({ text: statusRegel(v), italics: true })] })
	];
	for (const g of deelnemersRegels(v)) {
		kinderen.push(
			new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(g.kop)] })
		);
		for (const r of g.regels) kinderen.push(new Paragraph({ text: r, bullet: { level: 0 } }));
	}
	const lijstNr = { n: 1 };
	if (onderdeel === 'verslag') {
		for (const a of v.agendapunten) {
			kinderen.push(
				new Paragraph({
					heading: HeadingLevel.HEADING_2,
					children: [new TextRun(`${a.nummer}. ${a.titel}`)]
				})
			);
			kinderen.push(...docxBlokken(a.blokken, lijstNr));
			if (a.cijfers) kinderen.push(...docxCijfers(a.cijfers));
			if (a.afspraken.length > 0) {
				kinderen.push(
					new Paragraph({ children: [new TextRun({ text: 'Afspraken', bold: true })] })
				);
				for (const af of a.afspraken) {
					kinderen.push(new Paragraph({ text: af, bullet: { level: 0 } }));
				}
			}
		}
	} else {
		kinderen.push(
			new Paragraph({
				heading: HeadingLevel.HEADING_2,
				children: [new TextRun('Besluiten en afspraken')]
			})
		);
		const met = v.agendapunten.filter((a) => a.afspraken.length > 0);
		if (met.length === 0) kinderen.push(new Paragraph('Geen afspraken vastgelegd.'));
		for (const a of met) {
			kinderen.push(
				new Paragraph({ children: [new TextRun({ text: `${a.nummer}. ${a.titel}`, bold: true })] })
			);
			for (const af of a.afspraken) {
				kinderen.push(new Paragraph({ text: af, bullet: { level: 0 } }));
			}
		}
	}
	kinderen.push(
		new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Actielijst')] })
	);
	if (v.actiepunten.length === 0) kinderen.push(new Paragraph('Geen actiepunten.'));
	else {
		kinderen.push(
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				rows: [
					new TableRow({
						tableHeader: true,
						children: ['Nr.', 'Actiepunt', 'Eigenaar', 'Deadline', 'Status'].map((t) =>
							cel(t, true)
						)
					}),
					...v.actiepunten.map(
						(a) =>
							new TableRow({
								children: [
									cel(String(a.nummer)),
									cel(a.omschrijving),
									cel(a.eigenaar),
									cel(datumKort(a.deadline)),
									cel(a.status)
								]
							})
					)
				],
				borders: RANDEN
			})
		);
	}
	const doc = new Document({
		creator: 'Regietafel',
		title: titelVan(v, onderdeel),
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		numbering: {
			config: [
				{
					reference: 'nummering',
					levels: [
						{
							level: 0,
							format: LevelFormat.DECIMAL,
							text: '%1.',
							alignment: AlignmentType.START,
							style: { paragraph: { indent: { left: 720, hanging: 360 } } }
						}
					]
				}
			]
		},
		sections: [
			{
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.RIGHT,
								children: [
									new TextRun(`${titelVan(v, onderdeel)} · ${datumKort(v.datum)} · pagina `),
									new TextRun({ children: [PageNumber.CURRENT] })
								]
							})
						]
					})
				},
				children: kinderen
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

export async function verslagPdf(v: VerslagData, onderdeel: Onderdeel): Promise<Uint8Array> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: 56, bottom: 64, left: 60, right: 60 },
		bufferPages: true,
		info: { Title: titelVan(v, onderdeel), Creator: 'Regietafel' }
	});
	// Embedded fonts: the same look in every reader, and all of Unicode that minutes need.
	doc.registerFont('Tekst', LETTERTYPEN.regulier);
	doc.registerFont('Tekst-Vet', LETTERTYPEN.vet);
	doc.registerFont('Tekst-Cursief', LETTERTYPEN.cursief);
	doc.registerFont('Tekst-VetCursief', LETTERTYPEN.vetCursief);
	const stukken: Buffer[] = [];
	doc.on('data', (c: Buffer) => stukken.push(c));
	const klaar = new Promise<void>((resolve) => doc.on('end', () => resolve()));
	const breedte = doc.page.width - 120;

	const lettertype = (d: Tekstdeel) =>
		d.vet ? (d.cursief ? 'Tekst-VetCursief' : 'Tekst-Vet') : d.cursief ? 'Tekst-Cursief' : 'Tekst';
	/**
	 * One paragraph of runs (bold/italic) at an indent, optionally with a bullet or number. Laid
	 * out word by word here: pdfkit's `continued` text misplaces a run after a change of font.
	 */
	const alinea = (
		delen: readonly Tekstdeel[],
		opties: { inspring?: number; teken?: string } = {}
	) => {
		const x = 60 + (opties.inspring ?? 0);
		const w = breedte - (opties.inspring ?? 0);
		const regelHoogte = doc.currentLineHeight(true) + 2;
		const onderkant = () => doc.page.height - doc.page.margins.bottom;
		let y = doc.y;
		if (y + regelHoogte > onderkant()) {
			doc.addPage();
			y = doc.page.margins.top;
		}
		if (opties.teken) {
			doc.font('Tekst').text(opties.teken, x - 16, y, { width: 14, lineBreak: false });
		}
		// Words with their trailing space, each in its run's font; '\n' forces a new line.
		const woorden: { tekst: string; font: string; regel: boolean }[] = [];
		for (const d of delen) {
			const font = lettertype(d);
			for (const stuk of d.tekst.split(/(\n)/)) {
				if (stuk === '\n') woorden.push({ tekst: '', font, regel: true });
				else {
					for (const m of stuk.match(/\S+\s*|\s+/g) ?? []) {
						woorden.push({ tekst: m, font, regel: false });
					}
				}
			}
		}
		// pdfkit trims a trailing space both when drawing and when measuring: measure it apart.
		const breedteVan = (tekst: string) => {
			const kern = tekst.trimEnd();
			const spaties = tekst.length - kern.length;
			return (
				doc.widthOfString(kern) + spaties * (doc.widthOfString('a a') - doc.widthOfString('aa'))
			);
		};
		let lijn: { tekst: string; font: string }[] = [];
		let breedteNu = 0;
		const schrijf = () => {
			let cx = x;
			for (const s of lijn) {
				doc.font(s.font);
				if (s.tekst.trim()) doc.text(s.tekst.trimEnd(), cx, y, { lineBreak: false });
				cx += breedteVan(s.tekst);
			}
			lijn = [];
			breedteNu = 0;
			y += regelHoogte;
			if (y + regelHoogte > onderkant()) {
				doc.addPage();
				y = doc.page.margins.top;
			}
		};
		for (const woord of woorden) {
			if (woord.regel) {
				schrijf();
				continue;
			}
			doc.font(woord.font);
			const zonderSpatie = doc.widthOfString(woord.tekst.trimEnd());
			if (lijn.length > 0 && breedteNu + zonderSpatie > w) schrijf();
			if (lijn.length === 0 && woord.tekst.trim() === '') continue;
			lijn.push(woord);
			breedteNu += breedteVan(woord.tekst);
		}
		if (lijn.length > 0 || woorden.length === 0) schrijf();
		doc.x = 60;
		doc.y = y;
		doc.moveDown(0.3);
	};
	const kop = (tekst: string, grootte = 13) => {
		doc.moveDown(0.6);
		doc
			.font('Tekst-Vet')
			.fontSize(grootte)
			.fillColor('#14386b')
			.text(tekst, 60, doc.y, { width: breedte });
		doc.fillColor('black').fontSize(10.5).moveDown(0.3);
	};

	/** A figures table: columns of equal width after a wider first one; the total row bold. */
	const tabel = (c: CijferTabel) => {
		alinea([{ tekst: c.titel, vet: true }]);
		const eerste = breedte * 0.28;
		const rest = (breedte - eerste) / Math.max(1, c.kop.length - 1);
		const rij = (cellen: string[], vet: boolean) => {
			doc.fontSize(8.5).font(vet ? 'Tekst-Vet' : 'Tekst');
			const hoogte =
				Math.max(
					...cellen.map((t, i) => doc.heightOfString(t, { width: (i === 0 ? eerste : rest) - 4 }))
				) + 3;
			if (doc.y + hoogte > doc.page.height - doc.page.margins.bottom) {
				doc.addPage();
				doc.y = doc.page.margins.top;
			}
			const y = doc.y;
			let x = 60;
			cellen.forEach((t, i) => {
				const w = i === 0 ? eerste : rest;
				doc.text(t, x, y, { width: w - 4, align: i === 0 ? 'left' : 'right' });
				x += w;
			});
			doc.x = 60;
			doc.y = y + hoogte;
			doc
				.moveTo(60, doc.y - 1.5)
				.lineTo(60 + breedte, doc.y - 1.5)
				.lineWidth(0.4)
				.strokeColor('#cccccc')
				.stroke();
		};
		rij(c.kop, true);
		c.rijen.forEach((r, i) => rij(r, i === c.rijen.length - 1));
		doc.fontSize(10.5).font('Tekst').moveDown(0.4);
	};

	doc
		.font('Tekst-Vet')
		.fontSize(18)
		.fillColor('#14386b')
		.text(titelVan(v, onderdeel), { width: breedte });
	doc.fillColor('black').font('Tekst-Vet').fontSize(11);
	doc.text([datumLang(v.datum), v.tijd, v.locatie].filter(Boolean).join(' · '), {
		width: breedte
	});
	doc.font('Tekst-Cursief').fontSize(10.5).text(statusRegel(v));
	for (const g of deelnemersRegels(v)) {
		kop(g.kop, 12);
		for (const r of g.regels) alinea([{ tekst: r }], { inspring: 14, teken: '•' });
	}
	if (onderdeel === 'verslag') {
		for (const a of v.agendapunten) {
			kop(`${a.nummer}. ${a.titel}`);
			for (const b of a.blokken) {
				if (b.soort === 'alinea') alinea(b.delen);
				else if (b.soort === 'kop') alinea(b.delen.map((d) => ({ ...d, vet: true })));
				else {
					b.items.forEach((item, i) =>
						alinea(item, { inspring: 18, teken: b.soort === 'opsomming' ? '•' : `${i + 1}.` })
					);
				}
			}
			if (a.cijfers) tabel(a.cijfers);
			if (a.afspraken.length > 0) {
				alinea([{ tekst: 'Afspraken', vet: true }]);
				for (const af of a.afspraken) alinea([{ tekst: af }], { inspring: 14, teken: '•' });
			}
		}
	} else {
		kop('Besluiten en afspraken');
		const met = v.agendapunten.filter((a) => a.afspraken.length > 0);
		if (met.length === 0) alinea([{ tekst: 'Geen afspraken vastgelegd.' }]);
		for (const a of met) {
			alinea([{ tekst: `${a.nummer}. ${a.titel}`, vet: true }]);
			for (const af of a.afspraken) alinea([{ tekst: af }], { inspring: 14, teken: '•' });
		}
	}
	kop('Actielijst');
	if (v.actiepunten.length === 0) alinea([{ tekst: 'Geen actiepunten.' }]);
	for (const a of v.actiepunten) {
		alinea([
			{ tekst: `${a.nummer}. `, vet: true },
			{ tekst: a.omschrijving },
			{
				tekst: ` — ${a.eigenaar}; ${a.deadline ? `uiterlijk ${datumKort(a.deadline)}` : 'geen deadline'}; ${a.status}`,
				cursief: true
			}
		]);
	}

	// Footer on every page (buffered pages, written at the end).
	const bereik = doc.bufferedPageRange();
	for (let i = 0; i < bereik.count; i++) {
		doc.switchToPage(bereik.start + i);
		// Below the bottom margin on purpose: without this pdfkit would start a new page.
		doc.page.margins.bottom = 0;
		doc
			.font('Tekst')
			.fontSize(8.5)
			.fillColor('#555555')
			.text(
				`${titelVan(v, onderdeel)} · ${datumKort(v.datum)} · pagina ${i + 1} van ${bereik.count}`,
				60,
				doc.page.height - 44,
				{ width: breedte, align: 'right', lineBreak: false }
			);
	}
	doc.end();
	await klaar;
	return new Uint8Array(Buffer.concat(stukken));
}
