import { error, type RequestEvent } from '@sveltejs/kit';
import { exportBestandsnaam } from '$lib/verslag/inhoud';
import { contentDisposition } from './bestanden';
import { verslagDocx, verslagPdf, type Onderdeel } from './export/verslag';
import { requireRight } from './guard';
import { exportVoor } from './services/verslag';
import { tafelOf404, vergaderingOf404 } from './vergadering-formulier';

const TYPE = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf'
} as const;

/**
 * GET handler of `…/verslag.docx|pdf` and `…/actielijst.docx|pdf`: `?versie=N` a published
 * version; without it the vastgesteld version, else the current draft for those who write in it,
 * else the latest concept. Always a download, never cached.
 */
export function verslagExport(onderdeel: Onderdeel, formaat: 'docx' | 'pdf') {
	return async (event: RequestEvent): Promise<Response> => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'vergadering.bekijken', regietafel: tafel });
		const v = await vergaderingOf404(tafel, event);
		const keuze = await exportVoor(
			tafel,
			v,
			event.locals.actor,
			event.url.searchParams.get('versie')
		);
		if (!keuze.ok) error(keuze.status, keuze.fout);
		const bytes =
			formaat === 'docx'
				? await verslagDocx(keuze.data, onderdeel)
				: await verslagPdf(keuze.data, onderdeel);
		const naam = exportBestandsnaam(onderdeel, tafel.naam, v.datum, formaat, keuze.versie);
		return new Response(Buffer.from(bytes), {
			headers: {
				'Content-Type': TYPE[formaat],
				'Content-Length': String(bytes.byteLength),
				'Content-Disposition': contentDisposition(naam),
				'X-Content-Type-Options': 'nosniff',
				'Cache-Control': 'private, no-store'
			}
		});
	};
}
