import { z } from 'zod';

const boolFromString = z
	.enum(['true', 'false', '1', '0', 'ja', 'nee'])
	.transform((v) => v === 'true' || v === '1' || v === 'ja');

/** An optional text setting; an empty value counts as not set. */
const optioneleTekst = z
	.string()
	.optional()
	.transform((v) => (v?.trim() ? v.trim() : undefined));

const schema = z.object({
	NODE_ENV: z.string().default('development'),
	/** PostgreSQL via postgres.js when set; PGlite (embedded) otherwise. */
	DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
	/** Data directory of the embedded database; `memory://` keeps it in memory. */
	PGLITE_DIR: z.string().default('data/pglite'),
	SESSION_LIFETIME_DAYS: z.coerce.number().int().min(1).max(365).default(30),
	/** Demo mode: seeds demo data on an empty database and shows the demo logins on the login page. */
	DEMO: boolFromString.optional(),
	/** In demo mode, also load synthetic taakstellingen and COA figures for 2026 (default true). */
	DEMO_CIJFERS: boolFromString.default(true),
	/** Failed logins allowed per account / per IP within LOGIN_THROTTLE_WINDOW_MINUTES. */
	LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
	LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
	LOGIN_THROTTLE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
	/** Largest file accepted by the import page (bytes); the server's body limit follows it. */
	IMPORT_MAX_BYTES: z.coerce
		.number()
		.int()
		.min(1)
		.default(5 * 1024 * 1024),
	/** Largest attachment (signed huurcontract, …) accepted by the file store (bytes). */
	BIJLAGE_MAX_BYTES: z.coerce
		.number()
		.int()
		.min(1)
		.default(10 * 1024 * 1024),
	/**
	 * Boundary files (path or http(s) URL, GeoJSON or TopoJSON) imported at start-up when their
	 * year is not in the database yet; `npm run geo:import` does the same by hand.
	 */
	GEO_GEMEENTEN_SOURCE: optioneleTekst,
	GEO_PROVINCIES_SOURCE: optioneleTekst,
	/** Largest boundary file accepted (bytes), and how long a download may take. */
	GEO_MAX_BYTES: z.coerce
		.number()
		.int()
		.min(1)
		.default(64 * 1024 * 1024),
	GEO_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
	/**
	 * Optional base map below the live map: the URL of a MapLibre style (e.g. a PDOK BRT
	 * achtergrondkaart style). Sent to the browser; without it the map has no base map and
	 * loads nothing from elsewhere (the portal must work offline).
	 */
	KAART_ACHTERGROND_STIJL: z
		.url({ protocol: /^https?$/ })
		.optional()
		.or(z.literal('').transform(() => undefined))
});

export type Env = z.infer<typeof schema> & { DEMO: boolean; production: boolean };

let cached: Env | undefined;

/**
 * Parses the environment once. Kept free of `$env/*` so that scripts (db:migrate, db:reset,
 * bench) and the realtime host can use the same configuration.
 */
export function env(): Env {
	if (cached) return cached;
	const parsed = schema.safeParse(process.env);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Ongeldige configuratie (omgevingsvariabelen):\n${lines.join('\n')}`);
	}
	const production = parsed.data.NODE_ENV === 'production';
	cached = { ...parsed.data, DEMO: parsed.data.DEMO ?? !production, production };
	return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
	cached = undefined;
}
