/**
 * The realtime contract, shared by server and client. Every domain event travels in a room
 * (an authorization scope) and carries that room's sequence number.
 */

export interface LiveGebeurtenis<P = unknown> {
	kamer: string;
	/** Per-room sequence number, gap-free, assigned in the mutation's transaction. */
	seq: number;
	type: GebeurtenisType;
	payload: P;
	/** ISO time of the commit. */
	at: string;
	/** Epoch milliseconds (fractional) right after the commit; for latency measurements. */
	t: number;
}

export type GebeurtenisType =
	| 'mededeling.geplaatst'
	| 'mededeling.verwijderd'
	| 'leden.gewijzigd'
	| 'regietafel.gewijzigd'
	/** In a provincie room: taakstellingen of its gemeenten were imported or computed. */
	| 'taakstellingen.gewijzigd'
	/** In a provincie room: COA realisatiecijfers of its gemeenten were imported. */
	| 'realisatie.gewijzigd'
	/** In a provincie room: standings on the interventieladder were recomputed or decided. */
	| 'beoordelingen.gewijzigd'
	/** In the provincie room(s) of the gemeenten involved: a herverdeling changed. */
	| 'herverdeling.gewijzigd'
	/**
	 * In a provincie room: a huurcontract of one of its gemeenten was registered, accepted,
	 * rejected or withdrawn (payload: `HuurcontractGewijzigd`).
	 */
	| 'huurcontracten.gewijzigd'
	/** In a provincie room: a new version of its beleidskader was saved (payload BeleidGewijzigd). */
	| 'beleid.gewijzigd'
	/** In a provincie room: a toezichthouder recorded the stand bij aanvang of a gemeente. */
	| 'beginstand.vastgelegd'
	/**
	 * In a provincie room: boundaries of its gemeenten, regio's or the provincie itself were
	 * imported or re-derived (payload: { jaar, soorten, codes }); a map reloads its geometry.
	 */
	| 'grenzen.gewijzigd'
	/**
	 * In a regietafel room: a meeting was planned or its details, agenda, stukken or attendance
	 * changed (payload: `VergaderingGewijzigd`).
	 */
	| 'vergadering.gewijzigd'
	/**
	 * In a regietafel room: the shared screen moved (meeting started or ended, another
	 * agendapunt current; payload: `SchermGewijzigd`). Every screen following the meeting switches.
	 */
	| 'vergadering.scherm'
	/** In a regietafel room: an actiepunt was recorded or its status changed (`ActiepuntGewijzigd`). */
	| 'actiepunt.gewijzigd'
	/**
	 * In a regietafel room: around the verslag of a meeting the co-editors changed, a concept was
	 * published, a comment placed or processed, figures frozen, or the verslag vastgesteld
	 * (`VerslagGewijzigd`). An open verslag page reloads (and reopens the text when rights change).
	 */
	| 'verslag.gewijzigd';

export interface VerslagGewijzigd {
	vergaderingId: number;
	wat: 'redacteuren' | 'concept' | 'opmerking' | 'opmerking-verwerkt' | 'cijfers' | 'vastgesteld';
	/** The version concerned (concept or vastgesteld), when there is one. */
	nummer?: number;
}

export interface VergaderingGewijzigd {
	vergaderingId: number;
	wat: 'aangemaakt' | 'gegevens' | 'agenda' | 'volgorde' | 'bijlagen' | 'aanwezigheid';
}

export interface SchermGewijzigd {
	vergaderingId: number;
	status: 'gepland' | 'bezig' | 'afgerond';
	huidigAgendapuntId: number | null;
	/** ISO time the current agendapunt became current. */
	huidigSinds: string | null;
}

export interface ActiepuntGewijzigd {
	id: number;
	vergaderingId: number;
	status: 'open' | 'in-uitvoering' | 'afgerond' | 'vervallen';
}

/** Payload of 'huurcontracten.gewijzigd': enough to decide whether a page must reload. */
export interface HuurcontractGewijzigd {
	gemeenteCode: string;
	id: number;
	periode: string;
	status: 'ingediend' | 'geaccepteerd' | 'afgewezen' | 'ingetrokken';
}

/** Payload of 'beleid.gewijzigd'. */
export interface BeleidGewijzigd {
	id: number;
	vanaf: string;
	versie: number;
	door: string;
	/** Gemeenten whose standing changed at some peildatum. */
	gemeenten: string[];
}

export interface Aanwezige {
	/** User id, or `kiosk-<id>` for a display. */
	sleutel: string;
	naam: string;
	organisatie: string;
	soort: 'gebruiker' | 'kiosk';
}

export interface Aanwezigheid {
	kamer: string;
	aanwezigen: Aanwezige[];
}

export type VolgAntwoord =
	| {
			ok: true;
			/** The room's current sequence number. */
			seq: number;
			/** Events after `sinds`, when asked and still in the outbox. */
			gemist: LiveGebeurtenis[];
			/** True when the missed events are no longer all available: reload the state. */
			volledigVerversen: boolean;
	  }
	| { ok: false; fout: string };

export interface ServerToClient {
	gebeurtenis: (e: LiveGebeurtenis) => void;
	aanwezigheid: (a: Aanwezigheid) => void;
	/** Another editor's Yjs update of a document this socket has open (base64). */
	'yjs:update': (m: { document: string; update: string }) => void;
}

/** Answer to 'yjs:open': what the client misses, and the server's state vector (base64). */
export type YjsOpenAntwoord =
	| { ok: true; update: string; staat: string; recht: 'lezen' | 'schrijven' }
	| { ok: false; fout: string };

export interface ClientToServer {
	'kamer:volgen': (
		req: { kamer: string; sinds?: number },
		ack: (res: VolgAntwoord) => void
	) => void;
	/**
	 * Acknowledged like every client emit: the client sends with `retries`, which queues each
	 * emit until the server acks it (an unacknowledged emit blocks the queue for ~20 s).
	 */
	'kamer:verlaten': (req: { kamer: string }, ack: (res: { ok: boolean }) => void) => void;
	/** Open a collaborative document; `staat`: the client's state vector (base64), if it has one. */
	'yjs:open': (
		req: { document: string; staat?: string },
		ack: (res: YjsOpenAntwoord) => void
	) => void;
	/** A local Yjs update (base64) to store and relay. */
	'yjs:update': (
		req: { document: string; update: string },
		ack: (res: { ok: boolean; fout?: string }) => void
	) => void;
	'yjs:sluiten': (req: { document: string }, ack: (res: { ok: boolean }) => void) => void;
}
