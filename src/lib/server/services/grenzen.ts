/**
 * Import of boundaries (issue 4 §1): a GeoJSON/TopoJSON file of gemeenten and/or provincies,
 * matched by CBS code to the gebiedsindeling of its year, stored simplified and rounded; the
 * regio outlines are derived from their member gemeenten in the same transaction.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { kamerNaam } from '$lib/domain/autorisatie/rechten';
import { db, type Executor, type Tx } from '../db';
import {
	gemeenten,
	grenzen,
	imports,
	provincies,
	regioGemeenten,
	regios,
	type GrensSoort
} from '../db/schema';
import { mutate, type AuditActor } from '../mutatie';
import type { GeoBron } from '../geo/bron';
import {
	aantalPunten,
	bboxVan,
	controleerGeometrie,
	geometrieHash,
	lossOp,
	rondAf,
	vereenvoudig,
	voegSamen,
	type BBox,
	type Grensgeometrie
} from '../geo/geometrie';
import {
	leesGrenzen,
	opsomming,
	type GrensObject,
	type JaarBron,
	type Niveau,
	type Overgeslagen
} from '../geo/lezen';

export interface GrensImportOpties {
	/** `--year`: the year of the gebiedsindeling (else from the file). */
	jaar?: number;
	/** TopoJSON: the object to read (else the first). */
	object?: string;
	/** Drop about this fraction (0..1) of the points, borders kept shared (topojson-simplify). */
	vereenvoudig?: number;
}

export interface NiveauVerslag {
	niveau: Niveau;
	/** Objects of this level in the file. */
	inBestand: number;
	/** Gemeenten (of the year) or provincies known in the database. */
	bekend: number;
	gekoppeld: number;
	nieuw: number;
	gewijzigd: number;
	ongewijzigd: number;
	/** Codes in the file that the database does not know for this year. */
	nietGekoppeld: string[];
	/** Matched, but nothing left after rounding or simplification. */
	leeg: string[];
	/** Known in the database for this year, but without a stored boundary after the import. */
	zonderGrens: string[];
	punten: number;
}

export interface RegioVerslag {
	afgeleid: number;
	nieuw: number;
	gewijzigd: number;
	verwijderd: number;
	/** Regio's of which some member gemeenten have no boundary (the outline is incomplete). */
	onvolledig: { regio: string; ontbrekend: string[] }[];
}

export interface GrensImportVerslag {
	bron: string;
	bestandsnaam: string;
	formaat: 'geojson' | 'topojson';
	object: string | null;
	jaar: number;
	jaarBron: JaarBron;
	sha256: string;
	niveaus: NiveauVerslag[];
	regios: RegioVerslag | null;
	overgeslagen: Overgeslagen[];
	waarschuwingen: string[];
	/** The provincie with the most geometry data: its gemeenten as GeoJSON, raw and gzipped. */
	grootsteProvincie: { code: string; bytes: number; gzip: number } | null;
}

export type GrensImportUitkomst =
	| { status: 'geimporteerd'; importId: number; verslag: GrensImportVerslag }
	| { status: 'ongewijzigd'; bericht: string; verslag: GrensImportVerslag }
	| { status: 'geweigerd'; fouten: string[] };

/** Target of issue 4 §6 for one provincie's map payload, compressed. */
export const PAYLOAD_DOEL_BYTES = 300 * 1024;

class Geweigerd extends Error {
	constructor(readonly fouten: string[]) {
		super('grenzenimport geweigerd');
	}
}

class Ongewijzigd extends Error {
	constructor() {
		super('grenzen ongewijzigd');
	}
}

const MAX_FOUTEN = 20;

function beperkt(fouten: string[]): string[] {
	return fouten.length > MAX_FOUTEN
		? [...fouten.slice(0, MAX_FOUTEN), `… en nog ${fouten.length - MAX_FOUTEN} fouten.`]
		: fouten;
}

interface GrensRij {
	code: string;
	geometrie: Grensgeometrie;
	bbox: BBox;
	hash: string;
	punten: number;
}

