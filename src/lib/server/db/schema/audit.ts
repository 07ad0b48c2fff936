import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. Every mutation writes
 * one row in the same transaction as the change itself.
 */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		actorUserId: integer(),
		/** Human-readable actor ("Mira Jansen", "kiosk #3", "systeem"), kept even if the user goes. */
		actorLabel: text().notNull(),
		entity: text().notNull(),
		entityId: text().notNull(),
		action: text().notNull(),
		before: jsonb(),
		after: jsonb()
	},
	(t) => [index().on(t.entity, t.entityId), index().on(t.at)]
);
