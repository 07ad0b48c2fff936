import { defineConfig } from 'drizzle-kit';

// Only used to *generate* migrations; they are applied by src/lib/server/db/migrate.ts
// on PGlite and PostgreSQL alike.
export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	dialect: 'postgresql',
	casing: 'snake_case'
});
