import { and, count, eq, inArray } from 'drizzle-orm';
import type { AgendapuntType } from '$lib/domain/vergadering/agenda';
import type { ActiepuntStatus } from '$lib/domain/vergadering/actiepunten';
import { db } from '../db';
import {
	actiepunten,
	agendapunten,
	users,
	vergaderingGasten,
	vergaderingGenodigden,
	vergaderingen
} from '../db/schema';
import { mutate, SYSTEEM } from '../mutatie';
import { legActiepuntVast, vandaagNL } from '../services/actiepunten';
import { tafelLeden } from '../services/vergaderingen';
import { laadDemoVerslag } from './demo-verslag';

const DEMO_NOOT = 'Demo: deze vergadering, de aanwezigen en de afspraken zijn verzonnen.';

/** The usual PRT agenda (DOMAIN.md §6), with who presents what in the demo. */
const AGENDA: { titel: string; type: AgendapuntType; duur: number; presentator: string }[] = [
	{
		titel: 'Opening, mededelingen, afmeldingen en vervangers',
		type: 'opening',
		duur: 10,
		presentator: 'Victor van Dam'
	},
	{
		titel: 'Vaststelling verslag vorige vergadering',
		type: 'vaststelling-verslag',
		duur: 10,
		presentator: 'Sanne Bakker'
	},
	{
		titel: 'Actiepunten vorige vergadering',
		type: 'actiepunten',
		duur: 10,
		presentator: 'Sanne Bakker'
	},
	{
		titel: 'Terugkoppeling uit de regio’s',
		type: 'bespreking',
		duur: 20,
		presentator: 'Secretarissen regionale tafels'
	},
	{
		titel: 'Stand van zaken opvanglocaties en leads COA',
		type: 'bespreking',
		duur: 15,
		presentator: 'Chris Smit'
	},
	{
		titel: 'Stand van zaken huisvesting vergunninghouders',
		type: 'stand-van-zaken',
		duur: 30,
		presentator: 'Tessa de Vries'
	},
	{ titel: 'Rondvraag', type: 'rondvraag', duur: 10, presentator: '' },
	{ titel: 'Afspraken en sluiting', type: 'sluiting', duur: 5, presentator: 'Victor van Dam' }
];

