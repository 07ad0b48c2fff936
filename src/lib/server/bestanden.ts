/**
 * The file store: checks an uploaded file, keeps it in the `bestanden` table inside the caller's
 * transaction, and serves it back safely. Who may upload or read a file is decided by the owner
 * (a huurcontract, later a herverdelingsvoorstel or a meeting): this module never decides access.
 *
 * Why so strict: the bytes come from outside and are later opened by a toezichthouder. So the
 * kind is decided by us: the extension must be one the caller allows AND the first bytes must
 * be that kind's signature; the stored content type is ours, never the browser's claim; and a
 * download is always an attachment that the browser may not sniff, render in our origin or cache.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { formatBestandsgrootte } from '$lib/format/getal';
import type { Executor, Tx } from './db';
import { bestanden } from './db/schema';
import { env } from './env';
import type { AuditActor } from './mutatie';

export const BESTAND_SOORTEN = ['pdf', 'docx', 'xlsx', 'png', 'jpg'] as const;
export type BestandSoort = (typeof BESTAND_SOORTEN)[number];

interface SoortInfo {
	/** As users call it ("PDF"); used in messages. */
	label: string;
	/** Lower-case, with the dot; the first is the canonical one. */
	extensies: readonly string[];
	mime: string;
	/** The signature check on the first bytes (and, for Office files, the package layout). */
	herken: (b: Uint8Array) => boolean;
}

const begintMet = (b: Uint8Array, sig: readonly number[]) =>
	b.length >= sig.length && sig.every((x, i) => b[i] === x);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Whether the bytes contain `naald` anywhere. */
const bevat = (b: Uint8Array, naald: string) =>
	Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(naald, 0, 'latin1');

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// An Office Open XML package is a ZIP whose entry names (stored uncompressed in the local and
// central headers) put the document under word/ (docx) or xl/ (xlsx).
const WORD = 'word/';
const XL = 'xl/';

export const SOORT_INFO: Record<BestandSoort, SoortInfo> = {
	pdf: {
		label: 'PDF',
		extensies: ['.pdf'],
		mime: 'application/pdf',
		herken: (b) => begintMet(b, PDF)
	},
	docx: {
		label: 'Word',
		extensies: ['.docx'],
		mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		herken: (b) => begintMet(b, ZIP) && bevat(b, WORD)
	},
	xlsx: {
		label: 'Excel',
		extensies: ['.xlsx'],
		mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		herken: (b) => begintMet(b, ZIP) && bevat(b, XL)
	},
	png: { label: 'PNG', extensies: ['.png'], mime: 'image/png', herken: (b) => begintMet(b, PNG) },
	jpg: {
		label: 'JPG',
		extensies: ['.jpg', '.jpeg'],
		mime: 'image/jpeg',
		herken: (b) => begintMet(b, JPEG)
	}
};

const EIGEN_MIMES = new Set(Object.values(SOORT_INFO).map((s) => s.mime));

/** "PDF, PNG of JPG" */
export function soortenTekst(soorten: readonly BestandSoort[]): string {
	const labels = soorten.map((s) => SOORT_INFO[s].label);
	return labels.length <= 1
		? (labels[0] ?? '')
		: `${labels.slice(0, -1).join(', ')} of ${labels.at(-1)}`;
}

/** "een PDF-, PNG- of JPG-bestand" (Dutch joins the compound once, at the end). */
function eenBestandVan(soorten: readonly BestandSoort[]): string {
	const labels = soorten.map((s) => `${SOORT_INFO[s].label}-`);
	const laatste = `${labels.at(-1)}bestand`;
	return labels.length <= 1
		? `een ${laatste}`
		: `een ${labels.slice(0, -1).join(', ')} of ${laatste}`;
}

/** For `<input type="file" accept>`: extensions and our content types. */
export function acceptAttribuut(soorten: readonly BestandSoort[]): string {
	return soorten.flatMap((s) => [...SOORT_INFO[s].extensies, SOORT_INFO[s].mime]).join(',');
}

/** "850 bytes", "12,5 kB", "10 MB" */
export const formatGrootte = formatBestandsgrootte;

