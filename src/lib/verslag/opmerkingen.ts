/** Comments of members on a concept verslag and how the secretaris processed them. */

export type OpmerkingStatus = 'open' | 'verwerkt' | 'niet-overgenomen';

/** What the secretaris can decide about a comment. */
export const OPMERKING_STATUSSEN_INVOER = ['verwerkt', 'niet-overgenomen'] as const;

export const OPMERKING_STATUS_NAMEN: Record<OpmerkingStatus, string> = {
	open: 'Open',
	verwerkt: 'Verwerkt',
	'niet-overgenomen': 'Niet overgenomen'
};
