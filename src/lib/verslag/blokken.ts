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

function delenVan(n: PmNode | undefined): Tekstdeel[] {
	const uit: Tekstdeel[] = [];
	const loop = (x: PmNode) => {
		if (x.type === 'text' && x.text) {
			const marks = new Set((x.marks ?? []).map((m) => m.type));
			const d: Tekstdeel = { tekst: x.text };
			if (marks.has('strong')) d.vet = true;
			if (marks.has('em')) d.cursief = true;
			const vorige = uit.at(-1);
			if (vorige && !!vorige.vet === !!d.vet && !!vorige.cursief === !!d.cursief) {
				vorige.tekst += d.tekst;
			} else uit.push(d);
		} else if (x.type === 'hard_break') {
			uit.push({ tekst: '\n' });
		} else for (const c of x.content ?? []) loop(c);
	};
	if (n) loop(n);
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

export function blokkenVan(doc: PmNode | null | undefined): Blok[] {
	const uit: Blok[] = [];
	for (const n of doc?.content ?? []) {
		if (n.type === 'bullet_list' || n.type === 'ordered_list') {
			uit.push({
				soort: n.type === 'bullet_list' ? 'opsomming' : 'nummering',
				items: (n.content ?? []).map(itemDelen)
			});
		} else if (n.type === 'heading') {
			uit.push({ soort: 'kop', delen: delenVan(n) });
		} else {
			const delen = delenVan(n);
			if (delen.length > 0) uit.push({ soort: 'alinea', delen });
		}
	}
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
