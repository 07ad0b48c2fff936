import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { HUURCONTRACT_STATUSSEN, MAX_PERSONEN } from '../../../domain/huurcontract/regels';
import { users } from './auth';
import { bestanden } from './bestanden';

const statussenSql = sql.raw(HUURCONTRACT_STATUSSEN.map((s) => `'${s}'`).join(', '));

/**
 * Signed huurcontracten a gemeente sends in ("pijplijnproductie", DOMAIN.md §3) and the
 * toezichthouder's judgement of each. Accepted ones count for the judgement at the end of
 * `periode` (services/beoordelingen.ts). `versie` rises with every change: a judgement or
 * withdrawal made on an older version is refused (optimistic locking).
 */
export const huurcontracten = pgTable(
	'huurcontracten',
	{
		id: serial().primaryKey(),
		gemeenteCode: text().notNull(),
		/** The kalenderhalfjaar that contains `datum` (checked below). */
		periode: text().notNull(),
		/** Date of signing. */
		datum: date({ mode: 'string' }).notNull(),
		personen: integer().notNull(),
		/** Start of the lease. */
		ingangsdatum: date({ mode: 'string' }).notNull(),
		/** The signed contract (PDF, PNG or JPG). */
		bestandId: integer()
			.notNull()
			.references(() => bestanden.id),
		kenmerk: text(),
		omschrijving: text(),
		status: text({ enum: HUURCONTRACT_STATUSSEN }).notNull().default('ingediend'),
		/** Why it was rejected; required for `afgewezen`. */
		reden: text(),
		ingediendDoor: integer().references(() => users.id),
		ingediendDoorLabel: text().notNull(),
		ingediendAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** The latest judgement (accepted or rejected). */
		beoordeeldDoor: integer().references(() => users.id),
		beoordeeldDoorLabel: text(),
		beoordeeldAt: timestamp({ withTimezone: true }),
		ingetrokkenDoor: integer().references(() => users.id),
		ingetrokkenDoorLabel: text(),
		ingetrokkenAt: timestamp({ withTimezone: true }),
		versie: integer().notNull().default(1)
	},
	(t) => [
		index().on(t.gemeenteCode, t.periode),
		index().on(t.status),
		check('huurcontracten_gemeente', sql`${t.gemeenteCode} ~ '^GM[0-9]{4}$'`),
		check(
			'huurcontracten_periode',
			sql`${t.periode} = extract(year from ${t.datum})::int::text || case when extract(month from ${t.datum}) <= 6 then '-I' else '-II' end`
		),
		check(
			'huurcontracten_personen',
			sql`${t.personen} between 1 and ${sql.raw(String(MAX_PERSONEN))}`
		),
		check('huurcontracten_ingang', sql`${t.ingangsdatum} >= ${t.datum}`),
		check('huurcontracten_status', sql`${t.status} in (${statussenSql})`),
		check(
			'huurcontracten_reden',
			sql`${t.status} <> 'afgewezen' or length(trim(coalesce(${t.reden}, ''))) > 0`
		),
		check(
			'huurcontracten_beoordeeld',
			sql`(${t.status} in ('geaccepteerd', 'afgewezen')) = (${t.beoordeeldAt} is not null and ${t.beoordeeldDoorLabel} is not null)`
		),
		check(
			'huurcontracten_ingetrokken',
			sql`(${t.status} = 'ingetrokken') = (${t.ingetrokkenAt} is not null and ${t.ingetrokkenDoorLabel} is not null)`
		),
		check(
			'huurcontracten_teksten',
			sql`coalesce(length(${t.kenmerk}), 0) <= 100 and coalesce(length(${t.omschrijving}), 0) <= 1000 and coalesce(length(${t.reden}), 0) <= 2000`
		),
		check('huurcontracten_versie', sql`${t.versie} >= 1`)
	]
);
