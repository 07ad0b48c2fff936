import { inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { bevolking } from '../db/schema';
import type { MutatieContext } from '../mutatie';
import {
	cel,
	koppelKolommen,
	leesGeheelGetal,
	leesGemeentecode,
	melding,
	type Melding,
	type Tabel
} from './tabel';
import { status, tel, type VerschilStatus } from './taakstelling';

/**
 * CBS population on 1 January (StatLine "Bevolking; regio" and similar exports): one row per
 * region and year. CBS tables mix levels (land, provincie, COROP); only gemeenten (GMxxxx) and
 * the country (NL01) are kept, other regions are skipped with a warning.
 */
export const BEVOLKING_KOLOMMEN = {
	code: {
		namen: ['regiocode', 'code', 'gemeentecode', 'regio code', 'regioaanduiding/code'],
		verplicht: true
	},
	jaar: { namen: ['jaar', 'perioden', 'periode', 'peiljaar'], verplicht: false },
	inwoners: {
		namen: [
			'bevolking_1_januari',
			'bevolking op 1 januari',
			'bevolking',
			'inwoners',
			'aantal inwoners'
		],
		verplicht: true
	}
} as const;

export interface BevolkingRegel {
	rij: number;
	jaar: number;
	code: string;
	inwoners: number;
	vorig: number | null;
	status: VerschilStatus;
}

export interface BevolkingAnalyse {
	regels: BevolkingRegel[];
	fouten: Melding[];
	waarschuwingen: Melding[];
	telling: Record<VerschilStatus, number>;
}

/** '2025' or CBS's period code '2025JJ00'. */
function leesJaar(tekst: string): number | null {
	const m = /^(\d{4})(JJ00)?$/i.exec(tekst.trim());
	const j = m ? Number(m[1]) : NaN;
	return j >= 1990 && j <= 2200 ? j : null;
}

function leesRegio(tekst: string): { code: string } | { overslaan: true } | null {
	const t = tekst.trim().toUpperCase();
	if (t === 'NL01') return { code: 'NL01' };
	if (/^(PV|CR|LD|RE|WK|BU)\d+$/.test(t) || t === 'NL00') return { overslaan: true };
	const gm = /^GM/.test(t) ? leesGemeentecode(t) : null;
	return gm ? { code: gm } : null;
}

export async function analyseerBevolking(
	exec: Executor,
	tabel: Tabel,
	/** The year for rows without a year column (chosen on import). */
	standaardJaar: number | null
): Promise<BevolkingAnalyse> {
	const fouten: Melding[] = [];
	const waarschuwingen: Melding[] = [];
	const { kolommen, fouten: kolomFouten } = koppelKolommen(tabel, BEVOLKING_KOLOMMEN);
	fouten.push(...kolomFouten);
	if (!kolommen.jaar && standaardJaar === null) {
		fouten.push(melding('jaar-ontbreekt', "Het bestand heeft geen kolom 'jaar'; kies het jaar."));
	}
	if (tabel.rijen.length === 0) {
		fouten.push(melding('geen-rijen', 'Het bestand bevat geen rijen onder de kopregel.'));
	}
	if (fouten.length > 0) return { regels: [], fouten, waarschuwingen, telling: tel([]) };

	const gelezen: Omit<BevolkingRegel, 'vorig' | 'status'>[] = [];
	const gezien = new Map<string, number>();
	let overgeslagen = 0;
	for (const rij of tabel.rijen) {
		const c = cel(rij, kolommen, 'code')!;
		const i = cel(rij, kolommen, 'inwoners')!;
		const j = cel(rij, kolommen, 'jaar');
		const plaats = (kolom: string) => ({ rij: rij.rij, kolom });
		const regio = leesRegio(c.waarde);
		if (regio && 'overslaan' in regio) {
			overgeslagen++;
			continue;
		}
		let goed = true;
		if (!regio) {
			goed = false;
			fouten.push(
				melding(
					'code-ongeldig',
					`'${c.waarde}' is geen gemeentecode (GMxxxx) of landcode (NL01).`,
					plaats(c.kolom)
				)
			);
		}
		const jaar = j && j.waarde !== '' ? leesJaar(j.waarde) : standaardJaar;
		if (jaar === null) {
			goed = false;
			fouten.push(
				melding('jaar-ongeldig', `'${j?.waarde ?? ''}' is geen jaar.`, plaats(j?.kolom ?? 'jaar'))
			);
		}
		const n = leesGeheelGetal(i.waarde);
		if (n === null || n < 0) {
			goed = false;
			fouten.push(
				melding(
					n === null ? 'geen-getal' : 'negatief',
					n === null
						? `'${i.waarde}' is geen geheel getal.`
						: `het aantal inwoners mag niet negatief zijn (${n}).`,
					plaats(i.kolom)
				)
			);
		}
		if (!goed || !regio || jaar === null || n === null) continue;
		const sleutel = `${jaar}:${regio.code}`;
		if (gezien.has(sleutel)) {
			fouten.push(
				melding(
					'regio-dubbel',
					`${regio.code} (${jaar}) staat al op rij ${gezien.get(sleutel)}.`,
					plaats(c.kolom)
				)
			);
			continue;
		}
		gezien.set(sleutel, rij.rij);
		gelezen.push({ rij: rij.rij, jaar, code: regio.code, inwoners: n });
	}
	if (overgeslagen > 0) {
		waarschuwingen.push(
			melding(
				'regio-overgeslagen',
				`${overgeslagen} rij(en) met een andere regio dan gemeente of Nederland (bijvoorbeeld een provincie) overgeslagen.`
			)
		);
	}
	// Only a warning here: the population itself is correct as CBS published it, but a
	// computation from an incomplete year is refused (see berekening.ts).
	for (const jaar of new Set(gelezen.map((r) => r.jaar))) {
		const vanJaar = gelezen.filter((r) => r.jaar === jaar);
		const nl = vanJaar.find((r) => r.code === 'NL01');
		const som = vanJaar.filter((r) => r.code !== 'NL01').reduce((s, r) => s + r.inwoners, 0);
		if (nl && som !== nl.inwoners) {
			waarschuwingen.push(
				melding(
					'som-wijkt-af',
					`De gemeenten tellen voor ${jaar} op tot ${som} inwoners, Nederland (NL01) heeft er ${nl.inwoners}; een taakstelling voor ${jaar + 1} kan zo niet worden berekend.`
				)
			);
		}
	}
	const jaren = [...new Set(gelezen.map((r) => r.jaar))];
	const opgeslagen = new Map(
		jaren.length === 0
			? []
			: (await exec.select().from(bevolking).where(inArray(bevolking.jaar, jaren))).map((r) => [
					`${r.jaar}:${r.code}`,
					r.inwoners
				])
	);
	const regels = gelezen.map((r) => {
		const vorig = opgeslagen.get(`${r.jaar}:${r.code}`) ?? null;
		return { ...r, vorig, status: status(vorig, r.inwoners) };
	});
	return { regels, fouten, waarschuwingen, telling: tel(regels) };
}

export async function schrijfBevolking(ctx: MutatieContext, importId: number, a: BevolkingAnalyse) {
	const gewijzigd = a.regels.filter((r) => r.status !== 'ongewijzigd');
	for (const r of gewijzigd) {
		await ctx.tx
			.insert(bevolking)
			.values({ jaar: r.jaar, code: r.code, inwoners: r.inwoners, importId })
			.onConflictDoUpdate({
				target: [bevolking.jaar, bevolking.code],
				set: { inwoners: r.inwoners, importId }
			});
	}
	return { ...a.telling, jaren: [...new Set(a.regels.map((r) => r.jaar))].sort() };
}
