import { db, type Executor } from '../db';
import type { AuditActor } from '../mutatie';
import {
	analyseerRealisatie,
	schrijfRealisatie,
	type RealisatieAnalyse
} from '../import/realisatie';
import { leesTabel, melding, sha256, TabelFout, type Bestand } from '../import/tabel';
import { eerdereImport, legImportVast, type ImportSleutel } from '../import/vastleggen';

const sleutel = (b: Bestand, peilmaand: string | null): ImportSleutel => ({
	soort: 'realisatie',
	bestandsnaam: b.naam,
	sha256: sha256(b.inhoud),
	parameters: peilmaand === null ? '' : `peilmaand=${peilmaand}`
});

async function analyse(
	exec: Executor,
	b: Bestand,
	peilmaand: string | null
): Promise<RealisatieAnalyse> {
	try {
		return await analyseerRealisatie(exec, await leesTabel(b), peilmaand);
	} catch (e) {
		if (!(e instanceof TabelFout)) throw e;
		const telling = { nieuw: 0, gewijzigd: 0, ongewijzigd: 0 };
		return { regels: [], fouten: [melding('onleesbaar', e.message)], waarschuwingen: [], telling };
	}
}

/** COA's monthly overview: rows, difference, errors and consistency flags; writes nothing. */
export async function previewRealisatieImport(bestand: Bestand, peilmaand: string | null = null) {
	const a = await analyse(db(), bestand, peilmaand);
	return { ...a, alGeimporteerd: await eerdereImport(db(), sleutel(bestand, peilmaand)) };
}

/**
 * All rows in one transaction or none; the consistency flags are stored with the import
 * record (imports.meldingen) so that pages can show them next to the figures.
 */
export async function importeerRealisatie(
	actor: AuditActor,
	bestand: Bestand,
	peilmaand: string | null = null
) {
	return legImportVast(actor, sleutel(bestand, peilmaand), async (ctx) => {
		const a = await analyse(ctx.tx, bestand, peilmaand);
		return {
			fouten: a.fouten,
			waarschuwingen: a.waarschuwingen,
			rijen: a.regels.length,
			schrijf: (c, importId) => schrijfRealisatie(c, importId, a)
		};
	});
}
