import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { realtimePlugin } from './scripts/realtime-plugin.js';
import LangsteEerst from './tests/helpers/volgorde.js';

export default defineConfig({
	plugins: [sveltekit(), realtimePlugin()],
	server: { port: Number(process.env.PORT ?? 5173) },
	test: {
		expect: { requireAssertions: true },
		sequence: { sequencer: LangsteEerst },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					// Files share a worker process and its loaded modules (PGlite, drizzle, the
					// services): about half the run time. Tests therefore leave no state behind:
					// testDatabase() puts environment variables back, stubs are undone in afterEach.
					isolate: false,
					include: ['src/**/*.spec.ts', 'tests/cli/**/*.test.ts'],
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'integration-pglite',
					environment: 'node',
					isolate: false,
					include: ['tests/integration/**/*.test.ts'],
					env: { TEST_DB: 'pglite' },
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'integration-postgres',
					environment: 'node',
					isolate: false,
					include: ['tests/integration/**/*.test.ts'],
					env: { TEST_DB: 'postgres' },
					globalSetup: ['tests/helpers/postgres-global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'server',
					environment: 'node',
					isolate: false,
					include: ['tests/server/**/*.test.ts'],
					// The demo loaded once, as for the e2e files: a PGlite server starts from a copy.
					globalSetup: [
						'tests/helpers/postgres-global-setup.ts',
						'tests/helpers/e2e-global-setup.ts'
					],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					isolate: false,
					include: ['tests/e2e/**/*.e2e.ts'],
					globalSetup: ['tests/helpers/e2e-global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
					// Files run side by side (each has its own server and browser; a file's tests run
					// in order); how many at once is set by --maxWorkers in package.json.
				}
			}
		]
	}
});
