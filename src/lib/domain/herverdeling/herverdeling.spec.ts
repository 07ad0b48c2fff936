import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Halfjaar } from '../periode/halfjaar';
import { conceptBericht } from './bericht';
import {
	pasToe,
	periodeGesloten,
	valideerHerverdeling,
	type GemeenteStand,
	type ValidatieInvoer,
	type Wijziging
} from './validatie';
import { alleAkkoord, nieuweToestand, pasActieToe, type Actie, type Toestand } from './workflow';

const P: Halfjaar = { jaar: 2027, helft: 1 };
const G = (
	gemeenteCode: string,
	taakstelling: number,
	gekoppeld = 0,
	provincieCode = 'PV28'
): GemeenteStand => ({
	gemeenteCode,
	naam: `Gemeente ${gemeenteCode}`,
	provincieCode,
	taakstelling,
	vastgesteld: true,
	gekoppeld
});
const GEMEENTEN = new Map(
	[G('GM0001', 100, 30), G('GM0002', 50, 10), G('GM0003', 20, 20), G('GM0004', 40, 0, 'PV26')].map(
		(g) => [g.gemeenteCode, g]
	)
);
const invoer = (
	wijzigingen: Wijziging[],
	over: Partial<ValidatieInvoer> = {}
): ValidatieInvoer => ({
	periode: P,
	vandaag: '2026-11-22',
	wijzigingen,
	gemeenten: GEMEENTEN,
	eigenProvincie: 'PV28',
	...over
});
const w = (gemeenteCode: string, wijziging: number): Wijziging => ({ gemeenteCode, wijziging });
const codes = (b: { code: string }[]) => b.map((x) => x.code);

describe('valideerHerverdeling: every rule', () => {
	it.each<[string, Wijziging[], Partial<ValidatieInvoer>, string[], string[]]>([
		['a valid swap of 10', [w('GM0001', -10), w('GM0002', 10)], {}, [], []],
		[
			'three gemeenten summing to 0',
			[w('GM0001', -15), w('GM0002', 5), w('GM0003', 10)],
			{},
			[],
			[]
		],
		['one gemeente only', [w('GM0001', 0)], {}, ['wijziging-nul', 'te-weinig-gemeenten'], []],
		['no gemeenten', [], {}, ['te-weinig-gemeenten'], []],
		['sum not zero', [w('GM0001', -10), w('GM0002', 9)], {}, ['som-niet-nul'], []],
		[
			'a change of 0',
			[w('GM0001', -10), w('GM0002', 10), w('GM0003', 0)],
			{},
			['wijziging-nul'],
			[]
		],
		[
			'a fraction',
			[w('GM0001', -1.5), w('GM0002', 1.5)],
			{},
			['wijziging-geen-geheel-getal', 'wijziging-geen-geheel-getal'],
			[]
		],
		['below zero', [w('GM0002', -60), w('GM0001', 60)], {}, ['onder-nul'], []],
		// GM0001 has 30 gekoppeld: 100 − 71 = 29 < 30.
		['below gekoppeld', [w('GM0001', -71), w('GM0002', 71)], {}, ['onder-gekoppeld'], []],
		['exactly gekoppeld is allowed', [w('GM0001', -70), w('GM0002', 70)], {}, [], []],
		['GM0003 is fully gekoppeld', [w('GM0003', -1), w('GM0002', 1)], {}, ['onder-gekoppeld'], []],
		[
			'an increase for a gemeente linked beyond its taakstelling is allowed',
			[w('GM0001', -5), w('GM0005', 5)],
			{ gemeenten: new Map([...GEMEENTEN, ['GM0005', G('GM0005', 10, 30)]]) },
			[],
			[]
		],
		[
			'the same gemeente twice',
			[w('GM0001', -5), w('GM0001', -5), w('GM0002', 10)],
			{},
			['gemeente-dubbel'],
			[]
		],
		['an unknown gemeente', [w('GM9999', -5), w('GM0002', 5)], {}, ['gemeente-onbekend'], []],
		[
			'a gemeente without taakstelling for the period',
			[w('GM0005', 5), w('GM0002', -5)],
			{
				gemeenten: new Map([...GEMEENTEN, ['GM0005', { ...G('GM0005', 0), vastgesteld: false }]])
			},
			['geen-taakstelling'],
			[]
		],
		[
			'another provincie warns, never blocks',
			[w('GM0004', -5), w('GM0002', 5)],
			{},
			[],
			['andere-provincie']
		],
		[
			'a started period warns',
			[w('GM0001', -5), w('GM0002', 5)],
			{ vandaag: '2027-03-01' },
			[],
			['periode-begonnen']
		],
		[
			'the period starts today: warns',
			[w('GM0001', -5), w('GM0002', 5)],
			{ vandaag: '2027-01-01' },
			[],
			['periode-begonnen']
		],
		[
			'the last day of the period is still open',
			[w('GM0001', -5), w('GM0002', 5)],
			{ vandaag: '2027-06-30' },
			[],
			['periode-begonnen']
		],
		[
			'a closed period blocks',
			[w('GM0001', -5), w('GM0002', 5)],
			{ vandaag: '2027-07-01' },
			['periode-gesloten'],
			[]
		]
	])('%s', (_naam, wijzigingen, over, fouten, waarschuwingen) => {
		const v = valideerHerverdeling(invoer(wijzigingen, over));
		expect(codes(v.fouten).sort()).toEqual([...fouten].sort());
		expect(codes(v.waarschuwingen).sort()).toEqual([...waarschuwingen].sort());
	});

	it('shows current and new taakstelling and the running total, in Dutch', () => {
		const v = valideerHerverdeling(invoer([w('GM0001', -10), w('GM0002', 7)]));
		expect(v.som).toBe(-3);
		expect(v.regels.map((r) => [r.huidig, r.nieuw])).toEqual([
			[100, 90],
			[50, 57]
		]);
		expect(v.fouten[0]!.bericht).toBe(
			'De wijzigingen tellen op tot −3; dat moet precies 0 zijn (de som van de taakstellingen blijft gelijk, art. 29 lid 2 Huisvestingswet 2014).'
		);
		const onder = valideerHerverdeling(invoer([w('GM0001', -71), w('GM0002', 71)]));
		expect(onder.fouten[0]!.bericht).toContain('er zijn al 30 vergunninghouders');
		expect(onder.fouten[0]!.gemeenteCode).toBe('GM0001');
	});

	it('lists the provincies involved', () => {
		expect(valideerHerverdeling(invoer([w('GM0004', -5), w('GM0002', 5)])).provincies).toEqual([
			'PV26',
			'PV28'
		]);
	});

	it('a period closes on its end peildatum', () => {
		expect(periodeGesloten({ jaar: 2026, helft: 2 }, '2026-12-31')).toBe(false);
		expect(periodeGesloten({ jaar: 2026, helft: 2 }, '2027-01-01')).toBe(true);
	});
});

