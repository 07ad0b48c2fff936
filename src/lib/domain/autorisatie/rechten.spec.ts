import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	can,
	huurcontractRecht,
	kamerNaam,
	mag,
	parseKamer,
	type Besluit,
	type GemeenteRef,
	type HuurcontractHandeling,
	type Kamer,
	type Recht,
	type RegietafelRef
} from './rechten';
import {
	ANONIEM,
	type Actor,
	type OrganisatieLidmaatschap,
	type OrganisatieRol,
	type OrganisatieType,
	type TafelRol
} from './rollen';

// ---------------------------------------------------------------------------------------------
// Fixtures: two tables in Zuid-Holland (PV28), one in Noord-Holland (PV27); two gemeenten in
// Zuid-Holland and one in Noord-Holland.
// ---------------------------------------------------------------------------------------------

const T1: RegietafelRef = { id: 1, provincieCode: 'PV28' };
const T2: RegietafelRef = { id: 2, provincieCode: 'PV28' };
const T_NH: RegietafelRef = { id: 9, provincieCode: 'PV27' };

const DEN_HAAG: GemeenteRef = { code: 'GM0518', provincieCode: 'PV28' };
const ROTTERDAM: GemeenteRef = { code: 'GM0599', provincieCode: 'PV28' };
const AMSTERDAM: GemeenteRef = { code: 'GM0363', provincieCode: 'PV27' };

let orgId = 100;
function lid(
	rol: OrganisatieRol,
	organisatieType: OrganisatieType,
	provincieCode: string | null,
	gemeenteCode: string | null = null
): OrganisatieLidmaatschap {
	return { rol, organisatieId: orgId++, organisatieType, provincieCode, gemeenteCode };
}

let userId = 1;
function gebruiker(
	rollen: OrganisatieLidmaatschap[],
	tafels: { tafel: RegietafelRef; rol: TafelRol }[] = []
): Actor {
	return {
		soort: 'gebruiker',
		userId: userId++,
		rollen,
		tafels: tafels.map((t) => ({
			regietafelId: t.tafel.id,
			provincieCode: t.tafel.provincieCode,
			rol: t.rol
		}))
	};
}

/** Table members work for a ministry (no provincie), so only the table role gives them rights. */
const ministerie = () => [lid('medewerker', 'ministerie', null)];

const ACTOREN = {
	beheerder: gebruiker([lid('beheerder', 'provincie', 'PV28')]),
	'toezichthouder-pv28': gebruiker([lid('toezichthouder', 'provincie', 'PV28')]),
	'toezichthouder-pv27': gebruiker([lid('toezichthouder', 'provincie', 'PV27')]),
	'secretaris-t1': gebruiker(ministerie(), [{ tafel: T1, rol: 'secretaris' }]),
	'voorzitter-t1': gebruiker(ministerie(), [{ tafel: T1, rol: 'voorzitter' }]),
	'deelnemer-t1': gebruiker(ministerie(), [{ tafel: T1, rol: 'deelnemer' }]),
	'secretaris-t2': gebruiker(ministerie(), [{ tafel: T2, rol: 'secretaris' }]),
	'voorzitter-t2': gebruiker(ministerie(), [{ tafel: T2, rol: 'voorzitter' }]),
	'deelnemer-t2': gebruiker(ministerie(), [{ tafel: T2, rol: 'deelnemer' }]),
	'ambtenaar-denhaag': gebruiker([lid('gemeente-ambtenaar', 'gemeente', 'PV28', 'GM0518')]),
	'bestuurder-denhaag': gebruiker([lid('gemeente-bestuurder', 'gemeente', 'PV28', 'GM0518')]),
	'coa-landelijk': gebruiker([lid('coa-regievoerder', 'coa', null)]),
	'coa-pv28': gebruiker([lid('coa-regievoerder', 'coa', 'PV28')]),
	'medewerker-zonder-tafel': gebruiker(ministerie()),
	'kiosk-t1': { soort: 'kiosk', kioskId: 3, regietafelId: 1, provincieCode: 'PV28' },
	anoniem: ANONIEM
} satisfies Record<string, Actor>;

type ActorNaam = keyof typeof ACTOREN;
const ACTOR_NAMEN = Object.keys(ACTOREN) as ActorNaam[];

const GEBRUIKERS = ACTOR_NAMEN.filter((n) => ACTOREN[n].soort === 'gebruiker');
const LEDEN_T1: ActorNaam[] = ['secretaris-t1', 'voorzitter-t1', 'deelnemer-t1'];
const LEDEN_T2: ActorNaam[] = ['secretaris-t2', 'voorzitter-t2', 'deelnemer-t2'];

