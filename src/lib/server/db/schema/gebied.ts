import {
	foreignKey,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	serial,
	text,
	unique
} from 'drizzle-orm/pg-core';

export const provincies = pgTable('provincies', {
	/** CBS code, e.g. PV28 */
	code: text().primaryKey(),
	naam: text().notNull()
});

/**
 * Gemeenten per year: CBS codes change with herindelingen, so the key is (jaar, code).
 * `jaar` is the year of the CBS gebiedsindeling (situation on 1 January).
 */
export const gemeenten = pgTable(
	'gemeenten',
	{
		jaar: integer().notNull(),
		code: text().notNull(),
		naam: text().notNull(),
		provincieCode: text()
			.notNull()
			.references(() => provincies.code)
	},
	(t) => [primaryKey({ columns: [t.jaar, t.code] }), index().on(t.provincieCode, t.jaar)]
);

export const regioType = pgEnum('regio_type', [
	'veiligheidsregio',
	'woonregio',
	'coa-regio',
	'arbeidsmarktregio'
]);

export const regios = pgTable(
	'regios',
	{
		id: serial().primaryKey(),
		type: regioType().notNull(),
		naam: text().notNull(),
		/** Official code where one exists (VR15 for Haaglanden). */
		code: text(),
		provincieCode: text().references(() => provincies.code)
	},
	(t) => [unique().on(t.type, t.naam)]
);

/** Membership of a regio, per year (a herindeling can move a gemeente). */
export const regioGemeenten = pgTable(
	'regio_gemeenten',
	{
		regioId: integer()
			.notNull()
			.references(() => regios.id, { onDelete: 'cascade' }),
		jaar: integer().notNull(),
		gemeenteCode: text().notNull()
	},
	(t) => [
		primaryKey({ columns: [t.regioId, t.jaar, t.gemeenteCode] }),
		foreignKey({
			columns: [t.jaar, t.gemeenteCode],
			foreignColumns: [gemeenten.jaar, gemeenten.code]
		}),
		index().on(t.jaar, t.gemeenteCode)
	]
);