/**
 * The name as we keep and offer it: no path (old browsers send one), no control or
 * bidirectional-override characters (which can make "contract‮fdp.exe" read as "…exe.pdf"),
 * NFC, at most 200 characters with the extension kept.
 */
export function schoneNaam(naam: string): string {
	let n = naam
		.normalize('NFC')
		.replace(/^.*[\\/]/, '')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
		.trim();
	if (n.length > 200) {
		const ext = /\.[A-Za-z0-9]{1,5}$/.exec(n)?.[0] ?? '';
		n = n.slice(0, 200 - ext.length) + ext;
	}
	return n;
}

function extensieVan(naam: string): string {
	return /\.[^.]*$/.exec(naam)?.[0]?.toLowerCase() ?? '';
}

export interface GecontroleerdBestand {
	naam: string;
	soort: BestandSoort;
	mime: string;
	grootte: number;
	sha256: string;
	inhoud: Uint8Array;
}

export type BestandFoutCode =
	| 'BESTAND.ONTBREEKT'
	| 'BESTAND.LEEG'
	| 'BESTAND.TE_GROOT'
	| 'BESTAND.SOORT_NIET_TOEGESTAAN'
	| 'BESTAND.INHOUD_PAST_NIET';

export type BestandControle =
	{ ok: true; bestand: GecontroleerdBestand } | { ok: false; code: BestandFoutCode; fout: string };

export interface ControleOpties {
	/** The kinds this owner accepts, in the order they are named in messages. */
	soorten: readonly BestandSoort[];
	/** Defaults to BIJLAGE_MAX_BYTES. */
	maxBytes?: number;
}

type BestandFout = Extract<BestandControle, { ok: false }>;

const fout = (code: BestandFoutCode, tekst: string): BestandFout => ({
	ok: false,
	code,
	fout: tekst
});

/** Checks on what is known before reading the bytes: presence, size, extension. */
function controleerKop(
	naam: string,
	grootte: number,
	opties: ControleOpties
): BestandFout | { ok: true; soort: BestandSoort } {
	const max = opties.maxBytes ?? env().BIJLAGE_MAX_BYTES;
	const wat = eenBestandVan(opties.soorten);
	if (naam === '') return fout('BESTAND.ONTBREEKT', `Kies ${wat}.`);
	const ext = extensieVan(naam);
	const soort = opties.soorten.find((s) => SOORT_INFO[s].extensies.includes(ext));
	if (!soort) {
		return fout(
			'BESTAND.SOORT_NIET_TOEGESTAAN',
			`‘${naam}’ kan hier niet: kies ${wat} (${opties.soorten.flatMap((s) => SOORT_INFO[s].extensies).join(', ')}).`
		);
	}
	if (grootte === 0) return fout('BESTAND.LEEG', `Het bestand ‘${naam}’ is leeg.`);
	if (grootte > max) {
		return fout(
			'BESTAND.TE_GROOT',
			`Het bestand ‘${naam}’ is ${formatGrootte(grootte)}; de grens is ${formatGrootte(max)}. Maak het kleiner (bijvoorbeeld een scan met een lagere resolutie) of vraag de beheerder de grens te verhogen.`
		);
	}
	return { ok: true, soort };
}

/**
 * Checks a file's name and bytes for an owner that accepts `soorten`: the extension must be
 * allowed, the size within the limit, and the first bytes must be that kind's signature.
 */
export function controleerInhoud(
	naamRuw: string,
	inhoud: Uint8Array,
	opties: ControleOpties
): BestandControle {
	const naam = schoneNaam(naamRuw);
	const kop = controleerKop(naam, inhoud.byteLength, opties);
	if (!kop.ok) return kop;
	const info = SOORT_INFO[kop.soort];
	if (!info.herken(inhoud)) {
		const echt = BESTAND_SOORTEN.find((s) => s !== kop.soort && SOORT_INFO[s].herken(inhoud));
		const hint =
			echt && opties.soorten.includes(echt)
				? ` Het lijkt een ${SOORT_INFO[echt].label}-bestand; sla het op met de extensie ${SOORT_INFO[echt].extensies[0]}.`
				: ` Sla het document opnieuw op als ${info.label} en kies het opnieuw.`;
		return fout(
			'BESTAND.INHOUD_PAST_NIET',
			`‘${naam}’ heet een ${info.label}-bestand, maar de inhoud is dat niet.${hint}`
		);
	}
	return {
		ok: true,
		bestand: {
			naam,
			soort: kop.soort,
			mime: info.mime,
			grootte: inhoud.byteLength,
			sha256: createHash('sha256').update(inhoud).digest('hex'),
			inhoud
		}
	};
}

