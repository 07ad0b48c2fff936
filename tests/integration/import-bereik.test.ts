import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { gemeenten, realisatiecijfers, taakstellingen } from '../../src/lib/server/db/schema';
import {
	importeerRealisatie,
	previewRealisatieImport
} from '../../src/lib/server/services/realisatie';
import {
	importeerTaakstellingen,
	previewTaakstellingImport
} from '../../src/lib/server/services/taakstellingen';
import { auditActor, testDatabase, type TestDatabase } from '../helpers/demo';

/**
 * A provincie supervises its own gemeenten: a national list imported on Zuid-Holland's page
 * writes Zuid-Holland's rows only, and says how many it skipped.
 */
let t: TestDatabase;
let toezichthouder: Awaited<ReturnType<typeof auditActor>>;
const csv = (naam: string, tekst: string) => ({ naam, inhoud: new TextEncoder().encode(tekst) });

beforeAll(async () => {
	t = await testDatabase();
	toezichthouder = await auditActor(t.db, 'toezicht@regietafel.test');
	// The demo holds Zuid-Holland only; Utrecht (a fact: GM0344 in PV26) for the national rows.
	await t.db
		.insert(gemeenten)
		.values({ jaar: 2026, code: 'GM0344', naam: 'Utrecht', provincieCode: 'PV26' });
});
afterAll(async () => {
	await t?.close();
});

const landelijk = () =>
	csv(
		'realisatie-landelijk.csv',
		[
			'gemeentecode;maand;gehuisvest;koppelingen;omkoppelingen;stapelgemeente',
			'GM0344;2026-11;10;5;0;nee',
			'GM0503;2026-11;7;3;0;nee',
			'GM0344;2026-12;4;5;0;nee'
		].join('\n')
	);

describe('imports restricted to the provincie of the page', () => {
	it('previews only the provincie’s rows, counts the others and drops their warnings', async () => {
		// Row 4 (GM0344 falling from 10 to 4) would warn; it is outside Zuid-Holland.
		const p = await previewRealisatieImport(landelijk(), null, 'PV28');
		expect(p.fouten).toEqual([]);
		expect(p.regels.map((r) => r.gemeenteCode)).toEqual(['GM0503']);
		expect(p.buiten).toBe(2);
		expect(p.waarschuwingen).toEqual([]);
		const alles = await previewRealisatieImport(landelijk(), null, null);
		expect(alles.regels).toHaveLength(3);
		expect(alles.waarschuwingen.map((w) => w.code)).toEqual(['gehuisvest-daalt']);
	});

	it('writes the provincie’s rows only; the same file on another page is another import', async () => {
		const u = await importeerRealisatie(toezichthouder, landelijk(), null, 'PV28');
		expect(u.status).toBe('geimporteerd');
		const rij = (code: string) =>
			t.db.select().from(realisatiecijfers).where(eq(realisatiecijfers.gemeenteCode, code));
		expect(await rij('GM0503')).toHaveLength(1);
		expect(await rij('GM0344')).toHaveLength(0);
		expect((await importeerRealisatie(toezichthouder, landelijk(), null, 'PV28')).status).toBe(
			'al-geimporteerd'
		);
		// Utrecht's own page writes Utrecht's rows from the very same bytes.
		const utrecht = await importeerRealisatie(toezichthouder, landelijk(), null, 'PV26');
		expect(utrecht.status).toBe('geimporteerd');
		expect(await rij('GM0344')).toHaveLength(2);
	});

	it('restricts a national taakstelling list the same way', async () => {
		const lijst = () =>
			csv('taakstelling-landelijk.csv', 'gemeentecode;taakstelling\nGM0344;300\nGM0518;500\n');
		const p = await previewTaakstellingImport(lijst(), '2026-II', 'PV28');
		expect(p.regels.map((r) => r.gemeenteCode)).toEqual(['GM0518']);
		expect(p.buiten).toBe(1);
		expect((await importeerTaakstellingen(toezichthouder, lijst(), '2026-II', 'PV28')).status).toBe(
			'geimporteerd'
		);
		const opgeslagen = await t.db
			.select()
			.from(taakstellingen)
			.where(and(eq(taakstellingen.periode, '2026-II')));
		expect(opgeslagen.map((r) => r.gemeenteCode)).toEqual(['GM0518']);
	});
});
