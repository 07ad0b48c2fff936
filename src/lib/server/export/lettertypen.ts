/**
 * The fonts embedded in PDF exports (Liberation Sans, SIL OFL; see lettertypen/README.md). Inlined
 * at build time, so the production server needs no font files on disk.
 */
import regulier from './lettertypen/LiberationSans-Regular.ttf?inline';
import vet from './lettertypen/LiberationSans-Bold.ttf?inline';
import cursief from './lettertypen/LiberationSans-Italic.ttf?inline';
import vetCursief from './lettertypen/LiberationSans-BoldItalic.ttf?inline';

const bytes = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

export const LETTERTYPEN = {
	regulier: bytes(regulier),
	vet: bytes(vet),
	cursief: bytes(cursief),
	vetCursief: bytes(vetCursief)
} as const;
