import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	unique,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { bytea } from './bestanden';
import { agendapunten, vergaderingen } from './vergaderingen';

/**
 * The verslag (minutes) of a meeting (issue 6 §4–5). The living text is a Yjs document
 * `verslag:<vergaderingId>` (table yjs_updates) with one XML fragment per agendapunt
 * (`ap-<agendapuntId>`); the tables here hold what is around it.
 */

/** Co-editors the secretaris allows to write in the verslag besides themselves. */
export const verslagRedacteuren = pgTable(
	'verslag_redacteuren',
	{
		vergaderingId: integer()
			.notNull()
			.references(() => vergaderingen.id, { onDelete: 'cascade' }),
		userId: integer()
			.notNull()
			.references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.vergaderingId, t.userId] })]
);

export const VERSLAG_VERSIE_SOORTEN = ['concept', 'vastgesteld'] as const;
export type VerslagVersieSoort = (typeof VERSLAG_VERSIE_SOORTEN)[number];

/**
 * Published versions (snapshots): every concept sent to the members, and the final vastgesteld
 * version. `inhoud` is the rendered content (agendapunten with ProseMirror JSON, attendance,
 * frozen figures) so a version reads the same forever; `yjsStaat` is the Yjs state at that moment.
 * Versions are never changed (append-only trigger in a custom migration).
 */
export const verslagVersies = pgTable(
	'verslag_versies',
	{
		id: serial().primaryKey(),
		vergaderingId: integer()
			.notNull()
			.references(() => vergaderingen.id, { onDelete: 'cascade' }),
		nummer: integer().notNull(),
		soort: text({ enum: VERSLAG_VERSIE_SOORTEN }).notNull(),
		inhoud: jsonb().notNull(),
		yjsStaat: bytea().notNull(),
		/** For a vastgesteld version: the meeting at which it was vastgesteld. */
		vastgesteldIn: integer().references(() => vergaderingen.id),
		door: integer().references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique().on(t.vergaderingId, t.nummer),
		// A verslag is vastgesteld once.
		uniqueIndex('verslag_versies_een_vastgesteld')
			.on(t.vergaderingId)
			.where(sql`${t.soort} = 'vastgesteld'`),
		check('verslag_versies_nummer', sql`${t.nummer} >= 1`)
	]
);

export const OPMERKING_STATUSSEN = ['open', 'verwerkt', 'niet-overgenomen'] as const;
export type OpmerkingStatus = (typeof OPMERKING_STATUSSEN)[number];

/** A member's comment on a published concept, per agendapunt (null: on the verslag as a whole). */
export const verslagOpmerkingen = pgTable(
	'verslag_opmerkingen',
	{
		id: serial().primaryKey(),
		versieId: integer()
			.notNull()
			.references(() => verslagVersies.id, { onDelete: 'cascade' }),
		vergaderingId: integer()
			.notNull()
			.references(() => vergaderingen.id, { onDelete: 'cascade' }),
		agendapuntId: integer().references(() => agendapunten.id, { onDelete: 'set null' }),
		tekst: text().notNull(),
		door: integer().references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		status: text({ enum: OPMERKING_STATUSSEN }).notNull().default('open'),
		reactie: text(),
		verwerktDoorLabel: text(),
		verwerktAt: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.vergaderingId, t.agendapuntId)]
);

/**
 * Figures of a "stand van zaken" agendapunt frozen at meeting time (issue 6 §4): the regional
 * overview as it was, so the verslag stays true when the data changes later. Freezing again
 * replaces them (until the verslag is vastgesteld).
 */
export const verslagCijfers = pgTable('verslag_cijfers', {
	agendapuntId: integer()
		.primaryKey()
		.references(() => agendapunten.id, { onDelete: 'cascade' }),
	vergaderingId: integer()
		.notNull()
		.references(() => vergaderingen.id, { onDelete: 'cascade' }),
	halfjaar: text().notNull(),
	inhoud: jsonb().notNull(),
	door: integer().references(() => users.id),
	doorLabel: text().notNull(),
	at: timestamp({ withTimezone: true }).notNull().defaultNow()
});
