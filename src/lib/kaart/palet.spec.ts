import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { TREDEN } from '$lib/domain/ladder/trede';
import TredeLabel from '$lib/components/toezicht/TredeLabel.svelte';
import { GEEN_STAND_KLEUR, PALET, TREDE_KLEUREN, tredeKleur } from './palet';

// Colour science for the checks (kept here: the app itself needs none of it).
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
const lineair = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
type Mat = [number[], number[], number[]];

/** Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB. */
const ZIENSWIJZEN: Record<string, Mat | null> = {
	normaal: null,
	deuteranopie: [
		[0.367322, 0.860646, -0.227968],
		[0.280085, 0.672501, 0.047413],
		[-0.01182, 0.04294, 0.968881]
	],
	protanopie: [
		[0.152286, 1.052583, -0.204868],
		[0.114503, 0.786281, 0.099216],
		[-0.003882, -0.048116, 1.051998]
	],
	tritanopie: [
		[1.255528, -0.076749, -0.178779],
		[-0.078411, 0.930809, 0.147602],
		[0.004733, 0.691367, 0.3039]
	]
};

function lab(hex: string, m: Mat | null = null): [number, number, number] {
	let v = rgb(hex).map(lineair);
	if (m) v = m.map((r) => Math.min(1, Math.max(0, r[0]! * v[0]! + r[1]! * v[1]! + r[2]! * v[2]!)));
	const [r, g, b] = v as [number, number, number];
	const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: string, b: string, m: Mat | null) => {
	const [p, q] = [lab(a, m), lab(b, m)];
	return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

function contrast(a: string, b: string): number {
	const l = (hex: string) => {
		const [r, g, bl] = rgb(hex).map(lineair) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [l(a), l(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

describe('het ladderpalet', () => {
	it('has a colour for every trede, in ladder order', () => {
		expect(PALET.map((p) => p.trede)).toEqual([...TREDEN]);
		expect(Object.keys(TREDE_KLEUREN).sort()).toEqual([...TREDEN].sort());
		expect(new Set(PALET.map((p) => p.vlak)).size).toBe(TREDEN.length);
		expect(tredeKleur(null)).toBe(GEEN_STAND_KLEUR);
		expect(tredeKleur('3B')).toBe(TREDE_KLEUREN['3B']);
	});

	it('gets darker with every step up the ladder (readable in greyscale)', () => {
		const l = PALET.map((p) => lab(p.vlak)[0]);
		for (let i = 1; i < l.length; i++) expect(l[i]!).toBeLessThan(l[i - 1]!);
		// From trede 1 on, each step is clearly darker than the one before.
		for (let i = 2; i < l.length; i++) expect(l[i - 1]! - l[i]!).toBeGreaterThanOrEqual(8);
	});

	it.each(Object.entries(ZIENSWIJZEN))(
		'keeps neighbouring treden apart with %s (ΔE ≥ 10)',
		(_naam, m) => {
			for (let i = 1; i < PALET.length; i++) {
				expect(deltaE(PALET[i - 1]!.vlak, PALET[i]!.vlak, m)).toBeGreaterThanOrEqual(10);
			}
			// "No judgement" grey is told apart from every trede as well.
			for (const p of PALET) expect(deltaE(p.vlak, GEEN_STAND_KLEUR.vlak, m)).toBeGreaterThan(10);
		}
	);

	it('prints label text with a contrast of at least 4.5:1 on every fill', () => {
		for (const k of [...PALET, GEEN_STAND_KLEUR]) {
			expect(contrast(k.vlak, k.tekst), k.vlak).toBeGreaterThanOrEqual(4.5);
		}
	});

	it('is the palette of the trede labels in tables, too', () => {
		for (const t of TREDEN) {
			const { body } = render(TredeLabel, { props: { trede: t } });
			expect(body).toContain(`background-color: ${TREDE_KLEUREN[t].vlak}`);
			expect(body).toContain(`color: ${TREDE_KLEUREN[t].tekst}`);
		}
	});
});
