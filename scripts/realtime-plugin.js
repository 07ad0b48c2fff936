// @ts-check
/**
 * Vite plugin: Socket.IO on Vite's own HTTP server in development (and `vite preview`), so
 * that dev and production share one origin and one realtime setup (src/lib/server/realtime/hub.js).
 */
import { attachRealtime } from '../src/lib/server/realtime/hub.js';
import { printBanner } from './banner.js';

/** @returns {import('vite').Plugin} */
export function realtimePlugin() {
	/** @param {import('node:http').Server | null | undefined} httpServer */
	const setup = (httpServer) => {
		if (!httpServer) return; // middleware mode (tests): no HTTP server of our own
		void attachRealtime(httpServer, { databaseUrl: process.env.DATABASE_URL });
		httpServer.once('listening', () => {
			const address = httpServer.address();
			if (!address || typeof address === 'string') return;
			const origin = `http://localhost:${address.port}`;
			// Warm up SvelteKit: runs the init hook (migrations, demo data) right away and prints
			// the URL and demo logins, instead of on the first visitor's request.
			fetch(`${origin}/api/gezondheid`)
				.then(() => printBanner(origin))
				.catch((/** @type {unknown} */ err) =>
					console.error('[regietafel] opstarten mislukt:', err)
				);
		});
	};
	return {
		name: 'regietafel-realtime',
		configureServer(server) {
			setup(/** @type {import('node:http').Server} */ (server.httpServer));
		},
		configurePreviewServer(server) {
			setup(/** @type {import('node:http').Server} */ (server.httpServer));
		}
	};
}
