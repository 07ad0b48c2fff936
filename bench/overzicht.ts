/**
 * Province overview benchmark (issue 3): the server time of provincieOverzicht() — what the
 * page /toezicht/<provincie>/<halfjaar> loads — for Zuid-Holland (the demo's 50 gemeenten) and
 * for the synthetic provincie PV99 with 342 gemeenten (every gemeente of the country in one
 * provincie: the worst case), each with 4 periods of figures (2025-I … 2026-II, all 24 months,
 * so 8 assessments per gemeente). Then, through the production server on the same data, the
 * HTTP time of the page's __data.json (what a client-side navigation fetches: layout + page
 * load, serialised), logged in as the beheerder (toezicht.bekijken for every provincie).
 * On PGlite the bench closes its database first: a PGlite dir is never shared by two processes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { login, startServer } from '../tests/helpers/server';
import { provincieOverzicht } from '../src/lib/server/services/overzicht';
import { ZUID_HOLLAND_GEMEENTEN } from '../src/lib/server/seed/zuid-holland';
import {
	backends,
	benchDatabase,
	ms,
	rondes,
	spreidingMs,
	synthetischeGemeenten,
	SYNTHETISCHE_PROVINCIE,
	voegGemeentenToe,
	vulCijfers,
	type Backend,
	type SpreidingMs
} from './toezicht-data';

const PERIODE = '2026-II';
const PERIODEN = ['2025-I', '2025-II', '2026-I', '2026-II'];

export interface OverzichtMeting {
	backend: Backend;
	provincie: string;
	gemeenten: number;
	service: SpreidingMs;
	/** GET …/__data.json through the production server; null when there is no build. */
	http: SpreidingMs | null;
	httpBytes: number | null;
}

export interface OverzichtResultaat {
	rondes: number;
	metingen: OverzichtMeting[];
	opmerkingen: string[];
	fouten: string[];
}

async function meet(n: number, fn: () => Promise<unknown>): Promise<number[]> {
	for (let i = 0; i < 3; i++) await fn(); // warm-up, not counted
	const tijden: number[] = [];
	for (let i = 0; i < n; i++) {
		const t0 = performance.now();
		await fn();
		tijden.push(performance.now() - t0);
	}
	return tijden;
}

async function scenario(
	backend: Backend,
	n: number,
	log: (r: string) => void,
	r: OverzichtResultaat
): Promise<void> {
	const b = await benchDatabase(backend, 'bench_overzicht');
	try {
		const synthetisch = synthetischeGemeenten(342);
		await voegGemeentenToe(b.db, synthetisch, 2026);
		const t0 = performance.now();
		await vulCijfers(
			b.db,
			ZUID_HOLLAND_GEMEENTEN.map((g) => g.code),
			{ perioden: PERIODEN, maandenLaatstePeriode: 6, seed: 28 }
		);
		await vulCijfers(
			b.db,
			synthetisch.map((g) => g.code),
			{ perioden: PERIODEN, maandenLaatstePeriode: 6, seed: 99 }
		);
		log(`  ${backend}: gegevens klaar in ${ms(performance.now() - t0)} ms`);
		const provincies = [
			{ code: 'PV28', gemeenten: ZUID_HOLLAND_GEMEENTEN.length },
			{ code: SYNTHETISCHE_PROVINCIE.code, gemeenten: synthetisch.length }
		];
		const metingen: OverzichtMeting[] = [];
		for (const p of provincies) {
			const o = await provincieOverzicht(p.code, PERIODE);
			if (o.rijen.length !== p.gemeenten || o.rijen.some((x) => x.trede === null)) {
				r.fouten.push(`${backend} ${p.code}: ${o.rijen.length} rijen, niet elk met een trede`);
			}
			const tijden = await meet(n, () => provincieOverzicht(p.code, PERIODE));
			metingen.push({
				backend,
				provincie: p.code,
				gemeenten: p.gemeenten,
				service: spreidingMs(tijden),
				http: null,
				httpBytes: null
			});
			log(`  ${backend} ${p.code}: provincieOverzicht p50 ${ms(spreidingMs(tijden).p50)} ms`);
		}

		if (!existsSync(path.resolve(import.meta.dirname, '../build/handler.js'))) {
			r.opmerkingen.push(
				'HTTP overgeslagen: geen build (draai `npx vite build` of `npm run bench`).'
			);
		} else {
			await b.sluit();
			const server = await startServer(
				b.url ? { databaseUrl: b.url } : { env: { PGLITE_DIR: b.dataDir! } }
			);
			try {
				const cookie = await login(server.url, 'beheerder@regietafel.test');
				for (const m of metingen) {
					const url = `${server.url}/toezicht/${m.provincie}/${PERIODE}/__data.json`;
					let bytes = 0;
					const laatste = m.provincie === 'PV28' ? 'GM0599' : `GM${9000 + m.gemeenten}`;
					const tijden = await meet(n, async () => {
						const res = await fetch(url, { headers: { cookie } });
						const tekst = await res.text();
						bytes = tekst.length;
						if (res.status !== 200 || !tekst.includes(laatste)) {
							r.fouten.push(`${backend} ${m.provincie}: HTTP ${res.status} zonder ${laatste}`);
						}
					});
					m.http = spreidingMs(tijden);
					m.httpBytes = bytes;
					log(`  ${backend} ${m.provincie}: __data.json p50 ${ms(m.http.p50)} ms`);
				}
			} finally {
				await server.stop();
			}
		}
		r.metingen.push(...metingen);
	} finally {
		await b.opruimen();
	}
}

export async function runOverzicht(log: (r: string) => void): Promise<OverzichtResultaat> {
	const r: OverzichtResultaat = { rondes: rondes(30), metingen: [], opmerkingen: [], fouten: [] };
	for (const backend of backends()) await scenario(backend, r.rondes, log, r);
	return r;
}

export function overzichtTabel(r: OverzichtResultaat): string {
	const kop = [
		'database'.padEnd(10),
		'provincie'.padEnd(22),
		'service p50'.padStart(11),
		'p95'.padStart(6),
		'HTTP p50'.padStart(9),
		'p95'.padStart(6),
		'kB'.padStart(5)
	].join('  ');
	const regels = [
		`Provincie-overzicht ${PERIODE}: 4 perioden cijfers (${PERIODEN.join(', ')}), 8 beoordelingen per gemeente; ${r.rondes} rondes (+3 opwarmen), ms`,
		"'service' = provincieOverzicht() in het bench-proces; 'HTTP' = GET …/__data.json via de productieserver (inclusief sessie, layout en serialisatie)",
		'',
		kop,
		'-'.repeat(kop.length)
	];
	for (const m of r.metingen) {
		const naam =
			m.provincie === 'PV28'
				? `PV28 (demo, ${m.gemeenten})`
				: `${m.provincie} (synthetisch, ${m.gemeenten})`;
		regels.push(
			[
				m.backend.padEnd(10),
				naam.padEnd(22),
				ms(m.service.p50).padStart(11),
				ms(m.service.p95).padStart(6),
				ms(m.http?.p50).padStart(9),
				ms(m.http?.p95).padStart(6),
				(m.httpBytes === null ? '—' : String(Math.round(m.httpBytes / 1024))).padStart(5)
			].join('  ')
		);
	}
	if (r.opmerkingen.length) regels.push('', ...r.opmerkingen);
	return regels.join('\n');
}
