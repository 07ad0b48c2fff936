import { sql } from 'drizzle-orm';
import {
	check,
	date,
	foreignKey,
	index,
	integer,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	unique,
	uniqueIndex,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { AANHEFFEN } from '../../../domain/vergadering/aanhef';
import { ACTIEPUNT_STATUSSEN } from '../../../domain/vergadering/actiepunten';
import { AGENDAPUNT_TYPES } from '../../../domain/vergadering/agenda';
import { AANWEZIGHEID_STATUSSEN } from '../../../domain/vergadering/presentie';
import { VERGADERING_STATUSSEN } from '../../../domain/vergadering/vergadering';
import { users } from './auth';
import { bestanden } from './bestanden';
import { regietafels } from './tafels';

const lijst = (waarden: readonly string[]) => sql.raw(waarden.map((s) => `'${s}'`).join(', '));
const TIJD = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/**
 * A meeting of a regietafel (issue 6, DOMAIN.md §6). Date and times are Dutch wall-clock times as
 * the secretaris types them (the calendar export turns them into instants). `versie` is the
 * optimistic lock of the meeting's details and agenda: every change names the version it saw and
 * raises it. `icsVolgnummer` is the calendar SEQUENCE: it rises only when time or place change.
 * The shared screen shows `huidigAgendapuntId`, current since `huidigSinds`.
 */
export const vergaderingen = pgTable(
	'vergaderingen',
	{
		id: serial().primaryKey(),
		regietafelId: integer()
			.notNull()
			.references(() => regietafels.id, { onDelete: 'cascade' }),
		datum: date({ mode: 'string' }).notNull(),
		begintijd: text().notNull(),
		eindtijd: text().notNull(),
		locatie: text().notNull().default(''),
		onlineLink: text(),
		status: text({ enum: VERGADERING_STATUSSEN }).notNull().default('gepland'),
		versie: integer().notNull().default(1),
		icsVolgnummer: integer().notNull().default(0),
		huidigAgendapuntId: integer().references((): AnyPgColumn => agendapunten.id, {
			onDelete: 'set null'
		}),
		huidigSinds: timestamp({ withTimezone: true }),
		gestartAt: timestamp({ withTimezone: true }),
		afgerondAt: timestamp({ withTimezone: true }),
		aangemaaktDoor: integer().references(() => users.id),
		aangemaaktDoorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		gewijzigdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index().on(t.regietafelId, t.datum),
		// Target of the actiepunten' (vergadering, regietafel) reference.
		unique('vergaderingen_id_tafel').on(t.id, t.regietafelId),
		// A kiosk shows "the" running meeting of its table: there is at most one.
		uniqueIndex('vergaderingen_een_bezig')
			.on(t.regietafelId)
			.where(sql`${t.status} = 'bezig'`),
		check('vergaderingen_status', sql`${t.status} in (${lijst(VERGADERING_STATUSSEN)})`),
		check('vergaderingen_versie', sql`${t.versie} >= 1 and ${t.icsVolgnummer} >= 0`),
		check(
			'vergaderingen_tijden',
			sql`${t.begintijd} ~ ${sql.raw(`'${TIJD}'`)} and ${t.eindtijd} ~ ${sql.raw(`'${TIJD}'`)} and ${t.eindtijd} > ${t.begintijd}`
		),
		check('vergaderingen_link', sql`${t.onlineLink} is null or ${t.onlineLink} ~ '^https://'`),
		check(
			'vergaderingen_plaats',
			sql`length(trim(${t.locatie})) > 0 or ${t.onlineLink} is not null`
		)
	]
);

/**
 * One item of a meeting's agenda, in `volgorde` (0-based, gap-free per meeting). The id is
 * stable across reorders and edits: the verslag per agendapunt and the actiepunten refer to it.
 */
export const agendapunten = pgTable(
	'agendapunten',
	{
		id: serial().primaryKey(),
		vergaderingId: integer()
			.notNull()
			.references(() => vergaderingen.id, { onDelete: 'cascade' }),
		volgorde: integer().notNull(),
		titel: text().notNull(),
		type: text({ enum: AGENDAPUNT_TYPES }).notNull(),
		/** Planned minutes. */
		duur: integer().notNull(),
		presentator: text().notNull().default(''),
		omschrijving: text().notNull().default(''),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		gewijzigdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index().on(t.vergaderingId, t.volgorde),
		check('agendapunten_type', sql`${t.type} in (${lijst(AGENDAPUNT_TYPES)})`),
		check('agendapunten_titel', sql`length(${t.titel}) between 1 and 200`),
		check('agendapunten_duur', sql`${t.duur} between 1 and 480`),
		check('agendapunten_volgorde', sql`${t.volgorde} >= 0`)
	]
);

/** Stukken of an agendapunt (PDF, DOCX, XLSX), kept in the file store. */
export const agendapuntBijlagen = pgTable(
	'agendapunt_bijlagen',
	{
		id: serial().primaryKey(),
		agendapuntId: integer()
			.notNull()
			.references(() => agendapunten.id, { onDelete: 'cascade' }),
		bestandId: integer()
			.notNull()
			.unique()
			.references(() => bestanden.id),
		door: integer().references(() => users.id),
		doorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.agendapuntId)]
);

