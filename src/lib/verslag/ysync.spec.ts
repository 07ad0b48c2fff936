import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Fragment, Slice, type Node } from 'prosemirror-model';
import { joinBackward, splitBlock } from 'prosemirror-commands';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import {
	absolutePositionToRelativePosition,
	relativePositionToAbsolutePosition,
	updateYFragment,
	yXmlFragmentToProsemirrorJSON
} from 'y-prosemirror';
import { cursief, markeerAfspraak, nummering, opsomming, sprekerInvoegen, vet } from './commandos';
import { verslagSchema as s } from './schema';
import { pmInhoud, schrijfNaarY, vergeetGewijzigd, type Koppeling } from './ysync';

type Schrijver = (doc: Y.Doc, frag: Y.XmlFragment, pm: Node, koppeling: Koppeling) => void;
const onze: Schrijver = (_doc, frag, pm, k) => schrijfNaarY(frag, pm, k);
/** y-prosemirror's own diff, for comparison. */
const bibliotheek: Schrijver = (doc, frag, pm, k) =>
	updateYFragment(doc, frag, pm, { mapping: k, isOMark: new Map() });

/**
 * One editor as the binding in VerslagEditor runs it, without a browser: local transactions are
 * written to Yjs, remote changes rendered with the cursor kept at its relative position.
 */
class Klant {
	readonly doc = new Y.Doc();
	readonly frag = this.doc.getXmlFragment('ap-1');
	readonly koppeling: Koppeling = new Map();
	state = EditorState.create({ schema: s });
	#schrijf: Schrijver;
	#lokaal = false;
	#rel: { anchor: unknown; head: unknown } | null = null;

