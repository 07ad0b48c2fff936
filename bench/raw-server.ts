/**
 * The baseline for the fan-out benchmark: a plain Socket.IO server (same options as the app's
 * hub, in-memory adapter, no auth, no database) in its own process. 'kamer:volgen' just joins
 * the room; on command it broadcasts events shaped like the app's, with t = time of the emit.
 */
import http from 'node:http';
import { Server } from 'socket.io';
import { SOCKET_OPTIONS } from '../src/lib/server/realtime/hub.js';
import type { LiveGebeurtenis, VolgAntwoord } from '../src/lib/realtime/events';
import {
	benchTekst,
	gepaceerd,
	nu,
	type NaarRawServer,
	type VanRawServer
} from './fanout-protocol';

const server = http.createServer();
const io = new Server(server, SOCKET_OPTIONS);
let seq = 0;

function stuur(m: VanRawServer) {
	process.send!(m);
}

io.on('connection', (socket) => {
	socket.on('kamer:volgen', (req: { kamer: string }, ack: (a: VolgAntwoord) => void) => {
		void Promise.resolve(socket.join(req.kamer)).then(() =>
			ack({ ok: true, seq, gemist: [], volledigVerversen: false })
		);
	});
});

process.on('message', (m: NaarRawServer) => {
	if (m.type !== 'zend') return;
	gepaceerd(m.aantal, m.intervalMs, (i) => {
		seq++;
		const t = nu();
		const e: LiveGebeurtenis = {
			kamer: m.kamer,
			seq,
			type: 'mededeling.geplaatst',
			payload: {
				id: seq,
				tekst: benchTekst(i),
				auteur: 'Sanne Bakker',
				createdAt: new Date(t).toISOString()
			},
			at: new Date(t).toISOString(),
			t
		};
		io.to(m.kamer).emit('gebeurtenis', e);
	}).then(
		() => stuur({ type: 'klaar', laatsteSeq: seq }),
		(err: unknown) => stuur({ type: 'fout', bericht: String(err) })
	);
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
	const a = server.address();
	stuur({ type: 'luistert', port: typeof a === 'object' && a ? a.port : 0 });
});
