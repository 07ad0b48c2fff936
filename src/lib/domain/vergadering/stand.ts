/**
 * The "stand van zaken" an agendapunt puts on the shared screen (DOMAIN.md §6: per region how
 * many gemeenten are ahead or behind, the ladder distribution, the realisation percentage).
 * Pure: it counts what the province overview computed.
 */

export interface VoorAchter {
	/** On course or ahead: the pace so far reaches the opgave by the end of the period. */
	voor: number;
	/** Behind: at this pace the period ends short. */
	achter: number;
	/** No figures for the period yet. */
	onbekend: number;
}

/**
 * Gemeenten ahead of or behind their opgave, by the forecast end saldo (pace so far over the
 * whole period, minus the opgave): ≥ 0 is on course, < 0 behind, null unknown. Per regio (in
 * the order first met) and in total.
 */
export function telVoorAchter(
	rijen: readonly { regio: string | null; prognoseEindsaldo: number | null }[]
): { totaal: VoorAchter; perRegio: Map<string, VoorAchter> } {
	const nieuw = (): VoorAchter => ({ voor: 0, achter: 0, onbekend: 0 });
	const totaal = nieuw();
	const perRegio = new Map<string, VoorAchter>();
	for (const r of rijen) {
		const sleutel =
			r.prognoseEindsaldo === null ? 'onbekend' : r.prognoseEindsaldo >= 0 ? 'voor' : 'achter';
		totaal[sleutel]++;
		if (r.regio !== null) {
			const eigen = perRegio.get(r.regio) ?? nieuw();
			eigen[sleutel]++;
			perRegio.set(r.regio, eigen);
		}
	}
	return { totaal, perRegio };
}
