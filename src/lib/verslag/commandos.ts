/**
 * Editing commands of the verslag editor (toolbar and keyboard), on the shared ProseMirror schema.
 * Pure ProseMirror: testable without a browser.
 */
import type { MarkType, NodeType } from 'prosemirror-model';
import { toggleMark } from 'prosemirror-commands';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { verslagSchema } from './schema';

const { strong, em, afspraak } = verslagSchema.marks;
const { bullet_list, ordered_list, list_item } = verslagSchema.nodes;

export const vet: Command = toggleMark(strong!);
export const cursief: Command = toggleMark(em!);

/** Is the mark on at the cursor (or over the whole selection)? */
export function markeringActief(state: EditorState, type: MarkType): boolean {
	const { from, to, empty, $from } = state.selection;
	if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
	return state.doc.rangeHasMark(from, to, type);
}

/** The nearest list around the cursor, if any. */
function lijstOm(state: EditorState): { type: NodeType; pos: number } | null {
	const { $from } = state.selection;
	for (let d = $from.depth; d > 0; d--) {
		const n = $from.node(d);
		if (n.type === bullet_list || n.type === ordered_list) {
			return { type: n.type, pos: $from.before(d) };
		}
	}
	return null;
}

export const inOpsomming = (s: EditorState) => lijstOm(s)?.type === bullet_list;
export const inNummering = (s: EditorState) => lijstOm(s)?.type === ordered_list;

/**
 * The list buttons: in this kind of list → out of it; in the other kind → switch kind;
 * otherwise → wrap the paragraph(s) in a list.
 */
function wisselLijst(type: NodeType): Command {
	return (state, dispatch) => {
		const om = lijstOm(state);
		if (om?.type === type) return liftListItem(list_item!)(state, dispatch);
		if (om) {
			if (dispatch) dispatch(state.tr.setNodeMarkup(om.pos, type));
			return true;
		}
		return wrapInList(type)(state, dispatch);
	};
}
export const opsomming = wisselLijst(bullet_list!);
export const nummering = wisselLijst(ordered_list!);

/**
 * A speaker note: "<naam> (<organisatie>) geeft aan dat ", on a new paragraph unless the cursor
 * is in an empty one; the cursor ends after it, ready to type.
 */
export function sprekerInvoegen(tekst: string): Command {
	return (state, dispatch) => {
		if (!dispatch) return true;
		let tr = state.tr.deleteSelection();
		const $pos = tr.selection.$from;
		if ($pos.parent.isTextblock && $pos.parent.content.size > 0) {
			if ($pos.parentOffset === 0) {
				// At the start of a line with text: the note goes on its own line above it.
				tr = tr.split($pos.pos);
				tr = tr.setSelection(TextSelection.create(tr.doc, $pos.pos));
			} else {
				tr = tr.split($pos.pos);
			}
		}
		tr = tr.insertText(tekst);
		dispatch(tr.scrollIntoView());
		return true;
	};
}

/** The selected text, as one line (the afspraak form is prefilled with it). */
export function geselecteerdeTekst(state: EditorState): string {
	const { from, to } = state.selection;
	return state.doc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim();
}

/** Links the passage `from`–`to` to the actiepunt it became. */
export function markeerAfspraak(from: number, to: number, actiepuntId: number): Command {
	return (state, dispatch) => {
		if (from >= to || to > state.doc.content.size) return false;
		if (dispatch) dispatch(state.tr.addMark(from, to, afspraak!.create({ actiepuntId })));
		return true;
	};
}

export const MARKERINGEN = { strong: strong!, em: em! };