/** A random set of gemeenten with taakstelling and gekoppeld ≤ taakstelling. */
const gemeentenArb = fc
	.array(
		fc.record({
			taakstelling: fc.integer({ min: 0, max: 2000 }),
			deel: fc.double({ min: 0, max: 1, noNaN: true })
		}),
		{ minLength: 2, maxLength: 12 }
	)
	.map((lijst) =>
		lijst.map((g, i) =>
			G(`GM${String(i + 1).padStart(4, '0')}`, g.taakstelling, Math.floor(g.taakstelling * g.deel))
		)
	);

describe('herverdeling: properties', () => {
	it('no accepted proposal ever changes a total, and every new taakstelling is ≥ gekoppeld ≥ 0', () => {
		let geaccepteerd = 0;
		fc.assert(
			fc.property(
				gemeentenArb,
				fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 12, maxLength: 12 }),
				fc.integer({ min: 0, max: 11 }),
				(gemeenten, ruw, ontbrekend) => {
					// Make the changes sum to zero by letting one gemeente absorb the rest.
					const betrokken = gemeenten.filter(
						(_, i) => i !== ontbrekend % gemeenten.length || gemeenten.length === 2
					);
					const wijzigingen = betrokken.map((g, i) => w(g.gemeenteCode, ruw[i]!));
					const rest = wijzigingen.slice(1).reduce((s, x) => s + x.wijziging, 0);
					wijzigingen[0] = w(wijzigingen[0]!.gemeenteCode, -rest);
					const kaart = new Map(gemeenten.map((g) => [g.gemeenteCode, g]));
					const v = valideerHerverdeling(invoer(wijzigingen, { gemeenten: kaart }));
					expect(v.som).toBe(0);
					expect(codes(v.fouten)).not.toContain('som-niet-nul');
					if (v.fouten.length > 0) return;
					geaccepteerd++;
					const voor = new Map(gemeenten.map((g) => [g.gemeenteCode, g.taakstelling]));
					const na = pasToe(voor, [wijzigingen]);
					const som = (m: Map<string, number>, lijst: readonly string[]) =>
						lijst.reduce((s, c) => s + (m.get(c) ?? 0), 0);
					const alle = gemeenten.map((g) => g.gemeenteCode);
					const inVoorstel = wijzigingen.map((x) => x.gemeenteCode);
					expect(som(na, inVoorstel)).toBe(som(voor, inVoorstel));
					expect(som(na, alle)).toBe(som(voor, alle));
					for (const g of gemeenten) {
						expect(na.get(g.gemeenteCode)!).toBeGreaterThanOrEqual(g.gekoppeld);
						expect(na.get(g.gemeenteCode)!).toBeGreaterThanOrEqual(0);
					}
				}
			),
			{ numRuns: 300 }
		);
		// The property is about accepted proposals: enough of the random ones must be accepted.
		expect(geaccepteerd).toBeGreaterThan(20);
	});

	it('som-niet-nul is reported exactly when the integer changes do not sum to 0', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 4 }),
				(ruw) => {
					const kaart = new Map(ruw.map((_, i) => [`GM${i}`, G(`GM${i}`, 1000)]));
					const v = valideerHerverdeling(
						invoer(
							ruw.map((n, i) => w(`GM${i}`, n)),
							{ gemeenten: kaart }
						)
					);
					const som = ruw.reduce((s, n) => s + n, 0);
					expect(codes(v.fouten).includes('som-niet-nul')).toBe(som !== 0);
					expect(v.som).toBe(som);
				}
			)
		);
	});

	it('applying several accepted herverdelingen in any order keeps every total', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 3, maxLength: 3 }).map((xs) => {
						const laatste = -xs.reduce((s, n) => s + n, 0);
						return [...xs, laatste].map((n, i) => w(`GM${i}`, n));
					}),
					{ maxLength: 6 }
				),
				(lijst) => {
					const basis = new Map([0, 1, 2, 3].map((i) => [`GM${i}`, 500]));
					const totaal = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
					expect(totaal(pasToe(basis, lijst))).toBe(2000);
					expect(pasToe(basis, lijst)).toEqual(pasToe(basis, [...lijst].reverse()));
				}
			)
		);
	});
});

