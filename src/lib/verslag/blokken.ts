/**
 * The text of minutes as plain data: paragraphs and (numbered) lists of runs with bold/italic.
 * The editor stores ProseMirror JSON (prosemirror-schema-basic + schema-list); exports and the
 * read-only view work on these blocks, so DOCX, PDF and HTML render the same structure. Pure.
 */

export interface Tekstdeel {
	tekst: string;
	vet?: boolean;
	cursief?: boolean;
}

export type Blok =
	| { soort: 'alinea'; delen: Tekstdeel[] }
	| { soort: 'kop'; delen: Tekstdeel[] }
	| { soort: 'opsomming' | 'nummering'; items: Tekstdeel[][] };

/** The ProseMirror JSON shape we read (only what minutes use; unknown nodes give their text). */
export interface PmNode {
	type: string;
	text?: string;
	marks?: { type: string }[];
	content?: PmNode[];
}

/** Appends a run, merged with the previous one when the formatting is the same. */
function voegToe(uit: Tekstdeel[], d: Tekstdeel) {
	const vorige = uit.at(-1);
	if (vorige && !!vorige.vet === !!d.vet && !!vorige.cursief === !!d.cursief) {
		vorige.tekst += d.tekst;
	} else uit.push(d);
}

function delenIn(x: PmNode, uit: Tekstdeel[]) {
	if (x.type === 'text' && x.text) {
		const marks = new Set((x.marks ?? []).map((m) => m.type));
		const d: Tekstdeel = { tekst: x.text };
		if (marks.has('strong')) d.vet = true;
		if (marks.has('em')) d.cursief = true;
		voegToe(uit, d);
	} else if (x.type === 'hard_break') {
		uit.push({ tekst: '\n' });
	} else for (const c of x.content ?? []) delenIn(c, uit);
}

function delenVan(n: PmNode | undefined): Tekstdeel[] {
	const uit: Tekstdeel[] = [];
	if (n) delenIn(n, uit);
	return uit;
}

/** A list item's text: its paragraphs joined (nested lists are flattened into the item). */
function itemDelen(item: PmNode): Tekstdeel[] {
	const uit: Tekstdeel[] = [];
	for (const c of item.content ?? []) {
		if (uit.length > 0) uit.push({ tekst: ' ' });
		uit.push(...delenVan(c));
	}
	return uit;
}

const LIJST = new Set(['bullet_list', 'ordered_list']);
const BLOK = new Set(['paragraph', 'heading', 'blockquote', 'list_item', ...LIJST]);

function blokkenIn(nodes: readonly PmNode[], uit: Blok[]) {
	for (const n of nodes) {
		if (LIJST.has(n.type)) {
			uit.push({
				soort: n.type === 'bullet_list' ? 'opsomming' : 'nummering',
				items: (n.content ?? []).map(itemDelen)
			});
		} else if (n.type === 'blockquote' || n.type === 'list_item') {
			blokkenIn(n.content ?? [], uit);
		} else {
			// A paragraph or heading: its inline text. A block nested inside it — a shape the
			// schema forbids, but concurrent edits can leave in the Yjs document, and the editor
			// then shows it as a block of its own — becomes a block of its own here too, in place,
			// so exports read as the screen does.
			const soort = n.type === 'heading' ? 'kop' : 'alinea';
			let delen: Tekstdeel[] = [];
			const sluit = () => {
				if (delen.length > 0) uit.push({ soort, delen });
				delen = [];
			};
			for (const c of n.content ?? []) {
				if (BLOK.has(c.type)) {
					sluit();
					blokkenIn([c], uit);
				} else delenIn(c, delen);
			}
			sluit();
		}
	}
}

export function blokkenVan(doc: PmNode | null | undefined): Blok[] {
	const uit: Blok[] = [];
	blokkenIn(doc?.content ?? [], uit);
	return uit;
}

export const platteTekst = (delen: readonly Tekstdeel[]) => delen.map((d) => d.tekst).join('');

/** Blocks from plain text (paragraphs separated by blank lines): for text typed outside the editor. */
export function blokkenUitTekst(tekst: string): Blok[] {
	return tekst
		.split(/\n\s*\n/)
		.map((a) => a.trim())
		.filter(Boolean)
		.map((a) => ({ soort: 'alinea', delen: [{ tekst: a }] }));
}
