import { asc, eq } from 'drizzle-orm';
import { parseHalfjaar, peiljaarBevolking } from '$lib/domain/periode/halfjaar';
import { verdeelLandelijk } from '$lib/domain/taakstelling/berekening';
import type { Executor } from '../db';
import { bevolking } from '../db/schema';
import { melding, type Melding } from './tabel';
import {
	geenGemeentenFout,
	opgeslagenTaakstellingen,
	status,
	tel,
	type TaakstellingAnalyse,
	type TaakstellingRegel
} from './taakstelling';
import { gemeentenVanJaar } from './vastleggen';

export interface BerekeningAnalyse extends TaakstellingAnalyse {
	vg: number;
	peiljaar: number;
	/** The national population used (NL01, or the sum of the gemeenten without it). */
	iN: number | null;
	/** Σ of the computed shares over all gemeenten of the country (≥ vg: rounding up). */
	somLandelijk: number | null;
}

export async function bevolkingVanJaar(exec: Executor, jaar: number) {
	return exec
		.select({ code: bevolking.code, inwoners: bevolking.inwoners })
		.from(bevolking)
		.where(eq(bevolking.jaar, jaar))
		.orderBy(asc(bevolking.code));
}

/**
 * Taakstellingen from a national vg (art. 29 lid 1): every gemeente of the population list
 * shares in vg (the whole country, also gemeenten the portal does not follow), and the
 * gemeenten of the period's year that the portal knows get their share stored. A list that does
 * not add up to NL01 is refused: shares computed from it would all be wrong.
 */
export async function analyseerBerekening(
	exec: Executor,
	periode: string,
	vg: number
): Promise<BerekeningAnalyse> {
	const fouten: Melding[] = [];
	const waarschuwingen: Melding[] = [];
	const h = parseHalfjaar(periode);
	const leeg = (jaar: number, peiljaar: number): BerekeningAnalyse => ({
		periode,
		jaar,
		vg,
		peiljaar,
		iN: null,
		somLandelijk: null,
		regels: [],
		fouten,
		waarschuwingen,
		telling: tel([])
	});
	if (!h) {
		fouten.push(
			melding('periode-ongeldig', `'${periode}' is geen halfjaar zoals '2026-I' of '2026-II'.`)
		);
		return leeg(0, 0);
	}
	if (!Number.isSafeInteger(vg) || vg < 0) {
		fouten.push(
			melding('vg-ongeldig', 'Het landelijke aantal (vg) moet een geheel getal ≥ 0 zijn.')
		);
	}
	const peiljaar = peiljaarBevolking(h);
	const rijen = await bevolkingVanJaar(exec, peiljaar);
	const gm = rijen.filter((r) => r.code !== 'NL01');
	const nl = rijen.find((r) => r.code === 'NL01');
	if (gm.length === 0) {
		fouten.push(
			melding(
				'geen-bevolking',
				`Er zijn geen bevolkingscijfers van 1 januari ${peiljaar}; importeer eerst de CBS-bevolking van ${peiljaar}.`
			)
		);
	}
	const som = gm.reduce((s, r) => s + r.inwoners, 0);
	if (nl && gm.length > 0 && som !== nl.inwoners) {
		fouten.push(
			melding(
				'som-wijkt-af',
				`De gemeenten tellen op 1 januari ${peiljaar} op tot ${som} inwoners, maar Nederland (NL01) heeft er ${nl.inwoners}: de bevolkingslijst is niet volledig of bevat te veel gemeenten. Importeer een volledige lijst.`
			)
		);
	} else if (!nl && gm.length > 0) {
		waarschuwingen.push(
			melding(
				'geen-nl01',
				`De bevolkingslijst van ${peiljaar} heeft geen rij voor Nederland (NL01); iN is de som van de gemeenten (${som}).`
			)
		);
	}
	const bekend = await gemeentenVanJaar(exec, h.jaar);
	if (bekend.size === 0) fouten.push(geenGemeentenFout(h.jaar));
	if (fouten.length > 0) return leeg(h.jaar, peiljaar);

	const iN = nl?.inwoners ?? som;
	const aandelen = verdeelLandelijk(vg, gm, iN);
	const opgeslagen = await opgeslagenTaakstellingen(exec, periode);
	const regels: TaakstellingRegel[] = [];
	const zonder: string[] = [];
	for (const [code, info] of [...bekend].sort(([a], [b]) => a.localeCompare(b))) {
		const aantal = aandelen.get(code);
		if (aantal === undefined) {
			zonder.push(code);
			continue;
		}
		const vorig = opgeslagen.get(code) ?? null;
		regels.push({
			rij: null,
			gemeenteCode: code,
			gemeenteNaam: info.naam,
			provincieCode: info.provincieCode,
			aantal,
			vorig,
			status: status(vorig, aantal)
		});
	}
	if (zonder.length > 0) {
		// Typically a herindeling: the new gemeente's code is not in last year's list.
		waarschuwingen.push(
			melding(
				'geen-bevolking-gemeente',
				`Geen bevolking op 1 januari ${peiljaar} voor ${zonder.join(', ')}; voor deze gemeente(n) is geen taakstelling berekend.`
			)
		);
	}
	return {
		periode,
		jaar: h.jaar,
		vg,
		peiljaar,
		iN,
		somLandelijk: [...aandelen.values()].reduce((s, n) => s + n, 0),
		regels,
		fouten,
		waarschuwingen,
		telling: tel(regels)
	};
}