describe('workflow', () => {
	const twee = [w('GM0001', -10), w('GM0002', 10)];
	const stap = (t: Toestand, a: Actie) => {
		const o = pasActieToe(t, a);
		if (!o.ok) throw new Error(o.fout);
		return o;
	};
	const akkoord = (gemeenteCode: string): Actie => ({
		soort: 'akkoord',
		gemeenteCode,
		besluitDatum: '2026-11-20',
		kenmerk: `B&W-${gemeenteCode}`
	});

	it('concept → ingediend → akkoord of both → vastgesteld → verwerkt', () => {
		let t = nieuweToestand(twee);
		t = stap(t, { soort: 'indienen' }).toestand;
		expect(t.status).toBe('ingediend');
		t = stap(t, akkoord('GM0001')).toestand;
		expect(t.status).toBe('ingediend');
		t = stap(t, akkoord('GM0002')).toestand;
		expect(t.status).toBe('vastgesteld');
		const te_vroeg = pasActieToe(t, { soort: 'verwerken', geinformeerd: ['provincie', 'coa'] });
		expect(te_vroeg).toEqual({
			ok: false,
			fout: 'Verwerken kan pas als het ministerie van BZK is geïnformeerd.'
		});
		t = stap(t, { soort: 'verwerken', geinformeerd: ['provincie', 'bzk', 'coa'] }).toestand;
		expect(t.status).toBe('verwerkt');
	});

	it('changing the numbers after an akkoord resets every reaction', () => {
		let t = stap(nieuweToestand(twee), { soort: 'indienen' }).toestand;
		t = stap(t, akkoord('GM0001')).toestand;
		t = stap(t, { soort: 'afwijzen', gemeenteCode: 'GM0002', reden: 'te veel' }).toestand;
		const o = stap(t, { soort: 'bewerken', wijzigingen: [w('GM0001', -5), w('GM0002', 5)] });
		expect(o.reactiesGewist).toBe(true);
		expect(Object.values(o.toestand.reacties).map((r) => r.status)).toEqual(['open', 'open']);
		expect(o.toestand.status).toBe('ingediend');
	});

	it('refuses what is not possible in the current state, in Dutch', () => {
		const t = nieuweToestand(twee);
		expect(pasActieToe(t, akkoord('GM0001'))).toEqual({
			ok: false,
			fout: 'Dit voorstel is nog een concept; akkoord geven kan nu niet.'
		});
		const ingediend = stap(t, { soort: 'indienen' }).toestand;
		expect(pasActieToe(ingediend, akkoord('GM0003'))).toEqual({
			ok: false,
			fout: 'Deze gemeente doet niet mee aan dit voorstel.'
		});
		const vast = stap(stap(ingediend, akkoord('GM0001')).toestand, akkoord('GM0002')).toestand;
		expect(pasActieToe(vast, { soort: 'intrekken' })).toEqual({
			ok: false,
			fout: 'Dit voorstel is al vastgesteld; intrekken kan nu niet.'
		});
		expect(pasActieToe(vast, { soort: 'bewerken', wijzigingen: twee }).ok).toBe(false);
	});

	const actieArb: fc.Arbitrary<Actie> = fc.oneof(
		fc.constant<Actie>({ soort: 'indienen' }),
		fc.constant<Actie>({ soort: 'intrekken' }),
		fc.constantFrom('GM0001', 'GM0002', 'GM0003').map((c) => akkoord(c)),
		fc
			.constantFrom('GM0001', 'GM0002')
			.map((c): Actie => ({ soort: 'afwijzen', gemeenteCode: c, reden: 'nee' })),
		fc.constant<Actie>({ soort: 'bewerken', wijzigingen: twee }),
		fc
			.subarray(['provincie', 'bzk', 'coa'] as const)
			.map((g): Actie => ({ soort: 'verwerken', geinformeerd: g }))
	);

	it('in any sequence: vastgesteld and verwerkt only with every akkoord; ingetrokken and verwerkt are final', () => {
		fc.assert(
			fc.property(fc.array(actieArb, { maxLength: 25 }), (acties) => {
				let t = nieuweToestand(twee);
				for (const a of acties) {
					const voor = t;
					const o = pasActieToe(t, a);
					if (!o.ok) {
						expect(o.fout.length).toBeGreaterThan(0);
						continue;
					}
					t = o.toestand;
					if (voor.status === 'ingetrokken' || voor.status === 'verwerkt') {
						throw new Error(`${voor.status} changed by ${a.soort}`);
					}
					if (t.status === 'verwerkt') expect(voor.status).toBe('vastgesteld');
					if (t.status === 'vastgesteld' || t.status === 'verwerkt') {
						expect(alleAkkoord(t)).toBe(true);
					}
					expect(Object.keys(t.reacties).sort()).toEqual(
						t.wijzigingen.map((x) => x.gemeenteCode).sort()
					);
				}
			})
		);
	});
});

