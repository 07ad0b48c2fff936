import { sql } from 'drizzle-orm';
import { check, customType, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * `bytea` (drizzle-orm 0.45 has no built-in column for it). postgres.js returns a Buffer and
 * PGlite a Uint8Array; both become a plain Uint8Array here, and a Buffer goes to the driver
 * (postgres.js serialises a Buffer as bytea; PGlite accepts any Uint8Array).
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	toDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
	fromDriver: (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength)
});

/**
 * Uploaded files (signed huurcontracten now; herverdeling and meeting attachments later). The
 * owner table refers to a row here; who may read it is decided by the owner, never by this
 * table. Rows are written only through `$lib/server/bestanden.ts`, which checks extension, magic
 * bytes and size, and sets `mime` itself (never the browser's claim).
 */
export const bestanden = pgTable(
	'bestanden',
	{
		id: serial().primaryKey(),
		/** File name as uploaded, cleaned (no path, no control characters). */
		naam: text().notNull(),
		/** Our content type for the detected kind. */
		mime: text().notNull(),
		grootte: integer().notNull(),
		/** Hex SHA-256 of `inhoud`. */
		sha256: text().notNull(),
		inhoud: bytea().notNull(),
		door: integer().references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('bestanden_naam', sql`length(${t.naam}) between 1 and 255`),
		check('bestanden_grootte', sql`${t.grootte} > 0 and ${t.grootte} = octet_length(${t.inhoud})`),
		check('bestanden_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
		check('bestanden_mime', sql`${t.mime} ~ '^[a-z]+/[a-z0-9.+-]+$'`)
	]
);
