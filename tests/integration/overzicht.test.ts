import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { besluiten, taakstellingen } from '../../src/lib/server/db/schema';
import { laadDemoCijfers } from '../../src/lib/server/seed/demo-cijfers';
import { bronnen, provincieOverzicht } from '../../src/lib/server/services/overzicht';
import { legBesluitVast } from '../../src/lib/server/services/besluiten';
import { tijdlijn } from '../../src/lib/server/services/beoordelingen';
import { currentSeq } from '../../src/lib/server/realtime/publish';
import { auditActor, testDatabase, type TestDatabase } from '../helpers/demo';

let t: TestDatabase;

beforeAll(async () => {
	t = await testDatabase();
	expect(await laadDemoCijfers()).toBe(true);
});
afterAll(async () => {
	await t?.close();
});

describe('province overview', () => {
	it('lists every gemeente of Zuid-Holland with opgave, figures and standing', async () => {
		const o = await provincieOverzicht('PV28', '2026-II');
		expect(o.rijen).toHaveLength(50);
		for (const r of o.rijen) {
			expect(r.taakstelling).toBeGreaterThan(0);
			expect(r.laatsteMaand).toBe('2026-10');
			expect(r.trede).not.toBeNull();
			expect(r.peildatum).toBe('2026-10-01');
		}
		// The opgave carries the COA-based end saldo of 2026-I.
		const denHaag = o.rijen.find((r) => r.gemeenteCode === 'GM0518')!;
		const [eind] = (await tijdlijn(t.db, 'GM0518')).filter(
			(s) => s.periode === '2026-I' && s.kind === 'end'
		);
		const saldo = (eind!.resultaat as { saldo: number }).saldo;
		expect(denHaag.opgave).toBe(denHaag.taakstelling! - saldo);
		// Four months of six: the forecast extrapolates the pace.
		expect(denHaag.prognoseEindsaldo).toBe(
			Math.round((denHaag.gehuisvest! / 4) * 6) - denHaag.opgave!
		);
	});

	it('regional totals add up to the provincie, and every gemeente is in a veiligheidsregio', async () => {
		const o = await provincieOverzicht('PV28', '2026-I');
		expect(o.regios.map((r) => [r.regio, r.gemeenten])).toEqual([
			['Haaglanden', 9],
			['Hollands Midden', 18],
			['Rotterdam-Rijnmond', 13],
			['Zuid-Holland-Zuid', 10]
		]);
		const som = (k: 'opgave' | 'gehuisvest' | 'nogTeHuisvesten') =>
			o.regios.reduce((s, r) => s + r[k], 0);
		expect(som('opgave')).toBe(o.totaal.opgave);
		expect(som('gehuisvest')).toBe(o.totaal.gehuisvest);
		expect(som('nogTeHuisvesten')).toBe(o.totaal.nogTeHuisvesten);
		const treden = Object.values(o.totaal.treden).reduce((s, n) => s + (n ?? 0), 0);
		expect(treden).toBe(50);
	});

	it('names the source of the figures (synthetic in the demo)', async () => {
		expect(await bronnen('PV28', '2026-I')).toEqual(['Demodata (synthetische cijfers)']);
		expect(await bronnen('PV28', '2030-I')).toEqual([]);
	});

	it('an unknown provincie or a period without gemeenten gives an empty overview', async () => {
		expect((await provincieOverzicht('PV99', '2026-I')).rijen).toEqual([]);
		expect((await provincieOverzicht('PV28', '2019-I')).rijen).toEqual([]);
	});
});

describe('decisions', () => {
	it('refuses an override without motivation, and treden 4–6 are validated by the schema', async () => {
		const toezicht = await auditActor(t.db, 'toezicht@regietafel.test');
		const [s] = await tijdlijn(t.db, 'GM0599');
		const anders = s!.tredeRegel === '3A' ? '3B' : '3A';
		const r = await legBesluitVast(toezicht, 'GM0599', {
			periode: s!.periode,
			kind: s!.kind,
			trede: anders,
			datum: '',
			kenmerk: '',
			motivatie: ''
		});
		expect(r).toMatchObject({ ok: false, veld: 'motivatie' });
		expect(await t.db.select().from(besluiten).where(eq(besluiten.gemeenteCode, 'GM0599'))).toEqual(
			[]
		);
	});

	it('records a decision, changes the standing and tells the provincie room', async () => {
		const toezicht = await auditActor(t.db, 'toezicht@regietafel.test');
		const laatste = (await tijdlijn(t.db, 'GM0518')).at(-1)!;
		const seq = await currentSeq(t.db, 'provincie:PV28');
		const r = await legBesluitVast(toezicht, 'GM0518', {
			periode: laatste.periode,
			kind: laatste.kind,
			trede: '4',
			datum: '2026-10-15',
			kenmerk: 'PZH-2026-1234',
			motivatie: 'Structurele achterstand; vooraankondiging besloten door GS.'
		});
		expect(r).toEqual({ ok: true });
		const na = (await tijdlijn(t.db, 'GM0518')).at(-1)!;
		expect(na).toMatchObject({ trede: '4', besluit: { kenmerk: 'PZH-2026-1234' } });
		expect(await currentSeq(t.db, 'provincie:PV28')).toBeGreaterThan(seq);
		const o = await provincieOverzicht('PV28', laatste.periode);
		expect(o.rijen.find((x) => x.gemeenteCode === 'GM0518')).toMatchObject({
			trede: '4',
			tredeIsBesluit: true
		});
	});

	it('leaves the demo figures alone when they were loaded already', async () => {
		const voor = await t.db.select().from(taakstellingen);
		expect(await laadDemoCijfers()).toBe(false);
		expect(await t.db.select().from(taakstellingen)).toHaveLength(voor.length);
	});
});
