// @ts-check
/**
 * The realtime host: creates the Socket.IO server on an HTTP server. Plain ESM JavaScript with
 * JSDoc types on purpose: it is imported by vite.config.ts (dev), by scripts/server.js (prod,
 * plain Node 20 without a TypeScript loader) and by the SvelteKit bundle. Those are different
 * module instances, so the state lives on globalThis under one symbol.
 *
 * The host knows nothing about sessions or rooms: the app registers its handlers with
 * `registerRealtimeApp` (from the `init` hook); until then, connections wait.
 */
import { Server } from 'socket.io';

/**
 * @typedef {object} RealtimeApp
 * @property {(socket: import('socket.io').Socket) => Promise<void>} authenticate throws to refuse
 * @property {(io: Server, socket: import('socket.io').Socket) => void} onConnection
 */

/**
 * @typedef {object} HubState
 * @property {WeakMap<object, Server>} servers io per HTTP server (Vite makes a new one on restart)
 * @property {Server | null} current the io that publishers use
 * @property {RealtimeApp | null} app
 * @property {Array<(app: RealtimeApp) => void>} waiting
 * @property {WeakSet<Server>} [clustered] io instances with the Postgres adapter (several processes)
 */

const KEY = Symbol.for('regietafel.realtime.hub');

/** @returns {HubState} */
function state() {
	const g = /** @type {Record<symbol, HubState | undefined>} */ (
		/** @type {unknown} */ (globalThis)
	);
	let s = g[KEY];
	if (!s) {
		s = { servers: new WeakMap(), current: null, app: null, waiting: [] };
		g[KEY] = s;
	}
	return s;
}

/** @returns {Promise<RealtimeApp>} */
function appReady() {
	const s = state();
	if (s.app) return Promise.resolve(s.app);
	return new Promise((resolve) => s.waiting.push(resolve));
}

/** @param {RealtimeApp} app */
export function registerRealtimeApp(app) {
	const s = state();
	s.app = app;
	const waiting = s.waiting.splice(0);
	for (const resolve of waiting) resolve(app);
}

/** The Socket.IO server that publishers emit on, or null (scripts, unit tests). */
export function getIo() {
	return state().current;
}

/** Server-to-server event that carries a room emit to the other processes. */
const DOORGEVEN = 'regietafel:doorgeven';

/**
 * Emits to a room: to this process's sockets at once, then to the other processes. A plain
 * `io.to(room).emit()` with the Postgres adapter first awaits the NOTIFY round trip to
 * PostgreSQL and only then writes to the local sockets, which puts a database round trip (and
 * its scheduling delay under load) on the path of every event, even with a single process.
 * @param {Server} io
 * @param {string} room
 * @param {string} event
 * @param {unknown} data
 */
export function emitLocalFirst(io, room, event, data) {
	io.local.to(room).emit(event, data);
	if (state().clustered?.has(io)) io.serverSideEmit(DOORGEVEN, room, event, data);
}

/**
 * Socket.IO options. Pings every 5 s so that a dead path is noticed in ~10 s instead of ~45 s;
 * connection-state recovery replays events missed during short outages (in-memory adapter
 * only; with the Postgres adapter clients catch up from the outbox by sequence number).
 * @type {Partial<import('socket.io').ServerOptions>}
 */
export const SOCKET_OPTIONS = {
	path: '/socket.io',
	serveClient: false,
	pingInterval: 5000,
	pingTimeout: 5000,
	connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false }
};

/**
 * Attaches Socket.IO to an HTTP server (idempotent per server, not per process: Vite creates
 * a new HTTP server when it restarts after a config change).
 * @param {import('node:http').Server} httpServer
 * @param {{ databaseUrl?: string }} [options] with a PostgreSQL URL several processes share events
 * @returns {Promise<Server>}
 */
export async function attachRealtime(httpServer, options = {}) {
	const s = state();
	const existing = s.servers.get(httpServer);
	if (existing) return existing;

	const io = new Server(httpServer, SOCKET_OPTIONS);
	s.servers.set(httpServer, io);
	s.current = io;

	/** @type {{ end: () => Promise<void> } | null} */
	let pool = null;
	if (options.databaseUrl) {
		const [{ default: pg }, { createAdapter }] = await Promise.all([
			import('pg'),
			import('@socket.io/postgres-adapter')
		]);
		const p = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
		p.on('error', (err) => console.error('[realtime] Postgres-adapter:', err.message));
		io.adapter(
			createAdapter(p, { errorHandler: (err) => console.error('[realtime]', err.message) })
		);
		pool = p;
		(s.clustered ??= new WeakSet()).add(io);
		// The other half of emitLocalFirst: deliver another process's emit to our sockets.
		io.on(DOORGEVEN, (/** @type {string} */ room, /** @type {string} */ event, data) => {
			io.local.to(room).emit(event, data);
		});
	}

	io.use((socket, next) => {
		appReady()
			.then((app) => app.authenticate(socket))
			.then(() => next())
			.catch((/** @type {unknown} */ err) =>
				next(err instanceof Error ? err : new Error(String(err)))
			);
	});
	io.on('connection', (socket) => {
		void appReady().then((app) => app.onConnection(io, socket));
	});

	httpServer.once('close', () => {
		if (s.current === io) s.current = null;
		void io.close();
		if (pool) void pool.end();
	});
	return io;
}
