/**
 * Data of the live map (issue 4 §2–3), in two parts that change at a different pace: the
 * boundaries of a provincie (rarely; cached by ETag) and the standings of its gemeenten at a
 * peildatum (with every import or decision). See `$lib/kaart/api.ts` for the shapes.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, lte, max, or, sql } from 'drizzle-orm';
import { isTrede, type Trede } from '$lib/domain/ladder/trede';
import { mag } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import type {
	GemeenteEigenschappen,
	KaartFeature,
	KaartGrenzen,
	KaartRegio,
	KaartStand,
	KaartStanden
} from '$lib/kaart/api';
import { db } from '../db';
import {
	beoordelingen,
	gemeenten,
	grenzen,
	imports,
	provincies,
	regioGemeenten,
	regietafels,
	regios
} from '../db/schema';
import { bboxUnie, type BBox } from '../geo/geometrie';
import { tijdlijnen, type Stand } from './beoordelingen';

/** Part of every ETag: a change of the response shape invalidates cached copies. */
const FORMAAT = 'kaart-1';

function hash(v: unknown): string {
	return createHash('sha256').update(JSON.stringify(v)).digest('base64url');
}

export async function provincieBestaat(
	code: string
): Promise<{ code: string; naam: string } | null> {
	const [p] = await db().select().from(provincies).where(eq(provincies.code, code));
	return p ?? null;
}

/** The year of the map: the one asked for, or the latest with gemeente boundaries here. */
async function grenzenJaar(provincie: string, jaar?: number): Promise<number | null> {
	const [r] = await db()
		.select({ jaar: max(grenzen.jaar) })
		.from(grenzen)
		.innerJoin(gemeenten, and(eq(gemeenten.jaar, grenzen.jaar), eq(gemeenten.code, grenzen.code)))
		.where(
			and(
				eq(grenzen.soort, 'gemeente'),
				eq(gemeenten.provincieCode, provincie),
				jaar === undefined ? undefined : eq(grenzen.jaar, jaar)
			)
		);
	return r?.jaar ?? null;
}

/** Everything the boundary response depends on except the coordinates (which the hashes stand for). */
async function grenzenManifest(provincie: { code: string; naam: string }, jaar: number) {
	const gemeenteRijen = await db()
		.select({ code: grenzen.code, hash: grenzen.hash, naam: gemeenten.naam })
		.from(grenzen)
		.innerJoin(gemeenten, and(eq(gemeenten.jaar, grenzen.jaar), eq(gemeenten.code, grenzen.code)))
		.where(
			and(
				eq(grenzen.jaar, jaar),
				eq(grenzen.soort, 'gemeente'),
				eq(gemeenten.provincieCode, provincie.code)
			)
		)
		.orderBy(asc(gemeenten.naam), asc(grenzen.code));
	const codes = gemeenteRijen.map((g) => g.code);
	const [leden, provincieGrens] = await Promise.all([
		db()
			.select({
				code: regioGemeenten.gemeenteCode,
				id: regios.id,
				naam: regios.naam,
				type: regios.type,
				regioCode: regios.code
			})
			.from(regioGemeenten)
			.innerJoin(regios, eq(regios.id, regioGemeenten.regioId))
			.where(and(eq(regioGemeenten.jaar, jaar), inArray(regioGemeenten.gemeenteCode, codes)))
			.orderBy(asc(regios.id)),
		db()
			.select({ jaar: grenzen.jaar, hash: grenzen.hash })
			.from(grenzen)
			.where(
				and(
					eq(grenzen.soort, 'provincie'),
					eq(grenzen.code, provincie.code),
					lte(grenzen.jaar, jaar)
				)
			)
			.orderBy(desc(grenzen.jaar))
			.limit(1)
	]);
	const regioInfo = new Map(leden.map((l) => [l.id, l]));
	const regioGrenzen = await db()
		.select({ code: grenzen.code, hash: grenzen.hash })
		.from(grenzen)
		.where(
			and(
				eq(grenzen.jaar, jaar),
				eq(grenzen.soort, 'regio'),
				inArray(
					grenzen.code,
					[...regioInfo.keys()].map((id) => String(id))
				)
			)
		)
		.orderBy(asc(grenzen.code));
	const manifest = {
		formaat: FORMAAT,
		provincie,
		jaar,
		gemeenten: gemeenteRijen.map((g) => ({
			...g,
			regios: leden.filter((l) => l.code === g.code).map((l) => l.id)
		})),
		regios: regioGrenzen.map((r) => ({ ...regioInfo.get(Number(r.code))!, hash: r.hash })),
		provincieGrens: provincieGrens[0] ?? null
	};
	return { manifest, etag: hash(manifest) };
}

export type GrenzenManifest = Awaited<ReturnType<typeof grenzenManifest>>;

/**
 * What identifies the boundary response without loading geometry: null when there are no
 * gemeente boundaries for this provincie (for the asked year), or the provincie is unknown.
 */
export async function grenzenVersie(
	provincieCode: string,
	jaar?: number
): Promise<GrenzenManifest | null> {
	const provincie = await provincieBestaat(provincieCode);
	if (!provincie) return null;
	const j = await grenzenJaar(provincie.code, jaar);
	if (j === null) return null;
	return grenzenManifest(provincie, j);
}