/** The user id of a named actor (an actiepunt's owner). */
function idVan(naam: ActorNaam): number {
	const a: Actor = ACTOREN[naam];
	if (a.soort !== 'gebruiker') throw new Error(`${naam} is geen gebruiker`);
	return a.userId;
}

const volg = (kamer: Kamer, provincieVanTafel?: string): Recht =>
	provincieVanTafel === undefined
		? { actie: 'kamer.volgen', kamer }
		: { actie: 'kamer.volgen', kamer, provincieVanTafel };

/**
 * The matrix: for every right, exactly the actors that are allowed. Everyone else is refused,
 * with `geen-recht` — or `niet-ingelogd` for the anonymous visitor.
 */
const MATRIX: { naam: string; recht: Recht; toegestaan: readonly ActorNaam[] }[] = [
	{ naam: 'portaal gebruiken', recht: { actie: 'portaal.gebruiken' }, toegestaan: GEBRUIKERS },
	{
		naam: 'herverdeling voorstellen in Zuid-Holland',
		recht: { actie: 'herverdeling.voorstellen', provincieCode: 'PV28' },
		// A gemeente official of the provincie, the toezichthouder, the secretaris of a table there.
		toegestaan: [
			'toezichthouder-pv28',
			'secretaris-t1',
			'secretaris-t2',
			'ambtenaar-denhaag',
			'bestuurder-denhaag'
		]
	},
	{
		naam: 'herverdeling Den Haag–Rotterdam voorstellen',
		recht: {
			actie: 'herverdeling.voorstellen',
			provincieCode: 'PV28',
			gemeenten: [DEN_HAAG, ROTTERDAM]
		},
		toegestaan: [
			'toezichthouder-pv28',
			'secretaris-t1',
			'secretaris-t2',
			'ambtenaar-denhaag',
			'bestuurder-denhaag'
		]
	},
	{
		naam: 'herverdeling zonder Den Haag (Rotterdam–Delft) voorstellen',
		recht: {
			actie: 'herverdeling.voorstellen',
			provincieCode: 'PV28',
			gemeenten: [ROTTERDAM, { code: 'GM0503', provincieCode: 'PV28' }]
		},
		// A gemeente official proposes only for a herverdeling their own gemeente takes part in.
		toegestaan: ['toezichthouder-pv28', 'secretaris-t1', 'secretaris-t2']
	},
	{
		naam: 'herverdelingen van Zuid-Holland zien',
		recht: { actie: 'herverdeling.overzicht', provincieCode: 'PV28' },
		toegestaan: [
			'beheerder',
			'toezichthouder-pv28',
			...LEDEN_T1,
			...LEDEN_T2,
			'ambtenaar-denhaag',
			'bestuurder-denhaag',
			'coa-landelijk',
			'coa-pv28'
		]
	},
	{
		naam: 'herverdelingen van Noord-Holland zien',
		recht: { actie: 'herverdeling.overzicht', provincieCode: 'PV27' },
		toegestaan: ['beheerder', 'toezichthouder-pv27', 'coa-landelijk']
	},
	{
		naam: 'herverdeling voorstellen in Noord-Holland',
		recht: { actie: 'herverdeling.voorstellen', provincieCode: 'PV27' },
		toegestaan: ['toezichthouder-pv27']
	},
	{
		naam: 'herverdeling Den Haag–Rotterdam bekijken',
		recht: { actie: 'herverdeling.bekijken', gemeenten: [DEN_HAAG, ROTTERDAM] },
		toegestaan: [
			'beheerder',
			'toezichthouder-pv28',
			...LEDEN_T1,
			...LEDEN_T2,
			'ambtenaar-denhaag',
			'bestuurder-denhaag',
			'coa-landelijk',
			'coa-pv28'
		]
	},
	{
		naam: 'herverdeling Den Haag–Amsterdam (twee provincies) bekijken',
		recht: { actie: 'herverdeling.bekijken', gemeenten: [DEN_HAAG, AMSTERDAM] },
		toegestaan: [
			'beheerder',
			'toezichthouder-pv28',
			'toezichthouder-pv27',
			...LEDEN_T1,
			...LEDEN_T2,
			'ambtenaar-denhaag',
			'bestuurder-denhaag',
			'coa-landelijk',
			'coa-pv28'
		]
	},
	{
		naam: 'herverdeling in Noord-Holland bekijken',
		recht: { actie: 'herverdeling.bekijken', gemeenten: [AMSTERDAM] },
		toegestaan: ['beheerder', 'toezichthouder-pv27', 'coa-landelijk']
	},
	{
		naam: 'herverdeling Den Haag–Amsterdam verwerken',
		recht: { actie: 'herverdeling.verwerken', gemeenten: [DEN_HAAG, AMSTERDAM] },
		toegestaan: ['toezichthouder-pv28', 'toezichthouder-pv27']
	},
	{
		naam: 'herverdeling in Noord-Holland verwerken',
		recht: { actie: 'herverdeling.verwerken', gemeenten: [AMSTERDAM] },
		toegestaan: ['toezichthouder-pv27']
	},
	{ naam: 'account beheren', recht: { actie: 'account.beheren' }, toegestaan: GEBRUIKERS },

	{
		naam: 'tafel 1 bekijken',
		recht: { actie: 'regietafel.bekijken', regietafel: T1 },
		toegestaan: ['beheerder', 'toezichthouder-pv28', ...LEDEN_T1, 'kiosk-t1']
	},
	{
		naam: 'tafel 2 bekijken',
		recht: { actie: 'regietafel.bekijken', regietafel: T2 },
		toegestaan: ['beheerder', 'toezichthouder-pv28', ...LEDEN_T2]
	},
	{
		naam: 'tafel in Noord-Holland bekijken',
		recht: { actie: 'regietafel.bekijken', regietafel: T_NH },
		toegestaan: ['beheerder', 'toezichthouder-pv27']
	},

	{
		naam: 'leden tafel 1 beheren',
		recht: { actie: 'regietafel.leden-beheren', regietafel: T1 },
		toegestaan: ['beheerder', 'secretaris-t1']
	},
	{
		naam: 'leden tafel 2 beheren',
		recht: { actie: 'regietafel.leden-beheren', regietafel: T2 },
		toegestaan: ['beheerder', 'secretaris-t2']
	},

	{
		naam: 'mededeling plaatsen aan tafel 1',
		recht: { actie: 'regietafel.mededeling-plaatsen', regietafel: T1 },
		toegestaan: ['secretaris-t1', 'voorzitter-t1']
	},
	{
		naam: 'mededeling plaatsen aan tafel 2',
		recht: { actie: 'regietafel.mededeling-plaatsen', regietafel: T2 },
		toegestaan: ['secretaris-t2', 'voorzitter-t2']
	},

	{
		naam: 'eigen gemeente bekijken (Den Haag)',
		recht: { actie: 'gemeente.bekijken', gemeente: DEN_HAAG },
		toegestaan: [
			'beheerder',
			'toezichthouder-pv28',
			'coa-landelijk',
			'coa-pv28',
			'ambtenaar-denhaag',
			'bestuurder-denhaag'
		]
	},
	{
		naam: 'andere gemeente bekijken (Rotterdam)',
		recht: { actie: 'gemeente.bekijken', gemeente: ROTTERDAM },
		toegestaan: ['beheerder', 'toezichthouder-pv28', 'coa-landelijk', 'coa-pv28']
	},
	{
		naam: 'gemeente in andere provincie bekijken (Amsterdam)',
		recht: { actie: 'gemeente.bekijken', gemeente: AMSTERDAM },
		toegestaan: ['beheerder', 'toezichthouder-pv27', 'coa-landelijk']
	},

	{
		naam: 'gegevens invoeren eigen gemeente',
		recht: { actie: 'gemeente.gegevens-invoeren', gemeente: DEN_HAAG },
		toegestaan: ['ambtenaar-denhaag', 'bestuurder-denhaag']
	},
	{
		naam: 'gegevens invoeren andere gemeente',
		recht: { actie: 'gemeente.gegevens-invoeren', gemeente: ROTTERDAM },
		toegestaan: []
	},
	{
		naam: 'besluiten eigen gemeente',
		recht: { actie: 'gemeente.besluiten', gemeente: DEN_HAAG },
		toegestaan: ['bestuurder-denhaag']
	},
	{
		naam: 'besluiten andere gemeente',
		recht: { actie: 'gemeente.besluiten', gemeente: ROTTERDAM },
		toegestaan: []
	},

	{
		naam: 'toezicht bekijken PV28',
		recht: { actie: 'toezicht.bekijken', provincieCode: 'PV28' },
		toegestaan: ['beheerder', 'toezichthouder-pv28', 'coa-landelijk', 'coa-pv28']
	},
	{
		naam: 'toezicht bekijken PV27',
		recht: { actie: 'toezicht.bekijken', provincieCode: 'PV27' },
		toegestaan: ['beheerder', 'toezichthouder-pv27', 'coa-landelijk']
	},
	{
		naam: 'toezicht beoordelen PV28',
		recht: { actie: 'toezicht.beoordelen', provincieCode: 'PV28' },
		toegestaan: ['toezichthouder-pv28']
	},
	{
		naam: 'toezicht beoordelen PV27',
		recht: { actie: 'toezicht.beoordelen', provincieCode: 'PV27' },
		toegestaan: ['toezichthouder-pv27']
	},

	{
		naam: 'koppelingen invoeren PV28',
		recht: { actie: 'koppelingen.invoeren', provincieCode: 'PV28' },
		toegestaan: ['coa-landelijk', 'coa-pv28']
	},
	{
		naam: 'koppelingen invoeren PV27',
		recht: { actie: 'koppelingen.invoeren', provincieCode: 'PV27' },
		toegestaan: ['coa-landelijk']
	},

	{
		naam: 'kaart bekijken PV28',
		recht: { actie: 'kaart.bekijken', provincieCode: 'PV28' },
		toegestaan: [
			'beheerder',
			'toezichthouder-pv28',
			...LEDEN_T1,
			...LEDEN_T2,
			'coa-landelijk',
			'coa-pv28',
			'kiosk-t1'
		]
	},
	{
		naam: 'kaart bekijken PV27',
		recht: { actie: 'kaart.bekijken', provincieCode: 'PV27' },
		toegestaan: ['beheerder', 'toezichthouder-pv27', 'coa-landelijk']
	},

	{
		naam: 'vergaderingen tafel 1 bekijken',
		recht: { actie: 'vergadering.bekijken', regietafel: T1 },
		// Not the kiosk: it shows the shared screen only.
		toegestaan: ['beheerder', 'toezichthouder-pv28', ...LEDEN_T1]
	},
	{
		naam: 'vergaderingen tafel 2 bekijken',
		recht: { actie: 'vergadering.bekijken', regietafel: T2 },
		toegestaan: ['beheerder', 'toezichthouder-pv28', ...LEDEN_T2]
	},
	{
		naam: 'vergaderingen tafel in Noord-Holland bekijken',
		recht: { actie: 'vergadering.bekijken', regietafel: T_NH },
		toegestaan: ['beheerder', 'toezichthouder-pv27']
	},
	{
		naam: 'gedeeld scherm tafel 1 bekijken',
		recht: { actie: 'vergadering.scherm-bekijken', regietafel: T1 },
		toegestaan: ['beheerder', 'toezichthouder-pv28', ...LEDEN_T1, 'kiosk-t1']
	},
	{
		naam: 'gedeeld scherm tafel 2 bekijken',
		recht: { actie: 'vergadering.scherm-bekijken', regietafel: T2 },
		toegestaan: ['beheerder', 'toezichthouder-pv28', ...LEDEN_T2]
	},
	{
		naam: 'vergadering tafel 1 voorbereiden (agenda, aanwezigheid, afspraken)',
		recht: { actie: 'vergadering.bewerken', regietafel: T1 },
		toegestaan: ['secretaris-t1', 'voorzitter-t1']
	},
	{
		naam: 'vergadering tafel 2 voorbereiden',
		recht: { actie: 'vergadering.bewerken', regietafel: T2 },
		toegestaan: ['secretaris-t2', 'voorzitter-t2']
	},
	{
		naam: 'vergadering tafel 1 leiden (huidig agendapunt, starten, afronden)',
		recht: { actie: 'vergadering.leiden', regietafel: T1 },
		toegestaan: ['secretaris-t1', 'voorzitter-t1']
	},
	{
		naam: 'vergadering tafel in Noord-Holland leiden',
		recht: { actie: 'vergadering.leiden', regietafel: T_NH },
		toegestaan: []
	},
	{
		naam: 'verslag tafel 1 beheren (redacteuren, concept publiceren)',
		recht: { actie: 'verslag.beheren', regietafel: T1 },
		toegestaan: ['secretaris-t1']
	},
	{
		naam: 'verslag tafel 1 schrijven zonder redacteurschap',
		recht: { actie: 'verslag.schrijven', regietafel: T1, redacteur: false },
		toegestaan: ['secretaris-t1']
	},
	{
		naam: 'verslag tafel 1 schrijven als redacteur (alleen leden)',
		recht: { actie: 'verslag.schrijven', regietafel: T1, redacteur: true },
		toegestaan: [...LEDEN_T1]
	},
	{
		naam: 'verslag tafel 2 becommentariëren',
		recht: { actie: 'verslag.becommentarieren', regietafel: T2 },
		toegestaan: [...LEDEN_T2]
	},
	{
		naam: 'verslag tafel 1 vaststellen',
		recht: { actie: 'verslag.vaststellen', regietafel: T1 },
		toegestaan: ['secretaris-t1', 'voorzitter-t1']
	},
	{
		naam: 'status actiepunt tafel 1 zonder eigenaar in het portaal',
		recht: { actie: 'actiepunt.status-wijzigen', regietafel: T1, eigenaarUserId: null },
		toegestaan: ['secretaris-t1', 'voorzitter-t1']
	},
	{
		naam: 'status actiepunt tafel 1 van de deelnemer',
		recht: {
			actie: 'actiepunt.status-wijzigen',
			regietafel: T1,
			eigenaarUserId: idVan('deelnemer-t1')
		},
		toegestaan: ['secretaris-t1', 'voorzitter-t1', 'deelnemer-t1']
	},
	{
		naam: 'status actiepunt tafel 1 van de COA-regievoerder (geen lid)',
		recht: {
			actie: 'actiepunt.status-wijzigen',
			regietafel: T1,
			eigenaarUserId: idVan('coa-pv28')
		},
		toegestaan: ['secretaris-t1', 'voorzitter-t1', 'coa-pv28']
	},
	{
		naam: 'status actiepunt tafel 2 van de deelnemer van tafel 1',
		recht: {
			actie: 'actiepunt.status-wijzigen',
			regietafel: T2,
			eigenaarUserId: idVan('deelnemer-t1')
		},
		toegestaan: ['secretaris-t2', 'voorzitter-t2', 'deelnemer-t1']
	},

	{ naam: 'gebruikers beheren', recht: { actie: 'beheer.gebruikers' }, toegestaan: ['beheerder'] },
	{ naam: 'kiosklinks beheren', recht: { actie: 'beheer.kiosk' }, toegestaan: ['beheerder'] },

	{
		naam: 'kamer regietafel:1 volgen (provincie bekend)',
		recht: volg({ soort: 'regietafel', id: 1 }, 'PV28'),
		toegestaan: ['beheerder', 'toezichthouder-pv28', ...LEDEN_T1, 'kiosk-t1']
	},
	{
		naam: 'kamer regietafel:1 volgen (provincie onbekend: alleen leden en beheerder)',
		recht: volg({ soort: 'regietafel', id: 1 }),
		toegestaan: ['beheerder', ...LEDEN_T1, 'kiosk-t1']
	},
	{
		naam: 'kamer regietafel:2 volgen',
		recht: volg({ soort: 'regietafel', id: 2 }, 'PV28'),
		toegestaan: ['beheerder', 'toezichthouder-pv28', ...LEDEN_T2]
	},
	{
		naam: 'kamer regietafel:9 (Noord-Holland) volgen',
		recht: volg({ soort: 'regietafel', id: 9 }, 'PV27'),
		toegestaan: ['beheerder', 'toezichthouder-pv27']
	},
	{
		naam: 'kamer provincie:PV28 volgen',
		recht: volg({ soort: 'provincie', code: 'PV28' }),
		toegestaan: [
			'beheerder',
			'toezichthouder-pv28',
			...LEDEN_T1,
			...LEDEN_T2,
			'ambtenaar-denhaag',
			'bestuurder-denhaag',
			'coa-landelijk',
			'coa-pv28',
			'kiosk-t1'
		]
	},
	{
		naam: 'kamer provincie:PV27 volgen',
		recht: volg({ soort: 'provincie', code: 'PV27' }),
		toegestaan: ['beheerder', 'toezichthouder-pv27', 'coa-landelijk']
	}
];

