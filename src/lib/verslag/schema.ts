/**
 * The ProseMirror schema of the verslag editor, shared by the browser editor and the server
 * (which reads the Yjs document as ProseMirror JSON for exports and snapshots). What Dutch
 * minutes need: paragraphs, bold, italic, bulleted and numbered lists, and the `afspraak` mark
 * that links a passage to the actiepunt it became.
 */
import { Schema } from 'prosemirror-model';
import { schema as basis } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';

const nodes = addListNodes(
	basis.spec.nodes.remove('image').remove('code_block').remove('horizontal_rule'),
	'paragraph block*',
	'block'
);

export const verslagSchema = new Schema({
	nodes,
	marks: basis.spec.marks
		.remove('link')
		.remove('code')
		.addToEnd('afspraak', {
			attrs: { actiepuntId: { default: null } },
			inclusive: false,
			parseDOM: [
				{
					tag: 'mark[data-actiepunt]',
					getAttrs: (el) => ({ actiepuntId: Number((el as HTMLElement).dataset.actiepunt) || null })
				}
			],
			toDOM: (m) => [
				'mark',
				{ class: 'afspraak', 'data-actiepunt': String(m.attrs.actiepuntId ?? '') },
				0
			]
		})
});
