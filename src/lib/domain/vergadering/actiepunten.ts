/** Action items (afspraken → actiepunten, DOMAIN.md §6): status and follow-up across meetings. */

export const ACTIEPUNT_STATUSSEN = ['open', 'in-uitvoering', 'afgerond', 'vervallen'] as const;
export type ActiepuntStatus = (typeof ACTIEPUNT_STATUSSEN)[number];

export const ACTIEPUNT_STATUS_NAMEN: Record<ActiepuntStatus, string> = {
	open: 'Open',
	'in-uitvoering': 'In uitvoering',
	afgerond: 'Afgerond',
	vervallen: 'Vervallen'
};

/** Open and in uitvoering: still to be followed up at the next meeting. */
export const isLopend = (s: ActiepuntStatus) => s === 'open' || s === 'in-uitvoering';

/** Overdue: still running and the due date (ISO) lies before today (ISO). */
export function isVerlopen(
	a: { status: ActiepuntStatus; deadline: string | null },
	vandaag: string
) {
	return isLopend(a.status) && a.deadline !== null && a.deadline < vandaag;
}

/**
 * Order of an action list: overdue first, then running by due date (none last), then closed;
 * ties by number.
 */
export function sorteerActiepunten<
	T extends { id: number; status: ActiepuntStatus; deadline: string | null }
>(lijst: readonly T[], vandaag: string): T[] {
	const rang = (a: T) => (isVerlopen(a, vandaag) ? 0 : isLopend(a.status) ? 1 : 2);
	return [...lijst].sort(
		(a, b) =>
			rang(a) - rang(b) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.id - b.id
	);
}