/** ISO date `dagen` days after `iso`. */
function plus(iso: string, dagen: number): string {
	const d = new Date(`${iso}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + dagen);
	return d.toISOString().slice(0, 10);
}

/** The first Thursday on or after `iso` (PRT meetings are on Thursday mornings in the demo). */
function donderdagVanaf(iso: string): string {
	const dag = new Date(`${iso}T12:00:00Z`).getUTCDay();
	return plus(iso, (4 - dag + 7) % 7);
}

/**
 * SYNTHETIC meetings for the demo: the PRT's previous meeting (about five weeks ago, ended, with
 * attendance and a few afspraken, one of them overdue) and its next one (in two to three weeks,
 * planned, with those afspraken open under "Actiepunten vorige vergadering"). Dates follow
 * today, so the demo never shows a "next" meeting in the past. Loaded once, on an empty
 * meetings table.
 */
export async function laadDemoVergaderingen(prtId: number, nu = new Date()): Promise<boolean> {
	const [bestaand] = await db().select({ n: count() }).from(vergaderingen);
	if ((bestaand?.n ?? 0) > 0) return false;
	const vandaag = vandaagNL(nu);
	const vorige = donderdagVanaf(plus(vandaag, -38));
	const volgende = donderdagVanaf(plus(vandaag, 14));
	const vorigeId = await mutate(SYSTEEM, async (ctx) => {
		const mensen = await ctx.tx
			.select({ id: users.id, email: users.email, naam: users.naam })
			.from(users)
			.where(
				inArray(users.email, [
					'secretaris@regietafel.test',
					'voorzitter@regietafel.test',
					'deelnemer@regietafel.test',
					'coa@regietafel.test',
					'toezicht@regietafel.test',
					'bestuurder.denhaag@regietafel.test'
				])
			);
		const id = (email: string) => mensen.find((m) => m.email === email)!.id;
		const secretaris = { userId: id('secretaris@regietafel.test'), label: 'Sanne Bakker' };
		const leden = await tafelLeden(ctx.tx, prtId);

		const maak = async (datum: string, status: 'afgerond' | 'gepland', open: number) => {
			const begin = new Date(`${datum}T08:30:00Z`);
			const [v] = await ctx.tx
				.insert(vergaderingen)
				.values({
					regietafelId: prtId,
					datum,
					begintijd: '09:30',
					eindtijd: '11:30',
					locatie: 'Provinciehuis Zuid-Holland, Den Haag (demo)',
					onlineLink: 'https://vergaderen.example/prt-demo',
					status,
					...(status === 'afgerond'
						? { gestartAt: begin, afgerondAt: new Date(begin.getTime() + 115 * 60_000) }
						: {}),
					aangemaaktDoor: secretaris.userId,
					aangemaaktDoorLabel: secretaris.label
				})
				.returning({ id: vergaderingen.id });
			const punten = await ctx.tx
				.insert(agendapunten)
				.values(
					AGENDA.map((p, volgorde) => ({
						...p,
						vergaderingId: v!.id,
						volgorde,
						omschrijving:
							p.type === 'opening'
								? DEMO_NOOT
								: p.type === 'actiepunten'
									? open === 0
										? 'Er staan geen open actiepunten.'
										: `${open} open actiepunten; zie de lijst.`
									: ''
					}))
				)
				.returning({ id: agendapunten.id, titel: agendapunten.titel });
			await ctx.tx
				.insert(vergaderingGenodigden)
				.values(leden.map((l) => ({ vergaderingId: v!.id, ...l })));
			return { id: v!.id, punt: (titel: string) => punten.find((p) => p.titel === titel)!.id };
		};

		const oud = await maak(vorige, 'afgerond', 0);
		for (const l of leden) {
			if (l.userId === id('deelnemer@regietafel.test')) {
				await ctx.tx
					.update(vergaderingGenodigden)
					.set({
						status: 'vervangen',
						vervangerNaam: 'Eva Jansen (demo)',
						vervangerFunctie: 'Senior beleidsmedewerker',
						vervangerOrganisatie: 'Ministerie van BZK',
						gewijzigdDoorLabel: secretaris.label,
						gewijzigdAt: nu
					})
					.where(eqGenodigde(oud.id, l.userId));
			} else {
				await ctx.tx
					.update(vergaderingGenodigden)
					.set({
						status: l.userId === id('bestuurder.denhaag@regietafel.test') ? 'afgemeld' : 'aanwezig',
						gewijzigdDoorLabel: secretaris.label,
						gewijzigdAt: nu
					})
					.where(eqGenodigde(oud.id, l.userId));
			}
		}
		await ctx.tx.insert(vergaderingGasten).values({
			vergaderingId: oud.id,
			naam: 'Mila Kok (demo)',
			functie: 'Regiomanager',
			organisatie: 'VluchtelingenWerk'
		});

		const afspraken: {
			punt: string;
			omschrijving: string;
			eigenaar: { userId: number } | { naam: string; organisatie: string };
			deadline: string | null;
			status: ActiepuntStatus;
		}[] = [
			{
				punt: 'Stand van zaken opvanglocaties en leads COA',
				omschrijving:
					'COA deelt het overzicht van leads voor opvanglocaties met de secretarissen van de regionale tafels.',
				eigenaar: { userId: id('coa@regietafel.test') },
				deadline: plus(vandaag, -7),
				status: 'open'
			},
			{
				punt: 'Stand van zaken huisvesting vergunninghouders',
				omschrijving:
					'De toezichthouder stuurt per regio het overzicht rond van gemeenten op trede 2 en hoger.',
				eigenaar: { userId: id('toezicht@regietafel.test') },
				deadline: plus(volgende, -3),
				status: 'in-uitvoering'
			},
			{
				punt: 'Terugkoppeling uit de regio’s',
				omschrijving:
					'Inventariseren welke rijksregelingen voor flexwonen de regio’s nog niet benutten, en dat melden bij de secretaris.',
				eigenaar: { userId: id('deelnemer@regietafel.test') },
				deadline: plus(volgende, -7),
				status: 'open'
			},
			{
				punt: 'Terugkoppeling uit de regio’s',
				omschrijving:
					'Prognose aanleveren van vrijkomende sociale huurwoningen in Haaglanden voor het eerste halfjaar.',
				eigenaar: {
					naam: 'Karin de Wit (demo)',
					organisatie: 'Woningcorporatie Voorbeeld (fictief)'
				},
				deadline: plus(vorige, 21),
				status: 'afgerond'
			}
		];
		for (const a of afspraken) {
			const rij = await legActiepuntVast(ctx, secretaris, {
				tafel: { id: prtId, provincieCode: 'PV28' },
				vergaderingId: oud.id,
				agendapuntId: oud.punt(a.punt),
				omschrijving: a.omschrijving,
				eigenaar: a.eigenaar,
				deadline: a.deadline
			});
			if (a.status !== 'open') {
				await ctx.tx
					.update(actiepunten)
					.set({ status: a.status, versie: 2, gewijzigdDoorLabel: secretaris.label })
					.where(eq(actiepunten.id, rij.id));
			}
		}

		const nieuw = await maak(
			volgende,
			'gepland',
			afspraken.filter((a) => a.status === 'open' || a.status === 'in-uitvoering').length
		);
		await ctx.tx
			.update(vergaderingGenodigden)
			.set({ status: 'afgemeld', gewijzigdDoorLabel: secretaris.label, gewijzigdAt: nu })
			.where(eqGenodigde(nieuw.id, id('bestuurder.denhaag@regietafel.test')));

		await ctx.audit({
			entity: 'demo-data',
			entityId: 'zuid-holland-vergaderingen',
			action: 'geladen',
			after: { synthetisch: true, vergaderingen: [vorige, volgende], afspraken: afspraken.length }
		});
		return oud.id;
	});
	// The past meeting's verslag: text, concept 1 and a comment (demo-verslag.ts).
	await laadDemoVerslag(prtId, vorigeId);
	return true;
}

function eqGenodigde(vergaderingId: number, userId: number) {
	return and(
		eq(vergaderingGenodigden.vergaderingId, vergaderingId),
		eq(vergaderingGenodigden.userId, userId)
	);
}
