/**
 * How the verslag editor keeps ProseMirror and its Y.XmlFragment in step — our replacement for
 * the two halves of y-prosemirror's ProsemirrorBinding (1.3.x) that lose or scramble text when
 * two people write in one agendapunt at the same time (issue 6 §4).
 *
 * **ProseMirror → Yjs.** After every local transaction y-prosemirror diffs the whole ProseMirror
 * document against the Y fragment (`updateYFragment`) and pairs children by *looking alike*
 * (same type and content), from the left and from the right, before it looks at which Yjs
 * element a ProseMirror node was rendered from. Two empty paragraphs, or two equal list items,
 * look alike: when a co-editor has just added an empty paragraph at the end and this writer
 * presses Enter at the end of the paragraph before it, the diff decides that *the co-editor's*
 * paragraph is this writer's new one and appends a fresh one behind it. Everything this writer
 * types next goes into the co-editor's paragraph — where the co-editor is typing too. The
 * result is what the e2e test found: lines merged, split mid-word, moved to another paragraph.
 * Here children are first paired by *identity*: ProseMirror keeps the node objects a transaction
 * did not touch, and the binding's mapping records which ProseMirror node each Yjs element was
 * last in step with, so an element whose node is still in the document is unchanged and stays
 * where it is. Only the runs between such anchors (what this transaction changed) are diffed by
 * content, as y-prosemirror does.
 *
 * **Yjs → ProseMirror.** When two writers type into the same empty paragraph at once, it ends up
 * holding two Y.XmlText children. y-prosemirror's renderer then *writes* to the document while
 * rendering (its fix for issue #160: the client that created the second text copies it into the
 * first and deletes it), and its diff afterwards updates the first text with the text of both and
 * deletes the second — on two clients at once this duplicates or drops what the other typed
 * (y-prosemirror issue #271). Here rendering only reads, and adjacent texts are diffed as one run
 * in which every character stays in the Y.XmlText it was typed in.
 *
 * **The cursor.** The browser moves the cursor at once (a click, End, an arrow key); ProseMirror
 * reads it on 'selectionchange', a task later. A remote change rendered in between put the cursor
 * back where ProseMirror last saw it (y-prosemirror records the selection from ProseMirror's
 * state), and a key pressed in between acted there: text landed in the line clicked a moment
 * before. Both now take the browser's cursor when ProseMirror has not read it yet.
 *
 * These work around y-prosemirror 1.3.7 (and, for keys, ProseMirror's late reading of the
 * cursor) in our own code, the libraries untouched. `verbeterBinding(view)` installs them on the
 * binding of a view created with `ySyncPlugin(fragment, { mapping: new Map() })` (the mapping
 * option stops y-prosemirror's own first render, which could already write to the document);
 * `volgBrowserSelectie` is the view's handleKeyDown. The rest of y-prosemirror — the plugin state,
 * its mutex, undo, relative positions — is used as is. The diff and the renderer are pure (no DOM)
 * and tested with simulated clients in ysync.spec.ts.
 */