describe('conceptBericht', () => {
	it('drafts a notification per recipient with every gemeente, besluit and the unchanged total', () => {
		const b = conceptBericht(
			{
				periode: '2027-I',
				regels: [
					{
						naam: 'Delft',
						huidig: 100,
						wijziging: -10,
						nieuw: 90,
						besluitDatum: '2026-11-20',
						kenmerk: 'D-1'
					},
					{
						naam: 'Rijswijk',
						huidig: 50,
						wijziging: 10,
						nieuw: 60,
						besluitDatum: '2026-11-21',
						kenmerk: 'R-2'
					}
				],
				motivatie: 'Opvanglocatie in Delft.',
				provincies: ['Zuid-Holland']
			},
			'coa'
		);
		expect(b.aan).toBe('de COA-regievoerder');
		expect(b.onderwerp).toBe(
			'Herverdeling taakstelling vergunninghouders 2027-I: Delft en Rijswijk'
		);
		expect(b.tekst).toContain('Geachte regievoerder,');
		expect(b.tekst).toContain(
			'- Delft: 100 → 90 (−10); besluit B&W van 20 november 2026, kenmerk D-1'
		);
		expect(b.tekst).toContain('- Rijswijk: 50 → 60 (+10)');
		expect(b.tekst).toContain('blijft gelijk: 150.');
		expect(b.tekst).toContain('Toelichting: Opvanglocatie in Delft.');
		expect(
			conceptBericht(
				{ periode: '2027-I', regels: [], motivatie: '', provincies: ['A', 'B'] },
				'bzk'
			).tekst
		).toContain('meerdere provincies betrokken (A en B)');
	});
});
