import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROUTE_TOEGANG } from './toegang';

const ROUTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../routes');
const ROUTE_BESTANDEN =
	/^\+(page\.svelte|page\.server\.ts|page\.ts|server\.ts|page\.server\.js|page\.js|server\.js)$/;

/** Route ids (as SvelteKit spells them) of every directory under src/routes that serves a request. */
function routeIds(dir = ROUTES): string[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const ids: string[] = [];
	if (entries.some((e) => e.isFile() && ROUTE_BESTANDEN.test(e.name))) {
		const rel = path.relative(ROUTES, dir).split(path.sep).join('/');
		ids.push(`/${rel}`);
	}
	for (const e of entries) {
		if (e.isDirectory()) ids.push(...routeIds(path.join(dir, e.name)));
	}
	return ids;
}

describe('ROUTE_TOEGANG', () => {
	const opSchijf = routeIds().sort();

	it('finds the routes on disk (sanity check of the scan)', () => {
		expect(opSchijf).toContain('/(app)/regietafels/[tafelId=id]');
		expect(opSchijf).toContain('/api/gezondheid');
		expect(opSchijf).not.toContain('/(app)/beheer/gebruikers/+page.svelte');
	});

	it('has an access rule for every route on disk', () => {
		const ontbrekend = opSchijf.filter((id) => !(id in ROUTE_TOEGANG));
		expect(ontbrekend, 'routes zonder regel in ROUTE_TOEGANG').toEqual([]);
	});

	it('has no rules for routes that no longer exist', () => {
		const verouderd = Object.keys(ROUTE_TOEGANG).filter((id) => !opSchijf.includes(id));
		expect(verouderd, 'regels in ROUTE_TOEGANG zonder route').toEqual([]);
	});

	it('keeps the admin pages behind a beheer right and only the login page and health public', () => {
		const publiek = Object.entries(ROUTE_TOEGANG)
			.filter(([, t]) => t === 'publiek')
			.map(([id]) => id)
			.sort();
		expect(publiek).toEqual(['/(publiek)/inloggen', '/api/gezondheid']);
		for (const [id, t] of Object.entries(ROUTE_TOEGANG)) {
			if (id.startsWith('/(app)/beheer')) {
				expect(typeof t === 'object' && t.actie.startsWith('beheer.'), id).toBe(true);
			}
		}
	});
});
