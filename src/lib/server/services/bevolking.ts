import { db, type Executor } from '../db';
import type { AuditActor } from '../mutatie';
import { analyseerBevolking, schrijfBevolking, type BevolkingAnalyse } from '../import/bevolking';
import { leesTabel, melding, sha256, TabelFout, type Bestand } from '../import/tabel';
import { eerdereImport, legImportVast, type ImportSleutel } from '../import/vastleggen';

const sleutel = (b: Bestand, jaar: number | null): ImportSleutel => ({
	soort: 'bevolking',
	bestandsnaam: b.naam,
	sha256: sha256(b.inhoud),
	parameters: jaar === null ? '' : `jaar=${jaar}`
});

async function analyse(exec: Executor, b: Bestand, jaar: number | null): Promise<BevolkingAnalyse> {
	try {
		return await analyseerBevolking(exec, await leesTabel(b), jaar);
	} catch (e) {
		if (!(e instanceof TabelFout)) throw e;
		const telling = { nieuw: 0, gewijzigd: 0, ongewijzigd: 0 };
		return { regels: [], fouten: [melding('onleesbaar', e.message)], waarschuwingen: [], telling };
	}
}

/** CBS population per gemeente and for NL01; `jaar` only for files without a year column. */
export async function previewBevolkingImport(bestand: Bestand, jaar: number | null = null) {
	const a = await analyse(db(), bestand, jaar);
	return { ...a, alGeimporteerd: await eerdereImport(db(), sleutel(bestand, jaar)) };
}

/**
 * No event: population changes no figure on any page by itself; it matters when a
 * taakstelling is computed from it, which publishes.
 */
export async function importeerBevolking(
	actor: AuditActor,
	bestand: Bestand,
	jaar: number | null = null
) {
	return legImportVast(actor, sleutel(bestand, jaar), async (ctx) => {
		const a = await analyse(ctx.tx, bestand, jaar);
		return {
			fouten: a.fouten,
			waarschuwingen: a.waarschuwingen,
			rijen: a.regels.length,
			schrijf: (c, importId) => schrijfBevolking(c, importId, a)
		};
	});
}
