// @ts-check
/**
 * Production server: adapter-node's handler on a plain Node HTTP server with Socket.IO on the
 * same port. `npm run build && npm start`. Honours PORT, HOST and ORIGIN like adapter-node.
 */
import http from 'node:http';
import { attachRealtime } from '../src/lib/server/realtime/hub.js';
import { printBanner } from './banner.js';

process.env.NODE_ENV ??= 'production';
// adapter-node refuses bodies over BODY_SIZE_LIMIT (default 512K) before any action runs. Let
// uploads up to twice the larger of IMPORT_MAX_BYTES and BIJLAGE_MAX_BYTES through, so that the
// page itself can answer a too large file with a Dutch message instead of a bare 413.
const importMax = Number(process.env.IMPORT_MAX_BYTES) || 5 * 1024 * 1024;
const bijlageMax = Number(process.env.BIJLAGE_MAX_BYTES) || 10 * 1024 * 1024;
process.env.BODY_SIZE_LIMIT ??= String(2 * Math.max(importMax, bijlageMax) + 1024 * 1024);
// Importing the handler runs SvelteKit's init hook: migrations, demo data, realtime handlers.
const handlerModule = '../build/handler.js';
/** @type {{ handler: (req: http.IncomingMessage, res: http.ServerResponse) => void }} */
const { handler } = await import(handlerModule);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const server = http.createServer((req, res) => handler(req, res));
await attachRealtime(server, { databaseUrl: process.env.DATABASE_URL });

server.listen(port, host, () => {
	printBanner(process.env.ORIGIN ?? `http://localhost:${port}`);
});

let stopping = false;
/** @param {string} signal */
function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`[regietafel] ${signal}: afsluiten…`);
	server.closeAllConnections?.();
	server.close(() => {
		// adapter-node emits sveltekit:shutdown, on which the database closes.
		// @ts-expect-error custom event name
		process.emit('sveltekit:shutdown', signal);
		setTimeout(() => process.exit(0), 200).unref();
	});
	setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
