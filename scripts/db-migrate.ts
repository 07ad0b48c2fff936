/** `npm run db:migrate`: applies the migrations in drizzle/ to the configured database. */
import { env } from '../src/lib/server/env';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';

const e = env();
const handle = await openDatabase({ url: e.DATABASE_URL, dataDir: e.PGLITE_DIR });
await migrate(handle);
console.log(
	`Migraties toegepast (${handle.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${e.PGLITE_DIR}`}).`
);
await handle.close();
