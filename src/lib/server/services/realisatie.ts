import { db, type Executor } from '../db';
import type { AuditActor } from '../mutatie';
import {
	analyseerRealisatie,
	schrijfRealisatie,
	type RealisatieAnalyse
} from '../import/realisatie';
import { leesTabel, melding, sha256, TabelFout, type Bestand } from '../import/tabel';
import {
	beperkTot,
	eerdereImport,
	legImportVast,
	metBereik,
	type ImportSleutel
} from '../import/vastleggen';

const sleutel = (b: Bestand, peilmaand: string | null, bereik: string | null): ImportSleutel => ({
	soort: 'realisatie',
	bestandsnaam: b.naam,
	sha256: sha256(b.inhoud),
	parameters: metBereik(peilmaand === null ? '' : `peilmaand=${peilmaand}`, bereik)
});

async function analyse(
	exec: Executor,
	b: Bestand,
	peilmaand: string | null,
	bereik: string | null
): Promise<RealisatieAnalyse & { buiten: number }> {
	try {
		return beperkTot(await analyseerRealisatie(exec, await leesTabel(b), peilmaand), bereik);
	} catch (e) {
		if (!(e instanceof TabelFout)) throw e;
		const telling = { nieuw: 0, gewijzigd: 0, ongewijzigd: 0 };
		const fouten = [melding('onleesbaar', e.message)];
		return { regels: [], fouten, waarschuwingen: [], telling, buiten: 0 };
	}
}

/**
 * COA's monthly overview: rows, difference, errors and consistency flags; writes nothing.
 * `bereik`: only the gemeenten of that provincie are imported (see `beperkTot`).
 */
export async function previewRealisatieImport(
	bestand: Bestand,
	peilmaand: string | null = null,
	bereik: string | null = null
) {
	const a = await analyse(db(), bestand, peilmaand, bereik);
	return { ...a, alGeimporteerd: await eerdereImport(db(), sleutel(bestand, peilmaand, bereik)) };
}

/**
 * All rows in one transaction or none; the consistency flags are stored with the import
 * record (imports.meldingen) so that pages can show them next to the figures.
 */
export async function importeerRealisatie(
	actor: AuditActor,
	bestand: Bestand,
	peilmaand: string | null = null,
	bereik: string | null = null
) {
	return legImportVast(actor, sleutel(bestand, peilmaand, bereik), async (ctx) => {
		const a = await analyse(ctx.tx, bestand, peilmaand, bereik);
		return {
			fouten: a.fouten,
			waarschuwingen: a.waarschuwingen,
			rijen: a.regels.length,
			schrijf: (c, importId) => schrijfRealisatie(c, importId, a)
		};
	});
}
