import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import { HERVERDELING_STATUSSEN } from '../../../domain/herverdeling/workflow';
import { users } from './auth';
import { bestanden } from './bestanden';

const statussenSql = sql.raw(HERVERDELING_STATUSSEN.map((s) => `'${s}'`).join(', '));

/**
 * A proposal to redistribute taakstelling between gemeenten for one period (Huisvestingswet
 * art. 29 lid 2). `versie` is the optimistic lock: every transition names the version it saw
 * and bumps it, so a stale write is refused instead of merged. Its history is the audit log
 * (entity 'herverdeling').
 */
export const herverdelingen = pgTable(
	'herverdelingen',
	{
		id: serial().primaryKey(),
		periode: text().notNull(),
		status: text({ enum: HERVERDELING_STATUSSEN }).notNull().default('concept'),
		motivatie: text().notNull(),
		/** The provincie where it was proposed (whose supervisor follows it first). */
		provincieCode: text().notNull(),
		versie: integer().notNull().default(1),
		/** Warnings accepted by the proposer (another provincie, a period already started). */
		waarschuwingen: jsonb().notNull().default([]),
		/** Which recipients were informed when it was processed: ['provincie', 'bzk', 'coa']. */
		geinformeerd: jsonb().notNull().default([]),
		door: integer().references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		gewijzigdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index().on(t.periode),
		check('herverdelingen_periode', sql`${t.periode} ~ '^[0-9]{4}-(I|II)$'`),
		check('herverdelingen_status', sql`${t.status} in (${statussenSql})`),
		check('herverdelingen_versie', sql`${t.versie} >= 1`)
	]
);

/** One gemeente's part in a herverdeling: its change and its college's reaction. */
export const herverdelingGemeenten = pgTable(
	'herverdeling_gemeenten',
	{
		herverdelingId: integer()
			.notNull()
			.references(() => herverdelingen.id, { onDelete: 'cascade' }),
		gemeenteCode: text().notNull(),
		provincieCode: text().notNull(),
		wijziging: integer().notNull(),
		reactie: text({ enum: ['open', 'akkoord', 'afgewezen'] })
			.notNull()
			.default('open'),
		/** Date and reference of the B&W-besluit (akkoord). */
		besluitDatum: date({ mode: 'string' }),
		kenmerk: text(),
		/** Why the college does not agree (afgewezen). */
		reden: text(),
		reactieDoor: integer().references(() => users.id),
		reactieDoorLabel: text(),
		reactieAt: timestamp({ withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.herverdelingId, t.gemeenteCode] }),
		index().on(t.gemeenteCode),
		check('herverdeling_gemeenten_wijziging', sql`${t.wijziging} <> 0`),
		check('herverdeling_gemeenten_reactie', sql`${t.reactie} in ('open', 'akkoord', 'afgewezen')`),
		check(
			'herverdeling_gemeenten_akkoord',
			sql`${t.reactie} <> 'akkoord' or (${t.besluitDatum} is not null and ${t.kenmerk} is not null)`
		),
		check(
			'herverdeling_gemeenten_afgewezen',
			sql`${t.reactie} <> 'afgewezen' or ${t.reden} is not null`
		)
	]
);

/**
 * Attachments of a herverdeling (issue 5 §1: "a motivation and attachments"): a link to a file in
 * the file store. Who may read one is decided by the herverdeling (`herverdeling.bekijken`);
 * the file belongs to this link only and is removed with it.
 */
export const herverdelingBijlagen = pgTable(
	'herverdeling_bijlagen',
	{
		herverdelingId: integer()
			.notNull()
			.references(() => herverdelingen.id, { onDelete: 'cascade' }),
		bestandId: integer()
			.notNull()
			.unique()
			.references(() => bestanden.id),
		door: integer().references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.herverdelingId, t.bestandId] })]
);
