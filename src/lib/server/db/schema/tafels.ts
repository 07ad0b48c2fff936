import {
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import { provincies, regios } from './gebied';
import { users } from './auth';
import { TAFEL_ROLLEN } from '../../../domain/autorisatie/rollen';

export const regietafelSoort = pgEnum('regietafel_soort', ['prt', 'regionaal']);
export const tafelRol = pgEnum('tafel_rol', TAFEL_ROLLEN);

export const regietafels = pgTable('regietafels', {
	id: serial().primaryKey(),
	naam: text().notNull(),
	soort: regietafelSoort().notNull(),
	provincieCode: text()
		.notNull()
		.references(() => provincies.code),
	/** The regio of a regionale tafel; null for a PRT. */
	regioId: integer().references(() => regios.id),
	beschrijving: text().notNull().default('')
});

export const regietafelLeden = pgTable(
	'regietafel_leden',
	{
		regietafelId: integer()
			.notNull()
			.references(() => regietafels.id, { onDelete: 'cascade' }),
		userId: integer()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		rol: tafelRol().notNull(),
		sinds: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.regietafelId, t.userId] }), index().on(t.userId)]
);

/** Short notices for everyone at the table (shown live, also on kiosk screens). */
export const mededelingen = pgTable(
	'mededelingen',
	{
		id: serial().primaryKey(),
		regietafelId: integer()
			.notNull()
			.references(() => regietafels.id, { onDelete: 'cascade' }),
		auteurId: integer()
			.notNull()
			.references(() => users.id),
		tekst: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.regietafelId, t.createdAt)]
);
