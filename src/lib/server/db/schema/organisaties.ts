import { pgEnum, pgTable, serial, text, timestamp, index } from 'drizzle-orm/pg-core';
import { ORGANISATIE_TYPES } from '../../../domain/autorisatie/rollen';
import { provincies } from './gebied';

export const organisatieType = pgEnum('organisatie_type', ORGANISATIE_TYPES);

/**
 * Every party at the table. A gemeente-organisatie points at a CBS code, not at a
 * (jaar, code) row: the organisation outlives a herindeling only by an explicit change.
 */
export const organisaties = pgTable(
	'organisaties',
	{
		id: serial().primaryKey(),
		naam: text().notNull(),
		type: organisatieType().notNull(),
		provincieCode: text().references(() => provincies.code),
		gemeenteCode: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.type), index().on(t.gemeenteCode)]
);

export type Organisatie = typeof organisaties.$inferSelect;
