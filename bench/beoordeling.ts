/**
 * Engine benchmark (issue 3, performance): assess 342 gemeenten × 20 consecutive periods with the
 * pure engine (midpoint + end per period, so 13 680 assessments including their Dutch
 * explanations). The figures are synthetic and deterministic (seeded), shaped like real ones.
 */
import { beoordeelTraject, type TrajectInvoer } from '../src/lib/domain/ladder/beoordeling';
import { STANDAARD_BELEID } from '../src/lib/domain/ladder/beleidskader';
import { volgendHalfjaar, type Halfjaar } from '../src/lib/domain/periode/halfjaar';

/** mulberry32: a small seeded generator, so every run assesses the same data. */
export function random(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function synthetischeTrajecten(gemeenten = 342, perioden = 20): TrajectInvoer[] {
	const r = random(20260101);
	const eerste: Halfjaar = { jaar: 2016, helft: 1 };
	return Array.from({ length: gemeenten }, (_, g) => {
		let periode = eerste;
		const basis = 5 + Math.floor(r() * 200);
		return {
			gemeente: `GM${String(g + 1).padStart(4, '0')}`,
			startTrede: '0' as const,
			startSaldo: 0,
			perioden: Array.from({ length: perioden }, (_, i) => {
				if (i > 0) periode = volgendHalfjaar(periode);
				const taakstelling = Math.round(basis * (0.5 + r()));
				const tempo = 0.6 + r() * 0.6;
				return {
					periode,
					taakstelling,
					beleid:
						i % 7 === 3
							? {
									...STANDAARD_BELEID,
									midpointThreshold: 0.7,
									notRising: [{ kind: 'fractionOfOpgave' as const, fraction: 0.7 }]
								}
							: STANDAARD_BELEID,
					midden: {
						gerealiseerd: Math.round((taakstelling * tempo) / 2),
						koppelingen: Math.round(taakstelling * r())
					},
					eind: {
						gerealiseerd: Math.round(taakstelling * tempo),
						huurcontracten: r() < 0.2 ? Math.round(r() * 10) : 0,
						omkoppelingen: r() < 0.1 ? 1 : 0,
						stapelgemeenteMaanden: r() < 0.05 ? 4 : 0,
						stapelgemeenteInLaatsteMaand: r() < 0.05
					}
				};
			})
		};
	});
}

export interface EngineResultaat {
	gemeenten: number;
	perioden: number;
	beoordelingen: number;
	runsMs: number[];
	medianMs: number;
	perBeoordelingUs: number;
}

export function runEngine(rondes = 7): EngineResultaat {
	const trajecten = synthetischeTrajecten();
	const runsMs: number[] = [];
	let beoordelingen = 0;
	for (let i = 0; i < rondes; i++) {
		const t0 = performance.now();
		beoordelingen = 0;
		for (const t of trajecten) {
			const r = beoordeelTraject(t);
			if (!r.ok) throw new Error(`ongeldig synthetisch traject ${t.gemeente}`);
			beoordelingen += r.beoordelingen.length;
		}
		runsMs.push(performance.now() - t0);
	}
	const gesorteerd = [...runsMs].sort((a, b) => a - b);
	const medianMs = gesorteerd[Math.floor(gesorteerd.length / 2)]!;
	return {
		gemeenten: trajecten.length,
		perioden: trajecten[0]!.perioden.length,
		beoordelingen,
		runsMs,
		medianMs,
		perBeoordelingUs: (medianMs * 1000) / beoordelingen
	};
}

export function engineTabel(r: EngineResultaat): string {
	const f = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
	return [
		`Interventieladder: ${r.gemeenten} gemeenten × ${r.perioden} perioden = ${r.beoordelingen} beoordelingen (midden + einde, met toelichting)`,
		`  mediaan ${f(r.medianMs)} ms per volledige herberekening (${r.runsMs.length} rondes, eerste incl. opwarmen: ${f(r.runsMs[0]!)} ms)`,
		`  ${f(r.perBeoordelingUs)} µs per beoordeling`
	].join('\n');
}
