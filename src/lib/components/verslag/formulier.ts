import { applyAction } from '$app/forms';
import { invalidateAll } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

export interface Melding {
	soort: 'fout' | 'succes';
	tekst: string;
}

/**
 * `use:enhance` for the verslag's forms, which post to the verslag routes' actions from any page
 * (the verslag page, the meeting page): the answer is shown in the component itself, then the
 * page reloads its data (never the page's own `form`, which belongs to that page's actions).
 */
export function verstuur(
	zet: (m: Melding | null) => void,
	bezig: (b: boolean) => void
): SubmitFunction {
	return () => {
		bezig(true);
		zet(null);
		return async ({ result }) => {
			if (result.type === 'failure') {
				const fout = (result.data as { fout?: string } | undefined)?.fout;
				zet({ soort: 'fout', tekst: fout ?? 'Dat is niet gelukt.' });
				await invalidateAll();
			} else if (result.type === 'success') {
				const succes = (result.data as { succes?: string } | undefined)?.succes;
				if (succes) zet({ soort: 'succes', tekst: succes });
				await invalidateAll();
			} else await applyAction(result);
			bezig(false);
		};
	};
}
