import { closeDatabase, database } from './db';
import { env } from './env';
import { isEmpty, seedDemoAlsLeeg, DEMO_GEBRUIKERS, DEMO_WACHTWOORD } from './seed/demo';
import { startRealtimeApp } from './realtime/app';
import { laadDemoCijfers } from './seed/demo-cijfers';
import { laadDemoVergaderingen } from './seed/demo-vergaderingen';
import { pruneOutbox } from './realtime/publish';
import { pruneLoginPogingen } from './auth/throttle';
import { importeerGeconfigureerdeGrenzen } from './seed/grenzen';

const BANNER = Symbol.for('regietafel.banner');

export interface Banner {
	database: string;
	demo: boolean;
	/** Lines for the console, with `{origin}` where the host fills in its URL. */
	regels: string[];
}

/**
 * Runs once per process from the `init` hook: database + migrations, demo data on an empty
 * database in demo mode, configured boundary files (GEO_*_SOURCE), the realtime handlers,
 * housekeeping. The hosts (Vite plugin, scripts/server.js) print the banner with their URL.
 */
export async function startup(): Promise<void> {
	const e = env();
	const handle = await database();
	const regels: string[] = [];
	regels.push(
		`Database: ${handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${e.PGLITE_DIR}`}`
	);
	if (e.DEMO) {
		if (await isEmpty(handle.db)) {
			const seed = await seedDemoAlsLeeg();
			if (seed) {
				regels.push('Demodata geladen (Zuid-Holland; personen en cijfers fictief).');
				regels.push(`Kiosklink PRT (alleen nu getoond): {origin}/kiosk/${seed.kioskToken}`);
				if (e.DEMO_CIJFERS && (await laadDemoCijfers())) {
					regels.push(
						'Synthetische taakstellingen en COA-cijfers 2026 geladen (verzonnen cijfers).'
					);
				}
				if (await laadDemoVergaderingen(seed.prtId)) {
					regels.push('Demovergaderingen van de PRT geladen (vorige en volgende; verzonnen).');
				}
			}
		}
		regels.push(`Demo-inloggegevens (wachtwoord voor allen: ${DEMO_WACHTWOORD}):`);
		for (const u of DEMO_GEBRUIKERS) regels.push(`  ${u.email.padEnd(40)} ${u.omschrijving}`);
	} else if (await isEmpty(handle.db)) {
		regels.push(
			'Lege database en demomodus uit: maak de eerste beheerder aan met `npm run beheerder -- <e-mail> "<naam>" "<organisatie>"`.'
		);
	}
	regels.push(...(await importeerGeconfigureerdeGrenzen()));
	startRealtimeApp();
	hookShutdown(closeDatabase);
	const housekeeping = () => {
		pruneOutbox(handle.db).catch((err: unknown) => console.error('[opruimen]', err));
		pruneLoginPogingen().catch((err: unknown) => console.error('[opruimen]', err));
	};
	housekeeping();
	setInterval(housekeeping, 3600_000).unref();
	(globalThis as Record<symbol, unknown>)[BANNER] = {
		database: handle.kind,
		demo: e.DEMO,
		regels
	} satisfies Banner;
}

let shutdownHooked = false;
/** Closes the database when the host shuts down (otherwise PGlite recovers on the next start). */
export function hookShutdown(close: () => Promise<void>): void {
	if (shutdownHooked) return;
	shutdownHooked = true;
	process.once('sveltekit:shutdown' as never, () => {
		void close();
	});
}
