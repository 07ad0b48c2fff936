/**
 * Receiver worker for the fan-out benchmark (forked by bench/fanout.ts, run through tsx): opens
 * `aantal` Socket.IO connections, joins one room with 'kamer:volgen' like the browser does, and
 * records for every 'gebeurtenis' its seq and receiveTime − e.t.
 */
import { io, type Socket } from 'socket.io-client';
import type { LiveGebeurtenis, VolgAntwoord } from '../src/lib/realtime/events';
import {
	nu,
	type NaarOntvanger,
	type OntvangerMonsters,
	type VanOntvanger
} from './fanout-protocol';

interface Ontvanger {
	socket: Socket;
	monsters: OntvangerMonsters;
	laatste: number;
}

const ontvangers = new Map<string, Ontvanger[]>();

function stuur(m: VanOntvanger) {
	process.send!(m);
}

async function verbindEen(url: string, cookie: string | undefined, kamer: string) {
	const socket = io(url, {
		path: '/socket.io',
		transports: ['websocket'],
		extraHeaders: cookie ? { cookie } : undefined,
		forceNew: true,
		reconnection: false,
		timeout: 30_000
	});
	const o: Ontvanger = {
		socket,
		monsters: { seqs: [], latenties: [], verbroken: false },
		laatste: 0
	};
	socket.on('gebeurtenis', (e: LiveGebeurtenis) => {
		const ontvangen = nu();
		if (e.kamer !== kamer) return;
		o.monsters.seqs.push(e.seq);
		o.monsters.latenties.push(ontvangen - e.t);
		if (e.seq > o.laatste) o.laatste = e.seq;
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', (err) => reject(new Error(`verbinden: ${err.message}`)));
	});
	socket.on('disconnect', (reason) => {
		if (reason !== 'io client disconnect') o.monsters.verbroken = true;
	});
	const antwoord = (await socket
		.timeout(30_000)
		.emitWithAck('kamer:volgen', { kamer })) as VolgAntwoord;
	if (!antwoord.ok) throw new Error(`kamer:volgen geweigerd: ${antwoord.fout}`);
	return { o, seq: antwoord.seq };
}

async function wacht(label: string, laatsteSeq: number, timeoutMs: number) {
	const lijst = ontvangers.get(label) ?? [];
	const deadline = Date.now() + timeoutMs;
	while (lijst.some((o) => o.laatste < laatsteSeq) && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 5));
	}
	return lijst.filter((o) => o.laatste < laatsteSeq).length;
}

async function verzamel(label: string) {
	// A little longer, so that late duplicates are counted too.
	await new Promise((r) => setTimeout(r, 100));
	return (ontvangers.get(label) ?? []).map((o) => o.monsters);
}

function sluit() {
	for (const lijst of ontvangers.values()) for (const o of lijst) o.socket.disconnect();
	ontvangers.clear();
}

async function verwerk(m: NaarOntvanger): Promise<VanOntvanger> {
	switch (m.type) {
		case 'verbind': {
			const r = await Promise.all(
				Array.from({ length: m.aantal }, (_, i) =>
					verbindEen(m.url, m.cookies[i % Math.max(1, m.cookies.length)], m.kamer)
				)
			);
			ontvangers.set(m.label, [...(ontvangers.get(m.label) ?? []), ...r.map((x) => x.o)]);
			return { type: 'verbonden', joinSeqs: r.map((x) => x.seq) };
		}
		case 'wacht':
			return { type: 'gewacht', achter: await wacht(m.label, m.laatsteSeq, m.timeoutMs) };
		case 'verzamel':
			return { type: 'monsters', clients: await verzamel(m.label) };
		case 'sluit':
			sluit();
			return { type: 'gesloten' };
	}
}

process.on('message', (m: NaarOntvanger) => {
	verwerk(m).then(stuur, (err: unknown) =>
		stuur({ type: 'fout', bericht: err instanceof Error ? err.message : String(err) })
	);
});
process.on('disconnect', () => process.exit(0));
