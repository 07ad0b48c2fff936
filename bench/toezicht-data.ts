/**
 * Set-up shared by the supervision benchmarks (import, province overview): a migrated database
 * with the demo (users, Zuid-Holland 2026) plus SYNTHETIC gemeenten and figures, all clearly
 * labelled: provincie PV99 "Synthetisch (benchmark)", gemeenten "Synthetische gemeente 001" …
 * (codes GM9001 …), imports named "Benchmark (synthetische cijfers)". Optionally the real list of
 * 2026 gemeenten, read at run time from a CSV named by BENCH_GEMEENTEN (columns gemeentecode,
 * gemeentenaam, provinciecode), never copied into the repository.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { createDatabase, startThrowawayPostgres } from '../scripts/pg-throwaway.js';
import { closeDatabase, useDatabase, type Database } from '../src/lib/server/db';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import {
	gemeenten,
	imports,
	provincies,
	realisatiecijfers,
	taakstellingen
} from '../src/lib/server/db/schema';
import { mutate, SYSTEEM } from '../src/lib/server/mutatie';
import { seedDemo } from '../src/lib/server/seed/demo';
import { herberekenBeoordelingen } from '../src/lib/server/services/beoordelingen';
import { peilmaanden } from '../src/lib/domain/ladder/reeks';
import { parseHalfjaar } from '../src/lib/domain/periode/halfjaar';
import { random } from './beoordeling';

export type Backend = 'pglite' | 'postgres';

export const SYNTHETISCHE_PROVINCIE = { code: 'PV99', naam: 'Synthetisch (benchmark)' };
export const SYNTHETISCHE_BRON = 'Benchmark (synthetische cijfers)';

export interface BenchDatabase {
	backend: Backend;
	db: Database;
	/** For a second process (the production server): the URL, or the PGlite dir once closed. */
	url?: string;
	dataDir?: string;
	/** Closes the bench's own connection (the data stays for the server). */
	sluit: () => Promise<void>;
	/** Removes everything (cluster, data dir). */
	opruimen: () => Promise<void>;
}

/**
 * A fresh migrated database with the demo loaded, registered as the process database so the
 * services use it. PGlite on a data dir on disk (as in production), PostgreSQL on a throwaway
 * cluster (Debian's postgresql, as the tests use).
 */