import * as Y from 'yjs';
import {
	Fragment,
	Slice,
	type Attrs,
	type Mark,
	type Node as PmNode,
	type NodeType,
	type Schema
} from 'prosemirror-model';
import { AllSelection, NodeSelection, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import {
	absolutePositionToRelativePosition,
	getRelativeSelection,
	relativePositionToAbsolutePosition,
	ySyncPluginKey,
	type ProsemirrorBinding
} from 'y-prosemirror';

/** y-prosemirror's mapping: a Yjs element → the ProseMirror node it was last in step with. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Koppeling = Map<Y.AbstractType<any>, PmNode | PmNode[]>;

type Attributen = Record<string, unknown>;
interface DeltaOp {
	insert?: unknown;
	attributes?: Attributen;
}

// ---------------------------------------------------------------- Yjs → ProseMirror (read only)

/** Formatting attributes of y-prosemirror: the mark name, with a hash for overlapping marks. */
const HASH = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function marksVan(attrs: Attributen | undefined, schema: Schema): Mark[] {
	const uit: Mark[] = [];
	for (const [sleutel, waarde] of Object.entries(attrs ?? {})) {
		if (waarde == null) continue;
		const type = schema.marks[HASH.exec(sleutel)?.[1] ?? sleutel];
		if (!type) continue;
		try {
			uit.push(type.create(waarde as Attrs));
		} catch {
			// An unknown attribute value: the text stays, without this mark.
		}
	}
	return uit;
}

function tekstNodes(t: Y.XmlText, schema: Schema): PmNode[] {
	const uit: PmNode[] = [];
	for (const op of t.toDelta() as DeltaOp[]) {
		if (typeof op.insert === 'string' && op.insert !== '') {
			uit.push(schema.text(op.insert, marksVan(op.attributes, schema)));
		}
	}
	return uit;
}

/**
 * The node as the schema allows it. Concurrent structural edits can leave a shape the schema
 * forbids (a list item without its paragraph). y-prosemirror deletes such an element, text and
 * all; here it is shown completed where that is possible (null: it is not). The document keeps it
 * as it is until someone edits that block: then the diff writes the form shown.
 */
function bouw(type: NodeType | undefined, attrs: Attrs, kinderen: PmNode[]): PmNode | null {
	if (!type) return null;
	try {
		return type.createChecked(attrs, kinderen);
	} catch {
		// not as it is: completed, below
	}
	try {
		return type.createAndFill(attrs, kinderen);
	} catch {
		return null;
	}
}

/** What cannot be shown otherwise: a paragraph with its text. */
function paragraafMet(kinderen: PmNode[], schema: Schema): PmNode {
	const tekst = kinderen.map((n) => n.textContent).join('');
	return schema.nodes.paragraph!.create(null, tekst ? schema.text(tekst) : null);
}

/**
 * The ProseMirror node of a Yjs element: the mapped one when the element did not change since,
 * else built from it (and mapped). Never writes to the document.
 */
export function pmKnoop(el: Y.XmlElement, schema: Schema, koppeling: Koppeling): PmNode {
	const bekend = koppeling.get(el);
	if (bekend && !Array.isArray(bekend)) return bekend;
	const kinderen: PmNode[] = [];
	for (const k of el.toArray()) {
		if (k instanceof Y.XmlText) kinderen.push(...tekstNodes(k, schema));
		else if (k instanceof Y.XmlElement) kinderen.push(pmKnoop(k, schema, koppeling));
	}
	const node =
		bouw(schema.nodes[el.nodeName], el.getAttributes() as Attrs, kinderen) ??
		paragraafMet(kinderen, schema);
	koppeling.set(el, node);
	return node;
}

/** The ProseMirror content of a fragment (its blocks). */
export function pmInhoud(fragment: Y.XmlFragment, schema: Schema, koppeling: Koppeling): PmNode[] {
	const uit: PmNode[] = [];
	for (const k of fragment.toArray()) {
		if (k instanceof Y.XmlElement) uit.push(pmKnoop(k, schema, koppeling));
	}
	return uit;
}

// ---------------------------------------------------------------- ProseMirror → Yjs

/** A child of a Yjs element, with adjacent texts taken together as one run. */
type YDeel =
	| { soort: 'tekst'; teksten: Y.XmlText[]; start: number }
	| { soort: 'element'; el: Y.XmlElement; start: number }
	| { soort: 'anders'; start: number };
/** A child of a ProseMirror node: a node, or a run of adjacent text nodes. */
type PDeel = PmNode | PmNode[];

const lengte = (d: YDeel) => (d.soort === 'tekst' ? d.teksten.length : 1);
const tekstLengte = (d: YDeel) =>
	d.soort === 'tekst' ? d.teksten.reduce((n, t) => n + t.length, 0) : 0;

function yDelen(parent: Y.XmlFragment): YDeel[] {
	const uit: YDeel[] = [];
	parent.toArray().forEach((k, i) => {
		if (k instanceof Y.XmlText) {
			const vorige = uit.at(-1);
			if (vorige?.soort === 'tekst') vorige.teksten.push(k);
			else uit.push({ soort: 'tekst', teksten: [k], start: i });
		} else if (k instanceof Y.XmlElement) uit.push({ soort: 'element', el: k, start: i });
		else uit.push({ soort: 'anders', start: i });
	});
	// An emptied text takes part in nothing (it is kept: see verzoen).
	return uit.filter((d) => !(d.soort === 'tekst' && tekstLengte(d) === 0));
}

function pDelen(node: PmNode): PDeel[] {
	const uit: PDeel[] = [];
	node.forEach((k) => {
		const vorige = uit.at(-1);
		if (k.isText && Array.isArray(vorige)) vorige.push(k);
		else uit.push(k.isText ? [k] : k);
	});
	return uit;
}

/** A JSON key that does not depend on the order of object keys. */
function sleutel(x: unknown): string {
	if (x === null || typeof x !== 'object') return JSON.stringify(x) ?? 'undefined';
	if (Array.isArray(x)) return `[${x.map(sleutel).join(',')}]`;
	const o = x as Attributen;
	return `{${Object.keys(o)
		.filter((k) => o[k] != null)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${sleutel(o[k])}`)
		.join(',')}}`;
}

/** The formatting attributes of marks (our marks exclude themselves: no hashed names). */
function attributenVan(marks: readonly Mark[]): Attributen {
	const uit: Attributen = {};
	for (const m of marks) uit[m.type.name] = m.attrs;
	return uit;
}

/** Text with its formatting, as runs of equal formatting: comparable between both sides. */
type Runs = [tekst: string, opmaak: string][];
function voegRunToe(runs: Runs, tekst: string, opmaak: string) {
	if (tekst === '') return;
	const vorige = runs.at(-1);
	if (vorige && vorige[1] === opmaak) vorige[0] += tekst;
	else runs.push([tekst, opmaak]);
}
function yRuns(teksten: Y.XmlText[]): Runs {
	const runs: Runs = [];
	for (const t of teksten) {
		for (const op of t.toDelta() as DeltaOp[]) {
			const tekst = typeof op.insert === 'string' ? op.insert : '\uFFFC';
			voegRunToe(runs, tekst, sleutel(op.attributes ?? {}));
		}
	}
	return runs;
}
function pRuns(nodes: readonly PmNode[]): Runs {
	const runs: Runs = [];
	for (const n of nodes) voegRunToe(runs, n.text ?? '', sleutel(attributenVan(n.marks)));
	return runs;
}
const runsGelijk = (a: Runs, b: Runs) =>
	a.length === b.length && a.every((r, i) => r[0] === b[i]![0] && r[1] === b[i]![1]);

function attrsGelijk(y: Attributen, p: Attrs): boolean {
	const eigen = (o: Attributen) =>
		Object.keys(o)
			.filter((k) => o[k] != null && k !== 'ychange')
			.sort();
	const a = eigen(y);
	const b = eigen(p as Attributen);
	return a.length === b.length && a.every((k, i) => k === b[i] && sleutel(y[k]) === sleutel(p[k]));
}

function elementGelijk(el: Y.XmlElement, node: PmNode): boolean {
	if (el.nodeName !== node.type.name || !attrsGelijk(el.getAttributes(), node.attrs)) return false;
	const y = yDelen(el);
	const p = pDelen(node);
	return y.length === p.length && y.every((d, i) => gelijk(d, p[i]!));
}

function gelijk(y: YDeel, p: PDeel): boolean {
	if (y.soort === 'tekst') return Array.isArray(p) && runsGelijk(yRuns(y.teksten), pRuns(p));
	if (y.soort === 'element') return !Array.isArray(p) && elementGelijk(y.el, p);
	return false;
}

/** Can this Yjs child be updated to become that ProseMirror child? */
function past(y: YDeel, p: PDeel): boolean {
	if (y.soort === 'tekst') return Array.isArray(p);
	return y.soort === 'element' && !Array.isArray(p) && y.el.nodeName === p.type.name;
}

/** The common start and end of two strings (never halfway a surrogate pair). */
function tekstVerschil(a: string, b: string) {
	let links = 0;
	while (links < a.length && links < b.length && a[links] === b[links]) links++;
	if (links > 0 && /[\uD800-\uDBFF]/.test(a[links - 1]!)) links--;
	let rechts = 0;
	while (
		rechts + links < a.length &&
		rechts + links < b.length &&
		a[a.length - rechts - 1] === b[b.length - rechts - 1]
	) {
		rechts++;
	}
	if (rechts > 0 && /[\uDC00-\uDFFF]/.test(a[a.length - rechts]!)) rechts--;
	return { index: links, weg: a.length - links - rechts, erbij: b.slice(links, b.length - rechts) };
}

/**
 * Brings a run of adjacent Y.XmlTexts to the text and formatting of a run of ProseMirror text
 * nodes: one text diff over the whole run, applied where it falls; no character moves from one
 * Y.XmlText to another (a co-editor may be typing in either).
 */
function werkTekstBij(teksten: Y.XmlText[], nodes: readonly PmNode[]): void {
	const nieuw = nodes.map((n) => n.text ?? '').join('');
	const delen = teksten.map((t) =>
		(t.toDelta() as DeltaOp[])
			.map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
			.join('')
	);
	const oud = delen.join('');
	if (oud !== nieuw) {
		const { index, weg, erbij } = tekstVerschil(oud, nieuw);
		// Insert where the change starts: at the end of the text before it rather than at the
		// start of the next one (where typing continues). Deletions may span several texts.
		let start = 0;
		let doel = -1;
		const bereik = delen.map((d) => {
			const r = { start, lengte: d.length };
			start += d.length;
			return r;
		});
		bereik.forEach((r, i) => {
			if (doel === -1 && index >= r.start && index <= r.start + r.lengte) doel = i;
			const van = Math.max(index, r.start);
			const tot = Math.min(index + weg, r.start + r.lengte);
			if (tot > van) teksten[i]!.delete(van - r.start, tot - van);
		});
		if (erbij !== '') teksten[doel]!.insert(index - bereik[doel]!.start, erbij);
	}
	if (runsGelijk(yRuns(teksten), pRuns(nodes))) return;
	// Formatting: every text gets the marks of the ProseMirror text over its own stretch.
	const opmaak = nodes.map((n) => ({ lengte: n.text?.length ?? 0, attrs: attributenVan(n.marks) }));
	let pos = 0;
	for (const t of teksten) {
		const weg: Attributen = {};
		for (const op of t.toDelta() as DeltaOp[]) {
			for (const k of Object.keys(op.attributes ?? {})) weg[k] = null;
		}
		const delta: { retain: number; attributes: Attributen }[] = [];
		const van = pos;
		const tot = pos + t.length;
		let p = 0;
		for (const o of opmaak) {
			const s = Math.max(van, p);
			const e = Math.min(tot, p + o.lengte);
			if (e > s) delta.push({ retain: e - s, attributes: { ...weg, ...o.attrs } });
			p += o.lengte;
		}
		if (delta.length > 0) t.applyDelta(delta);
		pos = tot;
	}
}

function maakTekst(nodes: readonly PmNode[], koppeling: Koppeling): Y.XmlText {
	const t = new Y.XmlText();
	t.applyDelta(nodes.map((n) => ({ insert: n.text ?? '', attributes: attributenVan(n.marks) })));
	koppeling.set(t, [...nodes]);
	return t;
}

function maakElement(node: PmNode, koppeling: Koppeling): Y.XmlElement {
	const el = new Y.XmlElement(node.type.name);
	for (const [k, v] of Object.entries(node.attrs)) {
		// Y.XmlElement attributes hold any JSON value (y-prosemirror stores numbers as is).
		if (v !== null && k !== 'ychange') el.setAttribute(k, v as string);
	}
	el.insert(
		0,
		pDelen(node).map((d) => maak(d, koppeling))
	);
	koppeling.set(el, node);
	return el;
}

const maak = (d: PDeel, koppeling: Koppeling): Y.XmlElement | Y.XmlText =>
	Array.isArray(d) ? maakTekst(d, koppeling) : maakElement(d, koppeling);

function werkAttributenBij(el: Y.XmlElement, node: PmNode): void {
	const y = el.getAttributes() as Attributen;
	for (const [k, v] of Object.entries(node.attrs)) {
		if (k === 'ychange') continue;
		if (v === null) {
			if (y[k] !== undefined) el.removeAttribute(k);
		} else if (sleutel(y[k]) !== sleutel(v)) el.setAttribute(k, v as string);
	}
	for (const k of Object.keys(y)) if (node.attrs[k] === undefined) el.removeAttribute(k);
}

/** How much of this pair is unchanged: children still mapped to themselves, then alike. */
function overeenkomst(y: YDeel, p: PDeel, koppeling: Koppeling): number {
	if (y.soort !== 'element' || Array.isArray(p)) return 0;
	const kinderen = new Set<PmNode>();
	p.forEach((k) => void kinderen.add(k));
	let n = 0;
	for (const k of y.el.toArray()) {
		const m = k instanceof Y.XmlElement ? koppeling.get(k) : undefined;
		if (m && !Array.isArray(m) && kinderen.has(m)) n += 1000;
	}
	const yd = yDelen(y.el);
	const pd = pDelen(p);
	let l = 0;
	while (l < yd.length && l < pd.length && gelijk(yd[l]!, pd[l]!)) l++;
	let r = 0;
	while (l + r < yd.length && l + r < pd.length) {
		if (!gelijk(yd[yd.length - 1 - r]!, pd[pd.length - 1 - r]!)) break;
		r++;
	}
	return n + l + r;
}

function werkBij(y: YDeel, p: PDeel, koppeling: Koppeling): void {
	if (y.soort === 'tekst') werkTekstBij(y.teksten, p as PmNode[]);
	else if (y.soort === 'element') werkElementBij(y.el, p as PmNode, koppeling);
}

function koppel(y: YDeel, p: PDeel, koppeling: Koppeling): void {
	if (y.soort === 'element') koppeling.set(y.el, p as PmNode);
}

/**
 * One stretch between identical children: alike children at both ends are kept, then pairs of
 * the same kind are updated in place (from the end that matches best), the rest of the Yjs side
 * is removed and the rest of the ProseMirror side inserted.
 */
function verzoen(
	parent: Y.XmlFragment,
	ys: YDeel[],
	ps: PDeel[],
	begin: number,
	koppeling: Koppeling
): void {
	const n = Math.min(ys.length, ps.length);
	let l = 0;
	let r = 0;
	while (l < n && gelijk(ys[l]!, ps[l]!)) koppel(ys[l]!, ps[l++]!, koppeling);
	while (l + r < n && gelijk(ys[ys.length - 1 - r]!, ps[ps.length - 1 - r]!)) {
		koppel(ys[ys.length - 1 - r]!, ps[ps.length - 1 - r]!, koppeling);
		r++;
	}
	while (l + r < ys.length && l + r < ps.length) {
		const ly = ys[l]!;
		const lp = ps[l]!;
		const ry = ys[ys.length - 1 - r]!;
		const rp = ps[ps.length - 1 - r]!;
		let links = past(ly, lp);
		const rechts = past(ry, rp);
		if (links && rechts && ly !== ry) {
			links = overeenkomst(ly, lp, koppeling) >= overeenkomst(ry, rp, koppeling);
		}
		if (links) {
			werkBij(ly, lp, koppeling);
			l++;
		} else if (rechts) {
			werkBij(ry, rp, koppeling);
			r++;
		} else break;
	}
	const restY = ys.slice(l, ys.length - r);
	const restP = ps.slice(l, ps.length - r);
	const plek =
		restY.length > 0
			? restY[0]!.start
			: l > 0
				? ys[l - 1]!.start + lengte(ys[l - 1]!)
				: r > 0
					? ys[ys.length - r]!.start
					: begin;
	// From the back, so the positions in front stay valid. A text is emptied, not removed: a
	// co-editor typing in it concurrently keeps what they typed (y-prosemirror issue #108).
	for (const d of [...restY].reverse()) {
		if (d.soort === 'tekst') {
			for (const t of d.teksten) t.delete(0, t.length);
		} else {
			if (d.soort === 'element') koppeling.delete(d.el);
			parent.delete(d.start, 1);
		}
	}
	if (restP.length > 0) {
		parent.insert(
			plek,
			restP.map((p) => maak(p, koppeling))
		);
	}
}

/** Pairs (i, j) with increasing i: the longest subsequence in which j increases too. */
function stijgend(paren: [number, number][]): [number, number][] {
	const staart: number[] = [];
	const vorige: number[] = [];
	paren.forEach(([, j], k) => {
		let lo = 0;
		let hi = staart.length;
		while (lo < hi) {
			const m = (lo + hi) >> 1;
			if (paren[staart[m]!]![1] < j) lo = m + 1;
			else hi = m;
		}
		vorige[k] = lo > 0 ? staart[lo - 1]! : -1;
		staart[lo] = k;
	});
	const uit: [number, number][] = [];
	for (let k = staart.at(-1) ?? -1; k !== -1; k = vorige[k]!) uit.push(paren[k]!);
	return uit.reverse();
}

function werkKinderenBij(parent: Y.XmlFragment, node: PmNode, koppeling: Koppeling): void {
	const ys = yDelen(parent);
	const ps = pDelen(node);
	// Identity: a Yjs element whose ProseMirror node is still in the document did not change.
	const waar = new Map<PmNode, number[]>();
	ps.forEach((p, j) => {
		if (!Array.isArray(p)) waar.set(p, [...(waar.get(p) ?? []), j]);
	});
	const paren: [number, number][] = [];
	ys.forEach((y, i) => {
		if (y.soort !== 'element') return;
		const m = koppeling.get(y.el);
		const js = m && !Array.isArray(m) ? waar.get(m) : undefined;
		if (js && js.length > 0) paren.push([i, js.shift()!]);
	});
	const ankers = stijgend(paren);
	const grenzen: [number, number][] = [[-1, -1], ...ankers, [ys.length, ps.length]];
	for (let s = grenzen.length - 2; s >= 0; s--) {
		const [i0, j0] = grenzen[s]!;
		const [i1, j1] = grenzen[s + 1]!;
		const begin = i0 >= 0 ? ys[i0]!.start + 1 : 0;
		verzoen(parent, ys.slice(i0 + 1, i1), ps.slice(j0 + 1, j1), begin, koppeling);
	}
}

function werkElementBij(el: Y.XmlElement, node: PmNode, koppeling: Koppeling): void {
	koppeling.set(el, node);
	werkAttributenBij(el, node);
	werkKinderenBij(el, node, koppeling);
}

/**
 * Writes a ProseMirror document into its Y fragment: only what changed since the nodes the
 * mapping records (call inside a Yjs transaction).
 */
export function schrijfNaarY(fragment: Y.XmlFragment, doc: PmNode, koppeling: Koppeling): void {
	koppeling.set(fragment, doc);
	werkKinderenBij(fragment, doc, koppeling);
}

// ---------------------------------------------------------------- the binding

/** Forgets the ProseMirror nodes of the elements a (remote) transaction changed or deleted. */
export function vergeetGewijzigd(koppeling: Koppeling, transaction: Y.Transaction): void {
	Y.iterateDeletedStructs(transaction, transaction.deleteSet, (s) => {
		if (s instanceof Y.Item && s.content instanceof Y.ContentType) koppeling.delete(s.content.type);
	});
	transaction.changed.forEach((_, type) => koppeling.delete(type));
	transaction.changedParentTypes.forEach((_, type) => koppeling.delete(type));
}

/** The cursor back where it was in the Yjs document (before a remote change), if it can be. */
function herstelSelectie(tr: Transaction, b: ProsemirrorBinding): void {
	const rel = b.beforeTransactionSelection;
	if (rel === null || rel.anchor === null || rel.head === null) return;
	try {
		if (rel.type === 'all') {
			tr.setSelection(new AllSelection(tr.doc));
			return;
		}
		const plek = (r: unknown) => relativePositionToAbsolutePosition(b.doc, b.type, r, b.mapping);
		const anker = plek(rel.anchor);
		const kop = plek(rel.head);
		if (anker === null || kop === null) return;
		const max = tr.doc.content.size;
		const a = Math.min(Math.max(anker, 0), max);
		if (rel.type === 'node') {
			tr.setSelection(NodeSelection.create(tr.doc, a));
		} else {
			const k = Math.min(Math.max(kop, 0), max);
			tr.setSelection(TextSelection.between(tr.doc.resolve(a), tr.doc.resolve(k)));
		}
	} catch {
		// A position that no longer fits: ProseMirror's own mapping of the selection stays.
	}
}

/** Replaces the editor's content by the fragment's (only changed elements are rebuilt). */
function toon(b: ProsemirrorBinding, view: EditorView, meta: Record<string, unknown>): Transaction {
	const inhoud = pmInhoud(b.type, view.state.schema, b.mapping);
	return view.state.tr
		.setMeta('addToHistory', false)
		.replace(0, view.state.doc.content.size, new Slice(Fragment.from(inhoud), 0, 0))
		.setMeta(ySyncPluginKey, meta);
}

/**
 * Where the browser has the cursor. The browser moves it at once (a click, End, an arrow key), but
 * ProseMirror reads it only on 'selectionchange', a task later: a remote change rendered in
 * between would put the cursor back where ProseMirror last saw it, and the next keystroke would
 * land there. null: ProseMirror's own selection is as new (or there is no focus).
 */
function browserSelectie(view: EditorView): { anchor: number; head: number } | null {
	if (!view.hasFocus() || view.composing || !(view.state.selection instanceof TextSelection)) {
		return null;
	}
	try {
		const sel = (view.root as Document).getSelection?.() ?? document.getSelection();
		const { anchorNode, anchorOffset, focusNode, focusOffset } = sel ?? {};
		if (!anchorNode || !focusNode) return null;
		if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return null;
		const anchor = view.posAtDOM(anchorNode, anchorOffset ?? 0);
		const head = view.posAtDOM(focusNode, focusOffset ?? 0);
		const pm = view.state.selection;
		return anchor === pm.anchor && head === pm.head ? null : { anchor, head };
	} catch {
		return null;
	}
}

/**
 * For the editor's handleKeyDown, before any key binding: a cursor the browser moved that
 * ProseMirror has not read yet (see browserSelectie) becomes ProseMirror's, so that Enter splits
 * the line where the cursor is, not where it was a moment ago. Returns false: the key is then
 * handled as usual.
 */
export function volgBrowserSelectie(view: EditorView): boolean {
	const dom = browserSelectie(view);
	if (dom) {
		try {
			const { doc } = view.state;
			const sel = TextSelection.between(doc.resolve(dom.anchor), doc.resolve(dom.head));
			view.dispatch(view.state.tr.setSelection(sel));
		} catch {
			// ProseMirror reads it itself on 'selectionchange'
		}
	}
	return false;
}

/** Installs the identity-first diff and the read-only renderer on a view's y-prosemirror binding. */
export function verbeterBinding(view: EditorView): void {
	const b = ySyncPluginKey.getState(view.state)?.binding as ProsemirrorBinding | undefined;
	if (!b) throw new Error('Geen ySyncPlugin in deze editor.');

	// Before any Yjs transaction: the cursor as relative positions, from the browser's selection
	// when ProseMirror has not read it yet (see browserSelectie).
	b.doc.off('beforeAllTransactions', b.beforeAllTransactions);
	b.beforeAllTransactions = () => {
		if (b.beforeTransactionSelection !== null || b.prosemirrorView !== view) return;
		const dom = browserSelectie(view);
		b.beforeTransactionSelection = dom
			? {
					type: 'text',
					anchor: absolutePositionToRelativePosition(dom.anchor, b.type, b.mapping),
					head: absolutePositionToRelativePosition(dom.head, b.type, b.mapping)
				}
			: getRelativeSelection(b, view.state);
	};
	b.doc.on('beforeAllTransactions', b.beforeAllTransactions);

	// A remote (or undo) change of the fragment: render it, the cursor kept in place.
	const opWijziging = (_events: unknown, transaction: Y.Transaction) => {
		if (b.prosemirrorView !== view) return;
		b.mux(() => {
			vergeetGewijzigd(b.mapping, transaction);
			const tr = toon(b, view, {
				isChangeOrigin: true,
				isUndoRedoOperation: transaction.origin instanceof Y.UndoManager
			});
			herstelSelectie(tr, b);
			if (b.beforeTransactionSelection !== null && b._isLocalCursorInView()) tr.scrollIntoView();
			view.dispatch(tr);
		});
	};
	b.type.unobserveDeep(b._observeFunction);
	b._observeFunction = opWijziging;
	b.type.observeDeep(opWijziging);

	// A local change: written to Yjs, but only by a writer (a reader's editor never writes, not
	// even the empty paragraph ProseMirror shows for an empty text).
	b._prosemirrorChanged = (doc: PmNode) => {
		if (b.prosemirrorView !== view || !view.editable) return;
		b.doc.transact(() => {
			schrijfNaarY(b.type, doc, b.mapping);
			b.beforeTransactionSelection = getRelativeSelection(b, view.state);
		}, ySyncPluginKey);
	};

	b._forceRerender = () => {
		b.mapping.clear();
		b.mux(() => {
			const { anchor, head } = view.state.selection;
			const tr = toon(b, view, { isChangeOrigin: true, binding: b });
			const max = tr.doc.content.size;
			try {
				tr.setSelection(TextSelection.create(tr.doc, Math.min(anchor, max), Math.min(head, max)));
			} catch {
				// keep the mapped selection
			}
			view.dispatch(tr);
		});
	};
	b._forceRerender();
}
