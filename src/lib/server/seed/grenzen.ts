/**
 * Boundaries at start-up (issue 4 §1): when GEO_GEMEENTEN_SOURCE / GEO_PROVINCIES_SOURCE point
 * at a file or URL, import it unless that year is already there. The check is cheap (the year
 * from the file name and one count; by file name when the name has no year), so a normal start
 * neither reads nor downloads the file again.
 */
import { db } from '../db';
import { env } from '../env';
import type { AuditActor } from '../mutatie';
import { bronNaam, GeoBronFout, laadGeoBron } from '../geo/bron';
import { jaarUitNaam } from '../geo/lezen';
import {
	beschrijfImport,
	grensbestandGeimporteerd,
	grenzenAanwezig,
	importeerGrenzen
} from '../services/grenzen';

export const GEO_ACTOR: AuditActor = { userId: null, label: 'systeem (grenzen bij het starten)' };

const BRONNEN = [
	{ variabele: 'GEO_GEMEENTEN_SOURCE', soort: 'gemeente', wat: 'Gemeentegrenzen' },
	{ variabele: 'GEO_PROVINCIES_SOURCE', soort: 'provincie', wat: 'Provinciegrenzen' }
] as const;

/** Imports the configured boundary sources where needed; returns lines for the banner. */
export async function importeerGeconfigureerdeGrenzen(): Promise<string[]> {
	const e = env();
	const regels: string[] = [];
	for (const { variabele, soort, wat } of BRONNEN) {
		const bron = e[variabele];
		if (!bron) continue;
		try {
			const naam = bronNaam(bron);
			const jaar = jaarUitNaam(naam);
			const aanwezig =
				jaar !== null
					? await grenzenAanwezig(db(), jaar, soort)
					: await grensbestandGeimporteerd(db(), naam);
			if (aanwezig) {
				regels.push(`${wat}${jaar ? ` ${jaar}` : ''} staan al in de database (${naam}).`);
				continue;
			}
			const geladen = await laadGeoBron(bron, {
				maxBytes: e.GEO_MAX_BYTES,
				timeoutMs: e.GEO_TIMEOUT_SECONDS * 1000
			});
			regels.push(...beschrijfImport(await importeerGrenzen(GEO_ACTOR, geladen)));
		} catch (err) {
			// Never stop the portal for a map: it falls back to the schematic tile map.
			if (!(err instanceof GeoBronFout)) console.error(`[grenzen] ${variabele}`, err);
			regels.push(`${wat} uit ${variabele} niet geïmporteerd: ${(err as Error).message}`);
		}
	}
	return regels;
}
