import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import {
	cursief,
	geselecteerdeTekst,
	inNummering,
	inOpsomming,
	markeerAfspraak,
	markeringActief,
	MARKERINGEN,
	nummering,
	opsomming,
	sprekerInvoegen,
	vet
} from './commandos';
import { verslagSchema as s } from './schema';

const p = (...inhoud: (Node | string)[]) =>
	s.nodes.paragraph!.create(
		null,
		inhoud.map((x) => (typeof x === 'string' ? s.text(x) : x))
	);

function staat(doc: Node, from: number, to = from) {
	const st = EditorState.create({ doc, schema: s });
	return st.apply(st.tr.setSelection(TextSelection.create(st.doc, from, to)));
}

function doe(st: EditorState, cmd: Command): EditorState {
	let uit = st;
	expect(cmd(st, (tr) => (uit = st.apply(tr)))).toBe(true);
	return uit;
}

describe('verslag-commando’s', () => {
	it('vet en cursief over een selectie; de knopstand volgt', () => {
		let st = staat(s.node('doc', null, [p('Den Haag ligt op schema')]), 1, 9);
		expect(markeringActief(st, MARKERINGEN.strong)).toBe(false);
		st = doe(st, vet);
		st = doe(st, cursief);
		expect(markeringActief(st, MARKERINGEN.strong)).toBe(true);
		expect(markeringActief(st, MARKERINGEN.em)).toBe(true);
		expect(st.doc.firstChild!.firstChild!.marks.map((m) => m.type.name).sort()).toEqual([
			'em',
			'strong'
		]);
		expect(st.doc.firstChild!.firstChild!.text).toBe('Den Haag');
		st = doe(st, vet);
		expect(markeringActief(st, MARKERINGEN.strong)).toBe(false);
	});

	it('opsomming aan, wisselen naar nummering, en weer uit', () => {
		let st = staat(s.node('doc', null, [p('Eerste punt')]), 2);
		st = doe(st, opsomming);
		expect(inOpsomming(st)).toBe(true);
		expect(st.doc.firstChild!.type.name).toBe('bullet_list');
		st = doe(st, nummering);
		expect(inNummering(st)).toBe(true);
		expect(inOpsomming(st)).toBe(false);
		expect(st.doc.firstChild!.type.name).toBe('ordered_list');
		st = doe(st, nummering);
		expect(inNummering(st)).toBe(false);
		expect(st.doc.firstChild!.type.name).toBe('paragraph');
	});

	it('een sprekersnotitie begint een nieuwe regel achter bestaande tekst', () => {
		const tekst = 'Daan Visser (Ministerie van BZK) geeft aan dat ';
		let st = staat(s.node('doc', null, [p('Opening.')]), 9);
		st = doe(st, sprekerInvoegen(tekst));
		expect(st.doc.childCount).toBe(2);
		expect(st.doc.child(1).textContent).toBe(tekst);
		// The cursor stands after the note.
		expect(st.selection.from).toBe(st.doc.content.size - 1);
		// In an empty paragraph: no extra line.
		let leeg = staat(s.node('doc', null, [p()]), 1);
		leeg = doe(leeg, sprekerInvoegen(tekst));
		expect(leeg.doc.childCount).toBe(1);
		expect(leeg.doc.textContent).toBe(tekst);
	});

	it('een afspraak markeert precies de selectie met het actiepunt-id', () => {
		let st = staat(s.node('doc', null, [p('Besloten: ', 'COA deelt leads.')]), 11, 27);
		expect(geselecteerdeTekst(st)).toBe('COA deelt leads.');
		st = doe(st, markeerAfspraak(11, 27, 42));
		const json = st.doc.toJSON() as {
			content: { content: { text: string; marks?: unknown[] }[] }[];
		};
		expect(json.content[0]!.content).toEqual([
			{ type: 'text', text: 'Besloten: ' },
			{
				type: 'text',
				text: 'COA deelt leads.',
				marks: [{ type: 'afspraak', attrs: { actiepuntId: 42 } }]
			}
		]);
		expect(markeerAfspraak(5, 5, 1)(st)).toBe(false);
	});
});
