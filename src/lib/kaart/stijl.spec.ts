import { describe, expect, it } from 'vitest';
// MapLibre's own style specification (a dependency of maplibre-gl): validates the style and
// evaluates its expressions as the map would.
import { Color, expression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { TREDEN } from '$lib/domain/ladder/trede';
import { GEEN_STAND_KLEUR, TREDE_KLEUREN } from './palet';
import { BRON, GEWIJZIGD_KLEUR, kaartLagen, LAAG, leegStijl, vlakKleur } from './stijl';

function stijl(metAchtergrond = false) {
	const s = leegStijl();
	s.sources[BRON] = {
		type: 'geojson',
		data: { type: 'FeatureCollection', features: [] },
		promoteId: 'code'
	};
	s.layers.push(...kaartLagen({ metAchtergrond, regioIds: [1, 2] }));
	return s;
}

function evalueer(expr: unknown, state: Record<string, unknown>, type: 'color' | 'number') {
	const e = expression.createExpression(expr, {
		type,
		expression: { interpolated: false, parameters: ['zoom', 'feature', 'feature-state'] },
		'property-type': 'data-driven'
	} as never);
	if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
	const v = e.value.evaluate({ zoom: 8 }, { type: 2, properties: {} } as never, state);
	if (type !== 'color') return v;
	const c = (typeof v === 'string' ? Color.parse(v) : v) as Color;
	return `rgba(${[c.r, c.g, c.b].map((x) => Math.round((x / c.a) * 255)).join(',')},${c.a})`;
}

const rgba = (hex: string) => {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
	return `rgba(${r},${g},${b},1)`;
};

describe('de kaartstijl', () => {
	it('is a valid MapLibre style, without anything from the network', () => {
		expect(validateStyleMin(stijl())).toEqual([]);
		expect(validateStyleMin(stijl(true))).toEqual([]);
		expect(JSON.stringify(leegStijl())).not.toMatch(/https?:|glyphs|sprite/);
	});

	it('colours a gemeente by the trede in its feature state, from the shared palette', () => {
		for (const t of TREDEN) {
			expect(evalueer(vlakKleur(), { trede: t }, 'color')).toBe(rgba(TREDE_KLEUREN[t].vlak));
		}
		expect(evalueer(vlakKleur(), {}, 'color')).toBe(rgba(GEEN_STAND_KLEUR.vlak));
		expect(evalueer(vlakKleur(), { trede: null }, 'color')).toBe(rgba(GEEN_STAND_KLEUR.vlak));
	});

	it('fades gemeenten outside the chosen regio and outlines changed and active ones', () => {
		const lagen = kaartLagen({ metAchtergrond: false });
		const vlak = lagen.find((l) => l.id === LAAG.vlak)!;
		const dekking = (vlak.paint as Record<string, unknown>)['fill-opacity'];
		expect(evalueer(dekking, {}, 'number')).toBe(1);
		expect(evalueer(dekking, { buiten: true }, 'number')).toBe(0.25);
		const accent = lagen.find((l) => l.id === LAAG.accent)!.paint as Record<string, unknown>;
		expect(evalueer(accent['line-width'], {}, 'number')).toBe(0);
		expect(evalueer(accent['line-width'], { gewijzigd: true }, 'number')).toBe(6);
		expect(evalueer(accent['line-color'], { gewijzigd: true }, 'color')).toBe(
			rgba(GEWIJZIGD_KLEUR)
		);
		expect(evalueer(accent['line-width'], { actief: true, gewijzigd: true }, 'number')).toBe(4);
		// On a shared screen every line is twice as wide.
		const groot = kaartLagen({ metAchtergrond: false, schaal: 2 });
		const a2 = groot.find((l) => l.id === LAAG.accent)!.paint as Record<string, unknown>;
		expect(evalueer(a2['line-width'], { gewijzigd: true }, 'number')).toBe(12);
	});

	it('is a little transparent over a base map', () => {
		const vlak = kaartLagen({ metAchtergrond: true }).find((l) => l.id === LAAG.vlak)!;
		expect(evalueer((vlak.paint as Record<string, unknown>)['fill-opacity'], {}, 'number')).toBe(
			0.8
		);
	});
});
