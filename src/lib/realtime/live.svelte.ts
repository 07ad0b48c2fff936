import { io, type Socket } from 'socket.io-client';
import { createContext, untrack } from 'svelte';
import { invalidate } from '$app/navigation';
import type {
	Aanwezige,
	ClientToServer,
	LiveGebeurtenis,
	ServerToClient,
	VolgAntwoord,
	YjsOpenAntwoord
} from './events';

export type Verbindingsstatus = 'verbinden' | 'verbonden' | 'onderbroken' | 'geweigerd';

export interface KamerHandlers {
	/** Applies one event, in sequence order. */
	onGebeurtenis?: (e: LiveGebeurtenis) => void;
	/** Missed events are no longer available: reload the state from the server. */
	onVerversen?: () => void;
	onAanwezigheid?: (a: Aanwezige[]) => void;
}

interface Gevolgd {
	kamer: string;
	/** Last applied sequence number; undefined until the first join answered. */
	seq: number | undefined;
	/** Everyone following the room on this page (a page and the layout may follow the same). */
	handlers: Set<KamerHandlers>;
	/** Events that arrived ahead of a gap, waiting for the catch-up. */
	wachtend: Map<number, LiveGebeurtenis>;
	inhalen: boolean;
}

/**
 * One Socket.IO connection per page, with the rooms it follows. Guarantees each room's events are
 * applied once and in order: duplicates are dropped, a gap (or a reconnect that the server could
 * not recover) triggers a refetch from the last applied sequence number.
 */
export class LiveVerbinding {
	status = $state<Verbindingsstatus>('verbinden');
	/** For the status indicator and tests: the last applied seq per room. */
	seqs = $state<Record<string, number>>({});
	fout = $state<string | null>(null);

