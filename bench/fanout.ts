/**
 * Realtime fan-out benchmark: how long does an event take from commit to the LAST of N
 * receivers in one room, through the real production path (form action → mutate → outbox →
 * emit after commit → Socket.IO, with real session-cookie handshakes and 'kamer:volgen'),
 * compared with a plain Socket.IO server broadcasting the same events on the same machine.
 *
 * The receivers run in several child processes; every receiver checks that it got every
 * sequence number exactly once (zero loss is a correctness property, not a timing figure).
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, startThrowawayPostgres } from '../scripts/pg-throwaway.js';
import { login, startServer, type RunningServer } from '../tests/helpers/server';
import {
	benchTekst,
	gepaceerd,
	type NaarOntvanger,
	type NaarRawServer,
	type OntvangerMonsters,
	type VanOntvanger,
	type VanRawServer
} from './fanout-protocol';

export type Pad = 'postgres' | 'pglite' | 'raw';

export interface FanoutOpties {
	/** Receivers per scenario. */
	aantallen: number[];
	/** Measured events per scenario. */
	gebeurtenissen: number;
	/** Extra events per path before the measured ones (JIT, buffers); checked for loss only. */
	opwarmen: number;
	/** The measured events are sent in this many blocks per path, alternating between paths. */
	blokken: number;
	/** Start-to-start interval between changes. */
	intervalMs: number;
	/** Child processes that hold the receivers. */
	processen: number;
	paden: Pad[];
	kamer: string;
	tafelId: number;
}

export const STANDAARD_OPTIES: FanoutOpties = {
	aantallen: [50, 200],
	gebeurtenissen: 200,
	opwarmen: 20,
	blokken: 10,
	intervalMs: 20,
	processen: 4,
	paden: ['raw', 'postgres', 'pglite'],
	kamer: 'regietafel:1',
	tafelId: 1
};

/** The target: real path within 1.5× the raw Socket.IO p95, nothing lost. */
export const DOEL_RATIO_P95 = 1.5;

export interface Spreiding {
	aantal: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	gemiddeld: number;
}

export interface Verlies {
	ontbrekend: number;
	dubbel: number;
	onverwacht: number;
	verbroken: number;
	/** ontbrekend + dubbel + onverwacht. */
	totaal: number;
}

export interface ScenarioResultaat {
	pad: Pad;
	ontvangers: number;
	gebeurtenissen: number;
	/** Per event: time until the last receiver had it (ms). */
	alleClients: Spreiding;
	/** Every (receiver, event) sample (ms). */
	perClient: Spreiding;
	/** Real path only: round trip of the form POST as the secretary's client sees it (ms). */
	post?: Spreiding;
	verlies: Verlies;
	/** Duration of the whole round for this N (all paths together). */
	duurMs: number;
}

export interface FanoutResultaat {
	opties: FanoutOpties;
	scenarios: ScenarioResultaat[];
	/** 1-minute load average at the start and end of the measuring, and the number of cores. */
	belasting: { start: number; einde: number; cores: number };
}

const HIER = import.meta.dirname;
/** PRT members (deelnemer rights on regietafel 1); their sessions are shared by the receivers. */
const ONTVANGER_ACCOUNTS = [
	'deelnemer@regietafel.test',
	'voorzitter@regietafel.test',
	'toezicht@regietafel.test',
	'coa@regietafel.test',
	'bestuurder.denhaag@regietafel.test'
];
const SECRETARIS = 'secretaris@regietafel.test';

export function spreiding(waarden: number[]): Spreiding {
	const s = [...waarden].sort((a, b) => a - b);
	// Nearest-rank percentile.
	const p = (q: number) =>
		s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
	return {
		aantal: s.length,
		p50: p(0.5),
		p95: p(0.95),
		p99: p(0.99),
		max: s.length ? s[s.length - 1]! : NaN,
		gemiddeld: s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN
	};
}

/** A child process spoken to one request at a time. */
class Kind<Naar, Van extends { type: string }> {
	readonly proces: ChildProcess;
	#wachtend: ((m: Van) => void)[] = [];
	#fout: Error | null = null;