function rijVan(code: string, geometrie: Grensgeometrie): GrensRij {
	return {
		code,
		geometrie,
		bbox: bboxVan(geometrie),
		hash: geometrieHash(geometrie),
		punten: aantalPunten(geometrie)
	};
}

/** Inserts or replaces rows of one kind for one year (only the ones passed in). */
async function schrijf(
	tx: Tx,
	jaar: number,
	soort: GrensSoort,
	rijen: readonly GrensRij[],
	importId: number
) {
	for (let i = 0; i < rijen.length; i += 100) {
		const deel = rijen.slice(i, i + 100).map((r) => ({ ...r, jaar, soort, importId }));
		await tx
			.insert(grenzen)
			.values(deel)
			.onConflictDoUpdate({
				target: [grenzen.jaar, grenzen.soort, grenzen.code],
				set: {
					geometrie: sqlExcluded('geometrie'),
					bbox: sqlExcluded('bbox'),
					hash: sqlExcluded('hash'),
					punten: sqlExcluded('punten'),
					importId: sqlExcluded('import_id')
				}
			});
	}
}

function sqlExcluded(kolom: string) {
	return sql.raw(`excluded."${kolom}"`);
}

async function bestaandeHashes(ex: Executor, jaar: number, soort: GrensSoort) {
	const rows = await ex
		.select({ code: grenzen.code, hash: grenzen.hash })
		.from(grenzen)
		.where(and(eq(grenzen.jaar, jaar), eq(grenzen.soort, soort)));
	return new Map(rows.map((r) => [r.code, r.hash]));
}

interface NiveauUitkomst {
	verslag: NiveauVerslag;
	/** Codes written (new or changed), per provincie. */
	gewijzigd: Map<string, string[]>;
	waarschuwingen: string[];
}

/**
 * One level of the file: match by CBS code, check and prepare the geometry, write what is new
 * or different. Throws `Geweigerd` for a file that cannot be imported (the transaction then
 * writes nothing, including what earlier levels wrote).
 */
