/**
 * `window.__regietafelKaart`: what the map page exposes for end-to-end tests and the
 * repaint benchmark (like `window.__regietafelLive`). Read-only views of the page's state.
 */
export interface KaartRepaint {
	/** Epoch ms (fractional) of the frame that showed the change. */
	t: number;
	/** Epoch ms of the commit behind it (the live event's `t`), when it came from one. */
	commit: number | null;
	/** When the event arrived in this browser, and when the refetched standings were in. */
	ontvangen: number | null;
	opgehaald: number | null;
	codes: string[];
}

export interface KaartDiagnose {
	/** 'kaart' (MapLibre), 'tegels' (tile map) or 'laden'. */
	weergave: 'kaart' | 'tegels' | 'laden';
	/** Peildatum shown. */
	peildatum: string | null;
	/** Every frame that showed changed standings (live updates and the time slider). */
	repaints: KaartRepaint[];
	/** Viewport coordinates (CSS px) of a gemeente (label point or tile centre) or a [lng, lat]. */
	punt(doel: string | [number, number]): { x: number; y: number } | null;
	/** RGBA of the map canvas at [lng, lat], read from the WebGL buffer while a frame is drawn. */
	pixel(lngLat: [number, number]): Promise<[number, number, number, number] | null>;
}

export function diagnose(): KaartDiagnose | null {
	if (typeof window === 'undefined') return null;
	const w = window as unknown as { __regietafelKaart?: KaartDiagnose };
	w.__regietafelKaart ??= {
		weergave: 'laden',
		peildatum: null,
		repaints: [],
		punt: () => null,
		pixel: () => Promise.resolve(null)
	};
	return w.__regietafelKaart;
}

/** Epoch milliseconds with sub-millisecond precision. */
export function nu(): number {
	return performance.timeOrigin + performance.now();
}
