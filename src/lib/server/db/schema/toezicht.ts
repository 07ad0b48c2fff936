import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { provincies } from './gebied';

export const IMPORT_SOORTEN = [
	'taakstelling',
	'bevolking',
	'berekening',
	'realisatie',
	'grenzen'
] as const;
export type ImportSoort = (typeof IMPORT_SOORTEN)[number];

/**
 * One row per committed import (a file, or a computation from vg and population). The unique
 * key makes a repeated import a no-op: `parameters` holds what was chosen on import besides the
 * file (the periode, a peilmaand), because the same bytes mean something else for another period.
 */
export const imports = pgTable(
	'imports',
	{
		id: serial().primaryKey(),
		soort: text({ enum: IMPORT_SOORTEN }).notNull(),
		bestandsnaam: text().notNull(),
		/** Hex SHA-256 of the file's bytes (of the canonical input for a computation). */
		sha256: text().notNull(),
		parameters: text().notNull().default(''),
		rijen: integer().notNull(),
		/** Warnings and consistency flags seen at commit: kept, shown, not hidden. */
		meldingen: jsonb().notNull().default([]),
		door: integer().references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique().on(t.soort, t.sha256, t.parameters),
		check(
			'imports_soort',
			sql`${t.soort} in ('taakstelling', 'bevolking', 'berekening', 'realisatie', 'grenzen')`
		),
		check('imports_rijen', sql`${t.rijen} >= 0`)
	]
);

/** Taakstelling per gemeente per kalenderhalfjaar: the official number, or one computed from vg. */
export const taakstellingen = pgTable(
	'taakstellingen',
	{
		periode: text().notNull(),
		gemeenteCode: text().notNull(),
		aantal: integer().notNull(),
		bron: text({ enum: ['import', 'berekend'] }).notNull(),
		/** The national number used, for a computed taakstelling. */
		vg: integer(),
		importId: integer()
			.notNull()
			.references(() => imports.id)
	},
	(t) => [
		primaryKey({ columns: [t.periode, t.gemeenteCode] }),
		index().on(t.gemeenteCode),
		check('taakstellingen_periode', sql`${t.periode} ~ '^[0-9]{4}-(I|II)$'`),
		check('taakstellingen_aantal', sql`${t.aantal} >= 0`),
		check('taakstellingen_bron', sql`${t.bron} in ('import', 'berekend')`),
		check('taakstellingen_vg', sql`${t.vg} is null or ${t.vg} >= 0`)
	]
);

/** CBS population on 1 January of `jaar`, per gemeente (GMxxxx) and for the country (NL01). */
export const bevolking = pgTable(
	'bevolking',
	{
		jaar: integer().notNull(),
		code: text().notNull(),
		inwoners: integer().notNull(),
		importId: integer()
			.notNull()
			.references(() => imports.id)
	},
	(t) => [
		primaryKey({ columns: [t.jaar, t.code] }),
		check('bevolking_code', sql`${t.code} ~ '^(GM[0-9]{4}|NL01)$'`),
		check('bevolking_inwoners', sql`${t.inwoners} >= 0`)
	]
);

/** COA realisatiecijfers, one row per gemeente per month (the monthly overview). */
export const realisatiecijfers = pgTable(
	'realisatiecijfers',
	{
		gemeenteCode: text().notNull(),
		/** `YYYY-MM`: the month the figures describe (stand at the end of it). */
		maand: text().notNull(),
		/** The kalenderhalfjaar the month belongs to (derived, kept for cheap filtering). */
		periode: text().notNull(),
		/** Housed since the start of the period. */
		gehuisvest: integer().notNull(),
		/** Linked and not yet housed, including COA's forecast. */
		koppelingen: integer().notNull(),
		omkoppelingen: integer().notNull(),
		stapelgemeente: boolean().notNull(),
		/**
		 * The saldo carried into the period as COA's overview states it (+ voorsprong,
		 * − achterstand), when the file has that column. Kept to compare, never to compute: the
		 * portal carries its own end saldo of the previous period (or the beginstand) and flags a
		 * difference (import warning 'saldo-wijkt-af').
		 */
		saldoVorigePeriode: integer(),
		importId: integer()
			.notNull()
			.references(() => imports.id)
	},
	(t) => [
		primaryKey({ columns: [t.gemeenteCode, t.maand] }),
		index().on(t.periode, t.gemeenteCode),
		check('realisatiecijfers_maand', sql`${t.maand} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
		check('realisatiecijfers_periode', sql`${t.periode} ~ '^[0-9]{4}-(I|II)$'`),
		check('realisatiecijfers_gehuisvest', sql`${t.gehuisvest} >= 0`),
		check('realisatiecijfers_koppelingen', sql`${t.koppelingen} >= 0`),
		check('realisatiecijfers_omkoppelingen', sql`${t.omkoppelingen} >= 0`)
	]
);

/**
 * The aanvullend beleidskader as data (issue 3 §1): per provincie, effective from a period,
 * versioned. Versions are never updated; a change is a new version.
 */
export const beleidsversies = pgTable(
	'beleidsversies',
	{
		id: serial().primaryKey(),
		provincieCode: text()
			.notNull()
			.references(() => provincies.code),
		vanaf: text().notNull(),
		versie: integer().notNull(),
		/** A complete `Beleid` (domain/ladder/beleidskader.ts), validated with zod on write. */
		beleid: jsonb().notNull(),
		door: integer().references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		toelichting: text().notNull().default('')
	},
	(t) => [
		unique().on(t.provincieCode, t.vanaf, t.versie),
		check('beleidsversies_vanaf', sql`${t.vanaf} ~ '^[0-9]{4}-(I|II)$'`),
		check('beleidsversies_versie', sql`${t.versie} >= 1`)
	]
);