/** Compile-time list of every action of the `Recht` union: adding one breaks this until listed. */
const ALLE_ACTIES = {
	'portaal.gebruiken': true,
	'account.beheren': true,
	'regietafel.bekijken': true,
	'regietafel.leden-beheren': true,
	'regietafel.mededeling-plaatsen': true,
	'gemeente.bekijken': true,
	'gemeente.gegevens-invoeren': true,
	'gemeente.besluiten': true,
	'toezicht.bekijken': true,
	'toezicht.beoordelen': true,
	'koppelingen.invoeren': true,
	'herverdeling.voorstellen': true,
	'herverdeling.bekijken': true,
	'herverdeling.overzicht': true,
	'herverdeling.verwerken': true,
	'kaart.bekijken': true,
	'vergadering.bekijken': true,
	'vergadering.scherm-bekijken': true,
	'vergadering.bewerken': true,
	'vergadering.leiden': true,
	'actiepunt.status-wijzigen': true,
	'verslag.beheren': true,
	'verslag.schrijven': true,
	'verslag.becommentarieren': true,
	'verslag.vaststellen': true,
	'beheer.gebruikers': true,
	'beheer.kiosk': true,
	'kamer.volgen': true
} satisfies Record<Recht['actie'], true>;

function verwacht(actor: ActorNaam, toegestaan: readonly ActorNaam[]): Besluit {
	if (toegestaan.includes(actor)) return { toegestaan: true };
	if (actor === 'anoniem') return { toegestaan: false, reden: 'niet-ingelogd' };
	return { toegestaan: false, reden: 'geen-recht' };
}

