/**
 * MapLibre GL, loaded only by pages that show a map: KaartGL.svelte imports this module with a
 * dynamic `import()`, so Vite puts MapLibre (≈ 1 MB), its CSS and its worker in a chunk of
 * their own that other pages never load (README: "Kaart in de browser" shows how to check).
 * Vite does not copy MapLibre 6's worker by itself: without setWorkerUrl the background
 * paints and the GeoJSON never does (STACK.md pitfall 5).
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };
