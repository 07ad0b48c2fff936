import { describe, expect, it } from 'vitest';
import {
	aanwezigheidSchema,
	afspraakSchema,
	agendapuntSchema,
	gastSchema,
	veldFouten,
	vergaderingSchema,
	volgordeSchema
} from './vergadering';

const fouten = (r: { success: boolean; error?: import('zod').ZodError }) =>
	r.success ? {} : veldFouten(r.error!);

describe('vergaderingSchema', () => {
	const basis = {
		datum: '2026-12-03',
		begintijd: '09:30',
		eindtijd: '11:30',
		locatie: 'Provinciehuis',
		onlineLink: ''
	};

	it('accepts a place without a link, and stores no empty link', () => {
		const r = vergaderingSchema.parse(basis);
		expect(r).toEqual({ ...basis, onlineLink: null });
	});

	it('accepts only a link, and drops seconds a browser may add', () => {
		const r = vergaderingSchema.parse({
			...basis,
			locatie: ' ',
			begintijd: '09:30:00',
			onlineLink: 'https://teams.example/x'
		});
		expect(r).toMatchObject({
			locatie: '',
			begintijd: '09:30',
			onlineLink: 'https://teams.example/x'
		});
	});

	it.each([
		[{ eindtijd: '09:00' }, 'eindtijd', 'De eindtijd ligt na de begintijd.'],
		[{ eindtijd: '09:30' }, 'eindtijd', 'De eindtijd ligt na de begintijd.'],
		[{ locatie: '' }, 'locatie', 'Vul een locatie in, een link voor online deelname, of beide.'],
		[
			{ onlineLink: 'http://teams.example' },
			'onlineLink',
			'Een link voor online deelname begint met https://.'
		],
		[
			{ onlineLink: 'javascript:alert(1)' },
			'onlineLink',
			'Een link voor online deelname begint met https://.'
		],
		[{ datum: '2026-02-30' }, 'datum', 'Deze datum bestaat niet.'],
		[{ begintijd: '25:00' }, 'begintijd', 'Vul een tijd in als uu:mm.'],
		[{ datum: '' }, 'datum', 'Vul de datum van de vergadering in.']
	])('refuses %j on %s', (wijziging, veld, melding) => {
		expect(fouten(vergaderingSchema.safeParse({ ...basis, ...wijziging }))[veld]).toBe(melding);
	});
});

describe('agendapuntSchema', () => {
	it('parses a form', () => {
		expect(agendapuntSchema.parse({ titel: ' Rondvraag ', type: 'rondvraag', duur: '10' })).toEqual(
			{ titel: 'Rondvraag', type: 'rondvraag', duur: 10, presentator: '', omschrijving: '' }
		);
	});
	it.each([
		[{ titel: '' }, 'titel'],
		[{ type: 'borrel' }, 'type'],
		[{ duur: '0' }, 'duur'],
		[{ duur: '1.5' }, 'duur'],
		[{ duur: '481' }, 'duur']
	])('refuses %j', (wijziging, veld) => {
		const r = agendapuntSchema.safeParse({
			titel: 'X',
			type: 'bespreking',
			duur: '10',
			...wijziging
		});
		expect(Object.keys(fouten(r))).toEqual([veld]);
	});
});

describe('volgordeSchema', () => {
	it('reads comma-separated ids', () => {
		expect(volgordeSchema.parse('3,1,2')).toEqual([3, 1, 2]);
	});
	it.each(['', '1,,2', '1;2', 'a,b', '-1,2'])('refuses %j', (s) => {
		expect(volgordeSchema.safeParse(s).success).toBe(false);
	});
});

describe('aanwezigheidSchema', () => {
	it('keeps a substitute only when replaced', () => {
		expect(
			aanwezigheidSchema.parse({
				userId: '4',
				status: 'vervangen',
				vervangerNaam: 'Eva Jansen',
				vervangerFunctie: 'Adviseur',
				vervangerOrganisatie: 'BZK'
			})
		).toEqual({
			userId: 4,
			status: 'vervangen',
			vervanger: { naam: 'Eva Jansen', functie: 'Adviseur', organisatie: 'BZK', aanhef: null }
		});
		expect(
			aanwezigheidSchema.parse({ userId: '4', status: 'aanwezig', vervangerNaam: 'Eva' }).vervanger
		).toBeNull();
	});
	it.each([
		['mevrouw', 'mevrouw'],
		['de heer', 'de heer'],
		['', null],
		[undefined, null]
	])('takes the substitute’s aanhef %o as %o', (invoer, verwacht) => {
		const r = aanwezigheidSchema.parse({
			userId: '4',
			status: 'vervangen',
			vervangerNaam: 'Eva Jansen',
			vervangerAanhef: invoer
		});
		expect(r.vervanger?.aanhef).toBe(verwacht);
	});
	it('refuses an aanhef outside the list, in Dutch', () => {
		const r = aanwezigheidSchema.safeParse({
			userId: '4',
			status: 'vervangen',
			vervangerNaam: 'Eva Jansen',
			vervangerAanhef: 'meneer'
		});
		expect(fouten(r)).toEqual({ vervangerAanhef: 'Kies De heer, Mevrouw of Geen.' });
		expect(fouten(gastSchema.safeParse({ naam: 'Piet', aanhef: 'Dhr.' }))).toEqual({
			aanhef: 'Kies De heer, Mevrouw of Geen.'
		});
	});
	it('asks for the substitute’s name', () => {
		expect(fouten(aanwezigheidSchema.safeParse({ userId: '4', status: 'vervangen' }))).toEqual({
			vervangerNaam: 'Vul de naam in van wie het lid vervangt.'
		});
	});
});

describe('afspraakSchema', () => {
	it('takes a portal user as owner', () => {
		expect(
			afspraakSchema.parse({
				agendapuntId: '12',
				omschrijving: 'Lijst leads delen',
				eigenaarUserId: '9',
				deadline: '2026-12-15'
			})
		).toMatchObject({ agendapuntId: 12, eigenaarUserId: 9, deadline: '2026-12-15' });
	});
	it('takes a name typed in, without a deadline', () => {
		expect(
			afspraakSchema.parse({
				agendapuntId: '12',
				omschrijving: 'Notitie opstellen',
				eigenaarUserId: '',
				eigenaarNaam: 'Jan de Corporatie',
				eigenaarOrganisatie: 'Woonstichting (fictief)',
				deadline: ''
			})
		).toMatchObject({ eigenaarUserId: null, eigenaarNaam: 'Jan de Corporatie', deadline: null });
	});
	it('needs someone to do it', () => {
		expect(
			fouten(afspraakSchema.safeParse({ agendapuntId: '12', omschrijving: 'Iets', deadline: '' }))
		).toEqual({ eigenaarNaam: 'Kies wie de afspraak uitvoert, of vul een naam in.' });
	});
	it('refuses a non-existent deadline', () => {
		expect(
			fouten(
				afspraakSchema.safeParse({
					agendapuntId: '12',
					omschrijving: 'Iets',
					eigenaarUserId: '3',
					deadline: '2026-13-01'
				})
			).deadline
		).toBeDefined();
	});
});
