import { count, eq, sql } from 'drizzle-orm';
import type { OrganisatieRol, TafelRol } from '$lib/domain/autorisatie/rollen';
import type { Aanhef } from '$lib/domain/vergadering/aanhef';
import type { Executor, Tx } from '../db';
import {
	gemeenten,
	kioskLinks,
	mededelingen,
	memberships,
	organisaties,
	provincies,
	regioGemeenten,
	regietafelLeden,
	regietafels,
	regios,
	users
} from '../db/schema';
import { mutate, SYSTEEM } from '../mutatie';
import { hashPassword } from '../auth/password';
import { generateKioskToken } from '../auth/kiosk';
import { hashToken } from '../auth/session';
import {
	DEMO_JAAR,
	PROVINCIES,
	VEILIGHEIDSREGIOS,
	ZUID_HOLLAND_GEMEENTEN,
	type VrCode
} from './zuid-holland';

/** The one password of every demo account; shown in the README and, in demo mode, on the login page. */
export const DEMO_WACHTWOORD = 'Regietafel-demo-2026';

type Org = 'provincie' | 'coa' | 'bzk' | 'jenv' | 'vwn' | `gemeente:${string}`;

export interface DemoGebruiker {
	email: string;
	naam: string;
	functie: string;
	/** How verslagen name them; Chris Smit has none, so the demo shows the full-name form too. */
	aanhef: Aanhef | null;
	org: Org;
	rol: OrganisatieRol;
	tafels: { tafel: 'PRT' | VrCode; rol: TafelRol }[];
	/** What this login is for, shown on the login page in demo mode. */
	omschrijving: string;
}

/** Demo people are fictitious (names invented, e-mail on the reserved .test domain). */
export const DEMO_GEBRUIKERS: readonly DemoGebruiker[] = [
	{
		email: 'beheerder@regietafel.test',
		naam: 'Bram Beheer',
		aanhef: 'de heer',
		functie: 'Functioneel beheerder',
		org: 'provincie',
		rol: 'beheerder',
		tafels: [],
		omschrijving: 'Beheerder: gebruikers en kiosklinks'
	},
	{
		email: 'toezicht@regietafel.test',
		naam: 'Tessa de Vries',
		aanhef: 'mevrouw',
		functie: 'Toezichthouder huisvesting vergunninghouders',
		org: 'provincie',
		rol: 'toezichthouder',
		tafels: [{ tafel: 'PRT', rol: 'deelnemer' }],
		omschrijving: 'Toezichthouder provincie Zuid-Holland'
	},
	{
		email: 'secretaris@regietafel.test',
		naam: 'Sanne Bakker',
		aanhef: 'mevrouw',
		functie: 'Secretaris Provinciale Regietafel',
		org: 'provincie',
		rol: 'medewerker',
		tafels: [{ tafel: 'PRT', rol: 'secretaris' }],
		omschrijving: 'Secretaris van de PRT'
	},
	{
		email: 'voorzitter@regietafel.test',
		naam: 'Victor van Dam',
		aanhef: 'de heer',
		functie: 'Voorzitter PRT (demo)',
		org: 'provincie',
		rol: 'medewerker',
		tafels: [{ tafel: 'PRT', rol: 'voorzitter' }],
		omschrijving: 'Voorzitter van de PRT'
	},
	{
		email: 'deelnemer@regietafel.test',
		naam: 'Daan Visser',
		aanhef: 'de heer',
		functie: 'Beleidsmedewerker',
		org: 'bzk',
		rol: 'medewerker',
		tafels: [{ tafel: 'PRT', rol: 'deelnemer' }],
		omschrijving: 'Deelnemer PRT (ministerie van BZK)'
	},
	{
		email: 'ambtenaar.denhaag@regietafel.test',
		naam: 'Aisha el Amrani',
		aanhef: 'mevrouw',
		functie: 'Beleidsadviseur huisvesting',
		org: 'gemeente:GM0518',
		rol: 'gemeente-ambtenaar',
		tafels: [{ tafel: 'VR15', rol: 'deelnemer' }],
		omschrijving: "Gemeente-ambtenaar 's-Gravenhage"
	},
	{
		email: 'bestuurder.denhaag@regietafel.test',
		naam: 'Bart Jansen',
		aanhef: 'de heer',
		functie: 'Wethouder Wonen',
		org: 'gemeente:GM0518',
		rol: 'gemeente-bestuurder',
		tafels: [
			{ tafel: 'PRT', rol: 'deelnemer' },
			{ tafel: 'VR15', rol: 'voorzitter' }
		],
		omschrijving: "Gemeente-bestuurder 's-Gravenhage"
	},
	{
		email: 'bestuurder.rijswijk@regietafel.test',
		naam: 'Roos Visser',
		aanhef: 'mevrouw',
		functie: 'Wethouder Volkshuisvesting',
		org: 'gemeente:GM0603',
		rol: 'gemeente-bestuurder',
		tafels: [{ tafel: 'VR15', rol: 'deelnemer' }],
		omschrijving: 'Gemeente-bestuurder Rijswijk'
	},
	{
		email: 'coa@regietafel.test',
		naam: 'Chris Smit',
		aanhef: null,
		functie: 'Regievoerder huisvesting',
		org: 'coa',
		rol: 'coa-regievoerder',
		tafels: [{ tafel: 'PRT', rol: 'deelnemer' }],
		omschrijving: 'COA-regievoerder'
	},
	{
		email: 'secretaris.haaglanden@regietafel.test',
		naam: 'Hanna de Boer',
		aanhef: 'mevrouw',
		functie: 'Secretaris regionale tafel',
		org: 'gemeente:GM0503',
		rol: 'medewerker',
		tafels: [{ tafel: 'VR15', rol: 'secretaris' }],
		omschrijving: 'Secretaris regionale tafel Haaglanden'
	},
	{
		email: 'ambtenaar.rotterdam@regietafel.test',
		naam: 'Ruben Mulder',
		aanhef: 'de heer',
		functie: 'Programmamanager statushouders',
		org: 'gemeente:GM0599',
		rol: 'gemeente-ambtenaar',
		tafels: [{ tafel: 'VR17', rol: 'secretaris' }],
		omschrijving: 'Gemeente-ambtenaar Rotterdam, secretaris Rotterdam-Rijnmond'
	},
	{
		email: 'ambtenaar.leiden@regietafel.test',
		naam: 'Lotte Meijer',
		aanhef: 'mevrouw',
		functie: 'Beleidsadviseur wonen',
		org: 'gemeente:GM0546',
		rol: 'gemeente-ambtenaar',
		tafels: [{ tafel: 'VR16', rol: 'secretaris' }],
		omschrijving: 'Gemeente-ambtenaar Leiden, secretaris Hollands Midden'
	},
	{
		email: 'ambtenaar.dordrecht@regietafel.test',
		naam: 'Dirk de Graaf',
		aanhef: 'de heer',
		functie: 'Adviseur huisvesting',
		org: 'gemeente:GM0505',
		rol: 'gemeente-ambtenaar',
		tafels: [{ tafel: 'VR18', rol: 'secretaris' }],
		omschrijving: 'Gemeente-ambtenaar Dordrecht, secretaris Zuid-Holland-Zuid'
	}
];