async function verwerkNiveau(
	tx: Tx,
	niveau: Niveau,
	jaar: number,
	objecten: readonly GrensObject[],
	importId: number,
	fractie: number
): Promise<NiveauUitkomst> {
	const bekendRijen =
		niveau === 'gemeente'
			? await tx
					.select({ code: gemeenten.code, provincie: gemeenten.provincieCode })
					.from(gemeenten)
					.where(eq(gemeenten.jaar, jaar))
			: await tx.select({ code: provincies.code, provincie: provincies.code }).from(provincies);
	const bekend = new Map(bekendRijen.map((r) => [r.code, r.provincie]));
	const meervoud = niveau === 'gemeente' ? 'gemeenten' : 'provincies';
	if (bekend.size === 0) {
		throw new Geweigerd([
			niveau === 'gemeente'
				? `Er staan geen gemeenten van ${jaar} in de database; laad eerst de gebiedsindeling van ${jaar} (of kies een ander jaar met --year).`
				: 'Er staan geen provincies in de database.'
		]);
	}
	const gekoppeld = objecten.filter((o) => bekend.has(o.code));
	const nietGekoppeld = [
		...new Set(objecten.filter((o) => !bekend.has(o.code)).map((o) => o.code))
	];
	if (gekoppeld.length === 0) {
		throw new Geweigerd([
			`Geen van de ${objecten.length} ${meervoud} in het bestand komt voor in de database${niveau === 'gemeente' ? ` (gebiedsindeling ${jaar})` : ''}: ${opsomming(nietGekoppeld)}. Klopt het jaar?`
		]);
	}

	const fouten: string[] = [];
	const delen = new Map<string, Grensgeometrie[]>();
	for (const o of gekoppeld) {
		const c = controleerGeometrie(o.geometrie);
		if (!c.ok) {
			fouten.push(`Object #${o.nummer} (${o.code}): ${c.fout}.`);
			continue;
		}
		delen.set(o.code, [...(delen.get(o.code) ?? []), c.geometrie]);
	}
	if (fouten.length > 0) throw new Geweigerd(beperkt(fouten));

	const waarschuwingen: string[] = [];
	const dubbel = [...delen].filter(([, d]) => d.length > 1).map(([code]) => code);
	if (dubbel.length > 0) {
		waarschuwingen.push(
			`${opsomming(dubbel)} ${dubbel.length === 1 ? 'staat' : 'staan'} meer dan eens in het bestand; de delen zijn samengevoegd.`
		);
	}
	let geometrieen = new Map([...delen].map(([code, d]) => [code, voegSamen(d)]));
	if (fractie > 0) geometrieen = vereenvoudig(geometrieen, fractie);

	const rijen: GrensRij[] = [];
	const leeg: string[] = [];
	for (const code of delen.keys()) {
		const g = geometrieen.get(code);
		const rond = g ? rondAf(g) : null;
		if (rond) rijen.push(rijVan(code, rond));
		else leeg.push(code);
	}
	if (rijen.length === 0) {
		throw new Geweigerd([
			`Van geen van de ${meervoud} bleef na afronden${fractie > 0 ? ' en vereenvoudigen' : ''} een vlak over; kies een kleinere --simplify of controleer de coördinaten.`
		]);
	}
	if (leeg.length > 0) {
		waarschuwingen.push(
			`Na afronden${fractie > 0 ? ' en vereenvoudigen' : ''} bleef niets over van ${opsomming(leeg)}; die ${leeg.length === 1 ? 'grens is' : 'grenzen zijn'} niet opgeslagen.`
		);
	}

	const bestaand = await bestaandeHashes(tx, jaar, niveau);
	const nieuw = rijen.filter((r) => !bestaand.has(r.code));
	const anders = rijen.filter((r) => bestaand.has(r.code) && bestaand.get(r.code) !== r.hash);
	await schrijf(tx, jaar, niveau, [...nieuw, ...anders], importId);

	const gewijzigd = new Map<string, string[]>();
	for (const r of [...nieuw, ...anders]) {
		const p = bekend.get(r.code)!;
		gewijzigd.set(p, [...(gewijzigd.get(p) ?? []), r.code]);
	}
	const metGrens = new Set([...bestaand.keys(), ...rijen.map((r) => r.code)]);
	return {
		verslag: {
			niveau,
			inBestand: objecten.length,
			bekend: bekend.size,
			gekoppeld: delen.size,
			nieuw: nieuw.length,
			gewijzigd: anders.length,
			ongewijzigd: rijen.length - nieuw.length - anders.length,
			nietGekoppeld,
			leeg,
			zonderGrens: [...bekend.keys()].filter((c) => !metGrens.has(c)).sort(),
			punten: rijen.reduce((t, r) => t + r.punten, 0)
		},
		gewijzigd,
		waarschuwingen
	};
}

/**
 * Derives the outline of every regio with members in `jaar` by dissolving the stored boundaries
 * of its member gemeenten; writes only what differs and removes outlines of regio's that no
 * longer have a member with a boundary. Returns the verslag and the provincies touched.
 */