	#socket: Socket<ServerToClient, ClientToServer> | null = null;
	// Plain (non-reactive) bookkeeping; the reactive surface is `status`, `seqs` and `fout`.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#kamers = new Map<string, Gevolgd>();
	/** Listeners for collaborative documents (see YjsKanaal) and for the connection state. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#yjs = new Map<string, Set<(update: string) => void>>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#verbindingLuisteraars = new Set<(verbonden: boolean) => void>();

	/** Inert during server-side rendering; connects in the browser. */
	constructor(options: { kiosk?: string } = {}) {
		if (typeof window === 'undefined') return;
		this.#socket = io({
			path: '/socket.io',
			auth: options.kiosk ? { kiosk: options.kiosk } : {},
			transports: ['websocket', 'polling'],
			ackTimeout: 5000,
			retries: 3
		});
		const s = this.#socket;
		s.on('connect', () => {
			this.status = 'verbonden';
			this.fout = null;
			// Recovered: the server replayed missed packets and kept our rooms. Otherwise re-join
			// every room and fetch what we missed by sequence number.
			if (!s.recovered) for (const k of this.#kamers.values()) void this.#join(k);
			for (const f of this.#verbindingLuisteraars) f(true);
		});
		s.on('disconnect', (reason) => {
			this.status = reason === 'io server disconnect' ? 'geweigerd' : 'onderbroken';
			for (const f of this.#verbindingLuisteraars) f(false);
		});
		s.on('yjs:update', (m) => {
			for (const f of this.#yjs.get(m.document) ?? []) f(m.update);
		});
		s.on('connect_error', (err) => {
			this.status =
				err.message === 'niet-ingelogd' || err.message === 'kiosk-ongeldig'
					? 'geweigerd'
					: 'onderbroken';
			this.fout = err.message;
		});
		s.on('gebeurtenis', (e) => this.#ontvang(e));
		s.on('aanwezigheid', (a) => {
			for (const h of this.#kamers.get(a.kamer)?.handlers ?? []) h.onAanwezigheid?.(a.aanwezigen);
		});
		if (typeof window !== 'undefined') {
			(window as unknown as { __regietafelLive?: LiveVerbinding }).__regietafelLive = this;
		}
	}

	/**
	 * Follows a room; returns the function that stops following. `sinds` is the room's sequence
	 * number at the moment the page's data was loaded: events after it are fetched, so nothing
	 * that happened between the load and the join is missed.
	 */
	volg(kamer: string, handlers: KamerHandlers, sinds?: number): () => void {
		const bestaand = this.#kamers.get(kamer);
		if (bestaand) {
			bestaand.handlers.add(handlers);
			// The room is followed already; events this follower's data may have missed since it
			// was loaded were applied before it joined: let it reload.
			if (sinds !== undefined && bestaand.seq !== undefined && bestaand.seq > sinds) {
				handlers.onVerversen?.();
			}
		} else {
			const k: Gevolgd = {
				kamer,
				seq: sinds,
				// Plain bookkeeping, not reactive state (see #kamers).
				// eslint-disable-next-line svelte/prefer-svelte-reactivity
				handlers: new Set([handlers]),
				// eslint-disable-next-line svelte/prefer-svelte-reactivity
				wachtend: new Map(),
				inhalen: false
			};
			this.#kamers.set(kamer, k);
			if (this.#socket?.connected) void this.#join(k);
		}
		return () => {
			const k = this.#kamers.get(kamer);
			if (!k) return;
			k.handlers.delete(handlers);
			if (k.handlers.size > 0) return;
			this.#kamers.delete(kamer);
			if (this.#socket?.connected) {
				// Acked (see the contract): a failed or timed-out leave only matters to presence.
				void this.#socket.emitWithAck('kamer:verlaten', { kamer }).catch(() => {});
			}
		};
	}

	/** Is the socket connected now? */
	get verbonden(): boolean {
		return this.#socket?.connected ?? false;
	}

	/** Calls `f(true)` on every (re)connect and `f(false)` on every disconnect; returns the stop. */
	opVerbinding(f: (verbonden: boolean) => void): () => void {
		this.#verbindingLuisteraars.add(f);
		return () => this.#verbindingLuisteraars.delete(f);
	}

	/** Opens a collaborative document with the client's state vector (base64), if any. */
	async yjsOpen(document: string, staat?: string): Promise<YjsOpenAntwoord> {
		if (!this.#socket) return { ok: false, fout: 'Geen verbinding.' };
		return this.#socket.emitWithAck(
			'yjs:open',
			staat === undefined ? { document } : { document, staat }
		);
	}

	/** Sends a local Yjs update (base64); the server stores and relays it. */
	async yjsUpdate(document: string, update: string): Promise<{ ok: boolean; fout?: string }> {
		if (!this.#socket) return { ok: false, fout: 'Geen verbinding.' };
		return this.#socket.emitWithAck('yjs:update', { document, update });
	}

	/** Stops receiving a document's updates. */
	yjsSluiten(document: string): void {
		if (this.#socket?.connected) {
			void this.#socket.emitWithAck('yjs:sluiten', { document }).catch(() => {});
		}
	}

	/** Other editors' updates of `document` (base64); returns the stop. */
	opYjsUpdate(document: string, f: (update: string) => void): () => void {
		let set = this.#yjs.get(document);
		if (!set) {
			// Plain bookkeeping, not reactive state (see #kamers).
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			set = new Set();
			this.#yjs.set(document, set);
		}
		set.add(f);
		return () => {
			set.delete(f);
			if (set.size === 0) this.#yjs.delete(document);
		};
	}

	/** Test and diagnostics hook: cut the connection (as a network outage would) and restore it. */
	verbreek() {
		this.#socket?.disconnect();
		this.status = 'onderbroken';
	}
	herstel() {
		this.#socket?.connect();
	}

	sluit() {
		this.#socket?.disconnect();
		this.#kamers.clear();
	}

	async #join(k: Gevolgd): Promise<void> {
		let res: VolgAntwoord;
		if (!this.#socket) return;
		try {
			res = await this.#socket.emitWithAck(
				'kamer:volgen',
				k.seq === undefined ? { kamer: k.kamer } : { kamer: k.kamer, sinds: k.seq }
			);
		} catch {
			return; // retried on the next connect
		}
		if (!res.ok) {
			this.fout = res.fout;
			return;
		}
		if (k.seq === undefined) {
			k.seq = res.seq;
		} else if (res.volledigVerversen) {
			k.seq = res.seq;
			k.wachtend.clear();
			for (const h of k.handlers) h.onVerversen?.();
		} else {
			for (const e of res.gemist) this.#pas(k, e);
		}
		this.#verwerkWachtend(k);
		this.seqs = { ...this.seqs, [k.kamer]: k.seq };
	}

	#ontvang(e: LiveGebeurtenis) {
		const k = this.#kamers.get(e.kamer);
		if (!k) return;
		if (k.seq === undefined || e.seq > k.seq + 1) {
			// Ahead of what we have: keep it and fetch the gap.
			k.wachtend.set(e.seq, e);
			if (k.seq !== undefined && !k.inhalen) {
				k.inhalen = true;
				void this.#join(k).finally(() => (k.inhalen = false));
			}
			return;
		}
		this.#pas(k, e);
		this.#verwerkWachtend(k);
		this.seqs = { ...this.seqs, [k.kamer]: k.seq };
	}

	#pas(k: Gevolgd, e: LiveGebeurtenis) {
		if (k.seq !== undefined && e.seq <= k.seq) return; // duplicate
		k.seq = e.seq;
		for (const h of k.handlers) h.onGebeurtenis?.(e);
	}

	#verwerkWachtend(k: Gevolgd) {
		for (;;) {
			if (k.seq === undefined) return;
			const next = k.wachtend.get(k.seq + 1);
			for (const s of k.wachtend.keys()) if (s <= k.seq) k.wachtend.delete(s);
			if (!next) return;
			k.wachtend.delete(next.seq);
			this.#pas(k, next);
		}
	}
}

export const [getLive, setLive] = createContext<LiveVerbinding>();

/**
 * For a page whose data carries `kamer` and `liveSeq`: follows that room while the component
 * lives, from the sequence number the data was loaded at, and reloads the data that depends on
 * `live:<kamer>` on every event, so the page always shows what the server has. Only a change of
 * room re-subscribes: the reload after an event gives a new `data` object, but must not leave
 * and re-join the room (that would flicker presence and open a window without events).
 * Call during component initialisation.
 */
export function volgPagina(
	live: LiveVerbinding,
	pagina: () => { kamer: string; liveSeq: number },
	onAanwezigheid?: (a: Aanwezige[]) => void
): void {
	const kamer = $derived(pagina().kamer);
	$effect(() => {
		const k = kamer;
		const sinds = untrack(() => pagina().liveSeq);
		return live.volg(
			k,
			{
				onGebeurtenis: () => void invalidate(`live:${k}`),
				onVerversen: () => void invalidate(`live:${k}`),
				onAanwezigheid
			},
			sinds
		);
	});
}
