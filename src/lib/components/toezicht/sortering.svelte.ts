/**
 * Sorting state of an overview table: click a column header to sort by it, again to reverse.
 * Empty values always go last; ties fall back to the gemeente's name.
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

	sorteer<R extends { naam: string }>(
		lijst: readonly R[],
		waarde: (r: R, k: K) => string | number | null
	): R[] {
		const richting = this.oplopend ? 1 : -1;
		const k = this.kolom;
		return [...lijst].sort((a, b) => {
			const va = waarde(a, k);
			const vb = waarde(b, k);
			if (va === vb) return a.naam.localeCompare(b.naam, 'nl');
			if (va === null) return 1;
			if (vb === null) return -1;
			return (
				(typeof va === 'string' ? va.localeCompare(String(vb), 'nl') : va - (vb as number)) *
				richting
			);
		});
	}
}
