/**
 * Roles of the portal (issue 2 §5). Organisation roles come from a membership
 * (user ↔ organisatie ↔ rol); table roles from membership of a regietafel.
 */
export const ORGANISATIE_ROLLEN = [
	/** Works for the organisation; no rights beyond the tables the person sits at. */
	'medewerker',
	'beheerder',
	'toezichthouder',
	'gemeente-ambtenaar',
	'gemeente-bestuurder',
	'coa-regievoerder'
] as const;
export type OrganisatieRol = (typeof ORGANISATIE_ROLLEN)[number];

export const TAFEL_ROLLEN = ['voorzitter', 'secretaris', 'deelnemer'] as const;
export type TafelRol = (typeof TAFEL_ROLLEN)[number];

export const ORGANISATIE_TYPES = [
	'provincie',
	'gemeente',
	'coa',
	'ministerie',
	'corporatie',
	'overig'
] as const;
export type OrganisatieType = (typeof ORGANISATIE_TYPES)[number];

export const ROL_LABELS: Record<OrganisatieRol | TafelRol | 'kiosk', string> = {
	medewerker: 'Medewerker',
	beheerder: 'Beheerder',
	toezichthouder: 'Toezichthouder (provincie)',
	'gemeente-ambtenaar': 'Gemeente-ambtenaar',
	'gemeente-bestuurder': 'Gemeente-bestuurder',
	'coa-regievoerder': 'COA-regievoerder',
	voorzitter: 'Voorzitter',
	secretaris: 'Secretaris',
	deelnemer: 'Deelnemer',
	kiosk: 'Kioskscherm'
};

export const ORGANISATIE_TYPE_LABELS: Record<OrganisatieType, string> = {
	provincie: 'Provincie',
	gemeente: 'Gemeente',
	coa: 'COA',
	ministerie: 'Ministerie',
	corporatie: 'Woningcorporatie',
	overig: 'Overig'
};

/** Which organisation types a role may be held at; a toezichthouder works for a provincie. */
export const ROL_ORGANISATIE_TYPES: Record<OrganisatieRol, readonly OrganisatieType[]> = {
	medewerker: ORGANISATIE_TYPES,
	beheerder: ORGANISATIE_TYPES,
	toezichthouder: ['provincie'],
	'gemeente-ambtenaar': ['gemeente'],
	'gemeente-bestuurder': ['gemeente'],
	'coa-regievoerder': ['coa']
};

export interface OrganisatieLidmaatschap {
	rol: OrganisatieRol;
	organisatieId: number;
	organisatieType: OrganisatieType;
	/** Provincie of the organisation; for COA the provincie the regievoerder works in (null: landelijk). */
	provincieCode: string | null;
	/** CBS code for a gemeente-organisatie. */
	gemeenteCode: string | null;
}

export interface TafelLidmaatschap {
	regietafelId: number;
	rol: TafelRol;
	provincieCode: string;
}

export type Actor =
	| { soort: 'anoniem' }
	| { soort: 'kiosk'; kioskId: number; regietafelId: number; provincieCode: string }
	| {
			soort: 'gebruiker';
			userId: number;
			rollen: readonly OrganisatieLidmaatschap[];
			tafels: readonly TafelLidmaatschap[];
	  };

export const ANONIEM: Actor = { soort: 'anoniem' };
