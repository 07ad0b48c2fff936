/**
 * Reading a boundary file (pure): GeoJSON FeatureCollection or TopoJSON, the CBS code and level
 * of every feature, and the year of the gebiedsindeling. Geometry is checked later, per level,
 * by `controleerGeometrie`.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

export type Niveau = 'gemeente' | 'provincie';

export interface GrensObject {
	/** Position in the file (1-based), for messages. */
	nummer: number;
	niveau: Niveau;
	code: string;
	naam: string | null;
	/** Unchecked: `controleerGeometrie` decides. */
	geometrie: unknown;
}

export interface Overgeslagen {
	nummer: number;
	code: string | null;
	reden: string;
}

export type JaarBron = 'optie' | 'jrstatcode' | 'bestandsnaam';

export type Gelezen =
	| {
			ok: true;
			formaat: 'geojson' | 'topojson';
			/** The TopoJSON object that was read. */
			object: string | null;
			jaar: number;
			jaarBron: JaarBron;
			objecten: GrensObject[];
			overgeslagen: Overgeslagen[];
			waarschuwingen: string[];
	  }
	| { ok: false; fouten: string[] };

export interface LeesOpties {
	/** File name or URL path, for the year when nothing else gives it. */
	bestandsnaam: string;
	/** `--year`: wins over everything in the file. */
	jaar?: number;
	/** TopoJSON: the object to read (default: the first). */
	object?: string;
}

const GEMEENTE = /^GM\d{4}$/;
const PROVINCIE = /^PV\d{2}$/;
const JRSTATCODE = /^((?:19|20)\d{2})((?:GM|PV)\d+)$/;

export function isJaar(n: number): boolean {
	return Number.isInteger(n) && n >= 1900 && n <= 2100;
}

/** A year in a file name such as `gemeente_2026.topojson` or `cbsgebiedsindelingen2025.json`. */
export function jaarUitNaam(naam: string): number | null {
	const basis = naam.split(/[\\/]/).at(-1) ?? naam;
	const m = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(basis);
	return m ? Number(m[1]) : null;
}

function tekstVan(v: unknown): string | null {
	if (typeof v === 'string' && v.trim() !== '') return v.trim();
	return null;
}

/**
 * The CBS code of a feature and its level: `statcode` (CBS/PDOK, cartomap), else `code`, else a
 * string feature id, else the code inside `jrstatcode` ("2026GM0014").
 */
export function codeVan(f: Feature): { code: string; niveau: Niveau } | null {
	const p = f.properties ?? {};
	const jr = tekstVan(p.jrstatcode)?.toUpperCase();
	const kandidaten = [
		tekstVan(p.statcode),
		tekstVan(p.code),
		typeof f.id === 'string' ? f.id : null,
		jr ? (JRSTATCODE.exec(jr)?.[2] ?? null) : null
	];
	for (const k of kandidaten) {
		const c = k?.toUpperCase();
		if (c && GEMEENTE.test(c)) return { code: c, niveau: 'gemeente' };
		if (c && PROVINCIE.test(c)) return { code: c, niveau: 'provincie' };
	}
	return null;
}

export function opsomming(items: readonly (string | number)[], max = 5): string {
	const eerste = items.slice(0, max).join(', ');
	return items.length > max ? `${eerste} en ${items.length - max} meer` : eerste;
}

/** The FeatureCollection in the file: GeoJSON as is, TopoJSON via the chosen object. */
function features(
	json: unknown,
	objectNaam: string | undefined
):
	| { ok: true; fc: FeatureCollection; formaat: 'geojson' | 'topojson'; object: string | null }
	| { ok: false; fout: string } {
	if (!json || typeof json !== 'object' || Array.isArray(json)) {
		return { ok: false, fout: 'Het bestand is geen GeoJSON- of TopoJSON-object.' };
	}
	const o = json as { type?: unknown; features?: unknown; objects?: unknown; crs?: unknown };
	if (o.type === 'FeatureCollection') {
		if (!Array.isArray(o.features)) {
			return { ok: false, fout: 'De GeoJSON FeatureCollection heeft geen lijst "features".' };
		}
		const crs = JSON.stringify(o.crs ?? '');
		if (/28992/.test(crs)) {
			return {
				ok: false,
				fout: 'Het bestand staat in RD (EPSG:28992); gebruik de WGS84-versie (EPSG:4326).'
			};
		}
		if (objectNaam) {
			return { ok: false, fout: '--object geldt alleen voor TopoJSON; dit is GeoJSON.' };
		}
		return { ok: true, fc: json as FeatureCollection, formaat: 'geojson', object: null };
	}
	if (o.type === 'Topology') {
		const objects = o.objects;
		if (!objects || typeof objects !== 'object') {
			return { ok: false, fout: 'De TopoJSON heeft geen "objects".' };
		}
		const namen = Object.keys(objects);
		const naam = objectNaam ?? namen[0];
		if (!naam) return { ok: false, fout: 'De TopoJSON bevat geen objecten.' };
		if (!(naam in objects)) {
			return {
				ok: false,
				fout: `De TopoJSON heeft geen object "${naam}"; wel: ${namen.join(', ')}.`
			};
		}
		try {
			const topo = json as Topology;
			const r = feature(topo, topo.objects[naam]!) as FeatureCollection | Feature;
			const fc: FeatureCollection =
				r.type === 'FeatureCollection' ? r : { type: 'FeatureCollection', features: [r] };
			return { ok: true, fc, formaat: 'topojson', object: naam };
		} catch (err) {
			return {
				ok: false,
				fout: `De TopoJSON kon niet worden gelezen (${(err as Error).message}).`
			};
		}
	}
	return {
		ok: false,
		fout: `Verwacht een GeoJSON FeatureCollection of een TopoJSON Topology, maar "type" is ${JSON.stringify(o.type ?? null)}.`
	};
}

