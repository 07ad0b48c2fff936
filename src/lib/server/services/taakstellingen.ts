import { parseHalfjaar, peiljaarBevolking } from '$lib/domain/periode/halfjaar';
import { db } from '../db';
import {
	analyseerBerekening,
	bevolkingVanJaar,
	type BerekeningAnalyse
} from '../import/berekening';
import type { AuditActor } from '../mutatie';
import {
	analyseerTaakstelling,
	schrijfTaakstellingen,
	type TaakstellingAnalyse
} from '../import/taakstelling';
import { leesTabel, melding, sha256, TabelFout, type Bestand } from '../import/tabel';
import {
	beperkTot,
	eerdereImport,
	legImportVast,
	metBereik,
	type ImportSleutel
} from '../import/vastleggen';

export interface TaakstellingPreview extends TaakstellingAnalyse {
	/** Rows for gemeenten outside the provincie the import is restricted to (not written). */
	buiten: number;
	/** Set when exactly this file was already imported for this periode. */
	alGeimporteerd: { importId: number; at: Date; door: string } | null;
}

const sleutel = (bestand: Bestand, periode: string, bereik: string | null): ImportSleutel => ({
	soort: 'taakstelling',
	bestandsnaam: bestand.naam,
	sha256: sha256(bestand.inhoud),
	parameters: metBereik(`periode=${periode}`, bereik)
});

function onleesbaar(periode: string, e: TabelFout): TaakstellingAnalyse {
	const telling = { nieuw: 0, gewijzigd: 0, ongewijzigd: 0 };
	const fouten = [melding('onleesbaar', e.message)];
	return { periode, jaar: 0, regels: [], fouten, waarschuwingen: [], telling };
}

async function analyse(
	exec: Parameters<typeof analyseerTaakstelling>[0],
	b: Bestand,
	p: string,
	bereik: string | null
) {
	try {
		return beperkTot(await analyseerTaakstelling(exec, await leesTabel(b), p), bereik);
	} catch (e) {
		if (e instanceof TabelFout) return { ...onleesbaar(p, e), buiten: 0 };
		throw e;
	}
}

/** Every row validated and compared with what is stored; nothing is written. */
export async function previewTaakstellingImport(
	bestand: Bestand,
	periode: string,
	bereik: string | null = null
): Promise<TaakstellingPreview> {
	const a = await analyse(db(), bestand, periode, bereik);
	const eerder = await eerdereImport(db(), sleutel(bestand, periode, bereik));
	return { ...a, alGeimporteerd: eerder };
}

/** The official per-gemeente list for one periode: all rows in one transaction, or none. */
export async function importeerTaakstellingen(
	actor: AuditActor,
	bestand: Bestand,
	periode: string,
	bereik: string | null = null
) {
	return legImportVast(actor, sleutel(bestand, periode, bereik), async (ctx) => {
		const a = await analyse(ctx.tx, bestand, periode, bereik);
		return {
			fouten: a.fouten,
			waarschuwingen: a.waarschuwingen,
			rijen: a.regels.length,
			schrijf: (c, importId) => schrijfTaakstellingen(c, importId, a, { bron: 'import', vg: null })
		};
	});
}

async function berekeningSleutel(
	periode: string,
	vg: number,
	bereik: string | null
): Promise<ImportSleutel> {
	const h = parseHalfjaar(periode);
	// The inputs themselves are the "file": the same vg on the same population is a repeat;
	// a corrected population list makes it a new computation.
	const invoer = h ? await bevolkingVanJaar(db(), peiljaarBevolking(h)) : [];
	return {
		soort: 'berekening',
		bestandsnaam: `berekening vg=${vg}`,
		sha256: sha256(JSON.stringify({ periode, vg, invoer })),
		parameters: metBereik(`periode=${periode};vg=${vg}`, bereik)
	};
}

/** "What if vg = X": the computed taakstellingen against what is stored; writes nothing. */
export async function berekenTaakstellingen(
	periode: string,
	vg: number,
	bereik: string | null = null
): Promise<
	BerekeningAnalyse & { buiten: number; alGeimporteerd: TaakstellingPreview['alGeimporteerd'] }
> {
	const a = beperkTot(await analyseerBerekening(db(), periode, vg), bereik);
	const eerder = await eerdereImport(db(), await berekeningSleutel(periode, vg, bereik));
	return { ...a, alGeimporteerd: eerder };
}

/** Stores the computed taakstellingen (bron 'berekend') like an import: all or nothing. */
export async function legBerekeningVast(
	actor: AuditActor,
	periode: string,
	vg: number,
	bereik: string | null = null
) {
	return legImportVast(actor, await berekeningSleutel(periode, vg, bereik), async (ctx) => {
		const a = beperkTot(await analyseerBerekening(ctx.tx, periode, vg), bereik);
		return {
			fouten: a.fouten,
			waarschuwingen: a.waarschuwingen,
			rijen: a.regels.length,
			schrijf: async (c, importId) => ({
				...(await schrijfTaakstellingen(c, importId, a, { bron: 'berekend', vg })),
				iN: a.iN,
				peiljaar: a.peiljaar
			})
		};
	});
}
