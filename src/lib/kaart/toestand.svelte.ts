/**
 * The browser side of the live map: the standings shown (at the chosen peildatum), fetched
 * from the map API with ETag revalidation, refetched when the provincie room reports a change,
 * and the set of gemeenten that changed a moment ago (they flash on the map). Shared by the
 * map, the tile map, the legend and the table, so they always show the same data.
 */
import { SvelteSet } from 'svelte/reactivity';
import { KIOSK_HEADER, type KaartGrenzen, type KaartStanden } from './api';
import { nu } from './diagnose';
import { gewijzigdeGemeenten } from './standen';

/** How long a changed gemeente stays highlighted. */
export const OPLICHTEN_MS = 4000;

/** Events of the provincie room after which the standings may have changed. */
// A constant, not state.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
export const STANDEN_GEBEURTENISSEN: ReadonlySet<string> = new Set([
	'beoordelingen.gewijzigd',
	'herverdeling.gewijzigd',
	'taakstellingen.gewijzigd',
	'realisatie.gewijzigd',
	'huurcontracten.gewijzigd',
	'beleid.gewijzigd',
	'beginstand.vastgelegd'
]);

interface Antwoord<T> {
	etag: string | null;
	data: T;
}

export class KaartFout extends Error {
	constructor(
		message: string,
		readonly status: number
	) {
		super(message);
	}
}

export class KaartToestand {
	/** What every view shows; null until the first answer when the page brought none. */
	standen = $state.raw<KaartStanden | null>(null);
	/** The peildatum the user chose; null follows the most recent one (live). */
	gekozen = $state<string | null>(null);
	/** Gemeenten changed by a live update in the last OPLICHTEN_MS. */
	gewijzigd = new SvelteSet<string>();
	fout = $state<string | null>(null);
	/**
	 * For the latency bench: epoch ms of the commit behind the last live change, of its arrival
	 * here and of the refetched answer (cleared when the change has been painted).
	 */
	meting: { commit: number; ontvangen: number; opgehaald: number | null } | null = null;

	readonly provincie: string;
	readonly #kiosk: string | undefined;
	// Plain bookkeeping, not reactive state: the reactive surface is `standen`, `gekozen`,
	// `gewijzigd` and `fout`.
	/** Answers per peildatum ('' = the latest), so the slider and playback do not wait. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#cache = new Map<string, Antwoord<KaartStanden>>();
	#etag: string | null = null;
	#volgnummer = 0;
	#bezig: Promise<void> | null = null;
	#nogmaals = false;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#timers = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(opties: {
		provincie: string;
		kiosk?: string;
		standen?: KaartStanden | null;
		peildatum?: string | null;
	}) {
		this.provincie = opties.provincie;
		this.#kiosk = opties.kiosk;
		this.standen = opties.standen ?? null;
		this.gekozen = opties.peildatum ?? null;
	}

	/** The peildatum shown (also when following the latest). */
	get peildatum(): string | null {
		return this.gekozen ?? this.standen?.peildatum ?? null;
	}

	async #haal<T>(pad: string): Promise<Antwoord<T>> {
		const r = await fetch(`/api/kaart/${this.provincie}/${pad}`, {
			// Revalidate with the browser's copy (If-None-Match → 304), never trust it blindly.
			cache: 'no-cache',
			headers: this.#kiosk ? { [KIOSK_HEADER]: this.#kiosk } : {}
		});
		if (!r.ok) {
			const body = (await r.json().catch(() => null)) as { fout?: string } | null;
			throw new KaartFout(
				body?.fout ?? `De kaartgegevens laden lukte niet (${r.status}).`,
				r.status
			);
		}
		return { etag: r.headers.get('etag'), data: (await r.json()) as T };
	}

	/** The boundaries, or null when none are imported (404: the tile map is shown). */
	async grenzen(): Promise<KaartGrenzen | null> {
		try {
			return (await this.#haal<KaartGrenzen>('grenzen')).data;
		} catch (e) {
			if (e instanceof KaartFout && e.status === 404) return null;
			throw e;
		}
	}

	async #standen(peildatum: string | null): Promise<Antwoord<KaartStanden>> {
		const sleutel = peildatum ?? '';
		const bewaard = this.#cache.get(sleutel);
		if (bewaard) return bewaard;
		const a = await this.#haal<KaartStanden>(
			peildatum ? `standen?peildatum=${encodeURIComponent(peildatum)}` : 'standen'
		);
		this.#cache.set(sleutel, a);
		return a;
	}

	/** Shows the ladder as it stood on `peildatum` (null: the latest). No highlight. */
	async kies(peildatum: string | null): Promise<void> {
		const n = ++this.#volgnummer;
		this.gekozen = peildatum;
		try {
			const a = await this.#standen(peildatum);
			if (n !== this.#volgnummer) return;
			this.#toon(a, false);
			this.fout = null;
		} catch (e) {
			if (n === this.#volgnummer) this.fout = (e as Error).message;
		}
	}

	/** Loads the answers of all peildata ahead (before playback). */
	async voorladen(): Promise<void> {
		const peildata = this.standen?.peildata ?? [];
		await Promise.all(peildata.map((p) => this.#standen(p).catch(() => null)));
	}

	/**
	 * After a live event: forget the cached answers (history may have changed too), refetch
	 * what is shown and highlight what changed. Calls while one runs collapse into one rerun.
	 */
	ververs(commitTijd?: number): Promise<void> {
		if (commitTijd !== undefined) {
			this.meting = { commit: commitTijd, ontvangen: nu(), opgehaald: null };
		}
		if (this.#bezig) {
			this.#nogmaals = true;
			return this.#bezig;
		}
		this.#bezig = (async () => {
			do {
				this.#nogmaals = false;
				this.#cache.clear();
				const n = ++this.#volgnummer;
				try {
					const a = await this.#standen(this.gekozen);
					if (this.meting) this.meting.opgehaald = nu();
					if (n === this.#volgnummer) this.#toon(a, true);
					this.fout = null;
				} catch (e) {
					this.fout = (e as Error).message;
				}
			} while (this.#nogmaals);
		})().finally(() => (this.#bezig = null));
		return this.#bezig;
	}

	#toon(a: Antwoord<KaartStanden>, oplichten: boolean) {
		if (a.etag !== null && a.etag === this.#etag && this.standen) return;
		const oud = this.standen;
		this.#etag = a.etag;
		this.standen = a.data;
		if (oplichten && oud) {
			for (const code of gewijzigdeGemeenten(oud.gemeenten, a.data.gemeenten)) this.#licht(code);
		}
	}

	#licht(code: string) {
		this.gewijzigd.add(code);
		clearTimeout(this.#timers.get(code));
		this.#timers.set(
			code,
			setTimeout(() => {
				this.gewijzigd.delete(code);
				this.#timers.delete(code);
			}, OPLICHTEN_MS)
		);
	}

	sluit() {
		for (const t of this.#timers.values()) clearTimeout(t);
		this.#timers.clear();
		this.#volgnummer++;
	}
}
