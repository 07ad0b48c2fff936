// @ts-check
import { BaseSequencer } from 'vitest/node';

/**
 * Files that run long (they start processes, servers or browsers), longest first: started
 * before the rest, so that the workers finish together instead of one of them running a long
 * file alone at the end. Vitest orders by the durations of the previous run when it has them,
 * but a fresh clone (CI) has none and then orders by file size, which puts some of these last.
 */
const LANG = [
	'tests/cli/db-scripts.test.ts',
	'tests/cli/geo-import.test.ts',
	'tests/cli/assess.test.ts',
	'tests/e2e/kaart.e2e.ts',
	'tests/e2e/screenshots.e2e.ts',
	'tests/e2e/verslag-editor.e2e.ts',
	'tests/e2e/vergadering.e2e.ts',
	'tests/e2e/login.e2e.ts',
	'tests/e2e/herverdeling.e2e.ts',
	'tests/server/route-matrix.test.ts',
	'tests/e2e/dev.e2e.ts',
	'tests/e2e/verslag-samen.e2e.ts'
];

/** @param {import('vitest/node').TestSpecification} f */
function rang(f) {
	const i = LANG.findIndex((p) => f.moduleId.endsWith(p));
	return i === -1 ? LANG.length : i;
}

export default class LangsteEerst extends BaseSequencer {
	/** @param {import('vitest/node').TestSpecification[]} files */
	async sort(files) {
		return (await super.sort(files)).sort((a, b) => rang(a) - rang(b));
	}
}