/**
 * Reads a boundary file. Features without a CBS code (statcode GMxxxx or PVxx) or without an
 * area are skipped and reported; the year comes from the option, else from `jrstatcode`, else
 * from the file name, else the file is refused with a request for `--year`.
 */
export function leesGrenzen(tekst: string, opties: LeesOpties): Gelezen {
	let json: unknown;
	try {
		json = JSON.parse(tekst.charCodeAt(0) === 0xfeff ? tekst.slice(1) : tekst);
	} catch (err) {
		return { ok: false, fouten: [`Het bestand is geen geldige JSON (${(err as Error).message}).`] };
	}
	const f = features(json, opties.object);
	if (!f.ok) return { ok: false, fouten: [f.fout] };

	const objecten: GrensObject[] = [];
	const overgeslagen: Overgeslagen[] = [];
	const jrJaren = new Set<number>();
	for (const [i, ft] of f.fc.features.entries()) {
		const nummer = i + 1;
		if (!ft || typeof ft !== 'object' || ft.type !== 'Feature') {
			overgeslagen.push({ nummer, code: null, reden: 'geen GeoJSON Feature' });
			continue;
		}
		const c = codeVan(ft);
		if (!c) {
			overgeslagen.push({
				nummer,
				code: null,
				reden: 'geen CBS-code (statcode GMxxxx of PVxx)'
			});
			continue;
		}
		const jr = JRSTATCODE.exec(tekstVan(ft.properties?.jrstatcode)?.toUpperCase() ?? '');
		if (jr) jrJaren.add(Number(jr[1]));
		const type = (ft.geometry as { type?: string } | null)?.type;
		if (type !== 'Polygon' && type !== 'MultiPolygon') {
			overgeslagen.push({
				nummer,
				code: c.code,
				reden: type ? `geen vlak maar ${type}` : 'zonder geometrie'
			});
			continue;
		}
		const p = ft.properties ?? {};
		objecten.push({
			nummer,
			...c,
			naam: tekstVan(p.statnaam) ?? tekstVan(p.naam) ?? tekstVan(p.name),
			geometrie: ft.geometry
		});
	}

	const waarschuwingen: string[] = [];
	let jaar: number;
	let jaarBron: JaarBron;
	const jren = [...jrJaren].sort();
	if (opties.jaar !== undefined) {
		if (!isJaar(opties.jaar)) {
			return { ok: false, fouten: [`--year ${opties.jaar} is geen jaartal (1900–2100).`] };
		}
		jaar = opties.jaar;
		jaarBron = 'optie';
		if (jren.length > 0 && jren.some((j) => j !== jaar)) {
			waarschuwingen.push(
				`Het bestand noemt in jrstatcode ${opsomming(jren)}; --year ${jaar} is gebruikt.`
			);
		}
	} else if (jren.length === 1) {
		jaar = jren[0]!;
		jaarBron = 'jrstatcode';
	} else if (jren.length > 1) {
		return {
			ok: false,
			fouten: [
				`Het bestand bevat meerdere jaren in jrstatcode (${opsomming(jren)}); kies er één met --year.`
			]
		};
	} else {
		const uitNaam = jaarUitNaam(opties.bestandsnaam);
		if (uitNaam === null) {
			return {
				ok: false,
				fouten: [
					'Kan het jaar van de gebiedsindeling niet bepalen (geen jrstatcode in het bestand en geen jaartal in de bestandsnaam); geef het op met --year, bijvoorbeeld --year 2026.'
				]
			};
		}
		jaar = uitNaam;
		jaarBron = 'bestandsnaam';
	}

	if (objecten.length === 0) {
		const fouten = ['Het bestand bevat geen gemeente- of provinciegrenzen met een CBS-code.'];
		if (overgeslagen.length > 0) {
			fouten.push(
				`Overgeslagen objecten: ${opsomming(
					overgeslagen.map((o) => `#${o.nummer} (${o.reden})`),
					3
				)}.`
			);
		}
		return { ok: false, fouten };
	}
	return {
		ok: true,
		formaat: f.formaat,
		object: f.object,
		jaar,
		jaarBron,
		objecten,
		overgeslagen,
		waarschuwingen
	};
}
