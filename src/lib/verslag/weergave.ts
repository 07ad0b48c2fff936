/**
 * What the verslag's lifecycle components show (VerslagVersies, VerslagCijfers,
 * VaststellingKnop): plain data the server loads (services/verslag.ts) and the browser renders.
 */
import type { CijfersInVerslag } from './inhoud';

export interface VersieRegel {
	nummer: number;
	soort: 'concept' | 'vastgesteld';
	at: string;
	doorLabel: string;
	opmerkingen: number;
	open: number;
}

export interface VastgesteldInfo {
	nummer: number;
	/** ISO time of the vaststelling. */
	at: string;
	door: string;
	/** The meeting at which it was vastgesteld. */
	inVergadering: { id: number; datum: string } | null;
}

export interface ExportLink {
	label: string;
	href: string;
}

/** Everything the header of the verslag page shows (component VerslagVersies). */
export interface VerslagKop {
	/** `/regietafels/<t>/vergaderingen/<v>/verslag` */
	basis: string;
	versies: VersieRegel[];
	/** The latest version number (0: none); sent back when publishing. */
	laatsteNummer: number;
	vastgesteld: VastgesteldInfo | null;
	openOpmerkingen: number;
	/** Null: the viewer may not publish. Otherwise why not now (null: publishing is possible). */
	publiceren: { reden: string | null } | null;
	exports: ExportLink[];
}

/** The frozen figures of one stand-van-zaken agendapunt (component VerslagCijfers). */
export interface CijfersBlok {
	agendapuntId: number;
	/** Form action URL of "Cijfers vastleggen". */
	actie: string;
	halfjaar: string;
	cijfers: CijfersInVerslag | null;
	magVastleggen: boolean;
	/** Why freezing is not possible (vastgesteld), or null. */
	reden: string | null;
}

/** What the "Verslag vaststellen" button at a meeting's vaststelling agendapunt shows. */
export interface VaststellingInfo {
	/** The meeting whose agendapunt this is. */
	vergaderingId: number;
	/** The verslag that would be vastgesteld now (null: none waiting). */
	doel: {
		id: number;
		datum: string;
		laatsteConcept: number;
		openOpmerkingen: number;
		/** Form action URL. */
		actie: string;
		versieUrl: string;
	} | null;
	/** A verslag vastgesteld in this meeting. */
	vastgesteldHier: {
		vergaderingId: number;
		datum: string;
		at: string;
		door: string;
		versieUrl: string;
	} | null;
	/** May the viewer vaststellen (verslag.vaststellen)? */
	mag: boolean;
	/** Why not now (status of the meeting), or null. */
	reden: string | null;
}

/** "12 nov 2026 om 09:45" (Dutch time). */
export function datumTijd(iso: string): string {
	const d = new Date(iso);
	const dag = d.toLocaleDateString('nl-NL', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'Europe/Amsterdam'
	});
	const tijd = d.toLocaleTimeString('nl-NL', {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Amsterdam'
	});
	return `${dag} om ${tijd}`;
}