const CASES = MATRIX.flatMap((r) =>
	ACTOR_NAMEN.map((actor) => ({
		actor,
		naam: r.naam,
		recht: r.recht,
		verwacht: verwacht(actor, r.toegestaan)
	}))
);

describe('can(): matrix van actor × recht', () => {
	it('the matrix covers every action of the Recht union and only known actors', () => {
		const inMatrix = new Set(MATRIX.map((r) => r.recht.actie));
		expect([...inMatrix].sort()).toEqual(Object.keys(ALLE_ACTIES).sort());
		for (const r of MATRIX) {
			for (const a of r.toegestaan) expect(ACTOR_NAMEN).toContain(a);
		}
	});

	it.each(CASES)('$actor · $naam', ({ actor, recht, verwacht }) => {
		expect(can(ACTOREN[actor], recht)).toEqual(verwacht);
		expect(mag(ACTOREN[actor], recht)).toBe(verwacht.toegestaan);
	});

	it('rights add up for a person with several roles (bestuurder who chairs table 2)', () => {
		const a = gebruiker(
			[lid('gemeente-bestuurder', 'gemeente', 'PV28', 'GM0518')],
			[{ tafel: T2, rol: 'voorzitter' }]
		);
		expect(mag(a, { actie: 'gemeente.besluiten', gemeente: DEN_HAAG })).toBe(true);
		expect(mag(a, { actie: 'regietafel.mededeling-plaatsen', regietafel: T2 })).toBe(true);
		expect(mag(a, { actie: 'regietafel.mededeling-plaatsen', regietafel: T1 })).toBe(false);
		expect(mag(a, { actie: 'regietafel.leden-beheren', regietafel: T2 })).toBe(false);
	});

	it('a kiosk of another table sees neither table 1 nor its room', () => {
		const k: Actor = { soort: 'kiosk', kioskId: 4, regietafelId: 2, provincieCode: 'PV28' };
		expect(can(k, { actie: 'regietafel.bekijken', regietafel: T1 })).toEqual({
			toegestaan: false,
			reden: 'geen-recht'
		});
		expect(mag(k, volg({ soort: 'regietafel', id: 1 }, 'PV28'))).toBe(false);
		expect(mag(k, volg({ soort: 'regietafel', id: 2 }, 'PV28'))).toBe(true);
	});
});

