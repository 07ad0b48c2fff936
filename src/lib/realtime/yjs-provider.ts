/**
 * Keeps a Y.Doc in sync with the server's copy over the page's live connection (issue 6 §4).
 *
 * - Opening sends the document's state vector; the server answers with what this copy misses
 *   (applied) and its own state vector, from which this copy sends what the server misses.
 * - Local changes (any transaction whose origin is not this provider) are sent, one merged
 *   update at a time; while the connection is down they stay in the document, and on reconnect
 *   the document is reopened with its state vector, so offline edits merge (CRDT) instead of
 *   overwriting what others wrote meanwhile.
 * - Other editors' updates arrive through 'yjs:update' and are applied with this provider as
 *   origin (so they are not sent back).
 */
import * as Y from 'yjs';
import type { YjsOpenAntwoord } from './events';
import { naarBase64, vanBase64 } from './base64';

/** What the provider needs of LiveVerbinding (a fake in unit tests). */
export interface YjsKanaal {
	readonly verbonden: boolean;
	opVerbinding(f: (verbonden: boolean) => void): () => void;
	yjsOpen(document: string, staat?: string): Promise<YjsOpenAntwoord>;
	yjsUpdate(document: string, update: string): Promise<{ ok: boolean; fout?: string }>;
	yjsSluiten(document: string): void;
	opYjsUpdate(document: string, f: (update: string) => void): () => void;
}

export type YjsStatus = 'verbinden' | 'verbonden' | 'offline' | 'alleen-lezen' | 'fout';

export interface YjsToestand {
	status: YjsStatus;
	/** The server's answer on the last open: may this person write? */
	recht: 'lezen' | 'schrijven' | null;
	/** The document has been loaded from the server at least once. */
	geladen: boolean;
	/** Local changes the server has not confirmed yet. */
	onverzonden: boolean;
	fout: string | null;
}

/** The status line the editor shows, in Dutch. */
export function statusTekst(t: YjsToestand): string {
	switch (t.status) {
		case 'verbinden':
			return 'Verbinden…';
		case 'verbonden':
			return t.onverzonden ? 'Verbonden — opslaan…' : 'Verbonden — alles is opgeslagen';
		case 'offline':
			return t.recht === 'schrijven'
				? 'Offline — wijzigingen worden bewaard'
				: 'Offline — de tekst wordt bijgewerkt zodra de verbinding terug is';
		case 'alleen-lezen':
			return 'Alleen lezen';
		case 'fout':
			return t.fout ?? 'Er ging iets mis met de verbinding.';
	}
}

/** Does this update carry new items (not only the delete set every update repeats)? */
function heeftInhoud(update: Uint8Array): boolean {
	return Y.decodeUpdate(update).structs.length > 0;
}

