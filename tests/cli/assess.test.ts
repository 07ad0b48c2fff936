import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/trajecten');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'regietafel-assess-'));

/** Runs `npm run assess`'s script exactly as the package script does (tsx scripts/assess.ts). */
function assess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[
				path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
				path.join(ROOT, 'scripts/assess.ts'),
				...args
			],
			{ cwd: ROOT },
			(err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr })
		);
	});
}

function bestand(naam: string, inhoud: unknown): string {
	const p = path.join(tmp, naam);
	writeFileSync(p, typeof inhoud === 'string' ? inhoud : JSON.stringify(inhoud));
	return p;
}

const basis = {
	gemeente: 'GM0518',
	startTrede: '1',
	startSaldo: 0,
	periods: [{ period: '2022-I', taakstelling: 100, end: { gerealiseerd: 100 } }]
};

describe('npm run assess', () => {
	it('assesses the example trajectory of the issue', async () => {
		const r = await assess(path.join(FIXTURES, 'voorbeeld-issue.json'));
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const out = JSON.parse(r.stdout) as {
			gemeente: string;
			assessments: Record<string, unknown>[];
		};
		expect(out.gemeente).toBe('GM0000');
		expect(out.assessments).toHaveLength(2);
		expect(out.assessments[0]).toMatchObject({
			peildatum: '2021-04-01',
			kind: 'midpoint',
			period: '2021-I',
			opgave: 122,
			minimum: 61,
			gerealiseerd: 40,
			percentageVanMinimum: 0.656,
			opSchema: false,
			tredeVoor: '0',
			tredeNa: '1',
			redenen: ['niet-op-schema']
		});
		expect(out.assessments[1]).toMatchObject({
			peildatum: '2021-07-01',
			kind: 'end',
			period: '2021-I',
			opgave: 122,
			gerealiseerd: 80,
			saldo: -42,
			tredeVoor: '1',
			tredeNa: '1',
			vereistBesluit: false,
			redenen: ['onvoldoende-koppelingen']
		});
		expect(out.assessments[1]!.toelichting).toContain('De achterstand van 42');
	});

	it('fills defaults: trede 0 after a realised period, end fields optional', async () => {
		const r = await assess(bestand('ok.json', basis));
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout) as { assessments: { tredeNa: string; saldo: number }[] };
		expect(out.assessments).toEqual([expect.objectContaining({ tredeNa: '0', saldo: 0 })]);
	});

	it.each([
		[
			'a negative number',
			{ ...basis, periods: [{ ...basis.periods[0], end: { gerealiseerd: -1 } }] },
			'Fout in periods[0].end.gerealiseerd: mag niet negatief zijn'
		],
		[
			'a bad period',
			{ ...basis, periods: [{ ...basis.periods[0], period: '2022-III' }] },
			'Fout in periods[0].period: moet een halfjaar zijn zoals "2021-I" of "2021-II"'
		],
		['an unknown trede', { ...basis, startTrede: '7' }, 'Fout in startTrede: moet een van'],
		[
			'a typo in a field name',
			{ ...basis, periods: [{ ...basis.periods[0], taakstellling: 3 }] },
			'Fout in periods[0]: onbekend veld "taakstellling"'
		],
		[
			'a missing field',
			{ ...basis, periods: [{ period: '2022-I', end: { gerealiseerd: 1 } }] },
			'Fout in periods[0].taakstelling: ontbreekt'
		],
		[
			'an unknown notRising kind',
			{ ...basis, policy: { notRising: [{ kind: 'altijd', fraction: 1 }] } },
			'Fout in policy.notRising[0].kind: moet "fractionOfOpgave" of "taakstellingPlusFractionOfAchterstand" zijn'
		],
		[
			'periods that are not consecutive',
			{
				...basis,
				periods: [basis.periods[0], { period: '2023-I', taakstelling: 5, end: { gerealiseerd: 5 } }]
			},
			'Fout in periods[1].period: moet het halfjaar direct na 2022-I zijn (2022-II)'
		],
		[
			'a missing end before the last period',
			{
				...basis,
				periods: [
					{ period: '2022-I', taakstelling: 5, midpoint: { gerealiseerd: 1, koppelingen: 0 } },
					{ period: '2022-II', taakstelling: 5, end: { gerealiseerd: 5 } }
				]
			},
			'Fout in periods[0].end: ontbreekt'
		]
	])('refuses %s with a Dutch message on stderr and exit 1', async (_naam, inhoud, melding) => {
		const r = await assess(bestand(`fout-${Math.random().toString(36).slice(2)}.json`, inhoud));
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(melding);
	});

	it('refuses invalid JSON and a missing file', async () => {
		const kapot = await assess(bestand('kapot.json', '{ "gemeente": '));
		expect(kapot.code).toBe(1);
		expect(kapot.stderr).toContain('is geen geldige JSON');
		const weg = await assess(path.join(tmp, 'bestaat-niet.json'));
		expect(weg.code).toBe(1);
		expect(weg.stderr).toContain('Kan');
		expect(weg.stderr).toContain('ENOENT');
	});
});