describe('huurcontracten: who may do what (issue 3)', () => {
	const ZIEN_DEN_HAAG: ActorNaam[] = [
		'beheerder',
		'toezichthouder-pv28',
		'coa-landelijk',
		'coa-pv28',
		'ambtenaar-denhaag',
		'bestuurder-denhaag'
	];
	const GEMEENTE_DEN_HAAG: ActorNaam[] = ['ambtenaar-denhaag', 'bestuurder-denhaag'];
	const TABEL: [HuurcontractHandeling, GemeenteRef, readonly ActorNaam[]][] = [
		['bekijken', DEN_HAAG, ZIEN_DEN_HAAG],
		['registreren', DEN_HAAG, GEMEENTE_DEN_HAAG],
		['intrekken', DEN_HAAG, GEMEENTE_DEN_HAAG],
		// Not the gemeente itself, not the beheerder, not COA: the provincie's toezichthouder.
		['beoordelen', DEN_HAAG, ['toezichthouder-pv28']],
		['registreren', ROTTERDAM, []],
		['bekijken', AMSTERDAM, ['beheerder', 'toezichthouder-pv27', 'coa-landelijk']],
		['beoordelen', AMSTERDAM, ['toezichthouder-pv27']]
	];
	const gevallen = TABEL.flatMap(([h, g, toegestaan]) =>
		ACTOR_NAMEN.map((actor) => ({ h, g, actor, uit: verwacht(actor, toegestaan) }))
	);
	it.each(gevallen)('$actor · $h $g.code', ({ h, g, actor, uit }) => {
		expect(can(ACTOREN[actor], huurcontractRecht(h, g))).toEqual(uit);
	});
});

