import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { realtimePlugin } from './scripts/realtime-plugin.js';

export default defineConfig({
	plugins: [sveltekit(), realtimePlugin()],
	server: { port: Number(process.env.PORT ?? 5173) },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'tests/cli/**/*.test.ts'],
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'integration-pglite',
					environment: 'node',
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
					include: ['tests/server/**/*.test.ts'],
					globalSetup: ['tests/helpers/postgres-global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
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
