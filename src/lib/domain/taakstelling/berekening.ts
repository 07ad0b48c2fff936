/**
 * Taakstelling per gemeente, Huisvestingswet 2014 art. 29 lid 1 (DOMAIN.md §2):
 * taakstelling = ceil(vg × iG / iN), with iG the gemeente's population and iN the national
 * population on 1 January of the previous calendar year. Rounding up is deliberate: the sum over
 * all gemeenten exceeds vg, which is correct, not a bug.
 */
export function taakstellingVoorGemeente(vg: number, iG: number, iN: number): number {
	if (!Number.isSafeInteger(vg) || vg < 0) {
		throw new RangeError('vg moet een geheel getal ≥ 0 zijn');
	}
	if (!Number.isSafeInteger(iG) || iG < 0) {
		throw new RangeError('iG moet een geheel getal ≥ 0 zijn');
	}
	if (!Number.isSafeInteger(iN) || iN <= 0) {
		throw new RangeError('iN moet een geheel getal > 0 zijn');
	}
	if (iG > iN) throw new RangeError('iG kan niet groter zijn dan iN');
	// Exact integer arithmetic in BigInt: realistic figures (24 000 × 18 million ≈ 4·10^11) fit a
	// double, but any pair of safe integers is accepted here, and vg·iG + iN − 1 can exceed 2^53.
	// The result is ≤ vg (iG ≤ iN), so it converts back to a number exactly.
	const n = BigInt(iN);
	return Number((BigInt(vg) * BigInt(iG) + n - 1n) / n);
}

export interface Inwoners {
	code: string;
	inwoners: number;
}

/**
 * Distributes a national vg over all gemeenten of that year. iN is the national total, which
 * equals the sum of the gemeenten when the list is complete (CBS publishes both; a list that does
 * not add up to the given iN is refused rather than silently rescaled).
 */
export function verdeelLandelijk(
	vg: number,
	gemeenten: readonly Inwoners[],
	iN: number = gemeenten.reduce((s, g) => s + g.inwoners, 0)
): Map<string, number> {
	const som = gemeenten.reduce((s, g) => s + g.inwoners, 0);
	if (som !== iN) {
		throw new RangeError(`De inwoners van de gemeenten (${som}) tellen niet op tot iN (${iN})`);
	}
	const result = new Map<string, number>();
	for (const g of gemeenten) {
		if (result.has(g.code)) throw new RangeError(`Gemeente ${g.code} komt twee keer voor`);
		result.set(g.code, taakstellingVoorGemeente(vg, g.inwoners, iN));
	}
	return result;
}
