/**
 * `npm run assess -- <trajectory.json>`: assesses one gemeente's trajectory with the portal's
 * own engine and prints JSON on stdout (exit 0), or a Dutch error naming the offending field on
 * stderr (exit 1). For what-if analysis and for checking the engine from outside.
 */
import { readFile } from 'node:fs/promises';
import { beoordeelTraject } from '../src/lib/domain/ladder/beoordeling';
import { naarTrajectInvoer, padTekst, trajectSchema } from '../src/lib/schemas/traject';

function stop(regels: string[]): never {
	process.stderr.write(`${regels.join('\n')}\n`);
	process.exit(1);
}

const bestand = process.argv[2];
if (!bestand || process.argv.length > 3) {
	stop(['Gebruik: npm run assess -- <traject.json>']);
}

let tekst: string;
try {
	tekst = await readFile(bestand, 'utf8');
} catch (err) {
	stop([`Kan ${bestand} niet lezen: ${(err as NodeJS.ErrnoException).code ?? String(err)}`]);
}

let json: unknown;
try {
	json = JSON.parse(tekst);
} catch (err) {
	stop([`${bestand} is geen geldige JSON: ${(err as Error).message}`]);
}

const parsed = trajectSchema.safeParse(json);
if (!parsed.success) {
	stop(
		parsed.error.issues.map((i) => `Fout in ${padTekst(i.path) || 'het bestand'}: ${i.message}`)
	);
}

const resultaat = beoordeelTraject(naarTrajectInvoer(parsed.data));
if (!resultaat.ok) {
	stop(resultaat.fouten.map((f) => `Fout in ${f.pad}: ${f.melding}`));
}

process.stdout.write(
	`${JSON.stringify({ gemeente: parsed.data.gemeente, assessments: resultaat.beoordelingen }, null, 2)}\n`
);
