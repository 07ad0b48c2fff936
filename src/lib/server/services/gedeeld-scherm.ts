import { can } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { formatHalfjaar, halfjaarVan } from '$lib/domain/periode/halfjaar';
import { telVoorAchter } from '$lib/domain/vergadering/stand';
import type { Scherm, SchermActiepunt, SchermStand } from '$lib/components/vergadering/scherm';
import { db } from '../db';
import { env } from '../env';
import { provincieBestaat } from './kaart';
import { actiepuntenVanVergadering, openActiepuntenVoor, type Actiepunt } from './actiepunten';
import type { TafelOverzicht } from './regietafels';
import { tafelStand } from './tafelstand';
import { haalAgenda, type VergaderingRij } from './vergaderingen';

export type { Scherm, SchermStand };

/**
 * What a shared screen shows of a meeting (participants' devices, the projector, kiosk links):
 * the agenda, what is current, and for a "stand van zaken" item the table's figures of the
 * meeting's period, computed now (they follow imports and judgements live).
 */
export async function schermGegevens(tafel: TafelOverzicht, v: VergaderingRij): Promise<Scherm> {
	const agenda = await haalAgenda(db(), v.id);
	const huidig = agenda.find((p) => p.id === v.huidigAgendapuntId) ?? null;
	let stand: SchermStand | null = null;
	if (huidig?.type === 'stand-van-zaken') {
		const periode = formatHalfjaar(halfjaarVan(new Date(`${v.datum}T12:00:00Z`)));
		const s = await tafelStand(tafel, periode);
		const telling = telVoorAchter(s.rijen);
		stand = {
			periode,
			provincieCode: tafel.provincieCode,
			gemeenten: s.rijen.map((r) => r.gemeenteCode),
			totaal: { ...s.totaal, ...telling.totaal },
			regios: s.regios.map((r) => ({
				regio: r.regio,
				gemeenten: r.gemeenten,
				opgave: r.opgave,
				gehuisvest: r.gehuisvest,
				fractieGerealiseerd: r.fractieGerealiseerd,
				...(telling.perRegio.get(r.regio) ?? { voor: 0, achter: 0, onbekend: 0 })
			}))
		};
	}
	const [open, alle] = await Promise.all([
		huidig?.type === 'actiepunten'
			? openActiepuntenVoor(db(), tafel.id, v)
			: Promise.resolve([] as Actiepunt[]),
		huidig ? actiepuntenVanVergadering(db(), v.id) : Promise.resolve([] as Actiepunt[])
	]);
	return {
		vergadering: {
			id: v.id,
			datum: v.datum,
			begintijd: v.begintijd,
			eindtijd: v.eindtijd,
			locatie: v.locatie,
			onlineLink: v.onlineLink,
			status: v.status,
			huidigAgendapuntId: huidig?.id ?? null,
			huidigSinds: huidig ? (v.huidigSinds?.toISOString() ?? null) : null
		},
		agenda: agenda.map(({ bijlagen: _b, volgorde: _v, ...p }) => p),
		stand,
		open: open.map(kort),
		afspraken: alle.filter((a) => a.agendapuntId === huidig?.id).map(kort)
	};
}

const kort = (a: Actiepunt): SchermActiepunt => ({
	id: a.id,
	omschrijving: a.omschrijving,
	eigenaarNaam: a.eigenaarNaam,
	eigenaarOrganisatie: a.eigenaarOrganisatie,
	deadline: a.deadline,
	status: a.status,
	vergaderingDatum: a.vergaderingDatum
});

/** What the page gives the map slot of the shared screen besides the slot's own props. */
export interface SchermKaartGegevens {
	provincieNaam: string;
	/** The table's regio (a regional table); null: the PRT, the whole provincie. */
	regioId: number | null;
	regioNaam: string | null;
	achtergrond: string | null;
}

/**
 * The live map beside the figures of a 'stand van zaken' item, for whoever may see the map of
 * the table's provincie (members of its tables; a kiosk link of the table): null otherwise, and
 * while no such item is on the screen (then the page never loads the map code).
 */
export async function schermKaart(
	actor: Actor,
	tafel: TafelOverzicht,
	scherm: Scherm
): Promise<SchermKaartGegevens | null> {
	if (!scherm.stand) return null;
	if (!can(actor, { actie: 'kaart.bekijken', provincieCode: tafel.provincieCode }).toegestaan) {
		return null;
	}
	const provincie = await provincieBestaat(tafel.provincieCode);
	if (!provincie) return null;
	return {
		provincieNaam: provincie.naam,
		regioId: tafel.regioId,
		regioNaam: tafel.regioNaam,
		achtergrond: env().KAART_ACHTERGROND_STIJL ?? null
	};
}