export class YjsProvider {
	readonly doc: Y.Doc;
	readonly document: string;
	#kanaal: YjsKanaal;
	#opWijziging: (t: YjsToestand) => void;
	#toestand: YjsToestand = {
		status: 'verbinden',
		recht: null,
		geladen: false,
		onverzonden: false,
		fout: null
	};
	/** Local updates waiting to be sent. */
	#wachtend: Uint8Array[] = [];
	#bezig = false;
	/** A local change (also a deletion) has not been confirmed by the server. */
	#vuil = false;
	#geopend = false;
	#generatie = 0;
	#gesloten = false;
	#stop: (() => void)[] = [];
	#herhaal: ReturnType<typeof setTimeout> | null = null;

	constructor(
		kanaal: YjsKanaal,
		document: string,
		doc: Y.Doc,
		opWijziging: (t: YjsToestand) => void = () => {}
	) {
		this.#kanaal = kanaal;
		this.document = document;
		this.doc = doc;
		this.#opWijziging = opWijziging;
		const lokaal = (update: Uint8Array, origin: unknown) => {
			if (origin === this) return;
			this.#wachtend.push(update);
			this.#vuil = true;
			this.#zet({ onverzonden: true });
			void this.#verstuur();
		};
		doc.on('update', lokaal);
		this.#stop.push(() => doc.off('update', lokaal));
		this.#stop.push(
			kanaal.opYjsUpdate(document, (u) => {
				try {
					Y.applyUpdate(doc, vanBase64(u), this);
				} catch {
					// A broken relay must not break the editor; the next open resyncs.
				}
			})
		);
		this.#stop.push(
			kanaal.opVerbinding((verbonden) => {
				if (verbonden) void this.#open();
				else {
					this.#geopend = false;
					this.#zet({ status: 'offline' });
				}
			})
		);
		if (kanaal.verbonden) void this.#open();
		else this.#zet({ status: 'offline' });
	}

	get toestand(): YjsToestand {
		return this.#toestand;
	}

	/** Reopens (e.g. after one's rights changed: a new co-editor becomes a writer). */
	heropen(): Promise<void> {
		return this.#open();
	}

	sluit(): void {
		this.#gesloten = true;
		if (this.#herhaal) clearTimeout(this.#herhaal);
		for (const s of this.#stop) s();
		this.#kanaal.yjsSluiten(this.document);
	}

	#zet(w: Partial<YjsToestand>) {
		this.#toestand = { ...this.#toestand, ...w };
		this.#opWijziging(this.#toestand);
	}

	/** Tries again shortly (an answer timed out while the connection seemed up). */
	#laterOpnieuw() {
		if (this.#herhaal || this.#gesloten) return;
		this.#herhaal = setTimeout(() => {
			this.#herhaal = null;
			if (this.#kanaal.verbonden) void this.#open();
		}, 2000);
	}

	async #open(): Promise<void> {
		if (this.#gesloten) return;
		const generatie = ++this.#generatie;
		this.#geopend = false;
		if (!this.#toestand.geladen) this.#zet({ status: 'verbinden' });
		let res: YjsOpenAntwoord;
		try {
			res = await this.#kanaal.yjsOpen(this.document, naarBase64(Y.encodeStateVector(this.doc)));
		} catch {
			this.#laterOpnieuw();
			return;
		}
		if (generatie !== this.#generatie || this.#gesloten) return;
		if (!res.ok) {
			this.#zet({ status: 'fout', fout: res.fout, recht: null });
			return;
		}
		Y.applyUpdate(this.doc, vanBase64(res.update), this);
		this.#geopend = true;
		if (res.recht === 'schrijven') {
			// Everything the server misses, including edits made while offline, as one update.
			this.#wachtend = [];
			const ontbreekt = Y.encodeStateAsUpdate(this.doc, vanBase64(res.staat));
			if (heeftInhoud(ontbreekt) || this.#vuil) this.#wachtend.push(ontbreekt);
			this.#zet({
				status: 'verbonden',
				recht: 'schrijven',
				geladen: true,
				fout: null,
				onverzonden: this.#wachtend.length > 0
			});
			await this.#verstuur();
		} else {
			this.#wachtend = [];
			this.#zet({
				status: 'alleen-lezen',
				recht: 'lezen',
				geladen: true,
				fout: null,
				onverzonden: false
			});
		}
	}

	async #verstuur(): Promise<void> {
		if (this.#bezig || this.#wachtend.length === 0) return;
		if (!this.#kanaal.verbonden || !this.#geopend || this.#toestand.recht !== 'schrijven') return;
		const update = Y.mergeUpdates(this.#wachtend.splice(0));
		this.#bezig = true;
		try {
			const res = await this.#kanaal.yjsUpdate(this.document, naarBase64(update));
			if (!res.ok) {
				// Refused (rights withdrawn, verslag vastgesteld): reopen to learn the new right.
				this.#zet({ status: 'fout', fout: res.fout ?? 'Wijziging geweigerd.' });
				this.#bezig = false;
				void this.#open();
				return;
			}
		} catch {
			// No answer: the reopen with the state vector sends whatever the server misses.
			this.#bezig = false;
			this.#laterOpnieuw();
			return;
		}
		this.#bezig = false;
		if (this.#wachtend.length > 0) return this.#verstuur();
		this.#vuil = false;
		this.#zet({ onverzonden: false });
	}
}