export async function leidRegiosAf(
	tx: Tx,
	jaar: number,
	importId: number
): Promise<{ verslag: RegioVerslag; gewijzigd: Map<string, number[]> }> {
	const [leden, gemeenteGrenzen, bestaand] = await Promise.all([
		tx
			.select({
				regioId: regioGemeenten.regioId,
				code: regioGemeenten.gemeenteCode,
				naam: regios.naam,
				regioProvincie: regios.provincieCode,
				gemeenteProvincie: gemeenten.provincieCode
			})
			.from(regioGemeenten)
			.innerJoin(regios, eq(regios.id, regioGemeenten.regioId))
			.innerJoin(
				gemeenten,
				and(
					eq(gemeenten.jaar, regioGemeenten.jaar),
					eq(gemeenten.code, regioGemeenten.gemeenteCode)
				)
			)
			.where(eq(regioGemeenten.jaar, jaar)),
		tx
			.select({ code: grenzen.code, geometrie: grenzen.geometrie })
			.from(grenzen)
			.where(and(eq(grenzen.jaar, jaar), eq(grenzen.soort, 'gemeente'))),
		bestaandeHashes(tx, jaar, 'regio')
	]);
	const geometrieVan = new Map(gemeenteGrenzen.map((g) => [g.code, g.geometrie]));
	const perRegio = new Map<number, { naam: string; provincies: Set<string>; codes: string[] }>();
	for (const l of leden) {
		const r = perRegio.get(l.regioId) ?? { naam: l.naam, provincies: new Set(), codes: [] };
		r.provincies.add(l.regioProvincie ?? l.gemeenteProvincie);
		r.codes.push(l.code);
		perRegio.set(l.regioId, r);
	}

	const verslag: RegioVerslag = {
		afgeleid: 0,
		nieuw: 0,
		gewijzigd: 0,
		verwijderd: 0,
		onvolledig: []
	};
	const gewijzigd = new Map<string, number[]>();
	const raak = (r: { provincies: Set<string> }, id: number) => {
		for (const p of r.provincies) gewijzigd.set(p, [...(gewijzigd.get(p) ?? []), id]);
	};
	const schrijven: GrensRij[] = [];
	const blijft = new Set<string>();
	for (const [id, r] of [...perRegio].sort(([a], [b]) => a - b)) {
		const metGrens = r.codes.filter((c) => geometrieVan.has(c));
		const ontbrekend = r.codes.filter((c) => !geometrieVan.has(c)).sort();
		if (metGrens.length === 0) continue;
		if (ontbrekend.length > 0) verslag.onvolledig.push({ regio: r.naam, ontbrekend });
		const g = lossOp(metGrens.sort().map((c) => geometrieVan.get(c)!));
		if (!g) continue;
		const rij = rijVan(String(id), g);
		blijft.add(rij.code);
		verslag.afgeleid++;
		const oud = bestaand.get(rij.code);
		if (oud === rij.hash) continue;
		if (oud === undefined) verslag.nieuw++;
		else verslag.gewijzigd++;
		schrijven.push(rij);
		raak(r, id);
	}
	await schrijf(tx, jaar, 'regio', schrijven, importId);
	const weg = [...bestaand.keys()].filter((c) => !blijft.has(c));
	if (weg.length > 0) {
		await tx
			.delete(grenzen)
			.where(and(eq(grenzen.jaar, jaar), eq(grenzen.soort, 'regio'), inArray(grenzen.code, weg)));
		verslag.verwijderd = weg.length;
		const rs = await tx
			.select({ id: regios.id, provincie: regios.provincieCode })
			.from(regios)
			.where(inArray(regios.id, weg.map(Number)));
		for (const r of rs) if (r.provincie) raak({ provincies: new Set([r.provincie]) }, r.id);
	}
	return { verslag, gewijzigd };
}

