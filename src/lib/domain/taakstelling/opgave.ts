/**
 * Opgave and saldo (DOMAIN.md §2). Sign convention: saldo = gerealiseerd − opgave, so a positive
 * saldo is a voorsprong (surplus) and a negative one an achterstand (deficit).
 */

/**
 * Opgave = taakstelling + achterstand carried in − voorsprong carried in = taakstelling − saldo.
 * It can be zero or negative when a voorsprong exceeds the taakstelling: the surplus then already
 * fulfils the whole period and the rest carries on (carry-over never disappears by itself).
 */
export function opgave(taakstelling: number, saldoVorigePeriode: number): number {
	return taakstelling - saldoVorigePeriode;
}

/**
 * End-of-period saldo, from COA figures only: huurcontracten count for the judgement at the
 * peildatum, but COA registers those persons in the next period, so counting them here would
 * count them twice.
 */
export function eindsaldo(gerealiseerdCoa: number, opgaveVanPeriode: number): number {
	return gerealiseerdCoa - opgaveVanPeriode;
}

export const achterstand = (saldo: number) => Math.max(0, -saldo);
export const voorsprong = (saldo: number) => Math.max(0, saldo);
