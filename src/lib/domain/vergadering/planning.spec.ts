import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agendaOverschrijding, klokTijd, verplaatsMelding, volgendePunten } from './agenda';
import { icsAgenda } from './ical';
import {
	icsVanVergadering,
	lokaleTijdNaarIso,
	plaatsTekst,
	volgendeVergaderingStatus,
	volgnummerNa,
	type TijdEnPlaats
} from './vergadering';

describe('lokaleTijdNaarIso (Europe/Amsterdam)', () => {
	it.each([
		['2026-12-03', '09:30', '2026-12-03T08:30:00.000Z'], // CET, UTC+1
		['2026-06-15', '09:30', '2026-06-15T07:30:00.000Z'], // CEST, UTC+2
		['2026-03-29', '01:30', '2026-03-29T00:30:00.000Z'], // just before spring-forward
		['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'], // just after it
		['2026-10-25', '12:00', '2026-10-25T11:00:00.000Z'], // the day clocks go back
		['2026-12-31', '23:59', '2026-12-31T22:59:00.000Z']
	])('%s %s → %s', (datum, tijd, iso) => {
		expect(lokaleTijdNaarIso(datum, tijd)).toBe(iso);
	});

	it('reads back as the same wall-clock time in Amsterdam (property)', () => {
		const f = new Intl.DateTimeFormat('sv-SE', {
			timeZone: 'Europe/Amsterdam',
			dateStyle: 'short',
			timeStyle: 'short'
		});
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
				fc.integer({ min: 4, max: 23 }),
				fc.integer({ min: 0, max: 59 }),
				(d, u, m) => {
					const datum = d.toISOString().slice(0, 10);
					const tijd = `${String(u).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
					expect(f.format(new Date(lokaleTijdNaarIso(datum, tijd)))).toBe(`${datum} ${tijd}`);
				}
			)
		);
	});
});

describe('status of a meeting', () => {
	it.each([
		['gepland', 'starten', 'bezig'],
		['bezig', 'afronden', 'afgerond'],
		['gepland', 'afronden', null],
		['bezig', 'starten', null],
		['afgerond', 'starten', null],
		['afgerond', 'afronden', null]
	] as const)('%s + %s → %s', (status, actie, uit) => {
		expect(volgendeVergaderingStatus(status, actie)).toBe(uit);
	});
});

describe('SEQUENCE of the calendar event', () => {
	const basis: TijdEnPlaats = {
		datum: '2026-12-03',
		begintijd: '09:30',
		eindtijd: '11:30',
		locatie: 'Provinciehuis',
		onlineLink: null
	};
	it.each<[string, Partial<TijdEnPlaats>, number]>([
		['nothing changed', {}, 4],
		['only spaces around the place', { locatie: ' Provinciehuis ' }, 4],
		['another date', { datum: '2026-12-10' }, 5],
		['another start', { begintijd: '10:00' }, 5],
		['another end', { eindtijd: '12:00' }, 5],
		['another place', { locatie: 'Stadhuis Leiden' }, 5],
		['an online link added', { onlineLink: 'https://teams.example/abc' }, 5]
	])('%s → %i', (_, wijziging, verwacht) => {
		expect(volgnummerNa(basis, { ...basis, ...wijziging }, 4)).toBe(verwacht);
	});
});

describe('agenda helpers', () => {
	const agenda = [1, 2, 3, 4, 5].map((id) => ({ id }));
	it.each([
		[null, [1, 2, 3]],
		[1, [2, 3, 4]],
		[4, [5]],
		[5, []],
		[99, [1, 2, 3]]
	] as const)('after %s come %j', (huidig, ids) => {
		expect(volgendePunten(agenda, huidig).map((p) => p.id)).toEqual(ids);
	});

	it.each([
		['09:30', 0, '09:30'],
		['09:30', 75, '10:45'],
		['23:30', 45, '00:15'],
		['00:10', -20, '23:50']
	] as const)('%s + %i min = %s', (begin, min, uit) => {
		expect(klokTijd(begin, min)).toBe(uit);
	});

	it('tells how far the agenda runs over the meeting time', () => {
		expect(agendaOverschrijding([10, 10, 15, 30, 10, 5], '09:30', '11:30')).toBe(0);
		expect(agendaOverschrijding([60, 45, 30], '09:30', '11:30')).toBe(15);
	});

	it('announces a move with the new position', () => {
		expect(verplaatsMelding('Rondvraag', 2, 6)).toBe('‘Rondvraag’ staat nu op plaats 2 van 6.');
	});
});

describe('a meeting as a calendar event', () => {
	const bron = {
		id: 7,
		tafelNaam: 'Provinciale Regietafel Zuid-Holland',
		datum: '2026-12-03',
		begintijd: '09:30',
		eindtijd: '11:30',
		locatie: 'Provinciehuis, Den Haag',
		onlineLink: 'https://teams.example/prt',
		agenda: ['Opening', 'Rondvraag'],
		host: 'regietafel.example',
		url: 'https://regietafel.example/regietafels/1/vergaderingen/7',
		gewijzigd: '2026-11-22T10:00:00.000Z',
		volgnummer: 2
	};

	it('has a stable UID, UTC times from local ones, the place and the agenda', () => {
		const e = icsVanVergadering(bron);
		expect(e.uid).toBe('vergadering-7@regietafel.example');
		expect(e.start).toBe('2026-12-03T08:30:00.000Z');
		expect(e.eind).toBe('2026-12-03T10:30:00.000Z');
		expect(e.locatie).toBe('Provinciehuis, Den Haag (ook online)');
		expect(e.beschrijving).toContain('Online deelnemen: https://teams.example/prt');
		expect(e.beschrijving).toContain('1. Opening\n2. Rondvraag');
		expect(e.volgnummer).toBe(2);
		const ics = icsAgenda('PRT', [e]);
		expect(ics).toContain('\r\nDTSTART:20261203T083000Z\r\n');
		expect(ics).toContain('\r\nSEQUENCE:2\r\n');
		// Moving the meeting keeps the UID: calendars update the event instead of adding one.
		expect(icsVanVergadering({ ...bron, datum: '2026-12-10' }).uid).toBe(e.uid);
	});

	it.each([
		[{ locatie: 'Provinciehuis', onlineLink: null }, 'Provinciehuis'],
		[{ locatie: '', onlineLink: 'https://x.example' }, 'Online'],
		[{ locatie: ' ', onlineLink: null }, '']
	])('place %j reads %j', (v, uit) => {
		expect(plaatsTekst(v)).toBe(uit);
	});
});
