/**
 * `npm run beheerder -- <e-mail> "<naam>" "<organisatie>"`: creates the first beheerder of a
 * production database (demo mode off). Asks for the password on standard input.
 */
import { createInterface } from 'node:readline/promises';
import { eq } from 'drizzle-orm';
import { env } from '../src/lib/server/env';
import { database, closeDatabase } from '../src/lib/server/db';
import { organisaties } from '../src/lib/server/db/schema';
import { mutate, SYSTEEM } from '../src/lib/server/mutatie';
import { maakGebruiker } from '../src/lib/server/services/gebruikers';
import { wachtwoordSchema } from '../src/lib/schemas/account';

const [email, naam, organisatie] = process.argv.slice(2);
if (!email || !naam || !organisatie) {
	console.error(
		'Gebruik: npm run beheerder -- <e-mail> "<naam>" "<organisatie, bijv. Provincie Zuid-Holland>"'
	);
	process.exit(1);
}
const rl = createInterface({ input: process.stdin, output: process.stdout });
const wachtwoord = await rl.question('Wachtwoord (minstens 12 tekens): ');
rl.close();
const ww = wachtwoordSchema.safeParse(wachtwoord);
if (!ww.success) {
	console.error(ww.error.issues[0]?.message);
	process.exit(1);
}
env();
const { db } = await database();
let [org] = await db.select().from(organisaties).where(eq(organisaties.naam, organisatie));
if (!org) {
	org = await mutate(SYSTEEM, async ({ tx, audit }) => {
		const [o] = await tx
			.insert(organisaties)
			.values({ naam: organisatie, type: 'overig' })
			.returning();
		await audit({ entity: 'organisatie', entityId: o!.id, action: 'aangemaakt', after: o });
		return o!;
	});
}
const r = await maakGebruiker(SYSTEEM, {
	email,
	naam,
	functie: 'Beheerder',
	organisatieId: org.id,
	rol: 'beheerder',
	wachtwoord
});
if (!r.ok) {
	console.error(r.fout);
	process.exitCode = 1;
} else {
	console.log(`Beheerder ${email} aangemaakt.`);
}
await closeDatabase();
