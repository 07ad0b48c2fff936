/**
 * Sorting state of an overview table: click a column header to sort by it, again to reverse.
 * Empty values always go last; ties fall back to `gelijk` (by default the name). Dates sort by
 * time.
 */
export class Sortering<K extends string> {
	kolom = $state<K>() as K;
	oplopend = $state(true);

	constructor(start: K) {
		this.kolom = start;
	}

	kies(k: K) {
		if (this.kolom === k) this.oplopend = !this.oplopend;
		else {
			this.kolom = k;
			this.oplopend = true;
		}
	}

	ariaSort(k: K): 'ascending' | 'descending' | 'none' {
		return this.kolom === k ? (this.oplopend ? 'ascending' : 'descending') : 'none';
	}

	pijl(k: K): string {
		return this.kolom === k ? (this.oplopend ? ' ▲' : ' ▼') : '';
	}

	sorteer<R>(
		lijst: readonly R[],
		waarde: (r: R, k: K) => string | number | Date | null,
		gelijk: (a: R, b: R) => number = (a, b) =>
			String((a as { naam?: unknown }).naam ?? '').localeCompare(
				String((b as { naam?: unknown }).naam ?? ''),
				'nl'
			)
	): R[] {
		const richting = this.oplopend ? 1 : -1;
		const k = this.kolom;
		const lees = (r: R) => {
			const v = waarde(r, k);
			return v instanceof Date ? v.getTime() : v;
		};
		return [...lijst].sort((a, b) => {
			const va = lees(a);
			const vb = lees(b);
			if (va === vb) return gelijk(a, b);
			if (va === null) return 1;
			if (vb === null) return -1;
			return (
				(typeof va === 'string' ? va.localeCompare(String(vb), 'nl') : va - (vb as number)) *
				richting
			);
		});
	}
}
