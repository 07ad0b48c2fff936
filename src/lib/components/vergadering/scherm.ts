/**
 * What a shared screen shows (server → page → GedeeldScherm), shared by the server service and
 * the component: plain data only.
 */
import type { Trede } from '$lib/domain/ladder/trede';
import type { ActiepuntStatus } from '$lib/domain/vergadering/actiepunten';
import type { AgendapuntType } from '$lib/domain/vergadering/agenda';
import type { VoorAchter } from '$lib/domain/vergadering/stand';
import type { VergaderingStatus } from '$lib/domain/vergadering/vergadering';
import type { SchermGewijzigd } from '$lib/realtime/events';

export interface SchermStand {
	periode: string;
	totaal: {
		gemeenten: number;
		opgave: number;
		gehuisvest: number;
		nogTeHuisvesten: number;
		fractieGerealiseerd: number | null;
		treden: Partial<Record<Trede, number>>;
	} & VoorAchter;
	regios: ({
		regio: string;
		gemeenten: number;
		opgave: number;
		gehuisvest: number;
		fractieGerealiseerd: number | null;
	} & VoorAchter)[];
	/** The provincie whose map a 'stand-van-zaken' item may show (see KaartSlot). */
	provincieCode: string;
	/** The gemeenten of the table (a regional table's regio; all of the provincie for a PRT). */
	gemeenten: string[];
}

/**
 * The props the map slot of the shared screen receives (MAP SLOT: the live ladder map is built
 * elsewhere; pass it as the `kaart` snippet of GedeeldScherm). The map fetches its own data from
 * /api/kaart/<provincie>/…; a kiosk passes its token in the X-Kiosk-Token header.
 */
export interface KaartSlot {
	provincieCode: string;
	periode: string;
	/** Highlight or limit the map to these gemeenten. */
	gemeenten: string[];
	/** Set on a kiosk screen (no session): the token for the map API. */
	kioskToken: string | null;
}

export interface SchermActiepunt {
	id: number;
	omschrijving: string;
	eigenaarNaam: string;
	eigenaarOrganisatie: string;
	deadline: string | null;
	status: ActiepuntStatus;
	vergaderingDatum: string;
}

export interface Scherm {
	vergadering: {
		id: number;
		datum: string;
		begintijd: string;
		eindtijd: string;
		locatie: string;
		onlineLink: string | null;
		status: VergaderingStatus;
		huidigAgendapuntId: number | null;
		/** ISO time the current agendapunt became current. */
		huidigSinds: string | null;
	};
	agenda: {
		id: number;
		titel: string;
		type: AgendapuntType;
		duur: number;
		presentator: string;
		omschrijving: string;
	}[];
	/** The live figures, when the current agendapunt is a stand van zaken. */
	stand: SchermStand | null;
	/** "Actiepunten vorige vergadering" on screen: the open ones from earlier meetings. */
	open: SchermActiepunt[];
	/** Afspraken recorded at the current agendapunt (appear as they are recorded). */
	afspraken: SchermActiepunt[];
}

/**
 * A shared screen switches as soon as the `vergadering.scherm` event arrives, before its data
 * reload (which every open screen starts at the same moment, so it slows down as the audience
 * grows: bench/vergadering-live.ts). The event carries what is current; what belongs to one
 * agendapunt (figures, afspraken, open actiepunten) is left out until the reload brings the new
 * item's own. Data that already shows a later switch than the event wins.
 */
export function pasSchermToe(s: Scherm, e: SchermGewijzigd | null): Scherm {
	if (!e || e.vergaderingId !== s.vergadering.id) return s;
	const v = s.vergadering;
	if (
		v.status === e.status &&
		v.huidigAgendapuntId === e.huidigAgendapuntId &&
		v.huidigSinds === e.huidigSinds
	) {
		return s;
	}
	if (v.huidigSinds && e.huidigSinds && Date.parse(v.huidigSinds) > Date.parse(e.huidigSinds)) {
		return s;
	}
	const zelfdePunt = v.huidigAgendapuntId === e.huidigAgendapuntId;
	return {
		...s,
		vergadering: {
			...v,
			status: e.status,
			huidigAgendapuntId: e.huidigAgendapuntId,
			huidigSinds: e.huidigSinds
		},
		stand: zelfdePunt ? s.stand : null,
		open: zelfdePunt ? s.open : [],
		afspraken: zelfdePunt ? s.afspraken : []
	};
}
