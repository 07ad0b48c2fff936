import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../../scripts/pg-throwaway.js';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Admin URL of the PostgreSQL server the tests may create databases on. */
		pgAdminUrl: string;
	}
}

/**
 * One PostgreSQL server per test run: TEST_DATABASE_URL when given, otherwise a throwaway
 * cluster from Debian's postgresql package (started here, removed afterwards).
 */
export default async function setup(project: TestProject) {
	const given = process.env.TEST_DATABASE_URL;
	if (given) {
		project.provide('pgAdminUrl', given);
		return;
	}
	const pg = await startThrowawayPostgres();
	project.provide('pgAdminUrl', pg.url);
	return () => pg.stop();
}
