import type { LiveVerbinding } from '$lib/realtime/live.svelte';
import type { SchermGewijzigd } from '$lib/realtime/events';

/**
 * The last `vergadering.scherm` event in a table's room, for `pasSchermToe`: the shared screen
 * switches on the event itself instead of after its data reload (which `volgKamers`/`volgPagina`
 * still start). Call during component initialisation, after the page's own follow.
 */
export function volgSchermWissel(
	live: LiveVerbinding,
	kamer: () => string
): { readonly laatst: SchermGewijzigd | null } {
	let laatst = $state<SchermGewijzigd | null>(null);
	const k = $derived(kamer());
	$effect(() =>
		live.volg(k, {
			onGebeurtenis: (e) => {
				if (e.type === 'vergadering.scherm') laatst = e.payload as SchermGewijzigd;
			}
		})
	);
	return {
		get laatst() {
			return laatst;
		}
	};
}