export async function benchDatabase(backend: Backend, naam: string): Promise<BenchDatabase> {
	let url: string | undefined;
	let dataDir: string | undefined;
	let stopPg: (() => void) | undefined;
	if (backend === 'postgres') {
		const pg = await startThrowawayPostgres();
		stopPg = pg.stop;
		url = createDatabase(pg.url, naam);
	} else {
		dataDir = mkdtempSync(path.join(os.tmpdir(), `regietafel-bench-${naam}-`));
	}
	const handle = await openDatabase(url ? { url, max: 10 } : { dataDir });
	await migrate(handle);
	useDatabase(handle);
	await seedDemo();
	let gesloten = false;
	const sluit = async () => {
		if (gesloten) return;
		gesloten = true;
		await closeDatabase();
	};
	return {
		backend,
		db: handle.db,
		url,
		dataDir,
		sluit,
		opruimen: async () => {
			await sluit();
			stopPg?.();
			if (dataDir) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

export interface BenchGemeente {
	code: string;
	naam: string;
	provincieCode: string;
}

/** The real gemeente list of BENCH_GEMEENTEN, or null when the variable is not set. */
export function echteGemeenten(): BenchGemeente[] | null {
	const bestand = process.env.BENCH_GEMEENTEN;
	if (!bestand) return null;
	const res = Papa.parse<Record<string, string>>(readFileSync(bestand, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	const lijst = res.data.map((r) => ({
		code: r.gemeentecode ?? '',
		naam: r.gemeentenaam ?? '',
		provincieCode: r.provinciecode ?? ''
	}));
	if (lijst.some((g) => !/^GM\d{4}$/.test(g.code) || !/^PV\d{2}$/.test(g.provincieCode))) {
		throw new Error(`${bestand}: verwacht kolommen gemeentecode, gemeentenaam, provinciecode`);
	}
	return lijst;
}

/** `aantal` synthetic gemeenten in the synthetic provincie PV99 (codes GM9001 …). */
export function synthetischeGemeenten(aantal: number): BenchGemeente[] {
	return Array.from({ length: aantal }, (_, i) => ({
		code: `GM${9001 + i}`,
		naam: `Synthetische gemeente ${String(i + 1).padStart(3, '0')}`,
		provincieCode: SYNTHETISCHE_PROVINCIE.code
	}));
}

/** Adds the gemeenten (and PV99 when used) to the gebiedsindeling of `jaar`; existing ones stay. */
export async function voegGemeentenToe(
	db: Database,
	lijst: readonly BenchGemeente[],
	jaar: number
) {
	if (lijst.some((g) => g.provincieCode === SYNTHETISCHE_PROVINCIE.code)) {
		await db.insert(provincies).values(SYNTHETISCHE_PROVINCIE).onConflictDoNothing();
	}
	for (let i = 0; i < lijst.length; i += 500) {
		await db
			.insert(gemeenten)
			.values(lijst.slice(i, i + 500).map((g) => ({ ...g, jaar })))
			.onConflictDoNothing();
	}
}

export interface CijferOpties {
	/** Periods with a taakstelling, in order ('2025-II', '2026-I', …). */
	perioden: string[];
	/** Months with COA figures in the last period (6 = all). */
	maandenLaatstePeriode: number;
	seed: number;
}

/**
 * Synthetic taakstellingen and monthly COA figures (deterministic), stored directly as one
 * labelled import, then the assessments of these gemeenten recomputed in one transaction.
 */
export async function vulCijfers(
	db: Database,
	codes: readonly string[],
	o: CijferOpties
): Promise<void> {
	const r = random(o.seed);
	const [imp] = await db
		.insert(imports)
		.values({
			soort: 'taakstelling',
			bestandsnaam: SYNTHETISCHE_BRON,
			sha256: `bench-${o.seed}-${codes.length}-${o.perioden.join(',')}`,
			rijen: codes.length * o.perioden.length,
			doorLabel: 'benchmark'
		})
		.returning({ id: imports.id });
	const importId = imp!.id;
	const tk: (typeof taakstellingen.$inferInsert)[] = [];
	const cijfers: (typeof realisatiecijfers.$inferInsert)[] = [];
	for (const code of codes) {
		const omvang = 5 + Math.floor(r() * r() * 400);
		o.perioden.forEach((periode, pi) => {
			const aantal = Math.max(3, Math.round(omvang * (0.8 + r() * 0.4)));
			const tempo = 0.55 + r() * 0.75;
			tk.push({ periode, gemeenteCode: code, aantal, bron: 'import', importId });
			const laatste = pi === o.perioden.length - 1;
			const maanden = peilmaanden(parseHalfjaar(periode)!).alle.slice(
				0,
				laatste ? o.maandenLaatstePeriode : 6
			);
			maanden.forEach((maand, i) =>
				cijfers.push({
					gemeenteCode: code,
					maand,
					periode,
					gehuisvest: Math.round((aantal * tempo * (i + 1)) / 6),
					koppelingen: Math.round(aantal * (0.15 + r() * 0.6)),
					omkoppelingen: r() < 0.04 ? 1 : 0,
					stapelgemeente: tempo < 0.7 && r() < 0.4,
					importId
				})
			);
		});
	}
	for (let i = 0; i < tk.length; i += 1000) {
		await db.insert(taakstellingen).values(tk.slice(i, i + 1000));
	}
	for (let i = 0; i < cijfers.length; i += 1000) {
		await db.insert(realisatiecijfers).values(cijfers.slice(i, i + 1000));
	}
	await mutate(SYSTEEM, async (ctx) => {
		await herberekenBeoordelingen(ctx, codes);
		await ctx.audit({
			entity: 'benchmark',
			entityId: SYNTHETISCHE_BRON,
			action: 'geladen',
			after: { gemeenten: codes.length, perioden: o.perioden, synthetisch: true }
		});
	});
}

/** Nearest-rank percentiles of a list of durations (ms). */
export function spreidingMs(waarden: number[]) {
	const s = [...waarden].sort((a, b) => a - b);
	const p = (q: number) =>
		s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
	return { n: s.length, p50: p(0.5), p95: p(0.95), min: s[0] ?? NaN, max: s.at(-1) ?? NaN };
}
export type SpreidingMs = ReturnType<typeof spreidingMs>;

export const ms = (n: number | undefined) =>
	n === undefined || Number.isNaN(n)
		? '—'
		: n.toLocaleString('nl-NL', { maximumFractionDigits: n < 10 ? 1 : 0 });

export function backends(): Backend[] {
	const lijst = (process.env.BENCH_BACKENDS ?? 'pglite,postgres')
		.split(',')
		.map((b) => b.trim())
		.filter((b): b is Backend => b === 'pglite' || b === 'postgres');
	return lijst.length ? lijst : ['pglite', 'postgres'];
}

export function rondes(standaard: number): number {
	const n = Number(process.env.BENCH_RONDES);
	return Number.isInteger(n) && n > 0 ? n : standaard;
}
