import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	jsonb,
	pgTable,
	serial,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import { TREDEN } from '../../../domain/ladder/trede';
import { users } from './auth';
import { beleidsversies } from './toezicht';

const tredenSql = sql.raw(TREDEN.map((t) => `'${t}'`).join(', '));

/**
 * The engine's assessment of one gemeente at one peildatum: inputs, policy version and the
 * complete result (reasons, explanation), so every standing can be explained later. Recomputed
 * whenever its data changes; a decision (besluiten) can set another trede.
 */
export const beoordelingen = pgTable(
	'beoordelingen',
	{
		id: serial().primaryKey(),
		gemeenteCode: text().notNull(),
		periode: text().notNull(),
		kind: text({ enum: ['midpoint', 'end'] }).notNull(),
		peildatum: text().notNull(),
		/** null: the standard policy (no version for the provincie yet). */
		beleidsversieId: integer().references(() => beleidsversies.id),
		invoer: jsonb().notNull(),
		/** The engine's MiddenBeoordeling or EindBeoordeling. */
		resultaat: jsonb().notNull(),
		tredeVoor: text().notNull(),
		/** The rule result; the standing is a decision's trede where one exists. */
		tredeNa: text().notNull(),
		berekendAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique().on(t.gemeenteCode, t.periode, t.kind),
		index().on(t.periode),
		check('beoordelingen_kind', sql`${t.kind} in ('midpoint', 'end')`),
		check('beoordelingen_trede_voor', sql`${t.tredeVoor} in (${tredenSql})`),
		check('beoordelingen_trede_na', sql`${t.tredeNa} in (${tredenSql})`)
	]
);

/**
 * A toezichthouder's decision on a standing (DOMAIN.md §4: treden 4–6 are decisions of GS; an
 * override of the rule result needs a motivation). Append-only: the newest decision for a
 * (gemeente, periode, kind) counts.
 */
export const besluiten = pgTable(
	'besluiten',
	{
		id: serial().primaryKey(),
		gemeenteCode: text().notNull(),
		periode: text().notNull(),
		kind: text({ enum: ['midpoint', 'end'] }).notNull(),
		trede: text().notNull(),
		/** Date of the decision (ISO), required for treden 4–6. */
		datum: text(),
		/** Reference of the GS decision or letter, required for treden 4–6. */
		kenmerk: text(),
		motivatie: text().notNull().default(''),
		door: integer().references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index().on(t.gemeenteCode, t.periode, t.kind),
		check('besluiten_kind', sql`${t.kind} in ('midpoint', 'end')`),
		check('besluiten_trede', sql`${t.trede} in (${tredenSql})`)
	]
);

/**
 * The standing a gemeente had when it entered the portal (issue 3): its trede and the saldo
 * carried into its first period with a taakstelling (+ voorsprong, − achterstand), with the
 * source it comes from (a toezichtbrief, with date and kenmerk). Without one the engine starts
 * at trede 0 and saldo 0, which is wrong for a gemeente that was already behind. Append-only
 * (a trigger refuses UPDATE and DELETE): the newest row of a gemeente counts, the older ones are
 * its history.
 */
export const beginstanden = pgTable(
	'beginstanden',
	{
		id: serial().primaryKey(),
		gemeenteCode: text().notNull(),
		trede: text().notNull(),
		/** + voorsprong, − achterstand, carried into the first period. */
		saldo: integer().notNull(),
		/** Where the standing comes from ("toezichtbrief 1 januari 2026, kenmerk …"): required. */
		bron: text().notNull(),
		door: integer().references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index().on(t.gemeenteCode, t.id),
		check('beginstanden_gemeente', sql`${t.gemeenteCode} ~ '^GM[0-9]{4}$'`),
		check('beginstanden_trede', sql`${t.trede} in (${tredenSql})`),
		check('beginstanden_bron', sql`length(trim(${t.bron})) > 0`)
	]
);
