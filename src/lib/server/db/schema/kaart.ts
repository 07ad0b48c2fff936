import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { MultiPolygon, Polygon } from 'geojson';
import { imports } from './toezicht';

export const GRENS_SOORTEN = ['gemeente', 'provincie', 'regio'] as const;
export type GrensSoort = (typeof GRENS_SOORTEN)[number];

/**
 * Boundaries per year of the CBS gebiedsindeling, for the map. Gemeenten and provincies come
 * from an imported file (`npm run geo:import`); regio outlines (code = the regio's id) are
 * derived by dissolving their member gemeenten of that year, on every gemeente import.
 * The geometry is GeoJSON (WGS84, coordinates rounded), ready to send to the browser.
 */
export const grenzen = pgTable(
	'grenzen',
	{
		jaar: integer().notNull(),
		soort: text({ enum: GRENS_SOORTEN }).notNull(),
		code: text().notNull(),
		/** GeoJSON Polygon or MultiPolygon. */
		geometrie: jsonb().$type<Polygon | MultiPolygon>().notNull(),
		/** [west, south, east, north] */
		bbox: jsonb().$type<[number, number, number, number]>().notNull(),
		/** Hex SHA-256 of the geometry's JSON: what a repeated import and the ETags compare. */
		hash: text().notNull(),
		punten: integer().notNull(),
		/** The import that wrote this row (for a regio: the gemeente import it was derived from). */
		importId: integer()
			.notNull()
			.references(() => imports.id)
	},
	(t) => [
		primaryKey({ columns: [t.jaar, t.soort, t.code] }),
		index().on(t.importId),
		check('grenzen_soort', sql`${t.soort} in ('gemeente', 'provincie', 'regio')`),
		check(
			'grenzen_code',
			sql`(${t.soort} = 'gemeente' and ${t.code} ~ '^GM[0-9]{4}$') or (${t.soort} = 'provincie' and ${t.code} ~ '^PV[0-9]{2}$') or (${t.soort} = 'regio' and ${t.code} ~ '^[0-9]+$')`
		),
		check('grenzen_punten', sql`${t.punten} > 0`)
	]
);
