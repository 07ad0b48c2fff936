import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiToegang } from '$lib/server/guard';
import { AntwoordCache, cacheAntwoord } from '$lib/server/http/cache';
import { grenzenKaart, grenzenVersie, provincieBestaat } from '$lib/server/services/kaart';

/** Boundaries change rarely: keep the serialised and compressed bodies per ETag. */
const cache = new AntwoordCache(32);

/**
 * The provincie's boundaries as GeoJSON (gemeenten, regio and provincie outlines), see
 * `$lib/kaart/api.ts`. 404 with a Dutch message when none are imported: the map page then
 * shows the schematic tile map.
 */
export const GET: RequestHandler = async (event) => {
	const { provincie } = event.params;
	const geweigerd = await apiToegang(event, { actie: 'kaart.bekijken', provincieCode: provincie });
	if (geweigerd) return geweigerd;
	const jaarTekst = event.url.searchParams.get('jaar');
	if (jaarTekst !== null && !/^\d{4}$/.test(jaarTekst)) {
		return json({ fout: 'jaar moet een jaartal zijn, bijvoorbeeld jaar=2026.' }, { status: 400 });
	}
	const jaar = jaarTekst === null ? undefined : Number(jaarTekst);
	const t0 = performance.now();
	const versie = await grenzenVersie(provincie, jaar);
	const tManifest = performance.now() - t0;
	if (!versie) {
		const p = await provincieBestaat(provincie);
		return json(
			{
				fout: p
					? `Er zijn geen gemeentegrenzen van ${p.naam}${jaar ? ` voor ${jaar}` : ''} geïmporteerd. Importeer ze met \`npm run geo:import -- <bestand-of-url>\` of stel GEO_GEMEENTEN_SOURCE in.`
					: `Provincie ${provincie} bestaat niet.`
			},
			{ status: 404, headers: { 'cache-control': 'private, no-cache' } }
		);
	}
	return cacheAntwoord({
		request: event.request,
		basis: versie.etag,
		lichaam: async () => JSON.stringify(await grenzenKaart(versie)),
		contentType: 'application/geo+json; charset=utf-8',
		cache,
		tijden: { manifest: tManifest }
	});
};