/**
 * Checks a form field that should hold an uploaded file. Size and extension are checked before
 * the bytes are read, so an oversized upload is refused without copying it.
 */
export async function controleerUpload(
	waarde: FormDataEntryValue | null | undefined,
	opties: ControleOpties
): Promise<BestandControle> {
	if (!(waarde instanceof File) || (waarde.size === 0 && waarde.name === '')) {
		return fout('BESTAND.ONTBREEKT', `Kies ${eenBestandVan(opties.soorten)}.`);
	}
	const kop = controleerKop(schoneNaam(waarde.name), waarde.size, opties);
	if (!kop.ok) return kop;
	return controleerInhoud(waarde.name, new Uint8Array(await waarde.arrayBuffer()), opties);
}

/** A stored file without its bytes, for lists. */
export interface BestandInfo {
	id: number;
	naam: string;
	mime: string;
	grootte: number;
	sha256: string;
}

/** Columns for a select (or join) of file metadata without loading the bytes. */
export const bestandInfoKolommen = {
	id: bestanden.id,
	naam: bestanden.naam,
	mime: bestanden.mime,
	grootte: bestanden.grootte,
	sha256: bestanden.sha256
};

/** Stores a checked file inside the caller's transaction; the caller writes the audit row. */
export async function slaBestandOp(
	tx: Tx,
	bestand: GecontroleerdBestand,
	door: AuditActor
): Promise<BestandInfo> {
	const [rij] = await tx
		.insert(bestanden)
		.values({
			naam: bestand.naam,
			mime: bestand.mime,
			grootte: bestand.grootte,
			sha256: bestand.sha256,
			inhoud: bestand.inhoud,
			door: door.userId,
			doorLabel: door.label
		})
		.returning(bestandInfoKolommen);
	return rij!;
}

export interface BestandRij extends BestandInfo {
	inhoud: Uint8Array;
}

/** The whole file; the caller has checked that the reader may see its owner. */
export async function leesBestand(ex: Executor, id: number): Promise<BestandRij | null> {
	const [rij] = await ex
		.select({ ...bestandInfoKolommen, inhoud: bestanden.inhoud })
		.from(bestanden)
		.where(eq(bestanden.id, id));
	return rij ?? null;
}

/**
 * `Content-Disposition: attachment` with both an ASCII `filename` (for old clients) and the
 * exact UTF-8 name as `filename*` (RFC 6266 §4.3 with RFC 8187 encoding).
 */
export function contentDisposition(naam: string): string {
	const schoon = schoneNaam(naam) || 'bestand';
	const terugval = schoon
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		// Outside printable ASCII, and the quoted-string specials; '%' too (RFC 6266 appendix D).
		.replace(/[^\x20-\x7e]|["\\%]/g, '_');
	// encodeURIComponent leaves ' ( ) * unescaped, which RFC 8187's attr-char does not allow.
	const exact = encodeURIComponent(schoon).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `attachment; filename="${terugval}"; filename*=UTF-8''${exact}`;
}

/**
 * The download of a stored file: always a download (never shown inside our origin), with our
 * own content type, no sniffing, a sandbox in case a browser renders it anyway, and not cached
 * (the documents hold personal data).
 */
export function bestandResponse(rij: Pick<BestandRij, 'naam' | 'mime' | 'inhoud'>): Response {
	const type = EIGEN_MIMES.has(rij.mime) ? rij.mime : 'application/octet-stream';
	const body = new Uint8Array(rij.inhoud);
	return new Response(body, {
		status: 200,
		headers: {
			'Content-Type': type,
			'Content-Length': String(body.byteLength),
			'Content-Disposition': contentDisposition(rij.naam),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': 'sandbox',
			'Cache-Control': 'private, no-store'
		}
	});
}
