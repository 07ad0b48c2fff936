/**
 * `npm run geo:import -- <bestand-of-url> [--year 2026] [--simplify 0.3] [--object naam]`:
 * imports gemeente- and/or provinciegrenzen (GeoJSON FeatureCollection or TopoJSON) into the
 * configured database, matched by CBS code to the gebiedsindeling of the year, and derives the
 * regio outlines. Prints a Dutch summary; exit 0 when imported or already up to date, 1 on
 * an error. With PGlite, stop the dev server first (PGlite has no lock between processes).
 */
import { env } from '../src/lib/server/env';
import { closeDatabase, database } from '../src/lib/server/db';
import { GeoBronFout, laadGeoBron } from '../src/lib/server/geo/bron';
import {
	bereidGrenzenVoor,
	beschrijfImport,
	legGrenzenVast
} from '../src/lib/server/services/grenzen';

const GEBRUIK =
	'Gebruik: npm run geo:import -- <bestand-of-url> [--year 2026] [--simplify 0..1] [--object <naam>]';

function stop(regels: string[]): never {
	process.stderr.write(`${regels.join('\n')}\n`);
	process.exit(1);
}

let bron: string | undefined;
const opties: { jaar?: number; vereenvoudig?: number; object?: string } = {};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
	const a = args[i]!;
	const [naam, inline] = a.startsWith('--') ? (a.split('=', 2) as [string, string?]) : [a];
	const waarde = () => {
		const v = inline ?? args[++i];
		if (v === undefined || v === '') stop([`${naam} mist een waarde.`, GEBRUIK]);
		return v;
	};
	if (naam === '--year' || naam === '--jaar') {
		const v = waarde();
		if (!/^\d{4}$/.test(v)) stop([`--year ${v} is geen jaartal.`, GEBRUIK]);
		opties.jaar = Number(v);
	} else if (naam === '--simplify' || naam === '--vereenvoudig') {
		const v = Number(waarde().replace(',', '.'));
		if (!(v >= 0 && v < 1)) {
			stop(['--simplify moet een fractie van 0 tot 1 zijn (bijv. 0.3).', GEBRUIK]);
		}
		opties.vereenvoudig = v;
	} else if (naam === '--object') {
		opties.object = waarde();
	} else if (naam.startsWith('--')) {
		stop([`Onbekende optie ${naam}.`, GEBRUIK]);
	} else if (bron === undefined) {
		bron = a;
	} else {
		stop(['Geef één bestand of URL.', GEBRUIK]);
	}
}
if (!bron) stop([GEBRUIK]);

const e = env();
let geladen;
try {
	geladen = await laadGeoBron(bron, {
		maxBytes: e.GEO_MAX_BYTES,
		timeoutMs: e.GEO_TIMEOUT_SECONDS * 1000
	});
} catch (err) {
	if (err instanceof GeoBronFout) stop([err.message]);
	throw err;
}

const voor = bereidGrenzenVoor(geladen, opties);
if (!voor.ok) stop(beschrijfImport({ status: 'geweigerd', fouten: voor.fouten }));

await database();
try {
	const u = await legGrenzenVast(
		{ userId: null, label: 'systeem (npm run geo:import)' },
		voor.voorbereid
	);
	const regels = beschrijfImport(u);
	if (u.status === 'geweigerd') {
		process.stderr.write(`${regels.join('\n')}\n`);
		process.exitCode = 1;
	} else {
		process.stdout.write(`${regels.join('\n')}\n`);
	}
} finally {
	await closeDatabase();
}
