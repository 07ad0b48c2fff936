/**
 * COA import benchmark (issue 3): a national monthly overview of 342 rows (one per gemeente,
 * month 2026-06, with the optional carried-saldo column) previewed and committed through the
 * real services, on PGlite (data dir on disk) and on a throwaway PostgreSQL. The commit time
 * includes everything of the one transaction: the analysis against what is stored, 342 upserts,
 * the import record and audit row, the outbox events and the recompute of the assessments of
 * every gemeente in the file (midpoint and end of 2025-II and 2026-I: 4 per gemeente).
 *
 * Before the runs each database holds taakstellingen for 2025-II and 2026-I and COA figures up
 * to May 2026 (synthetic, see toezicht-data.ts). Every run imports a slightly different file
 * (gehuisvest + run number), so every commit really changes 342 rows and 342 standings; a third
 * of the rows carry a COA saldo two off the portal's, so the preview also builds ~114 warnings.
 */
import { and, count, eq } from 'drizzle-orm';
import { beoordelingen, realisatiecijfers, users } from '../src/lib/server/db/schema';
import {
	importeerRealisatie,
	previewRealisatieImport
} from '../src/lib/server/services/realisatie';
import {
	backends,
	benchDatabase,
	echteGemeenten,
	ms,
	rondes,
	spreidingMs,
	synthetischeGemeenten,
	voegGemeentenToe,
	vulCijfers,
	type Backend,
	type SpreidingMs
} from './toezicht-data';

export interface ImportScenario {
	backend: Backend;
	preview: SpreidingMs;
	commit: SpreidingMs;
	/** Warnings the preview built per run ('saldo-wijkt-af'). */
	waarschuwingen: number;
	/** Assessments stored after a commit (all of them recomputed: the figures changed). */
	beoordelingen: number;
	bytes: number;
}

export interface ImportResultaat {
	gemeenten: number;
	bron: string;
	rondes: number;
	scenarios: ImportScenario[];
	fouten: string[];
}

const MAAND = '2026-06';

async function scenario(
	backend: Backend,
	n: number,
	log: (r: string) => void,
	fouten: string[]
): Promise<ImportScenario> {
	const b = await benchDatabase(backend, 'bench_import');
	try {
		const lijst = echteGemeenten() ?? synthetischeGemeenten(342);
		await voegGemeentenToe(b.db, lijst, 2026);
		const codes = lijst.map((g) => g.code);
		await vulCijfers(b.db, codes, {
			perioden: ['2025-II', '2026-I'],
			maandenLaatstePeriode: 5,
			seed: 20260601
		});
		const [mei, eindes, [toezicht]] = await Promise.all([
			b.db.select().from(realisatiecijfers).where(eq(realisatiecijfers.maand, '2026-05')),
			b.db
				.select()
				.from(beoordelingen)
				.where(and(eq(beoordelingen.periode, '2025-II'), eq(beoordelingen.kind, 'end'))),
			b.db.select().from(users).where(eq(users.email, 'toezicht@regietafel.test'))
		]);
		const gehuisvestMei = new Map(mei.map((m) => [m.gemeenteCode, m.gehuisvest]));
		const saldo = new Map(
			eindes.map((e) => [e.gemeenteCode, (e.resultaat as { saldo: number }).saldo])
		);
		const actor = { userId: toezicht!.id, label: toezicht!.naam };

		const bestand = (ronde: number) => {
			const regels = [
				'gemeentecode;gemeentenaam;maand;gehuisvest;koppelingen;omkoppelingen;stapelgemeente;saldo vorige periode'
			];
			lijst.forEach((g, i) => {
				const s = (saldo.get(g.code) ?? 0) + (i % 3 === 0 ? 2 : 0);
				const gehuisvest = (gehuisvestMei.get(g.code) ?? 0) + 3 + ronde;
				regels.push(
					`${g.code};${g.naam};${MAAND};${gehuisvest};${10 + (i % 40)};${i % 50 === 0 ? 1 : 0};nee;${s}`
				);
			});
			return {
				naam: `coa-${MAAND}-ronde-${ronde}.csv`,
				inhoud: new TextEncoder().encode(regels.join('\r\n'))
			};
		};

		const preview: number[] = [];
		const commit: number[] = [];
		let waarschuwingen = 0;
		let bytes = 0;
		// Round 0 warms up (JIT, prepared statements, PGlite's caches) and is not counted.
		for (let ronde = 0; ronde <= n; ronde++) {
			const f = bestand(ronde);
			bytes = f.inhoud.byteLength;
			const t0 = performance.now();
			const p = await previewRealisatieImport(f);
			const t1 = performance.now();
			const u = await importeerRealisatie(actor, f);
			const t2 = performance.now();
			if (p.fouten.length > 0 || p.regels.length !== lijst.length) {
				fouten.push(`${backend} ronde ${ronde}: voorvertoning met ${p.fouten.length} fouten`);
			}
			if (u.status !== 'geimporteerd') {
				fouten.push(`${backend} ronde ${ronde}: import ${u.status}`);
			}
			waarschuwingen = p.waarschuwingen.length;
			if (ronde > 0) {
				preview.push(t1 - t0);
				commit.push(t2 - t1);
			}
			log(
				`  ${backend} ronde ${ronde}${ronde === 0 ? ' (opwarmen)' : ''}: controleren ${ms(t1 - t0)} ms, importeren ${ms(t2 - t1)} ms`
			);
		}
		const [aantal] = await b.db.select({ n: count() }).from(beoordelingen);
		return {
			backend,
			preview: spreidingMs(preview),
			commit: spreidingMs(commit),
			waarschuwingen,
			beoordelingen: Number(aantal?.n ?? 0),
			bytes
		};
	} finally {
		await b.opruimen();
	}
}