// ---------------------------------------------------------------------------------------------
// Property-based tests
// ---------------------------------------------------------------------------------------------

const provincieCode = fc.integer({ min: 0, max: 99 }).map((n) => `PV${String(n).padStart(2, '0')}`);
const kamerArb: fc.Arbitrary<Kamer> = fc.oneof(
	fc.integer({ min: 0, max: 999_999_999 }).map((id) => ({ soort: 'regietafel' as const, id })),
	provincieCode.map((code) => ({ soort: 'provincie' as const, code }))
);
const tafelRef = fc.record({ id: fc.nat({ max: 10_000 }), provincieCode });
const gemeenteRef = fc.record({
	code: fc.integer({ min: 0, max: 9999 }).map((n) => `GM${String(n).padStart(4, '0')}`),
	provincieCode
});

const rechtArb: fc.Arbitrary<Recht> = fc.oneof(
	fc.constant({ actie: 'portaal.gebruiken' as const }),
	fc.constant({ actie: 'account.beheren' as const }),
	tafelRef.map((regietafel) => ({ actie: 'regietafel.bekijken' as const, regietafel })),
	tafelRef.map((regietafel) => ({ actie: 'regietafel.leden-beheren' as const, regietafel })),
	tafelRef.map((regietafel) => ({ actie: 'regietafel.mededeling-plaatsen' as const, regietafel })),
	gemeenteRef.map((gemeente) => ({ actie: 'gemeente.bekijken' as const, gemeente })),
	gemeenteRef.map((gemeente) => ({ actie: 'gemeente.gegevens-invoeren' as const, gemeente })),
	gemeenteRef.map((gemeente) => ({ actie: 'gemeente.besluiten' as const, gemeente })),
	provincieCode.map((p) => ({ actie: 'toezicht.bekijken' as const, provincieCode: p })),
	provincieCode.map((p) => ({ actie: 'toezicht.beoordelen' as const, provincieCode: p })),
	provincieCode.map((p) => ({ actie: 'koppelingen.invoeren' as const, provincieCode: p })),
	provincieCode.map((p) => ({ actie: 'kaart.bekijken' as const, provincieCode: p })),
	tafelRef.map((regietafel) => ({ actie: 'vergadering.bekijken' as const, regietafel })),
	tafelRef.map((regietafel) => ({ actie: 'vergadering.scherm-bekijken' as const, regietafel })),
	tafelRef.map((regietafel) => ({ actie: 'vergadering.bewerken' as const, regietafel })),
	tafelRef.map((regietafel) => ({ actie: 'vergadering.leiden' as const, regietafel })),
	fc.tuple(tafelRef, fc.option(fc.nat(), { nil: null })).map(([regietafel, eigenaarUserId]) => ({
		actie: 'actiepunt.status-wijzigen' as const,
		regietafel,
		eigenaarUserId
	})),
	tafelRef.map((regietafel) => ({ actie: 'verslag.beheren' as const, regietafel })),
	fc.tuple(tafelRef, fc.boolean()).map(([regietafel, redacteur]) => ({
		actie: 'verslag.schrijven' as const,
		regietafel,
		redacteur
	})),
	tafelRef.map((regietafel) => ({ actie: 'verslag.becommentarieren' as const, regietafel })),
	tafelRef.map((regietafel) => ({ actie: 'verslag.vaststellen' as const, regietafel })),
	fc.constant({ actie: 'beheer.gebruikers' as const }),
	fc.constant({ actie: 'beheer.kiosk' as const }),
	fc
		.tuple(kamerArb, fc.option(provincieCode, { nil: undefined }))
		.map(([kamer, p]) => volg(kamer, p))
);

