import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from './server';

declare module 'vitest' {
	export interface ProvidedContext {
		/**
		 * A PGlite data dir with the demo loaded (default settings), and the log of the server
		 * that loaded it (it holds the PRT kiosk link, printed only when the demo is loaded).
		 */
		demoSjabloon: { dir: string; logs: string } | null;
	}
}

/**
 * Loads the demo once per run, for the end-to-end and the server files: startServer() then starts
 * each file's own server on a copy of this data dir (~1 s) instead of a fresh one (~5 s: PGlite
 * creates its dir, migrations, the demo seed, the synthetic figures). Every file still has a
 * database of its own, so nothing a file changes is seen by another.
 */
export default async function setup(project: TestProject) {
	// Without boundaries: a file that wants them names its source; the import runs at its start.
	const server = await startServer({
		env: { GEO_GEMEENTEN_SOURCE: '', GEO_PROVINCIES_SOURCE: '' },
		bewaarData: true
	});
	const logs = server.logs();
	await server.stop();
	if (!server.dataDir) throw new Error('Demosjabloon zonder PGlite-map');
	project.provide('demoSjabloon', { dir: server.dataDir, logs });
	return () => rmSync(server.dataDir!, { recursive: true, force: true });
}