export async function runImport(log: (r: string) => void): Promise<ImportResultaat> {
	const n = rondes(10);
	const fouten: string[] = [];
	const scenarios: ImportScenario[] = [];
	const echt = echteGemeenten();
	for (const backend of backends()) scenarios.push(await scenario(backend, n, log, fouten));
	return {
		gemeenten: echt?.length ?? 342,
		bron: echt
			? `gemeenten 2026 uit ${process.env.BENCH_GEMEENTEN}`
			: 'synthetische gemeenten (PV99)',
		rondes: n,
		scenarios,
		fouten
	};
}

export function importTabel(r: ImportResultaat): string {
	const s0 = r.scenarios[0];
	const kop = [
		'database'.padEnd(10),
		'stap'.padEnd(12),
		'p50'.padStart(7),
		'p95'.padStart(7),
		'min'.padStart(7),
		'max'.padStart(7)
	].join('  ');
	const regels = [
		`COA-maandoverzicht: ${r.gemeenten} rijen (${r.bron}), maand ${MAAND}, ${s0 ? Math.round(s0.bytes / 1024) : '?'} kB CSV; ${r.rondes} rondes (+1 opwarmen), ms`,
		"'controleren' = voorvertoning (lezen, vergelijken, signalen); 'importeren' = de hele transactie",
		`incl. herberekening van ${r.gemeenten} gemeenten (${s0?.beoordelingen ?? '?'} beoordelingen) en ${s0?.waarschuwingen ?? '?'} signalen 'saldo-wijkt-af'`,
		'',
		kop,
		'-'.repeat(kop.length)
	];
	for (const s of r.scenarios) {
		for (const [stap, x] of [
			['controleren', s.preview],
			['importeren', s.commit]
		] as const) {
			regels.push(
				[
					s.backend.padEnd(10),
					stap.padEnd(12),
					ms(x.p50).padStart(7),
					ms(x.p95).padStart(7),
					ms(x.min).padStart(7),
					ms(x.max).padStart(7)
				].join('  ')
			);
		}
	}
	return regels.join('\n');
}