const kioskArb = fc.record({
	soort: fc.constant('kiosk' as const),
	kioskId: fc.nat(),
	regietafelId: fc.nat({ max: 10_000 }),
	provincieCode
});

describe('kamerNaam / parseKamer', () => {
	it('round-trips every valid room', () => {
		fc.assert(
			fc.property(kamerArb, (k) => {
				expect(parseKamer(kamerNaam(k))).toEqual(k);
			})
		);
	});

	it('gives the documented names', () => {
		expect(kamerNaam({ soort: 'regietafel', id: 12 })).toBe('regietafel:12');
		expect(kamerNaam({ soort: 'provincie', code: 'PV28' })).toBe('provincie:PV28');
	});

	it.each([
		'',
		'regietafel:',
		'regietafel:-1',
		'regietafel:1.5',
		'regietafel:1234567890',
		'regietafel: 1',
		'regietafel:1 ',
		'Regietafel:1',
		'regietafel:1\n',
		'provincie:PV2',
		'provincie:PV281',
		'provincie:pv28',
		'provincie:GM0518',
		'provincie:',
		'gebruiker:1',
		'sessie:abc',
		'kiosk:3'
	])('rejects %j', (naam) => {
		expect(parseKamer(naam)).toBeNull();
	});

	it('rejects arbitrary strings that are not a valid room name', () => {
		const geldig = /^(regietafel:\d{1,9}|provincie:PV\d{2})$/;
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.string().map((s) => `regietafel:${s}`),
					fc.string().map((s) => `provincie:${s}`)
				),
				(s) => {
					fc.pre(!geldig.test(s));
					expect(parseKamer(s)).toBeNull();
				}
			)
		);
	});
});

