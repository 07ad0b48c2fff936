/**
 * `npm run bench` (after `vite build`): runs the benchmarks, prints their tables and writes the
 * figures to bench/results/<timestamp>.json (git-ignored). Timing figures never fail the run;
 * correctness properties measured along the way (lost realtime events) do.
 * Add further benchmarks to BENCHES.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beoordeel, fanoutTabel, runFanout } from './fanout';
import { engineTabel, runEngine } from './beoordeling';
import { kaartTabel, runKaart } from './kaart';

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
		naam: 'kaart',
		run: async (log) => {
			const r = await runKaart(log);
			return { tabel: kaartTabel(r), resultaat: r, fouten: [] };
		}
	}
];

const start = new Date();
const uitkomsten: Record<string, unknown> = {};
const fouten: string[] = [];
// BENCH=kaart (comma-separated names) runs only those benchmarks.
const gekozen = process.env.BENCH?.split(',').map((n) => n.trim());
for (const b of BENCHES.filter((x) => !gekozen || gekozen.includes(x.naam))) {
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
