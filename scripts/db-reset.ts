/**
 * `npm run db:reset`: wipes the configured database (all tables, the migration journal) and
 * loads the demo data again. Stop the dev server first: PGlite has no lock between processes.
 */
import { sql } from 'drizzle-orm';
import { env } from '../src/lib/server/env';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { useDatabase } from '../src/lib/server/db';
import { seedDemo, DEMO_GEBRUIKERS, DEMO_WACHTWOORD } from '../src/lib/server/seed/demo';
import { laadDemoCijfers } from '../src/lib/server/seed/demo-cijfers';
import { laadDemoVergaderingen } from '../src/lib/server/seed/demo-vergaderingen';

const e = env();
const handle = await openDatabase({ url: e.DATABASE_URL, dataDir: e.PGLITE_DIR });
await handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
await handle.db.execute(sql`DROP SCHEMA public CASCADE`);
await handle.db.execute(sql`CREATE SCHEMA public`);
await migrate(handle);
useDatabase(handle);
const seed = await seedDemo();
await laadDemoCijfers();
await laadDemoVergaderingen(seed.prtId);
console.log('Database gewist en demodata opnieuw geladen.');
console.log(`Kiosklink PRT: /kiosk/${seed.kioskToken}`);
console.log(`Demo-accounts (wachtwoord ${DEMO_WACHTWOORD}):`);
for (const u of DEMO_GEBRUIKERS) console.log(`  ${u.email.padEnd(40)} ${u.omschrijving}`);
await handle.close();
