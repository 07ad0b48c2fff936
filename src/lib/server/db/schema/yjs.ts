import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { bytea } from './bestanden';

/**
 * Collaborative documents (Yjs): every update as it arrived, per document name (`verslag:12`).
 * The document is the merge of its rows; rows are compacted into one from time to time. The
 * audit log records who edited which document (summarised, not per keystroke).
 */
export const yjsUpdates = pgTable(
	'yjs_updates',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		document: text().notNull(),
		update: bytea().notNull(),
		door: integer().references(() => users.id),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.document, t.id)]
);
