import { createHash } from 'node:crypto';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiToegang } from '$lib/server/guard';
import { cacheAntwoord } from '$lib/server/http/cache';
import { kaartStanden, provincieBestaat } from '$lib/server/services/kaart';

function geldigeDatum(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Per gemeente of the provincie the standing on the interventieladder as it was on
 * `peildatum` (default: the latest), plus the peildata for the time slider. See
 * `$lib/kaart/api.ts`. The ETag is the hash of the answer itself.
 */
export const GET: RequestHandler = async (event) => {
	const { provincie } = event.params;
	const geweigerd = await apiToegang(event, { actie: 'kaart.bekijken', provincieCode: provincie });
	if (geweigerd) return geweigerd;
	const peildatum = event.url.searchParams.get('peildatum') ?? undefined;
	if (peildatum !== undefined && !geldigeDatum(peildatum)) {
		return json(
			{ fout: 'peildatum moet een datum zijn zoals peildatum=2026-04-01.' },
			{ status: 400 }
		);
	}
	const jaarTekst = event.url.searchParams.get('jaar');
	if (jaarTekst !== null && !/^\d{4}$/.test(jaarTekst)) {
		return json({ fout: 'jaar moet een jaartal zijn, bijvoorbeeld jaar=2026.' }, { status: 400 });
	}
	if (!(await provincieBestaat(provincie))) {
		return json({ fout: `Provincie ${provincie} bestaat niet.` }, { status: 404 });
	}
	const t0 = performance.now();
	const standen = await kaartStanden(provincie, {
		peildatum,
		jaar: jaarTekst === null ? undefined : Number(jaarTekst)
	});
	const tekst = JSON.stringify(standen);
	const tStanden = performance.now() - t0;
	return cacheAntwoord({
		request: event.request,
		basis: createHash('sha256').update(tekst).digest('base64url'),
		lichaam: () => tekst,
		contentType: 'application/json; charset=utf-8',
		tijden: { standen: tStanden }
	});
};
