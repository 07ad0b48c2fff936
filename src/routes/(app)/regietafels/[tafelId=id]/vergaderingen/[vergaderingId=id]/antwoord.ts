/** The answer of any form action of the meeting page, as its components read it. */
export interface Antwoord {
	actie?: string;
	fout?: string;
	code?: string;
	succes?: string;
	fouten?: Record<string, string>;
	waarden?: Record<string, string>;
	agendapuntId?: number;
	userId?: number;
	actiepuntId?: number;
}

/** The message of a field, when the last answer was for this form. */
export function veldfout(
	a: Antwoord | null | undefined,
	actie: string,
	veld: string,
	agendapuntId?: number
): string | undefined {
	if (!a || a.actie !== actie) return undefined;
	if (agendapuntId !== undefined && a.agendapuntId !== agendapuntId) return undefined;
	return a.fouten?.[veld];
}
