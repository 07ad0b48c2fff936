import {
	bigint,
	customType,
	index,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	bigserial
} from 'drizzle-orm/pg-core';

/** Per-room sequence counter; the row lock orders concurrent writers to one room. */
export const realtimeKamers = pgTable('realtime_kamers', {
	kamer: text().primaryKey(),
	seq: bigint({ mode: 'number' }).notNull()
});

/**
 * Outbox of published events. Written in the mutation's transaction, emitted after commit,
 * and read back by clients that missed events (refetch-from-sequence).
 */
export const realtimeGebeurtenissen = pgTable(
	'realtime_gebeurtenissen',
	{
		kamer: text().notNull(),
		seq: bigint({ mode: 'number' }).notNull(),
		type: text().notNull(),
		payload: jsonb().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.kamer, t.seq] }), index().on(t.at)]
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** Used by @socket.io/postgres-adapter for payloads above its NOTIFY size threshold. */
export const socketIoAttachments = pgTable('socket_io_attachments', {
	id: bigserial({ mode: 'number' }).unique(),
	createdAt: timestamp({ withTimezone: true }).defaultNow(),
	payload: bytea()
});