export async function isEmpty(ex: Executor): Promise<boolean> {
	const [row] = await ex.select({ n: count() }).from(users);
	return (row?.n ?? 0) === 0;
}

export interface SeedResult {
	kioskToken: string;
	prtId: number;
}

/** Advisory-lock key of the demo load ("regietafel-demo"). */
const DEMO_SLOT = 7_346_201_502;
class AlGeladen extends Error {}

/**
 * Loads the demo into an empty database: facts (provincies, the gemeenten of Zuid-Holland 2026
 * and their veiligheidsregio's) plus fictitious people, the PRT and four regionale tafels.
 */
export async function seedDemo(): Promise<SeedResult> {
	const result = await seedDemoAlsLeeg();
	if (!result) throw new Error('Demodata niet geladen: de database is niet leeg.');
	return result;
}

/**
 * `seedDemo` for server start: null when the database is not empty, also when another process
 * starting at the same time on the same database has just loaded it (a transaction lock makes
 * the check and the load one step).
 */
export async function seedDemoAlsLeeg(): Promise<SeedResult | null> {
	const passwordHash = await hashPassword(DEMO_WACHTWOORD);
	try {
		return await mutate(SYSTEEM, async ({ tx, audit }) => {
			await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SLOT})`);
			if (!(await isEmpty(tx))) throw new AlGeladen();
			const result = await insertDemo(tx, passwordHash);
			await audit({
				entity: 'demo-data',
				entityId: 'zuid-holland',
				action: 'geladen',
				after: { gebruikers: DEMO_GEBRUIKERS.length }
			});
			return result;
		});
	} catch (err) {
		if (err instanceof AlGeladen) return null;
		throw err;
	}
}

async function insertDemo(tx: Tx, passwordHash: string): Promise<SeedResult> {
	await tx
		.insert(provincies)
		.values([...PROVINCIES])
		.onConflictDoNothing();
	await tx.insert(gemeenten).values(
		ZUID_HOLLAND_GEMEENTEN.map((g) => ({
			jaar: DEMO_JAAR,
			code: g.code,
			naam: g.naam,
			provincieCode: 'PV28'
		}))
	);

	const vrIds = new Map<VrCode, number>();
	for (const vr of VEILIGHEIDSREGIOS) {
		const [r] = await tx
			.insert(regios)
			.values({ type: 'veiligheidsregio', naam: vr.naam, code: vr.code, provincieCode: 'PV28' })
			.returning({ id: regios.id });
		vrIds.set(vr.code, r!.id);
	}
	await tx.insert(regioGemeenten).values(
		ZUID_HOLLAND_GEMEENTEN.map((g) => ({
			regioId: vrIds.get(g.vr)!,
			jaar: DEMO_JAAR,
			gemeenteCode: g.code
		}))
	);

	const orgIds = new Map<Org, number>();
	const addOrg = async (key: Org, values: typeof organisaties.$inferInsert) => {
		const [o] = await tx.insert(organisaties).values(values).returning({ id: organisaties.id });
		orgIds.set(key, o!.id);
	};
	await addOrg('provincie', {
		naam: 'Provincie Zuid-Holland',
		type: 'provincie',
		provincieCode: 'PV28'
	});
	await addOrg('coa', { naam: 'COA', type: 'coa', provincieCode: null });
	await addOrg('bzk', { naam: 'Ministerie van BZK', type: 'ministerie' });
	await addOrg('jenv', { naam: 'Ministerie van JenV', type: 'ministerie' });
	await addOrg('vwn', { naam: 'VluchtelingenWerk', type: 'overig' });
	for (const g of ZUID_HOLLAND_GEMEENTEN) {
		await addOrg(`gemeente:${g.code}`, {
			naam: `Gemeente ${g.naam}`,
			type: 'gemeente',
			provincieCode: 'PV28',
			gemeenteCode: g.code
		});
	}

	const tafelIds = new Map<'PRT' | VrCode, number>();
	const [prt] = await tx
		.insert(regietafels)
		.values({
			naam: 'Provinciale Regietafel Zuid-Holland',
			soort: 'prt',
			provincieCode: 'PV28',
			beschrijving:
				'Provinciale Regietafel vluchtelingen en asiel, voorgezeten door de Commissaris van de Koning.'
		})
		.returning({ id: regietafels.id });
	tafelIds.set('PRT', prt!.id);
	for (const vr of VEILIGHEIDSREGIOS) {
		const [t] = await tx
			.insert(regietafels)
			.values({
				naam: `Regionale tafel ${vr.naam}`,
				soort: 'regionaal',
				provincieCode: 'PV28',
				regioId: vrIds.get(vr.code)!,
				beschrijving: `Ambtelijke regionale tafel huisvesting vergunninghouders, veiligheidsregio ${vr.naam}.`
			})
			.returning({ id: regietafels.id });
		tafelIds.set(vr.code, t!.id);
	}

	for (const u of DEMO_GEBRUIKERS) {
		const [row] = await tx
			.insert(users)
			.values({ email: u.email, naam: u.naam, functie: u.functie, aanhef: u.aanhef, passwordHash })
			.returning({ id: users.id });
		await tx
			.insert(memberships)
			.values({ userId: row!.id, organisatieId: orgIds.get(u.org)!, rol: u.rol });
		for (const t of u.tafels) {
			await tx
				.insert(regietafelLeden)
				.values({ regietafelId: tafelIds.get(t.tafel)!, userId: row!.id, rol: t.rol });
		}
	}

	const [secretaris] = await tx
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, 'secretaris@regietafel.test'));
	await tx.insert(mededelingen).values({
		regietafelId: prt!.id,
		auteurId: secretaris!.id,
		tekst:
			'Welkom in de demo van Regietafel. Alle personen en cijfers in deze omgeving zijn fictief.'
	});

	const kioskToken = generateKioskToken();
	await tx.insert(kioskLinks).values({
		regietafelId: prt!.id,
		naam: 'Vergaderzaal (demo)',
		tokenHash: hashToken(kioskToken)
	});
	return { kioskToken, prtId: prt!.id };
}
