/**
 * `npm run bench` (after `vite build`): runs the benchmarks, prints their tables and writes the
 * figures to bench/results/<timestamp>.json (git-ignored). Timing figures never fail the run;
 * correctness properties measured along the way (lost realtime events, a refused import) do.
 * Add further benchmarks to BENCHES.
 *
 * BENCH=coa-import,provincie-overzicht runs only the named benchmarks (`npx tsx bench/run.ts`
 * without the build runs everything that does not need the production server).
 * BENCH_BACKENDS=pglite|postgres, BENCH_RONDES=n and BENCH_GEMEENTEN=<csv> narrow or change
 * the supervision benchmarks (see bench/toezicht-data.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beoordeel, fanoutTabel, runFanout } from './fanout';
import { engineTabel, runEngine } from './beoordeling';
import { importTabel, runImport } from './import';
import { overzichtTabel, runOverzicht } from './overzicht';
import { kaartTabel, runKaart } from './kaart';
import { kaartLiveTabel, runKaartLive } from './kaart-live';
import { runVergaderingLive, vergaderingLiveTabel } from './vergadering-live';

interface BenchUitkomst {
	tabel: string;
	resultaat: unknown;
	/** Correctness failures (not timing); non-empty makes the process exit non-zero. */
	fouten: string[];
}

const BENCHES: { naam: string; run: (log: (r: string) => void) => Promise<BenchUitkomst> }[] = [
	{
		naam: 'interventieladder-engine',
		run: () => {
			const r = runEngine();
			return Promise.resolve({ tabel: engineTabel(r), resultaat: r, fouten: [] });
		}
	},
	{
		naam: 'realtime-fanout',
		run: async (log) => {
			// BENCH_FANOUT='{"aantallen":[50],"paden":["raw"]}' narrows a run while investigating.
			const r = await runFanout(JSON.parse(process.env.BENCH_FANOUT ?? '{}'), log);
			const oordeel = beoordeel(r);
			return {
				tabel: fanoutTabel(r),
				resultaat: { ...r, oordeel },
				fouten: r.scenarios
					.filter((s) => s.verlies.totaal > 0)
					.map((s) => `${s.pad} N=${s.ontvangers}: ${s.verlies.totaal} gebeurtenissen verloren`)
			};
		}
	},
	{
		naam: 'coa-import',
		run: async (log) => {
			const r = await runImport(log);
			return { tabel: importTabel(r), resultaat: r, fouten: r.fouten };
		}
	},
	{
		naam: 'provincie-overzicht',
		run: async (log) => {
			const r = await runOverzicht(log);
			return { tabel: overzichtTabel(r), resultaat: r, fouten: r.fouten };
		}
	},
	{
		naam: 'kaart',
		run: async (log) => {
			const r = await runKaart(log);
			return { tabel: kaartTabel(r), resultaat: r, fouten: [] };
		}
	},
	{
		naam: 'kaart-live',
		run: async (log) => {
			const r = await runKaartLive(log);
			return { tabel: kaartLiveTabel(r), resultaat: r, fouten: r.fouten };
		}
	},
	{
		naam: 'vergadering-live',
		run: async (log) => {
			const r = await runVergaderingLive(log);
			return { tabel: vergaderingLiveTabel(r), resultaat: r, fouten: r.fouten };
		}
	}
];

const gekozen = (process.env.BENCH ?? '')
	.split(',')
	.map((n) => n.trim())
	.filter(Boolean);
const onbekend = gekozen.filter((n) => !BENCHES.some((b) => b.naam === n));
if (onbekend.length) {
	console.error(
		`Onbekende benchmark(s): ${onbekend.join(', ')}. Kies uit: ${BENCHES.map((b) => b.naam).join(', ')}.`
	);
	process.exit(2);
}

const start = new Date();
const uitkomsten: Record<string, unknown> = {};
const fouten: string[] = [];
for (const b of BENCHES.filter((x) => gekozen.length === 0 || gekozen.includes(x.naam))) {
	console.log(`\n== ${b.naam} ==`);
	const t0 = performance.now();
	const u = await b.run((r) => console.log(r));
	console.log(`\n${u.tabel}\n(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
	uitkomsten[b.naam] = u.resultaat;
	fouten.push(...u.fouten);
}

const map = path.join(import.meta.dirname, 'results');
mkdirSync(map, { recursive: true });
const bestand = path.join(map, `${start.toISOString().replaceAll(':', '-')}.json`);
writeFileSync(
	bestand,
	JSON.stringify(
		{
			datum: start.toISOString(),
			machine: {
				cpus: os.cpus().length,
				cpu: os.cpus()[0]?.model,
				geheugenGB: Math.round(os.totalmem() / 2 ** 30),
				node: process.version,
				platform: `${os.platform()} ${os.release()}`
			},
			benches: uitkomsten,
			fouten
		},
		null,
		'\t'
	)
);
console.log(`\nresultaten: ${path.relative(process.cwd(), bestand)}`);
if (fouten.length) {
	console.error(`\nFOUT (correctheid):\n${fouten.map((f) => `  - ${f}`).join('\n')}`);
	process.exitCode = 1;
}