	constructor(schrijf: Schrijver = onze) {
		this.#schrijf = schrijf;
		this.doc.on('beforeAllTransactions', () => {
			if (this.#lokaal) return;
			const { anchor, head } = this.state.selection;
			this.#rel = {
				anchor: absolutePositionToRelativePosition(anchor, this.frag, this.koppeling),
				head: absolutePositionToRelativePosition(head, this.frag, this.koppeling)
			};
		});
		this.frag.observeDeep((_e, transaction) => {
			if (this.#lokaal) return;
			vergeetGewijzigd(this.koppeling, transaction);
			const inhoud = pmInhoud(this.frag, s, this.koppeling);
			const tr = this.state.tr.replace(
				0,
				this.state.doc.content.size,
				new Slice(Fragment.from(inhoud), 0, 0)
			);
			const plek = (r: unknown) =>
				relativePositionToAbsolutePosition(this.doc, this.frag, r, this.koppeling);
			const a = this.#rel && plek(this.#rel.anchor);
			const h = this.#rel && plek(this.#rel.head);
			if (a != null && h != null) {
				tr.setSelection(TextSelection.between(tr.doc.resolve(a), tr.doc.resolve(h)));
			}
			this.state = this.state.apply(tr);
		});
	}

	doe(cmd: Command): this {
		let nieuw: EditorState | null = null;
		if (!cmd(this.state, (tr) => (nieuw = this.state.apply(tr))) || !nieuw) {
			throw new Error('commando deed niets');
		}
		const pm = (nieuw as EditorState).doc;
		this.#lokaal = true;
		try {
			this.doc.transact(() => this.#schrijf(this.doc, this.frag, pm, this.koppeling));
		} finally {
			this.#lokaal = false;
		}
		this.state = nieuw;
		return this;
	}

	/** A transaction of one's own making. */
	pas(f: (st: EditorState) => Transaction): this {
		return this.doe((st, dispatch) => {
			dispatch?.(f(st));
			return true;
		});
	}

	typ(tekst: string, perLetter = false): this {
		if (!perLetter) return this.pas((st) => st.tr.insertText(tekst));
		for (const c of tekst) this.pas((st) => st.tr.insertText(c));
		return this;
	}

	/** The cursor at the end of the i-th paragraph (top level). */
	eindeVan(i: number): this {
		let pos = 0;
		for (let k = 0; k < i; k++) pos += this.state.doc.child(k).nodeSize;
		pos += this.state.doc.child(i).nodeSize - 1;
		this.state = this.state.apply(
			this.state.tr.setSelection(TextSelection.create(this.state.doc, pos))
		);
		return this;
	}

	get alineas(): string[] {
		const uit: string[] = [];
		this.state.doc.descendants((n) => {
			if (n.isTextblock) uit.push(n.textContent);
			return !n.isTextblock;
		});
		return uit;
	}

	/** ProseMirror shows exactly what the Yjs document holds (rendered afresh). */
	inStap(): boolean {
		const vers = EditorState.create({ schema: s });
		const inhoud = pmInhoud(this.frag, s, new Map());
		const doc = vers.tr.replace(
			0,
			vers.doc.content.size,
			new Slice(Fragment.from(inhoud), 0, 0)
		).doc;
		return doc.eq(this.state.doc);
	}

	/** The Yjs document, as ProseMirror JSON. */
	get y(): unknown {
		return yXmlFragmentToProsemirrorJSON(this.frag);
	}
}

/** Sends what `naar` misses of `van` (one direction of the network). */
function stuur(van: Klant, naar: Klant) {
	Y.applyUpdate(naar.doc, Y.encodeStateAsUpdate(van.doc, Y.encodeStateVector(naar.doc)), 'net');
}
function sync(...klanten: Klant[]) {
	for (const a of klanten) for (const b of klanten) if (a !== b) stuur(a, b);
}

/** Two writers on "Eerste"; both cursors at its end. */
function tweeSchrijvers(schrijf: Schrijver = onze): [Klant, Klant] {
	const a = new Klant(schrijf).typ('Eerste');
	const b = new Klant(schrijf);
	sync(a, b);
	a.eindeVan(0);
	b.eindeVan(0);
	return [a, b];
}

/** A writes a new line below the first; B, whose cursor is still at the end of the first, too. */
function enterNaEnter(a: Klant, b: Klant) {
	a.doe(splitBlock);
	stuur(a, b); // B sees A's empty paragraph; B's cursor stays at the end of "Eerste"
	b.doe(splitBlock);
	a.typ('Sanne: Den Haag ligt op schema.', true);
	b.typ('Victor: Leiden meldt vertraging.', true);
	sync(a, b);
}

describe('ProseMirror ↔ Yjs (ysync)', () => {
	it('Enter na Enter: elke schrijver houdt zijn eigen nieuwe alinea', () => {
		const [a, b] = tweeSchrijvers();
		enterNaEnter(a, b);
		const verwacht = [
			'Eerste',
			'Victor: Leiden meldt vertraging.',
			'Sanne: Den Haag ligt op schema.'
		];
		expect(a.alineas).toEqual(verwacht);
		expect(b.alineas).toEqual(verwacht);
		expect(a.inStap() && b.inStap()).toBe(true);
	});

	it('(y-prosemirror’s eigen diff schrijft daar beide regels in één alinea — de reden voor ysync)', () => {
		const [a, b] = tweeSchrijvers(bibliotheek);
		enterNaEnter(a, b);
		expect(a.alineas).not.toContain('Sanne: Den Haag ligt op schema.');
	});

	it('twee schrijvers in één lege alinea: beide teksten heel, niets dubbel', () => {
		const a = new Klant().typ('Eerste').doe(splitBlock);
		const b = new Klant();
		sync(a, b);
		b.eindeVan(1);
		a.typ('Sanne', true);
		b.typ('Victor', true);
		sync(a, b);
		// Two Y.XmlTexts in one paragraph now; both keep typing where they were.
		expect(a.frag.get(1)!.length).toBe(2);
		a.typ(' zegt ja.', true);
		b.typ(' zegt nee.', true);
		sync(a, b);
		const tekst = a.alineas[1]!;
		expect(b.alineas).toEqual(a.alineas);
		expect(tekst).toContain('Sanne zegt ja.');
		expect(tekst).toContain('Victor zegt nee.');
		expect(tekst.length).toBe('Sanne zegt ja.'.length + 'Victor zegt nee.'.length);
		expect(a.inStap() && b.inStap()).toBe(true);
	});

	it('ongedaan maken (Yjs-undo) komt in de editor, ook bij de ander', () => {
		const a = new Klant().typ('Eerste');
		const b = new Klant();
		sync(a, b);
		const undo = new Y.UndoManager(a.frag);
		undo.stopCapturing();
		a.eindeVan(0).doe(splitBlock).typ('Tweede');
		b.eindeVan(0).typ(' regel');
		sync(a, b);
		undo.undo();
		sync(a, b);
		expect(a.alineas).toEqual(['Eerste regel']);
		expect(b.alineas).toEqual(['Eerste regel']);
		expect(a.inStap() && b.inStap()).toBe(true);
	});

	it('opmaak, lijsten, een spreker en een afspraak komen heel aan', () => {
		const a = new Klant().typ('Besluit: de PRT stemt in.');
		const b = new Klant();
		a.pas((st) => st.tr.setSelection(TextSelection.create(st.doc, 1, 8))).doe(vet);
		a.eindeVan(0).doe(splitBlock).typ('Eerste punt').doe(opsomming);
		a.doe(splitBlock).typ('Tweede punt').doe(nummering);
		a.doe(splitBlock).doe(splitBlock).doe(sprekerInvoegen('Chris Smit (COA) geeft aan dat '));
		a.typ('het kan.');
		const zin = a.state.doc.lastChild!;
		const eind = a.state.doc.content.size - 1;
		a.doe(markeerAfspraak(eind - zin.content.size, eind, 7));
		sync(a, b);
		expect(b.state.doc.toJSON()).toEqual(a.state.doc.toJSON());
		expect(a.inStap() && b.inStap()).toBe(true);
		expect(JSON.stringify(b.state.doc.toJSON())).toContain('"actiepuntId":7');
		// Bold off again: the formatting goes from the Yjs document too.
		b.pas((st) => st.tr.setSelection(TextSelection.create(st.doc, 1, 8))).doe(vet);
		sync(a, b);
		expect(JSON.stringify(a.state.doc.toJSON())).not.toContain('strong');
		expect(a.inStap()).toBe(true);
	});

	it('willekeurig door elkaar (vast zaad): elke regel blijft één hele alinea', () => {
		let zaad = 20261207;
		const kans = () => (zaad = (zaad * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const kies = <T>(xs: T[]) => xs[Math.floor(kans() * xs.length)]!;
		for (let ronde = 0; ronde < 25; ronde++) {
			const klanten = [new Klant().typ('Begin'), new Klant(), new Klant()];
			sync(...klanten);
			/** Per client the line it is typing (Enter pressed, the rest still to type). */
			const bezig = new Map<Klant, string>();
			const regels: string[] = [];
			for (let stap = 0; stap < 60; stap++) {
				const k = kies(klanten);
				const actie = kans();
				const regel = bezig.get(k);
				if (regel !== undefined && actie < 0.5) {
					// Type (part of) the line: the empty paragraph may have reached the others.
					const deel = regel.slice(0, 1 + Math.floor(kans() * regel.length));
					k.typ(deel, kans() < 0.5);
					if (deel === regel) bezig.delete(k);
					else bezig.set(k, regel.slice(deel.length));
				} else if (regel === undefined && actie < 0.5) {
					// Enter at the end (or the start) of a random paragraph. (At the start of an empty
					// one the cursor would stay in that paragraph: someone else's, maybe.)
					const i = Math.floor(kans() * k.state.doc.childCount);
					k.eindeVan(i);
					if (kans() < 0.3 && k.state.doc.child(i).content.size > 0) {
						const start = k.state.selection.from - k.state.doc.child(i).content.size;
						k.pas((st) => st.tr.setSelection(TextSelection.create(st.doc, start)));
						k.doe(splitBlock);
						k.pas((st) => st.tr.setSelection(TextSelection.create(st.doc, start)));
					} else k.doe(splitBlock);
					const nieuw = `r${ronde}s${stap}-${Math.floor(kans() * 1e6)}`;
					regels.push(nieuw);
					bezig.set(k, nieuw);
				} else {
					const naar = kies(klanten);
					if (naar !== k) stuur(k, naar);
				}
			}
			for (const [k, rest] of bezig) k.typ(rest);
			sync(...klanten);
			for (const k of klanten) {
				expect(k.alineas).toEqual(klanten[0]!.alineas);
				expect(k.inStap()).toBe(true);
			}
			const gezien = klanten[0]!.alineas.filter((t) => t !== '' && t !== 'Begin');
			expect([...gezien].sort(), `ronde ${ronde}`).toEqual([...regels].sort());
		}
	});

	it('willekeurig bewerken (typen, wissen, Enter, samenvoegen, opmaak, lijsten): iedereen gelijk', () => {
		let zaad = 7;
		const kans = () => (zaad = (zaad * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const kies = <T>(xs: T[]) => xs[Math.floor(kans() * xs.length)]!;
		const plek = (st: EditorState) => Math.floor(kans() * (st.doc.content.size + 1));
		const selectie = (st: EditorState) => {
			const a = TextSelection.between(st.doc.resolve(plek(st)), st.doc.resolve(plek(st)));
			return st.tr.setSelection(a);
		};
		for (let ronde = 0; ronde < 15; ronde++) {
			const klanten = [new Klant().typ('Begin van de tekst'), new Klant(), new Klant()];
			sync(...klanten);
			for (let stap = 0; stap < 80; stap++) {
				const k = kies(klanten);
				const actie = kans();
				if (actie < 0.35) {
					k.pas(selectie);
					const opties: Command[] = [
						(st, d) => (d?.(st.tr.insertText(`w${stap} `)), true),
						(st, d) => (d?.(st.tr.deleteSelection()), true),
						splitBlock,
						joinBackward,
						vet,
						cursief,
						opsomming,
						nummering
					];
					const cmd = kies(opties);
					if (cmd(k.state)) k.doe(cmd);
				} else {
					const naar = kies(klanten);
					if (naar !== k) stuur(k, naar);
				}
			}
			sync(...klanten);
			for (const k of klanten) {
				expect(k.y, `ronde ${ronde}`).toEqual(klanten[0]!.y);
				expect(k.state.doc.toJSON(), `ronde ${ronde}`).toEqual(klanten[0]!.state.doc.toJSON());
				expect(k.inStap(), `ronde ${ronde}`).toBe(true);
			}
		}
	});
});