/** The boundary response for a manifest: gemeenten, regio and provincie outlines as GeoJSON. */
export async function grenzenKaart({ manifest }: GrenzenManifest): Promise<KaartGrenzen> {
	const { jaar, provincie } = manifest;
	const rows = await db()
		.select({
			soort: grenzen.soort,
			code: grenzen.code,
			jaar: grenzen.jaar,
			geometrie: grenzen.geometrie,
			bbox: grenzen.bbox,
			bron: imports.bestandsnaam
		})
		.from(grenzen)
		.innerJoin(imports, eq(imports.id, grenzen.importId))
		.where(
			or(
				and(
					eq(grenzen.jaar, jaar),
					eq(grenzen.soort, 'gemeente'),
					inArray(
						grenzen.code,
						manifest.gemeenten.map((g) => g.code)
					)
				),
				and(
					eq(grenzen.jaar, jaar),
					eq(grenzen.soort, 'regio'),
					inArray(
						grenzen.code,
						manifest.regios.map((r) => String(r.id))
					)
				),
				manifest.provincieGrens
					? and(
							eq(grenzen.jaar, manifest.provincieGrens.jaar),
							eq(grenzen.soort, 'provincie'),
							eq(grenzen.code, provincie.code)
						)
					: sql`false`
			)
		);
	const rij = new Map(rows.map((r) => [`${r.soort}:${r.code}`, r]));
	const features: KaartFeature[] = [];
	const bronnen = new Set<string>();
	const feature = (
		sleutel: string,
		id: string,
		properties: KaartFeature['properties']
	): KaartFeature | null => {
		const r = rij.get(sleutel);
		if (!r) return null;
		bronnen.add(r.bron);
		return { type: 'Feature', id, bbox: r.bbox, properties, geometry: r.geometrie };
	};
	if (manifest.provincieGrens) {
		const f = feature(`provincie:${provincie.code}`, provincie.code, {
			soort: 'provincie',
			code: provincie.code,
			naam: provincie.naam,
			jaar: manifest.provincieGrens.jaar
		});
		if (f) features.push(f);
	}
	for (const r of manifest.regios) {
		const code = `regio-${r.id}`;
		const f = feature(`regio:${r.id}`, code, {
			soort: 'regio',
			code,
			regioId: r.id,
			naam: r.naam,
			type: r.type,
			regioCode: r.regioCode
		});
		if (f) features.push(f);
	}
	const gemeenteBoxen: BBox[] = [];
	for (const g of manifest.gemeenten) {
		const f = feature(`gemeente:${g.code}`, g.code, {
			soort: 'gemeente',
			code: g.code,
			naam: g.naam,
			regios: g.regios
		} satisfies GemeenteEigenschappen);
		if (f) {
			features.push(f);
			gemeenteBoxen.push(f.bbox);
		}
	}
	return {
		type: 'FeatureCollection',
		provincie,
		jaar,
		bbox: bboxUnie(gemeenteBoxen) ?? [0, 0, 0, 0],
		bronnen: [...bronnen].sort(),
		features
	};
}

/** The gebiedsindeling year for a date: the latest year up to it, else the earliest there is. */
function jaarVoor(jaren: readonly number[], datum: string | null): number | null {
	if (jaren.length === 0) return null;
	const doel = datum ? Number(datum.slice(0, 4)) : Math.max(...jaren);
	const ervoor = jaren.filter((j) => j <= doel);
	return ervoor.length > 0 ? Math.max(...ervoor) : Math.min(...jaren);
}

function getalUit(r: unknown, veld: string): number | null {
	const v = (r as Record<string, unknown> | null)?.[veld];
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The regio's that divide the gemeenten `codes` (in order) in `jaar`, of one type: the type the
 * provincie's regionale tafels use (the regio's people meet in), else veiligheidsregio, else
 * the type that covers the most gemeenten.
 */
export async function kaartIndeling(
	provincieCode: string,
	jaar: number,
	codes: readonly string[]
): Promise<KaartRegio[]> {
	if (codes.length === 0) return [];
	const [leden, tafels] = await Promise.all([
		db()
			.select({
				id: regios.id,
				naam: regios.naam,
				type: regios.type,
				code: regios.code,
				gemeente: regioGemeenten.gemeenteCode
			})
			.from(regioGemeenten)
			.innerJoin(regios, eq(regios.id, regioGemeenten.regioId))
			.where(and(eq(regioGemeenten.jaar, jaar), inArray(regioGemeenten.gemeenteCode, [...codes]))),
		db()
			.select({ type: regios.type })
			.from(regietafels)
			.innerJoin(regios, eq(regios.id, regietafels.regioId))
			.where(eq(regietafels.provincieCode, provincieCode))
	]);
	if (leden.length === 0) return [];
	const telling = (lijst: { type: string }[]) => {
		const n = new Map<string, number>();
		for (const l of lijst) n.set(l.type, (n.get(l.type) ?? 0) + 1);
		return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	};
	const type =
		telling(tafels)[0]?.[0] ??
		(leden.some((l) => l.type === 'veiligheidsregio') ? 'veiligheidsregio' : telling(leden)[0]![0]);
	const volgorde = new Map(codes.map((c, i) => [c, i]));
	const perRegio = new Map<number, KaartRegio>();
	for (const l of leden) {
		if (l.type !== type) continue;
		let r = perRegio.get(l.id);
		if (!r) {
			r = { id: l.id, naam: l.naam, type: l.type, code: l.code, gemeenten: [] };
			perRegio.set(l.id, r);
		}
		r.gemeenten.push(l.gemeente);
	}
	const lijst = [...perRegio.values()];
	for (const r of lijst) r.gemeenten.sort((a, b) => volgorde.get(a)! - volgorde.get(b)!);
	return lijst.sort((a, b) => a.naam.localeCompare(b.naam, 'nl') || a.id - b.id);
}