	constructor(script: string) {
		this.proces = fork(path.join(HIER, script), [], {
			execArgv: ['--import', 'tsx'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		this.proces.on('message', (m: Van) => this.#wachtend.shift()?.(m));
		this.proces.on('exit', (code) => {
			this.#fout = new Error(`${script} stopte onverwacht (code ${code})`);
			for (const w of this.#wachtend.splice(0)) {
				w({ type: 'fout', bericht: this.#fout.message } as unknown as Van);
			}
		});
	}

	/** The next message from the child. */
	volgende(): Promise<Van> {
		if (this.#fout) return Promise.reject(this.#fout);
		return new Promise((resolve) => this.#wachtend.push(resolve));
	}

	async vraag<T extends Van['type']>(m: Naar, verwacht: T): Promise<Extract<Van, { type: T }>> {
		const antwoord = this.volgende();
		this.proces.send(m as object);
		return verwachtType(await antwoord, verwacht);
	}

	stop() {
		if (this.proces.connected) this.proces.disconnect();
		if (this.proces.exitCode === null) this.proces.kill();
	}
}

function verwachtType<V extends { type: string }, T extends V['type']>(
	m: V,
	type: T
): Extract<V, { type: T }> {
	if (m.type !== type) {
		const bericht = (m as unknown as { bericht?: string }).bericht;
		throw new Error(`verwachtte '${type}', kreeg '${m.type}'${bericht ? `: ${bericht}` : ''}`);
	}
	return m as Extract<V, { type: T }>;
}

type Ontvanger = Kind<NaarOntvanger, VanOntvanger>;

interface Doel {
	pad: Pad;
	url: string;
	cookies: string[];
	/** Causes `aantal` events in the room, paced; returns the POST round trips (real path). */
	veroorzaak: (aantal: number, intervalMs: number) => Promise<number[]>;
}

function verdeel(totaal: number, delen: number): number[] {
	return Array.from(
		{ length: delen },
		(_, i) => Math.floor(totaal / delen) + (i < totaal % delen ? 1 : 0)
	);
}

/**
 * One round for N receivers: N receivers on every path at once, then the events in blocks that
 * alternate between the paths (the order rotates per block), so that background load on a
 * shared machine hits all paths alike instead of whichever ran at the time.
 */
async function ronde(
	doelen: Doel[],
	ontvangers: Ontvanger[],
	n: number,
	o: FanoutOpties
): Promise<ScenarioResultaat[]> {
	const begin = performance.now();
	const delen = verdeel(n, ontvangers.length);
	const seq = new Map<Pad, number>();
	for (const doel of doelen) {
		const verbonden = await Promise.all(
			ontvangers.map((w, i) =>
				w.vraag(
					{
						type: 'verbind',
						label: doel.pad,
						url: doel.url,
						cookies: doel.cookies,
						aantal: delen[i]!,
						kamer: o.kamer
					},
					'verbonden'
				)
			)
		);
		const joinSeqs = new Set(verbonden.flatMap((v) => v.joinSeqs));
		if (joinSeqs.size !== 1) {
			throw new Error(
				`${doel.pad}: ontvangers zagen verschillende seq: ${[...joinSeqs].join(',')}`
			);
		}
		seq.set(doel.pad, [...joinSeqs][0]!);
	}
	const basis = new Map(seq);
	// Let the presence broadcasts of the joins settle.
	await new Promise((r) => setTimeout(r, 500));

	const postTijden = new Map<Pad, number[]>(doelen.map((d) => [d.pad, []]));
	const blok = async (doel: Doel, aantal: number, meten: boolean) => {
		const tijden = await doel.veroorzaak(aantal, o.intervalMs);
		if (meten) postTijden.get(doel.pad)!.push(...tijden);
		const laatsteSeq = seq.get(doel.pad)! + aantal;
		seq.set(doel.pad, laatsteSeq);
		// Each block's last event must have reached everyone before the next path starts.
		await Promise.all(
			ontvangers.map((w) =>
				w.vraag({ type: 'wacht', label: doel.pad, laatsteSeq, timeoutMs: 10_000 }, 'gewacht')
			)
		);
	};
	for (const doel of doelen) await blok(doel, o.opwarmen, false);
	const blokken = Math.max(1, o.blokken);
	for (let b = 0; b < blokken; b++) {
		const volgorde = doelen.map((_, i) => doelen[(i + b) % doelen.length]!);
		const aantal = verdeel(o.gebeurtenissen, blokken)[b]!;
		for (const doel of volgorde) await blok(doel, aantal, true);
	}

	const uit: ScenarioResultaat[] = [];
	for (const doel of doelen) {
		const monsters = (
			await Promise.all(
				ontvangers.map((w) => w.vraag({ type: 'verzamel', label: doel.pad }, 'monsters'))
			)
		).flatMap((m) => m.clients);
		const b = basis.get(doel.pad)!;
		const laatsteSeq = seq.get(doel.pad)!;
		const tijden = postTijden.get(doel.pad)!;
		uit.push({
			pad: doel.pad,
			ontvangers: n,
			gebeurtenissen: o.gebeurtenissen,
			...latenties(monsters, b + o.opwarmen + 1, laatsteSeq),
			verlies: verlies(monsters, b + 1, laatsteSeq),
			...(tijden.length ? { post: spreiding(tijden) } : {}),
			duurMs: performance.now() - begin
		});
	}
	await Promise.all(ontvangers.map((w) => w.vraag({ type: 'sluit' }, 'gesloten')));
	return uit;
}

function latenties(monsters: OntvangerMonsters[], van: number, tot: number) {
	const laatste = new Map<number, number>();
	const alle: number[] = [];
	for (const m of monsters) {
		m.seqs.forEach((seq, i) => {
			if (seq < van || seq > tot) return;
			const l = m.latenties[i]!;
			alle.push(l);
			laatste.set(seq, Math.max(laatste.get(seq) ?? -Infinity, l));
		});
	}
	return { alleClients: spreiding([...laatste.values()]), perClient: spreiding(alle) };
}

/** Every receiver must have every seq in [van, tot] exactly once, and nothing else. */
export function verlies(monsters: OntvangerMonsters[], van: number, tot: number): Verlies {
	const v: Verlies = { ontbrekend: 0, dubbel: 0, onverwacht: 0, verbroken: 0, totaal: 0 };
	for (const m of monsters) {
		if (m.verbroken) v.verbroken++;
		const gezien = new Map<number, number>();
		for (const seq of m.seqs) {
			if (seq < van || seq > tot) v.onverwacht++;
			else gezien.set(seq, (gezien.get(seq) ?? 0) + 1);
		}
		for (let s = van; s <= tot; s++) {
			const k = gezien.get(s) ?? 0;
			if (k === 0) v.ontbrekend++;
			else v.dubbel += k - 1;
		}
	}
	v.totaal = v.ontbrekend + v.dubbel + v.onverwacht;
	return v;
}

async function echtDoel(
	pad: 'postgres' | 'pglite',
	server: RunningServer,
	tafelId: number
): Promise<Doel> {
	const cookies = await Promise.all(ONTVANGER_ACCOUNTS.map((e) => login(server.url, e)));
	const secretaris = await login(server.url, SECRETARIS);
	let nummer = 0;
	return {
		pad,
		url: server.url,
		cookies,
		veroorzaak: async (aantal, intervalMs) => {
			const tijden: number[] = [];
			await gepaceerd(aantal, intervalMs, async () => {
				const start = performance.now();
				// Exactly the request the page's form sends (use:enhance): the action answers with
				// JSON instead of rendering the whole page again on the server.
				const r = await fetch(`${server.url}/regietafels/${tafelId}?/mededeling`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						accept: 'application/json',
						'x-sveltekit-action': 'true',
						origin: server.url,
						cookie: secretaris
					},
					body: new URLSearchParams({ tekst: benchTekst(++nummer) })
				});
				const antwoord = (await r.json()) as { type?: string };
				tijden.push(performance.now() - start);
				if (r.status !== 200 || antwoord.type !== 'success') {
					throw new Error(`mededeling plaatsen: HTTP ${r.status} ${JSON.stringify(antwoord)}`);
				}
			});
			return tijden;
		}
	};
}

async function rawDoel(kamer: string): Promise<{ doel: Doel; stop: () => void }> {
	const kind = new Kind<NaarRawServer, VanRawServer>('raw-server.ts');
	const { port } = verwachtType(await kind.volgende(), 'luistert');
	return {
		doel: {
			pad: 'raw',
			url: `http://127.0.0.1:${port}`,
			cookies: [],
			veroorzaak: async (aantal, intervalMs) => {
				await kind.vraag({ type: 'zend', kamer, aantal, intervalMs }, 'klaar');
				return [];
			}
		},
		stop: () => kind.stop()
	};
}

/** Runs every path for every N; `log` gets progress lines. */
export async function runFanout(
	opties: Partial<FanoutOpties> = {},
	log: (regel: string) => void = () => {}
): Promise<FanoutResultaat> {
	const o = { ...STANDAARD_OPTIES, ...opties };
	const opruimen: (() => unknown)[] = [];
	try {
		const ontvangers: Ontvanger[] = Array.from(
			{ length: o.processen },
			() => new Kind<NaarOntvanger, VanOntvanger>('fanout-client.ts')
		);
		opruimen.push(() => ontvangers.forEach((w) => w.stop()));

		const doelen = new Map<Pad, Doel>();
		const starten: Promise<void>[] = [];
		if (o.paden.includes('raw')) {
			starten.push(
				rawDoel(o.kamer).then(({ doel, stop }) => {
					opruimen.push(stop);
					doelen.set('raw', doel);
				})
			);
		}
		if (o.paden.includes('postgres')) {
			starten.push(
				(async () => {
					const pg = await startThrowawayPostgres();
					opruimen.push(() => pg.stop());
					const server = await startServer({ databaseUrl: createDatabase(pg.url, 'bench_fanout') });
					opruimen.push(() => server.stop());
					doelen.set('postgres', await echtDoel('postgres', server, o.tafelId));
				})()
			);
		}
		if (o.paden.includes('pglite')) {
			starten.push(
				(async () => {
					const server = await startServer();
					opruimen.push(() => server.stop());
					doelen.set('pglite', await echtDoel('pglite', server, o.tafelId));
				})()
			);
		}
		log('servers starten…');
		// allSettled: every started server is registered for clean-up before a failure is thrown.
		for (const r of await Promise.allSettled(starten)) {
			if (r.status === 'rejected') throw r.reason;
		}

		const scenarios: ScenarioResultaat[] = [];
		const belastingStart = os.loadavg()[0]!;
		for (const n of o.aantallen) {
			const rs = await ronde(
				o.paden.map((p) => doelen.get(p)!),
				ontvangers,
				n,
				o
			);
			for (const r of rs) {
				log(
					`  ${r.pad.padEnd(8)} N=${String(n).padStart(3)}: p95 alle clients ${r.alleClients.p95.toFixed(2)} ms, verloren ${r.verlies.totaal}`
				);
			}
			log(`  (ronde N=${n}: ${((rs[0]?.duurMs ?? 0) / 1000).toFixed(1)} s)`);
			scenarios.push(...rs);
		}
		return {
			opties: o,
			scenarios,
			belasting: { start: belastingStart, einde: os.loadavg()[0]!, cores: os.cpus().length }
		};
	} finally {
		for (const f of opruimen.reverse()) {
			try {
				await f();
			} catch (err) {
				log(`opruimen: ${String(err)}`);
			}
		}
	}
}

const PAD_NAAM: Record<Pad, string> = {
	raw: 'raw Socket.IO',
	postgres: 'echt PostgreSQL',
	pglite: 'echt PGlite'
};

const ms = (x: number | undefined) =>
	x === undefined || Number.isNaN(x) ? '–' : x.toFixed(2).replace('.', ',');

export interface FanoutOordeel {
	ontvangers: number;
	pad: Exclude<Pad, 'raw'>;
	ratioP95: number;
	ratioP50: number;
	verloren: number;
	doelGehaald: boolean;
}

/** Ratio real/raw at p95 per N and real path; the target is judged on it (and on loss). */
export function beoordeel(r: FanoutResultaat): FanoutOordeel[] {
	const uit: FanoutOordeel[] = [];
	for (const n of r.opties.aantallen) {
		const raw = r.scenarios.find((s) => s.pad === 'raw' && s.ontvangers === n);
		for (const s of r.scenarios) {
			if (s.ontvangers !== n || s.pad === 'raw') continue;
			const ratioP95 = raw ? s.alleClients.p95 / raw.alleClients.p95 : NaN;
			uit.push({
				ontvangers: n,
				pad: s.pad,
				ratioP95,
				ratioP50: raw ? s.alleClients.p50 / raw.alleClients.p50 : NaN,
				verloren: s.verlies.totaal,
				doelGehaald: ratioP95 <= DOEL_RATIO_P95 && s.verlies.totaal === 0
			});
		}
	}
	return uit;
}

/** The printed table. */
export function fanoutTabel(r: FanoutResultaat): string {
	const o = r.opties;
	const kop = [
		'   N',
		'pad'.padEnd(16),
		'p50'.padStart(7),
		'p95'.padStart(7),
		'p99'.padStart(7),
		'max'.padStart(7),
		'client p95'.padStart(11),
		'POST p95'.padStart(9),
		'verloren'.padStart(9)
	].join('  ');
	const regels = [
		`Realtime fan-out in één kamer (${o.kamer}): ${o.gebeurtenissen} gebeurtenissen (+${o.opwarmen} opwarmen), elke ${o.intervalMs} ms; ontvangers over ${o.processen} processen`,
		'Latentie in ms van commit (e.t) tot de LAATSTE ontvanger, per gebeurtenis (p50/p95/p99/max);',
		"'client p95' = over alle (ontvanger, gebeurtenis)-paren; 'POST p95' = rondreis van het formulier.",
		`De paden lopen tegelijk en worden om beurten gemeten (${o.blokken} blokken per pad).`,
		'',
		kop,
		'-'.repeat(kop.length)
	];
	const oordelen = beoordeel(r);
	for (const n of o.aantallen) {
		for (const s of r.scenarios.filter((x) => x.ontvangers === n)) {
			const v = s.verlies;
			regels.push(
				[
					String(n).padStart(4),
					PAD_NAAM[s.pad].padEnd(16),
					ms(s.alleClients.p50).padStart(7),
					ms(s.alleClients.p95).padStart(7),
					ms(s.alleClients.p99).padStart(7),
					ms(s.alleClients.max).padStart(7),
					ms(s.perClient.p95).padStart(11),
					ms(s.post?.p95).padStart(9),
					String(v.totaal).padStart(9)
				].join('  ') +
					(v.totaal || v.verbroken
						? `  (ontbrekend ${v.ontbrekend}, dubbel ${v.dubbel}, onverwacht ${v.onverwacht}, verbroken ${v.verbroken})`
						: '')
			);
		}
		for (const d of oordelen.filter((x) => x.ontvangers === n)) {
			regels.push(
				`      ${`ratio ${PAD_NAAM[d.pad]}/raw bij p95:`.padEnd(34)} ${d.ratioP95.toFixed(2).replace('.', ',')}×  (p50: ${d.ratioP50.toFixed(2).replace('.', ',')}×)  ${d.doelGehaald ? '✓ doel gehaald' : '✗ doel niet gehaald'}`
			);
		}
		regels.push('');
	}
	const { start, einde, cores } = r.belasting;
	const fmt = (x: number) => x.toFixed(1).replace('.', ',');
	regels.push(
		`belasting (load average, 1 min, telt deze bench zelf mee): ${fmt(start)} bij de start, ${fmt(einde)} aan het eind, ${cores} cores` +
			(Math.max(start, einde) > 2 * cores
				? ' — LET OP: de machine was druk bezet, de cijfers zijn onbetrouwbaar'
				: '')
	);
	regels.push(
		`doel: ≤ ${String(DOEL_RATIO_P95).replace('.', ',')}× raw bij p95, 0 verloren (PostgreSQL is het productiepad; PGlite draait in de Node-thread)`
	);
	return regels.join('\n');
}
