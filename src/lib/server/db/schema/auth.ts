import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	index,
	integer,
	pgEnum,
	pgTable,
	serial,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import { ORGANISATIE_ROLLEN } from '../../../domain/autorisatie/rollen';
import { AANHEFFEN } from '../../../domain/vergadering/aanhef';
import { organisaties } from './organisaties';
import { regietafels } from './tafels';

export const users = pgTable(
	'users',
	{
		id: serial().primaryKey(),
		/** Stored lower-case; unique. */
		email: text().notNull().unique(),
		naam: text().notNull(),
		functie: text().notNull().default(''),
		/** How verslagen name this person ("De heer …", "Mevrouw …"); null: the full name. */
		aanhef: text({ enum: AANHEFFEN }),
		passwordHash: text().notNull(),
		actief: boolean().notNull().default(true),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check(
			'users_aanhef',
			sql`${t.aanhef} is null or ${t.aanhef} in (${sql.raw(AANHEFFEN.map((a) => `'${a}'`).join(', '))})`
		)
	]
);

/** Sessions per Lucia's guide: `id` is the hex SHA-256 of the token; the token itself is never stored. */
export const sessions = pgTable(
	'sessions',
	{
		id: text().primaryKey(),
		userId: integer()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.userId)]
);

/** Failed logins, per account and per IP, for throttling (shared by all server processes). */
export const loginPogingen = pgTable(
	'login_pogingen',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		sleutel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.sleutel, t.at)]
);

export const organisatieRol = pgEnum('organisatie_rol', ORGANISATIE_ROLLEN);

export const memberships = pgTable(
	'memberships',
	{
		id: serial().primaryKey(),
		userId: integer()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		organisatieId: integer()
			.notNull()
			.references(() => organisaties.id),
		rol: organisatieRol().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique().on(t.userId, t.organisatieId, t.rol)]
);

/** A revocable, unguessable link for a meeting-room display; only the token's hash is stored. */
export const kioskLinks = pgTable('kiosk_links', {
	id: serial().primaryKey(),
	regietafelId: integer()
		.notNull()
		.references(() => regietafels.id, { onDelete: 'cascade' }),
	naam: text().notNull(),
	tokenHash: text().notNull().unique(),
	createdBy: integer().references(() => users.id),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	revokedAt: timestamp({ withTimezone: true }),
	lastUsedAt: timestamp({ withTimezone: true })
});