/**
 * The standing of every gemeente of a provincie as it was on `peildatum` (default: the latest
 * date with judgements): the last judgement up to that date with the decision that applies,
 * via the same timelines as the gemeente page and the province overview.
 */
export async function kaartStanden(
	provincieCode: string,
	opties: { peildatum?: string; jaar?: number } = {}
): Promise<KaartStanden> {
	const vanProvincie = db()
		.selectDistinct({ code: gemeenten.code })
		.from(gemeenten)
		.where(eq(gemeenten.provincieCode, provincieCode));
	const [peildataRijen, jaarRijen] = await Promise.all([
		db()
			.selectDistinct({ peildatum: beoordelingen.peildatum })
			.from(beoordelingen)
			.where(inArray(beoordelingen.gemeenteCode, vanProvincie))
			.orderBy(asc(beoordelingen.peildatum)),
		db()
			.selectDistinct({ jaar: gemeenten.jaar })
			.from(gemeenten)
			.where(eq(gemeenten.provincieCode, provincieCode))
	]);
	const peildata = peildataRijen.map((r) => r.peildatum);
	const peildatum = opties.peildatum ?? peildata.at(-1) ?? null;
	const jaar =
		opties.jaar ??
		jaarVoor(
			jaarRijen.map((r) => r.jaar),
			peildatum
		);
	const lijst =
		jaar === null
			? []
			: await db()
					.select({ code: gemeenten.code, naam: gemeenten.naam })
					.from(gemeenten)
					.where(and(eq(gemeenten.jaar, jaar), eq(gemeenten.provincieCode, provincieCode)))
					.orderBy(asc(gemeenten.naam), asc(gemeenten.code));
	const standen: Map<string, Stand[]> =
		peildatum === null
			? new Map()
			: await tijdlijnen(
					db(),
					lijst.map((g) => g.code),
					peildatum
				);
	const treden: Partial<Record<Trede, number>> = {};
	let zonderStand = 0;
	const rijen = lijst.map((g): KaartStand => {
		const s = standen.get(g.code)?.at(-1);
		const trede = s && isTrede(s.trede) ? s.trede : null;
		if (trede) treden[trede] = (treden[trede] ?? 0) + 1;
		else zonderStand++;
		const opgave = s ? getalUit(s.resultaat, 'opgave') : null;
		const gerealiseerd = s ? getalUit(s.resultaat, 'gerealiseerd') : null;
		return {
			code: g.code,
			naam: g.naam,
			trede,
			tredeRegel: s && isTrede(s.tredeRegel) ? s.tredeRegel : null,
			tredeIsBesluit: !!s?.besluit,
			periode: s?.periode ?? null,
			kind: s?.kind ?? null,
			peildatum: s?.peildatum ?? null,
			besluitDatum: s?.besluit?.datum ?? null,
			opgave,
			gerealiseerd,
			fractieGerealiseerd:
				opgave !== null && gerealiseerd !== null && opgave > 0 ? gerealiseerd / opgave : null,
			saldo: opgave !== null && gerealiseerd !== null ? gerealiseerd - opgave : null
		};
	});
	const indeling =
		jaar === null
			? []
			: await kaartIndeling(
					provincieCode,
					jaar,
					lijst.map((g) => g.code)
				);
	return {
		provincie: provincieCode,
		jaar,
		peildatum,
		peildata,
		treden,
		zonderStand,
		gemeenten: rijen,
		regios: indeling
	};
}

/** Provincies that have gemeenten in the database (the ones a map can show). */
export async function provinciesMetGemeenten(): Promise<{ code: string; naam: string }[]> {
	return db()
		.selectDistinct({ code: provincies.code, naam: provincies.naam })
		.from(provincies)
		.innerJoin(gemeenten, eq(gemeenten.provincieCode, provincies.code))
		.orderBy(asc(provincies.code));
}

/**
 * The gemeenten of the map whose gemeente page this actor may open (clicking one there opens
 * it; elsewhere the click only holds the information). A kiosk opens none.
 */
export function teOpenen(actor: Actor, provincieCode: string, codes: readonly string[]): string[] {
	return codes.filter((code) =>
		mag(actor, { actie: 'gemeente.bekijken', gemeente: { code, provincieCode } })
	);
}