/**
 * The members invited to a meeting (the table's members when it was planned) and what became of
 * each: present, apologies, or replaced by someone (name, function, organisation). Name, function
 * and organisation are kept as they were, because the verslag opens with this list.
 */
export const vergaderingGenodigden = pgTable(
	'vergadering_genodigden',
	{
		vergaderingId: integer()
			.notNull()
			.references(() => vergaderingen.id, { onDelete: 'cascade' }),
		userId: integer()
			.notNull()
			.references(() => users.id),
		naam: text().notNull(),
		functie: text().notNull().default(''),
		organisatie: text().notNull().default(''),
		status: text({ enum: AANWEZIGHEID_STATUSSEN }).notNull().default('onbekend'),
		vervangerNaam: text(),
		vervangerFunctie: text(),
		vervangerOrganisatie: text(),
		vervangerAanhef: text({ enum: AANHEFFEN }),
		gewijzigdDoorLabel: text(),
		gewijzigdAt: timestamp({ withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.vergaderingId, t.userId] }),
		check('genodigden_status', sql`${t.status} in (${lijst(AANWEZIGHEID_STATUSSEN)})`),
		check(
			'genodigden_vervanger',
			sql`(${t.status} = 'vervangen') = (${t.vervangerNaam} is not null and length(trim(${t.vervangerNaam})) > 0)`
		),
		check(
			'genodigden_vervanger_aanhef',
			sql`${t.vervangerAanhef} is null or ${t.vervangerAanhef} in (${lijst(AANHEFFEN)})`
		)
	]
);

/** Guests at a meeting (not members of the table). */
export const vergaderingGasten = pgTable(
	'vergadering_gasten',
	{
		id: serial().primaryKey(),
		vergaderingId: integer()
			.notNull()
			.references(() => vergaderingen.id, { onDelete: 'cascade' }),
		naam: text().notNull(),
		functie: text().notNull().default(''),
		organisatie: text().notNull().default(''),
		aanhef: text({ enum: AANHEFFEN }),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index().on(t.vergaderingId),
		check('gasten_naam', sql`length(trim(${t.naam})) between 1 and 200`),
		check('gasten_aanhef', sql`${t.aanhef} is null or ${t.aanhef} in (${lijst(AANHEFFEN)})`)
	]
);

/**
 * Afspraken of a meeting that are followed up (DOMAIN.md §6): who (a portal user, or a name typed
 * in), before when, and how far. They belong to the meeting's table (enforced by the composite
 * reference), so the next meeting lists the table's open ones. `versie` guards status changes.
 */
export const actiepunten = pgTable(
	'actiepunten',
	{
		id: serial().primaryKey(),
		regietafelId: integer()
			.notNull()
			.references(() => regietafels.id, { onDelete: 'cascade' }),
		vergaderingId: integer().notNull(),
		/** The agendapunt where it was agreed; kept when the item is later removed (null). */
		agendapuntId: integer().references(() => agendapunten.id, { onDelete: 'set null' }),
		omschrijving: text().notNull(),
		eigenaarUserId: integer().references(() => users.id),
		eigenaarNaam: text().notNull(),
		eigenaarOrganisatie: text().notNull().default(''),
		deadline: date({ mode: 'string' }),
		status: text({ enum: ACTIEPUNT_STATUSSEN }).notNull().default('open'),
		versie: integer().notNull().default(1),
		aangemaaktDoor: integer().references(() => users.id),
		aangemaaktDoorLabel: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		gewijzigdDoorLabel: text(),
		gewijzigdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		foreignKey({
			name: 'actiepunten_vergadering_tafel',
			columns: [t.vergaderingId, t.regietafelId],
			foreignColumns: [vergaderingen.id, vergaderingen.regietafelId]
		}).onDelete('cascade'),
		index().on(t.regietafelId, t.status),
		index().on(t.eigenaarUserId),
		index().on(t.vergaderingId),
		check('actiepunten_status', sql`${t.status} in (${lijst(ACTIEPUNT_STATUSSEN)})`),
		check('actiepunten_omschrijving', sql`length(trim(${t.omschrijving})) between 1 and 2000`),
		check('actiepunten_eigenaar', sql`length(trim(${t.eigenaarNaam})) between 1 and 200`),
		check('actiepunten_versie', sql`${t.versie} >= 1`)
	]
);
