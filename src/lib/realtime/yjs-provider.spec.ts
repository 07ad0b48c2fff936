import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { YjsOpenAntwoord } from './events';
import { naarBase64, vanBase64 } from './base64';
import { statusTekst, YjsProvider, type YjsKanaal, type YjsToestand } from './yjs-provider';

/**
 * The browser provider against an in-memory server that behaves like realtime/yjs.ts: opening
 * answers the diff against the client's state vector plus the server's state vector; updates of
 * writers are stored and relayed to the other connected clients (not to disconnected ones).
 */
class Server {
	updates: Uint8Array[] = [];
	kanalen = new Set<Kanaal>();
	ontvangen = 0;
	volledig() {
		return this.updates.length ? Y.mergeUpdates(this.updates) : Y.encodeStateAsUpdate(new Y.Doc());
	}
	tekst(frag = 't') {
		const d = new Y.Doc();
		Y.applyUpdate(d, this.volledig());
		return d.getText(frag).toString();
	}
}

class Kanaal implements YjsKanaal {
	verbonden = true;
	#verbinding = new Set<(v: boolean) => void>();
	#updates = new Set<(u: string) => void>();
	constructor(
		private server: Server,
		public recht: 'lezen' | 'schrijven'
	) {
		server.kanalen.add(this);
	}
	opVerbinding(f: (v: boolean) => void) {
		this.#verbinding.add(f);
		return () => void this.#verbinding.delete(f);
	}
	opYjsUpdate(_d: string, f: (u: string) => void) {
		this.#updates.add(f);
		return () => void this.#updates.delete(f);
	}
	async yjsOpen(_d: string, staat?: string): Promise<YjsOpenAntwoord> {
		await Promise.resolve();
		if (!this.verbonden) throw new Error('offline');
		const vol = this.server.volledig();
		return {
			ok: true,
			update: naarBase64(staat ? Y.diffUpdate(vol, vanBase64(staat)) : vol),
			staat: naarBase64(Y.encodeStateVectorFromUpdate(vol)),
			recht: this.recht
		};
	}
	async yjsUpdate(_d: string, update: string) {
		await Promise.resolve();
		if (!this.verbonden) throw new Error('offline');
		if (this.recht !== 'schrijven') return { ok: false, fout: 'U mag dit document alleen lezen.' };
		this.server.updates.push(vanBase64(update));
		this.server.ontvangen++;
		for (const k of this.server.kanalen) {
			if (k !== this && k.verbonden) for (const f of k.#updates) f(update);
		}
		return { ok: true };
	}
	yjsSluiten() {}
	zet(verbonden: boolean) {
		this.verbonden = verbonden;
		for (const f of this.#verbinding) f(verbonden);
	}
}

function client(server: Server, recht: 'lezen' | 'schrijven' = 'schrijven') {
	const kanaal = new Kanaal(server, recht);
	const doc = new Y.Doc();
	const toestanden: YjsToestand[] = [];
	const provider = new YjsProvider(kanaal, 'verslag:1', doc, (t) => toestanden.push(t));
	return {
		kanaal,
		provider,
		toestanden,
		tekst: () => doc.getText('t').toString(),
		typ: (pos: number, s: string) => doc.getText('t').insert(pos, s)
	};
}

const gelijk = (check: () => void) => vi.waitFor(check, { timeout: 2000, interval: 5 });

describe('YjsProvider', () => {
	it('twee schrijvers tegelijk: beide teksten blijven, iedereen ziet hetzelfde', async () => {
		const server = new Server();
		const a = client(server);
		const b = client(server);
		await gelijk(() => expect(a.provider.toestand.status).toBe('verbonden'));
		await gelijk(() => expect(b.provider.toestand.status).toBe('verbonden'));
		a.typ(0, 'Sanne: Den Haag ligt op schema. ');
		b.typ(0, 'Victor: Rijswijk vult aan. ');
		await gelijk(() => {
			expect(server.tekst()).toContain('Sanne: Den Haag ligt op schema.');
			expect(server.tekst()).toContain('Victor: Rijswijk vult aan.');
			expect(a.tekst()).toBe(server.tekst());
			expect(b.tekst()).toBe(server.tekst());
		});
		expect(a.provider.toestand.onverzonden).toBe(false);
	});

	it('offline getypt wordt bewaard en bij terugkomst samengevoegd', async () => {
		const server = new Server();
		const a = client(server);
		const b = client(server);
		await gelijk(() => expect(b.provider.toestand.status).toBe('verbonden'));
		a.typ(0, 'Eerste alinea.');
		await gelijk(() => expect(b.tekst()).toBe('Eerste alinea.'));
		b.kanaal.zet(false);
		expect(b.provider.toestand.status).toBe('offline');
		expect(statusTekst(b.provider.toestand)).toBe('Offline — wijzigingen worden bewaard');
		b.typ(b.tekst().length, ' Offline getypt.');
		a.typ(0, 'Intussen: ');
		await gelijk(() => expect(server.tekst()).toBe('Intussen: Eerste alinea.'));
		expect(b.provider.toestand.onverzonden).toBe(true);
		// Nothing of b's reached the server while offline.
		expect(server.tekst()).not.toContain('Offline');
		b.kanaal.zet(true);
		await gelijk(() => {
			expect(server.tekst()).toBe('Intussen: Eerste alinea. Offline getypt.');
			expect(b.tekst()).toBe(server.tekst());
			expect(a.tekst()).toBe(server.tekst());
			expect(b.provider.toestand).toMatchObject({ status: 'verbonden', onverzonden: false });
		});
	});

	it('een offline verwijdering komt ook aan (alleen een delete set)', async () => {
		const server = new Server();
		const a = client(server);
		a.typ(0, 'Weg ermee. Blijft.');
		await gelijk(() => expect(server.tekst()).toBe('Weg ermee. Blijft.'));
		a.kanaal.zet(false);
		a.provider.doc.getText('t').delete(0, 'Weg ermee. '.length);
		a.kanaal.zet(true);
		await gelijk(() => expect(server.tekst()).toBe('Blijft.'));
	});

	it('een lezer ziet wijzigingen live maar stuurt niets', async () => {
		const server = new Server();
		const schrijver = client(server);
		const lezer = client(server, 'lezen');
		await gelijk(() => expect(lezer.provider.toestand.status).toBe('alleen-lezen'));
		schrijver.typ(0, 'Concepttekst.');
		await gelijk(() => expect(lezer.tekst()).toBe('Concepttekst.'));
		const voor = server.ontvangen;
		lezer.typ(0, 'Mag niet. ');
		await new Promise((r) => setTimeout(r, 20));
		expect(server.ontvangen).toBe(voor);
		expect(server.tekst()).toBe('Concepttekst.');
		expect(statusTekst(lezer.provider.toestand)).toBe('Alleen lezen');
	});

	it('een lezer die mederedacteur wordt, schrijft na heropenen', async () => {
		const server = new Server();
		const c = client(server, 'lezen');
		await gelijk(() => expect(c.provider.toestand.recht).toBe('lezen'));
		c.kanaal.recht = 'schrijven';
		await c.provider.heropen();
		expect(c.provider.toestand).toMatchObject({ status: 'verbonden', recht: 'schrijven' });
		c.typ(0, 'Nu wel.');
		await gelijk(() => expect(server.tekst()).toBe('Nu wel.'));
	});

	it('na sluiten komen er geen updates meer binnen', async () => {
		const server = new Server();
		const a = client(server);
		const b = client(server);
		await gelijk(() => expect(b.provider.toestand.status).toBe('verbonden'));
		b.provider.sluit();
		a.typ(0, 'Na sluiten.');
		await gelijk(() => expect(server.tekst()).toBe('Na sluiten.'));
		expect(b.tekst()).toBe('');
	});
});
