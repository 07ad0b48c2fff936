/**
 * Which browser code each page loads (issue 4 §6: "MapLibre is loaded only on pages that show
 * a map"). Reads Vite's client manifest of the last `vite build` and, per SvelteKit node (a
 * layout or page), follows its static imports: what the browser fetches when the page opens.
 * MapLibre (its module, CSS and worker) must be reachable only through a dynamic import, and
 * only from pages that show a map. Printed by the `kaart-live` bench, asserted by
 * tests/server/kaart-bundel.test.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestItem {
	file: string;
	src?: string;
	isEntry?: boolean;
	isDynamicEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
	assets?: string[];
}
type Manifest = Record<string, ManifestItem>;

export interface BundelRegel {
	/** The layout or page component (src/routes/…). */
	component: string;
	/** JS and CSS files the browser loads for it up front (static imports). */
	bestanden: number;
	/** Their size, raw and gzip (bytes). */
	bytes: number;
	gzip: number;
	/** MapLibre among the static imports (must never be). */
	maplibreStatisch: boolean;
	/** MapLibre reachable through a dynamic import (only pages with a map). */
	maplibreLazy: boolean;
}

export interface BundelAnalyse {
	regels: BundelRegel[];
	maplibre: { chunk: string; bytes: number; gzip: number; css: string[]; worker: string | null };
}

const ROOT = path.resolve(import.meta.dirname, '..');

export function analyseerBundels(root = ROOT): BundelAnalyse {
	const client = path.join(root, '.svelte-kit/output/client');
	const manifestPad = path.join(client, '.vite/manifest.json');
	if (!existsSync(manifestPad)) throw new Error('Geen build: draai eerst `npx vite build`.');
	const manifest = JSON.parse(readFileSync(manifestPad, 'utf8')) as Manifest;
	const sleutel = Object.keys(manifest).find((k) => k.endsWith('src/lib/kaart/maplibre.ts'));
	if (!sleutel) throw new Error('src/lib/kaart/maplibre.ts staat niet in de manifest.');
	const ml = manifest[sleutel]!;
	// The module that really is MapLibre: the lazy entry and everything only it imports.
	const mlBestanden = new Set([ml.file, ...(ml.css ?? [])]);
	const worker = Object.values(manifest).find((v) => /maplibre-gl-worker/.test(v.file))?.file;
	if (worker) mlBestanden.add(worker);

	const grootte = (f: string) => {
		const p = path.join(client, f);
		if (!existsSync(p)) return { bytes: 0, gzip: 0 };
		return { bytes: statSync(p).size, gzip: gzipSync(readFileSync(p)).length };
	};

	function statisch(k: string, gezien = new Set<string>()): Set<string> {
		if (gezien.has(k)) return gezien;
		gezien.add(k);
		for (const i of manifest[k]?.imports ?? []) statisch(i, gezien);
		return gezien;
	}
	function bereikbaar(k: string, gezien = new Set<string>()): Set<string> {
		if (gezien.has(k)) return gezien;
		gezien.add(k);
		const v = manifest[k];
		for (const i of [...(v?.imports ?? []), ...(v?.dynamicImports ?? [])]) bereikbaar(i, gezien);
		return gezien;
	}

	const regels: BundelRegel[] = [];
	for (const k of Object.keys(manifest)) {
		const m = /generated\/client-optimized\/nodes\/(\d+)\.js$/.exec(k);
		if (!m) continue;
		const bron = readFileSync(
			path.join(root, '.svelte-kit/generated/client-optimized/nodes', `${m[1]}.js`),
			'utf8'
		);
		const component = /src\/routes\/[^"']+/.exec(bron)?.[0];
		// Nodes without a component (a +page.server.ts that only redirects) load nothing.
		if (!component) continue;
		const sleutels = statisch(k);
		const bestanden = new Set<string>();
		for (const s of sleutels) {
			const item = manifest[s]!;
			bestanden.add(item.file);
			for (const c of item.css ?? []) bestanden.add(c);
		}
		const maten = [...bestanden].map(grootte);
		regels.push({
			component,
			bestanden: bestanden.size,
			bytes: maten.reduce((t, x) => t + x.bytes, 0),
			gzip: maten.reduce((t, x) => t + x.gzip, 0),
			maplibreStatisch: [...bestanden].some((f) => mlBestanden.has(f)),
			maplibreLazy: bereikbaar(k).has(sleutel) && !sleutels.has(sleutel)
		});
	}
	regels.sort((a, b) => a.component.localeCompare(b.component));
	const g = grootte(ml.file);
	return {
		regels,
		maplibre: { chunk: ml.file, ...g, css: ml.css ?? [], worker: worker ?? null }
	};
}

export function bundelTabel(a: BundelAnalyse): string {
	const kb = (n: number) =>
		`${(n / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} KB`;
	return [
		`MapLibre: ${a.maplibre.chunk} (${kb(a.maplibre.bytes)}, gzip ${kb(a.maplibre.gzip)}), CSS ${a.maplibre.css.join(', ') || '—'}, worker ${a.maplibre.worker ?? '—'}`,
		'| component (layout/pagina) | bestanden | JS+CSS vooraf | gzip | MapLibre vooraf | MapLibre lazy |',
		'| --- | --- | --- | --- | --- | --- |',
		...a.regels.map(
			(r) =>
				`| ${r.component.replace(/^src\/routes/, '')} | ${r.bestanden} | ${kb(r.bytes)} | ${kb(r.gzip)} | ${r.maplibreStatisch ? 'JA' : 'nee'} | ${r.maplibreLazy ? 'ja' : '—'} |`
		)
	].join('\n');
}