/** The provincie with the most gemeente geometry data for a year (a payload estimate). */
async function grootsteProvincie(tx: Tx, jaar: number) {
	const rows = await tx
		.select({
			provincie: gemeenten.provincieCode,
			code: grenzen.code,
			geometrie: grenzen.geometrie
		})
		.from(grenzen)
		.innerJoin(gemeenten, and(eq(gemeenten.jaar, grenzen.jaar), eq(gemeenten.code, grenzen.code)))
		.where(and(eq(grenzen.jaar, jaar), eq(grenzen.soort, 'gemeente')));
	const per = new Map<string, string[]>();
	for (const r of rows) {
		per.set(r.provincie, [
			...(per.get(r.provincie) ?? []),
			JSON.stringify({ type: 'Feature', properties: { code: r.code }, geometry: r.geometrie })
		]);
	}
	let beste: GrensImportVerslag['grootsteProvincie'] = null;
	for (const [code, features] of per) {
		const tekst = `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
		const bytes = Buffer.byteLength(tekst);
		if (!beste || bytes > beste.bytes) beste = { code, bytes, gzip: gzipSync(tekst).length };
	}
	return beste;
}

/** The imports row of this import; a file imported before under the same key reuses its row. */
async function importRij(
	tx: Tx,
	actor: AuditActor,
	sleutel: { bestandsnaam: string; sha256: string; parameters: string },
	rijen: number
): Promise<number> {
	const [nieuw] = await tx
		.insert(imports)
		.values({
			soort: 'grenzen',
			...sleutel,
			rijen,
			door: actor.userId,
			doorLabel: actor.label
		})
		.onConflictDoNothing()
		.returning({ id: imports.id });
	if (nieuw) return nieuw.id;
	const [oud] = await tx
		.select({ id: imports.id })
		.from(imports)
		.where(
			and(
				eq(imports.soort, 'grenzen'),
				eq(imports.sha256, sleutel.sha256),
				eq(imports.parameters, sleutel.parameters)
			)
		);
	return oud!.id;
}

/** A file read and checked for shape and year, ready for `legGrenzenVast` (no database yet). */
export interface VoorbereideGrenzen {
	bron: GeoBron;
	gelezen: Extract<ReturnType<typeof leesGrenzen>, { ok: true }>;
	fractie: number;
}

/**
 * The database-free half of an import: options, JSON, format, codes and year. The CLI runs it
 * before opening the database, so a broken file is refused at once.
 */
export function bereidGrenzenVoor(
	bron: GeoBron,
	opties: GrensImportOpties = {}
): { ok: true; voorbereid: VoorbereideGrenzen } | { ok: false; fouten: string[] } {
	const fractie = opties.vereenvoudig ?? 0;
	if (!(fractie >= 0 && fractie < 1)) {
		return {
			ok: false,
			fouten: [`Vereenvoudigen (--simplify) moet een fractie van 0 tot 1 zijn, niet ${fractie}.`]
		};
	}
	const gelezen = leesGrenzen(bron.bytes.toString('utf8'), {
		bestandsnaam: bron.naam,
		jaar: opties.jaar,
		object: opties.object
	});
	if (!gelezen.ok) return { ok: false, fouten: gelezen.fouten };
	return { ok: true, voorbereid: { bron, gelezen, fractie } };
}

/**
 * Imports a boundary file in one transaction (mutate(): audit row, realtime event
 * 'grenzen.gewijzigd' to every provincie room whose boundaries changed). Only rows whose
 * geometry differs are written; when nothing differs the import says so and writes nothing.
 */
export async function importeerGrenzen(
	actor: AuditActor,
	bron: GeoBron,
	opties: GrensImportOpties = {}
): Promise<GrensImportUitkomst> {
	const v = bereidGrenzenVoor(bron, opties);
	return v.ok ? legGrenzenVast(actor, v.voorbereid) : { status: 'geweigerd', fouten: v.fouten };
}

/** The database half of `importeerGrenzen`. */
export async function legGrenzenVast(
	actor: AuditActor,
	{ bron, gelezen, fractie }: VoorbereideGrenzen
): Promise<GrensImportUitkomst> {
	const { jaar } = gelezen;
	const sha256 = createHash('sha256').update(bron.bytes).digest('hex');
	const parameters = [`jaar=${jaar}`, ...(fractie > 0 ? [`vereenvoudig=${fractie}`] : [])].join(
		';'
	);
	const verslag: GrensImportVerslag = {
		bron: bron.bron,
		bestandsnaam: bron.naam,
		formaat: gelezen.formaat,
		object: gelezen.object,
		jaar,
		jaarBron: gelezen.jaarBron,
		sha256,
		niveaus: [],
		regios: null,
		overgeslagen: gelezen.overgeslagen,
		waarschuwingen: [...gelezen.waarschuwingen],
		grootsteProvincie: null
	};

	try {
		const importId = await mutate(actor, async (ctx) => {
			const importId = await importRij(
				ctx.tx,
				actor,
				{ bestandsnaam: bron.naam, sha256, parameters },
				gelezen.objecten.length
			);
			const gemeentenPer = new Map<string, string[]>();
			const regiosPer = new Map<string, number[]>();
			const provinciesGewijzigd = new Set<string>();
			for (const niveau of ['gemeente', 'provincie'] as const) {
				const objecten = gelezen.objecten.filter((o) => o.niveau === niveau);
				if (objecten.length === 0) continue;
				const u = await verwerkNiveau(ctx.tx, niveau, jaar, objecten, importId, fractie);
				verslag.niveaus.push(u.verslag);
				verslag.waarschuwingen.push(...u.waarschuwingen);
				for (const [p, codes] of u.gewijzigd) {
					if (niveau === 'gemeente') gemeentenPer.set(p, codes);
					else provinciesGewijzigd.add(p);
				}
				if (niveau === 'gemeente') {
					const r = await leidRegiosAf(ctx.tx, jaar, importId);
					verslag.regios = r.verslag;
					for (const [p, ids] of r.gewijzigd) regiosPer.set(p, ids);
					verslag.grootsteProvincie = await grootsteProvincie(ctx.tx, jaar);
				}
			}
			const geraakt = [
				...new Set([...gemeentenPer.keys(), ...regiosPer.keys(), ...provinciesGewijzigd])
			].sort();
			if (geraakt.length === 0) throw new Ongewijzigd();

			await ctx.tx
				.update(imports)
				.set({ meldingen: verslag.waarschuwingen })
				.where(eq(imports.id, importId));
			await ctx.audit({
				entity: 'grenzen',
				entityId: jaar,
				action: 'geimporteerd',
				after: {
					importId,
					bron: bron.bron,
					bestandsnaam: bron.naam,
					sha256,
					parameters,
					niveaus: verslag.niveaus.map((n) => ({
						niveau: n.niveau,
						gekoppeld: n.gekoppeld,
						nieuw: n.nieuw,
						gewijzigd: n.gewijzigd,
						nietGekoppeld: n.nietGekoppeld.length
					})),
					regios: verslag.regios && {
						afgeleid: verslag.regios.afgeleid,
						nieuw: verslag.regios.nieuw,
						gewijzigd: verslag.regios.gewijzigd,
						verwijderd: verslag.regios.verwijderd
					}
				}
			});
			for (const p of geraakt) {
				if (!/^PV\d{2}$/.test(p)) continue;
				await ctx.publish(kamerNaam({ soort: 'provincie', code: p }), 'grenzen.gewijzigd', {
					jaar,
					gemeenten: gemeentenPer.get(p) ?? [],
					regios: regiosPer.get(p) ?? [],
					provincie: provinciesGewijzigd.has(p)
				});
			}
			return importId;
		});
		return { status: 'geimporteerd', importId, verslag };
	} catch (e) {
		if (e instanceof Geweigerd) return { status: 'geweigerd', fouten: e.fouten };
		if (e instanceof Ongewijzigd) {
			const [eerder] = await db()
				.select({ id: imports.id, at: imports.at, door: imports.doorLabel })
				.from(imports)
				.where(and(eq(imports.soort, 'grenzen'), eq(imports.sha256, sha256)))
				.orderBy(desc(imports.id))
				.limit(1);
			const wanneer = eerder
				? ` (import #${eerder.id}, ${eerder.at.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })} door ${eerder.door})`
				: '';
			return {
				status: 'ongewijzigd',
				bericht: `Niets gewijzigd: de grenzen van ${jaar} uit ${bron.naam} zijn al precies zo opgeslagen${wanneer}.`,
				verslag
			};
		}
		throw e;
	}
}

