import { untrack } from 'svelte';
import { invalidate } from '$app/navigation';
import type { LiveVerbinding } from './live.svelte';

/**
 * `volgPagina` for a page whose data depends on several rooms (a shared screen: the table's
 * room for the meeting and the provincie's room for the live figures; "Mijn actiepunten": the
 * rooms of several tables). Each room is followed from the sequence number the data was loaded
 * at; an event reloads what depends on `live:<room>`. Only a change in the set of rooms
 * re-subscribes. Call during component initialisation.
 */
export function volgKamers(
	live: LiveVerbinding,
	kamers: () => readonly { kamer: string; liveSeq: number }[]
): void {
	const sleutel = $derived(
		kamers()
			.map((k) => k.kamer)
			.join('|')
	);
	$effect(() => {
		void sleutel;
		const lijst = untrack(() => kamers());
		const stops = lijst.map((k) =>
			live.volg(
				k.kamer,
				{
					onGebeurtenis: () => void invalidate(`live:${k.kamer}`),
					onVerversen: () => void invalidate(`live:${k.kamer}`)
				},
				k.liveSeq
			)
		);
		return () => {
			for (const stop of stops) stop();
		};
	});
}
