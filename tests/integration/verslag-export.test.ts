/**
 * The demo verslag and the exports of a verslag (issue 6 §7): which version a viewer gets, and
 * that the DOCX and PDF really open and hold the attendees, afspraken and frozen figures. Uses
 * the demo's past PRT meeting (text per agendapunt, concept 1 and one comment, all synthetic).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import type { Actor } from '../../src/lib/domain/autorisatie/rollen';
import { loadActor } from '../../src/lib/server/auth/actor';
import {
	verslagCijfers,
	verslagOpmerkingen,
	verslagVersies,
	vergaderingen
} from '../../src/lib/server/db/schema';
import { verslagDocx, verslagPdf } from '../../src/lib/server/export/verslag';
import { laadDemoCijfers } from '../../src/lib/server/seed/demo-cijfers';
import { laadDemoVergaderingen } from '../../src/lib/server/seed/demo-vergaderingen';
import { laadDemoVerslag } from '../../src/lib/server/seed/demo-verslag';
import { getTafel, type TafelOverzicht } from '../../src/lib/server/services/regietafels';
import { wijzigVergaderingStatus, type Wie } from '../../src/lib/server/services/vergaderingen';
import {
	exportVoor,
	haalVersie,
	stelVerslagVast,
	vaststellingVoor
} from '../../src/lib/server/services/verslag';
import { haalAgenda, haalVergadering } from '../../src/lib/server/services/vergaderingen';
import { exportBestandsnaam } from '../../src/lib/verslag/inhoud';
import { auditActor, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;
let prt: TafelOverzicht;
let vorige: number;
let volgende: number;
const actoren = new Map<string, Wie>();

async function wie(email: string): Promise<Wie> {
	const door = await auditActor(t.db, email);
	return { door, actor: (await loadActor(t.db, door.userId)) as Actor };
}

async function docxTekst(bytes: Uint8Array): Promise<string> {
	const zip = await JSZip.loadAsync(bytes);
	return (await zip.file('word/document.xml')!.async('string'))
		.replace(/<[^>]+>/g, ' ')
		.replace(/&apos;/g, "'")
		.replace(/\s+/g, ' ');
}

async function pdfTekst(bytes: Uint8Array): Promise<string> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const standardFontDataUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;
	const pdf = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, standardFontDataUrl })
		.promise;
	const paginas: string[] = [];
	for (let i = 1; i <= pdf.numPages; i++) {
		const inhoud = await (await pdf.getPage(i)).getTextContent();
		paginas.push(inhoud.items.map((x) => ('str' in x ? x.str : '')).join(' '));
	}
	return paginas.join(' ').replace(/\s+/g, ' ');
}

beforeAll(async () => {
	t = await testDatabase();
	expect(await laadDemoCijfers()).toBe(true);
	expect(await laadDemoVergaderingen(1, new Date('2026-11-22T10:00:00Z'))).toBe(true);
	prt = (await getTafel(1))!;
	const lijst = await t.db.select().from(vergaderingen).orderBy(asc(vergaderingen.datum));
	vorige = lijst[0]!.id;
	volgende = lijst[1]!.id;
	for (const e of ['secretaris', 'voorzitter', 'deelnemer', 'toezicht']) {
		actoren.set(e, await wie(`${e}@regietafel.test`));
	}
});
afterAll(async () => {
	await t?.close();
});

describe('demo verslag', () => {
	it('the past PRT meeting has text, frozen figures, concept 1 and one comment; loaded once', async () => {
		const versies = await t.db
			.select()
			.from(verslagVersies)
			.where(eq(verslagVersies.vergaderingId, vorige));
		expect(versies.map((v) => [v.nummer, v.soort, v.doorLabel])).toEqual([
			[1, 'concept', 'Sanne Bakker']
		]);
		const v = (await haalVersie(t.db, vorige, 1))!;
		const tekst = JSON.stringify(v.inhoud.agendapunten.map((a) => a.pm));
		expect(tekst).toContain('Demotekst: verzonnen.');
		expect(v.inhoud.agendapunten.filter((a) => a.pm !== null).length).toBeGreaterThanOrEqual(6);
		const svz = v.inhoud.agendapunten.find((a) => a.type === 'stand-van-zaken')!;
		expect(svz.cijfers?.eenheid).toBe('regio');
		expect(svz.cijfers?.rijen).toHaveLength(4);
		expect(await t.db.select().from(verslagCijfers)).toHaveLength(1);
		const opmerkingen = await t.db.select().from(verslagOpmerkingen);
		expect(opmerkingen).toEqual([
			expect.objectContaining({ agendapuntId: svz.id, doorLabel: 'Daan Visser', status: 'open' })
		]);
		expect(await laadDemoVerslag(1, vorige)).toBe(false);
		expect(await t.db.select().from(verslagVersies)).toHaveLength(1);
	});
});

describe('exports', () => {
	it('who gets what without ?versie: members the latest concept, the secretaris the draft', async () => {
		const v = (await haalVergadering(t.db, 1, vorige))!;
		const deelnemer = await exportVoor(prt, v, actoren.get('deelnemer')!.actor, null);
		expect(deelnemer).toMatchObject({
			ok: true,
			versie: { nummer: 1, soort: 'concept' },
			data: { status: 'concept', versie: 'concept 1' }
		});
		const secretaris = await exportVoor(prt, v, actoren.get('secretaris')!.actor, null);
		expect(secretaris).toMatchObject({ ok: true, versie: null, data: { versie: 'werkversie' } });
		expect(await exportVoor(prt, v, actoren.get('deelnemer')!.actor, '7')).toMatchObject({
			ok: false,
			status: 404
		});
		expect(await exportVoor(prt, v, actoren.get('deelnemer')!.actor, 'abc')).toMatchObject({
			ok: false,
			status: 400
		});
		// The next meeting has no concept yet: nothing for a member, the (empty) draft for the
		// secretaris.
		const m = (await haalVergadering(t.db, 1, volgende))!;
		expect(await exportVoor(prt, m, actoren.get('deelnemer')!.actor, null)).toMatchObject({
			ok: false,
			status: 404,
			fout: 'Er is nog geen concept van dit verslag gepubliceerd.'
		});
		expect((await exportVoor(prt, m, actoren.get('secretaris')!.actor, null)).ok).toBe(true);
	});

	it('DOCX and PDF of concept 1 open and hold attendees, afspraken, figures and text', async () => {
		const v = (await haalVergadering(t.db, 1, vorige))!;
		const k = await exportVoor(prt, v, actoren.get('deelnemer')!.actor, '1');
		if (!k.ok) throw new Error(k.fout);
		const docx = await docxTekst(await verslagDocx(k.data, 'verslag'));
		const pdf = await pdfTekst(await verslagPdf(k.data, 'verslag'));
		for (const tekst of [docx, pdf]) {
			for (const s of [
				'Verslag Provinciale Regietafel Zuid-Holland',
				'Concept 1',
				'Sanne Bakker',
				'Eva Jansen (demo), Senior beleidsmedewerker, Ministerie van BZK (namens Daan Visser)',
				'Mila Kok (demo)',
				'Afwezig (afgemeld)',
				'Bart Jansen',
				'De voorzitter opent de vergadering',
				'Afspraken',
				'COA deelt het overzicht van leads voor opvanglocaties',
				'Stand van zaken tweede halfjaar 2026',
				'Haaglanden',
				'Actielijst'
			]) {
				expect(tekst).toContain(s);
			}
		}
		const actielijst = await docxTekst(await verslagDocx(k.data, 'actielijst'));
		expect(actielijst).toContain('Besluiten- en actielijst');
		expect(actielijst).toContain('De toezichthouder stuurt per regio het overzicht rond');
		expect(actielijst).not.toContain('De voorzitter opent de vergadering');
		expect(exportBestandsnaam('verslag', prt.naam, v.datum, 'docx', k.versie)).toBe(
			`verslag-prt-zuid-holland-${v.datum}-concept-1.docx`
		);
	});

	it('once vastgesteld at the next meeting, every export is the vastgesteld version, marked', async () => {
		const voorzitter = actoren.get('voorzitter')!;
		expect((await wijzigVergaderingStatus(voorzitter, prt, volgende, 'starten')).ok).toBe(true);
		const agenda = await haalAgenda(t.db, volgende);
		const m = (await haalVergadering(t.db, 1, volgende))!;
		const info = await vaststellingVoor(prt, m, voorzitter.actor);
		expect(info.doel?.id).toBe(vorige);
		const r = await stelVerslagVast(voorzitter, prt, {
			vergaderingId: volgende,
			agendapuntId: agenda.find((a) => a.type === 'vaststelling-verslag')!.id,
			doelId: vorige
		});
		expect(r).toMatchObject({ ok: true, nummer: 2 });
		const v = (await haalVergadering(t.db, 1, vorige))!;
		for (const a of ['secretaris', 'deelnemer', 'toezicht']) {
			const k = await exportVoor(prt, v, actoren.get(a)!.actor, null);
			expect(k).toMatchObject({ ok: true, versie: { nummer: 2, soort: 'vastgesteld' } });
		}
		const k = await exportVoor(prt, v, actoren.get('deelnemer')!.actor, null);
		if (!k.ok) throw new Error(k.fout);
		const pdf = await pdfTekst(await verslagPdf(k.data, 'verslag'));
		expect(pdf).toMatch(/Vastgesteld op \d+ \w+\.? 2026 \(Victor van Dam, in de vergadering van/);
		expect(pdf).not.toContain('Concept (');
		const docx = await docxTekst(await verslagDocx(k.data, 'verslag'));
		expect(docx).toContain('Victor van Dam, in de vergadering van');
		expect(exportBestandsnaam('verslag', prt.naam, v.datum, 'pdf', k.versie)).toBe(
			`verslag-prt-zuid-holland-${v.datum}-vastgesteld.pdf`
		);
	});
});