describe('can(): properties', () => {
	it('whoever sees a provincie map may follow its room, and supervision includes the map', () => {
		for (const a of Object.values(ACTOREN) as Actor[]) {
			for (const p of ['PV20', 'PV27', 'PV28']) {
				const kaart = mag(a, { actie: 'kaart.bekijken', provincieCode: p });
				if (kaart) expect(mag(a, volg({ soort: 'provincie', code: p }))).toBe(true);
				if (mag(a, { actie: 'toezicht.bekijken', provincieCode: p })) expect(kaart).toBe(true);
			}
		}
	});

	it('an anonymous visitor is never allowed anything', () => {
		fc.assert(
			fc.property(rechtArb, (recht) => {
				expect(can(ANONIEM, recht)).toEqual({ toegestaan: false, reden: 'niet-ingelogd' });
			})
		);
	});

	it('a kiosk is never allowed anything but viewing and following', () => {
		fc.assert(
			fc.property(kioskArb, rechtArb, (kiosk, recht) => {
				fc.pre(
					recht.actie !== 'regietafel.bekijken' &&
						recht.actie !== 'vergadering.scherm-bekijken' &&
						recht.actie !== 'kamer.volgen' &&
						recht.actie !== 'kaart.bekijken'
				);
				expect(can(kiosk, recht)).toEqual({ toegestaan: false, reden: 'geen-recht' });
			})
		);
	});

	it('a kiosk sees only its own table and its own provincie', () => {
		fc.assert(
			fc.property(kioskArb, rechtArb, (kiosk, recht) => {
				let eigen: boolean;
				if (
					recht.actie === 'regietafel.bekijken' ||
					recht.actie === 'vergadering.scherm-bekijken'
				) {
					eigen = recht.regietafel.id === kiosk.regietafelId;
				} else if (recht.actie === 'kaart.bekijken') {
					eigen = recht.provincieCode === kiosk.provincieCode;
				} else if (recht.actie === 'kamer.volgen') {
					eigen =
						recht.kamer.soort === 'regietafel'
							? recht.kamer.id === kiosk.regietafelId
							: recht.kamer.code === kiosk.provincieCode;
				} else {
					eigen = false;
				}
				expect(mag(kiosk, recht)).toBe(eigen);
			})
		);
	});
});

describe('vergaderingen: rights fit together (issue 6)', () => {
	it('whoever prepares or runs a meeting sees it, and whoever sees it may follow its room', () => {
		for (const [naam, a] of Object.entries(ACTOREN) as [ActorNaam, Actor][]) {
			for (const t of [T1, T2, T_NH]) {
				const ziet = mag(a, { actie: 'vergadering.bekijken', regietafel: t });
				for (const actie of ['vergadering.bewerken', 'vergadering.leiden'] as const) {
					if (mag(a, { actie, regietafel: t })) expect(ziet, `${naam} ${actie}`).toBe(true);
				}
				if (mag(a, { actie: 'vergadering.scherm-bekijken', regietafel: t })) {
					expect(mag(a, volg({ soort: 'regietafel', id: t.id }, t.provincieCode))).toBe(true);
				}
			}
		}
	});
});
