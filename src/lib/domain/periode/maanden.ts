/** Dutch month names, January first (for explanations and for reading "maart 2026" in imports). */
export const MAANDEN = [
	'januari',
	'februari',
	'maart',
	'april',
	'mei',
	'juni',
	'juli',
	'augustus',
	'september',
	'oktober',
	'november',
	'december'
] as const;