/** Whether boundaries of this kind are stored for a year (the cheap check at start-up). */
export async function grenzenAanwezig(ex: Executor, jaar: number, soort: GrensSoort) {
	const [r] = await ex
		.select({ n: count() })
		.from(grenzen)
		.where(and(eq(grenzen.jaar, jaar), eq(grenzen.soort, soort)));
	return Number(r?.n ?? 0) > 0;
}

/** Whether a boundary file of this name was ever imported. */
export async function grensbestandGeimporteerd(ex: Executor, bestandsnaam: string) {
	const [r] = await ex
		.select({ id: imports.id })
		.from(imports)
		.where(and(eq(imports.soort, 'grenzen'), eq(imports.bestandsnaam, bestandsnaam)))
		.limit(1);
	return r !== undefined;
}

function getal(n: number): string {
	return n.toLocaleString('nl-NL');
}

function kb(n: number): string {
	return `${(n / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} KB`;
}

/** The import's outcome as Dutch lines for the console (CLI and start-up). */
export function beschrijfImport(u: GrensImportUitkomst): string[] {
	if (u.status === 'geweigerd') {
		return ['Grenzen niet geïmporteerd:', ...u.fouten.map((f) => `  ${f}`)];
	}
	const v = u.verslag;
	const regels: string[] = [];
	const jaarUit = {
		optie: '--year',
		jrstatcode: 'jrstatcode in het bestand',
		bestandsnaam: 'de bestandsnaam'
	}[v.jaarBron];
	regels.push(
		u.status === 'geimporteerd'
			? `Grenzen ${v.jaar} geïmporteerd uit ${v.bestandsnaam} (import #${u.importId}; ${v.formaat === 'topojson' ? `TopoJSON, object ${v.object}` : 'GeoJSON'}; jaar uit ${jaarUit}).`
			: u.bericht
	);
	for (const n of v.niveaus) {
		const wat = n.niveau === 'gemeente' ? 'gemeenten' : 'provincies';
		regels.push(
			`  ${wat}: ${getal(n.gekoppeld)} gekoppeld (${getal(n.nieuw)} nieuw, ${getal(n.gewijzigd)} gewijzigd, ${getal(n.ongewijzigd)} ongewijzigd; ${getal(n.punten)} punten)`
		);
		if (n.nietGekoppeld.length > 0) {
			regels.push(
				`  ${getal(n.nietGekoppeld.length)} ${wat} uit het bestand staan niet in de database${n.niveau === 'gemeente' ? ` (${v.jaar})` : ''} en zijn overgeslagen: ${opsomming(n.nietGekoppeld)}`
			);
		}
		regels.push(
			n.zonderGrens.length > 0
				? `  ${getal(n.zonderGrens.length)} van ${getal(n.bekend)} ${wat}${n.niveau === 'gemeente' ? ` van ${v.jaar}` : ''} hebben nog geen grens: ${opsomming(n.zonderGrens)}`
				: `  alle ${getal(n.bekend)} ${wat}${n.niveau === 'gemeente' ? ` van ${v.jaar}` : ''} in de database hebben een grens`
		);
	}
	if (v.regios) {
		const r = v.regios;
		regels.push(
			`  regio's: ${getal(r.afgeleid)} omtrekken afgeleid uit hun gemeenten (${getal(r.nieuw)} nieuw, ${getal(r.gewijzigd)} gewijzigd, ${getal(r.verwijderd)} verwijderd)`
		);
		for (const o of r.onvolledig) {
			regels.push(`  regio ${o.regio} is onvolledig: geen grens voor ${opsomming(o.ontbrekend)}`);
		}
	}
	if (v.overgeslagen.length > 0) {
		regels.push(
			`  ${getal(v.overgeslagen.length)} objecten overgeslagen: ${opsomming(
				v.overgeslagen.map((o) => `#${o.nummer}${o.code ? ` ${o.code}` : ''} (${o.reden})`),
				3
			)}`
		);
	}
	if (v.grootsteProvincie) {
		const g = v.grootsteProvincie;
		regels.push(
			`  grootste provincie ${g.code}: ${kb(g.bytes)} GeoJSON, ${kb(g.gzip)} gzip (doel ≤ ${kb(PAYLOAD_DOEL_BYTES)} gecomprimeerd)`
		);
		if (g.gzip > PAYLOAD_DOEL_BYTES) {
			regels.push('  Te groot voor de kaart: importeer opnieuw met --simplify 0.5 (of hoger).');
		}
	}
	for (const w of v.waarschuwingen) regels.push(`  let op: ${w}`);
	return regels;
}
