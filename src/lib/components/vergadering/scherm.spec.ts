import { describe, expect, it } from 'vitest';
import { pasSchermToe, type Scherm } from './scherm';
import type { SchermGewijzigd } from '$lib/realtime/events';

const STAND: NonNullable<Scherm['stand']> = {
	periode: '2026-II',
	provincieCode: 'PV28',
	gemeenten: ['GM0518'],
	totaal: {
		gemeenten: 1,
		opgave: 10,
		gehuisvest: 5,
		nogTeHuisvesten: 5,
		fractieGerealiseerd: 0.5,
		treden: {},
		voor: 0,
		achter: 1,
		onbekend: 0
	},
	regios: []
};

const scherm = (huidig: number | null, sinds: string | null): Scherm => ({
	vergadering: {
		id: 2,
		datum: '2026-12-24',
		begintijd: '09:30',
		eindtijd: '11:30',
		locatie: 'Provinciehuis',
		onlineLink: null,
		status: 'bezig',
		huidigAgendapuntId: huidig,
		huidigSinds: sinds
	},
	agenda: [
		{ id: 10, titel: 'Opening', type: 'opening', duur: 10, presentator: '', omschrijving: '' },
		{
			id: 11,
			titel: 'Stand van zaken',
			type: 'stand-van-zaken',
			duur: 30,
			presentator: '',
			omschrijving: ''
		}
	],
	stand: huidig === 11 ? STAND : null,
	open: [],
	afspraken: huidig === 11 ? [] : []
});

const wissel = (huidig: number | null, sinds: string | null, id = 2): SchermGewijzigd => ({
	vergaderingId: id,
	status: 'bezig',
	huidigAgendapuntId: huidig,
	huidigSinds: sinds
});

describe('pasSchermToe', () => {
	const t1 = '2026-12-24T08:40:00.000Z';
	const t2 = '2026-12-24T08:50:00.000Z';

	it('switches to the item of the event and leaves out what belongs to the old item', () => {
		const s = scherm(11, t1);
		const r = pasSchermToe(s, wissel(10, t2));
		expect(r.vergadering.huidigAgendapuntId).toBe(10);
		expect(r.vergadering.huidigSinds).toBe(t2);
		expect(r.stand).toBeNull();
		expect(r.agenda).toBe(s.agenda);
	});

	it('changes nothing without an event, for another meeting, or when the data caught up', () => {
		const s = scherm(11, t2);
		expect(pasSchermToe(s, null)).toBe(s);
		expect(pasSchermToe(s, wissel(10, t2, 99))).toBe(s);
		expect(pasSchermToe(s, wissel(11, t2))).toBe(s);
	});

	it('keeps data that shows a later switch than the event', () => {
		const s = scherm(11, t2);
		expect(pasSchermToe(s, wissel(10, t1))).toBe(s);
	});

	it('keeps the figures when only the time restarts on the same item', () => {
		const r = pasSchermToe(scherm(11, t1), wissel(11, t2));
		expect(r.stand).toBe(STAND);
		expect(r.vergadering.huidigSinds).toBe(t2);
	});

	it('follows a meeting that ends', () => {
		const r = pasSchermToe(scherm(10, t1), {
			vergaderingId: 2,
			status: 'afgerond',
			huidigAgendapuntId: null,
			huidigSinds: null
		});
		expect(r.vergadering.status).toBe('afgerond');
		expect(r.vergadering.huidigAgendapuntId).toBeNull();
	});
});
