/**
 * Issue 4 §6: MapLibre is loaded only on pages that show a map. Checked on the client manifest
 * of the production build (`npx vite build` first, as for every server test): for each layout
 * and page, the files the browser loads up front (static imports) and what it may load later.
 */
import { describe, expect, it } from 'vitest';
import { analyseerBundels } from '../../bench/kaart-bundel';

const KAARTPAGINAS = [
	'src/routes/(app)/kaart/[provincie=provincie]/+page.svelte',
	'src/routes/(app)/regietafels/[tafelId=id]/stand/[halfjaar=halfjaar]/+page.svelte',
	// The shared screen and the kiosk show the map next to a "stand van zaken" agendapunt.
	'src/routes/(scherm)/regietafels/[tafelId=id]/vergaderingen/[vergaderingId=id]/scherm/+page.svelte',
	'src/routes/kiosk/[token]/+page.svelte',
	'src/routes/kiosk/[token]/kaart/+page.svelte'
];

describe('MapLibre in de bundels', () => {
	const a = analyseerBundels();

	it('is a chunk of its own, with its CSS and worker', () => {
		expect(a.maplibre.bytes).toBeGreaterThan(500 * 1024);
		expect(a.maplibre.css.length).toBeGreaterThan(0);
		expect(a.maplibre.worker).toMatch(/maplibre-gl-worker/);
	});

	it('is loaded up front by no layout or page', () => {
		expect(a.regels.length).toBeGreaterThan(20);
		expect(a.regels.filter((r) => r.maplibreStatisch).map((r) => r.component)).toEqual([]);
		// Not even the map pages: they import it when the map mounts.
		for (const r of a.regels) expect(r.bytes, r.component).toBeLessThan(a.maplibre.bytes / 2);
	});

	it('is reachable (lazily) only from the pages that show a map', () => {
		expect(
			a.regels
				.filter((r) => r.maplibreLazy)
				.map((r) => r.component)
				.sort()
		).toEqual([...KAARTPAGINAS].sort());
	});
});
