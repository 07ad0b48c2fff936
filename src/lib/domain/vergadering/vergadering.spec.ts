import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { geplandeStart, isPermutatie, sjabloonAgenda, tijdGebruikt, verplaats } from './agenda';
import { isVerlopen, sorteerActiepunten, type ActiepuntStatus } from './actiepunten';
import { icsAgenda, icsTekst, icsTijd, vouw } from './ical';

describe('agenda', () => {
	it('the template holds vaststelling verslag and the open action items of last time', () => {
		const a = sjabloonAgenda(3);
		expect(a.map((p) => p.titel)).toContain('Vaststelling verslag vorige vergadering');
		const acties = a.find((p) => p.type === 'actiepunten')!;
		expect(acties.titel).toBe('Actiepunten vorige vergadering');
		expect(acties.omschrijving).toBe('3 open actiepunten; zie de lijst.');
		expect(sjabloonAgenda(1).find((p) => p.type === 'actiepunten')!.omschrijving).toBe(
			'1 open actiepunt; zie de lijst.'
		);
		expect(a[0]!.type).toBe('opening');
		expect(a.at(-1)!.type).toBe('sluiting');
	});

	it.each([
		[[1, 2, 3, 4], 0, 2, [2, 3, 1, 4]],
		[[1, 2, 3, 4], 3, 0, [4, 1, 2, 3]],
		[[1, 2, 3, 4], 1, 1, [1, 2, 3, 4]],
		[[1, 2, 3, 4], 2, 99, [1, 2, 4, 3]],
		[[1, 2, 3, 4], 2, -5, [3, 1, 2, 4]],
		[[1, 2, 3, 4], 7, 0, [1, 2, 3, 4]]
	])('verplaats(%j, %i, %i) → %j', (lijst, van, naar, verwacht) => {
		expect(verplaats(lijst, van, naar)).toEqual(verwacht);
	});

	it('moving keeps every item exactly once and puts the moved one at the target (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer(), { minLength: 1, maxLength: 20 }),
				fc.nat(),
				fc.integer({ min: -3, max: 25 }),
				(l, v, n) => {
					const van = v % l.length;
					const uit = verplaats(l, van, n);
					expect([...uit].sort()).toEqual([...l].sort());
					expect(uit[Math.max(0, Math.min(l.length - 1, n))]).toBe(l[van]);
				}
			)
		);
	});

	it('isPermutatie refuses missing, extra and duplicated ids', () => {
		expect(isPermutatie([1, 2, 3], [3, 1, 2])).toBe(true);
		expect(isPermutatie([1, 2, 3], [1, 2])).toBe(false);
		expect(isPermutatie([1, 2, 3], [1, 2, 4])).toBe(false);
		expect(isPermutatie([1, 2, 3], [1, 1, 2])).toBe(false);
	});

	it('planned starts add up the durations', () => {
		expect(geplandeStart([10, 10, 15, 30])).toEqual([0, 10, 20, 35]);
	});

	it.each([
		[0, 10, 0, 'op-tijd'],
		[7 * 60_000 + 59_000, 10, 7, 'op-tijd'],
		[8 * 60_000, 10, 8, 'bijna'],
		[10 * 60_000, 10, 10, 'bijna'],
		[11 * 60_000, 10, 11, 'over'],
		[-5000, 10, 0, 'op-tijd']
	] as const)('after %i ms of %i planned minutes: %i used, %s', (ms, gepland, gebruikt, stand) => {
		const t = tijdGebruikt(
			'2026-11-22T10:00:00.000Z',
			Date.parse('2026-11-22T10:00:00.000Z') + ms,
			gepland
		);
		expect(t.gebruikt).toBe(gebruikt);
		expect(t.stand).toBe(stand);
		expect(t.over).toBe(Math.max(0, gebruikt - gepland));
	});
});

describe('actiepunten', () => {
	it.each<[ActiepuntStatus, string | null, boolean]>([
		['open', '2026-11-21', true],
		['in-uitvoering', '2026-11-01', true],
		['open', '2026-11-22', false],
		['open', null, false],
		['afgerond', '2026-01-01', false],
		['vervallen', '2026-01-01', false]
	])('%s with deadline %s on 2026-11-22: verlopen %s', (status, deadline, verwacht) => {
		expect(isVerlopen({ status, deadline }, '2026-11-22')).toBe(verwacht);
	});

	it('sorts overdue first, then running by deadline, then closed', () => {
		const lijst = [
			{ id: 1, status: 'afgerond' as const, deadline: '2026-01-01' },
			{ id: 2, status: 'open' as const, deadline: null },
			{ id: 3, status: 'open' as const, deadline: '2026-12-01' },
			{ id: 4, status: 'in-uitvoering' as const, deadline: '2026-10-01' },
			{ id: 5, status: 'open' as const, deadline: '2026-11-30' }
		];
		expect(sorteerActiepunten(lijst, '2026-11-22').map((a) => a.id)).toEqual([4, 5, 3, 2, 1]);
	});
});

describe('iCalendar', () => {
	it('escapes text values and writes UTC times', () => {
		expect(icsTekst('Stand; cijfers, regio\\NL\nregel 2')).toBe(
			'Stand\\; cijfers\\, regio\\\\NL\\nregel 2'
		);
		expect(icsTijd('2026-12-03T09:30:00+01:00')).toBe('20261203T083000Z');
	});

	it('folds long lines at 75 octets without splitting a character (property)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
				const regel = `DESCRIPTION:${s}`;
				const gevouwen = vouw(regel);
				const delen = gevouwen.split('\r\n');
				for (const d of delen) expect(new TextEncoder().encode(d).length).toBeLessThanOrEqual(75);
				expect(delen.map((d, i) => (i === 0 ? d : d.slice(1))).join('')).toBe(regel);
			})
		);
	});

	it('one VEVENT per meeting with a stable UID, CRLF line ends', () => {
		const ics = icsAgenda('PRT Zuid-Holland', [
			{
				uid: 'vergadering-7@regietafel',
				start: '2026-12-03T09:30:00+01:00',
				eind: '2026-12-03T11:30:00+01:00',
				titel: 'PRT Zuid-Holland',
				locatie: 'Provinciehuis, Den Haag',
				beschrijving: 'Agenda:\n1. Opening',
				url: 'https://regietafel.example/vergaderingen/7',
				gewijzigd: '2026-11-22T10:00:00Z',
				volgnummer: 2,
				geannuleerd: false
			}
		]);
		expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics).toContain('\r\nUID:vergadering-7@regietafel\r\n');
		expect(ics).toContain('\r\nDTSTART:20261203T083000Z\r\n');
		expect(ics).toContain('\r\nLOCATION:Provinciehuis\\, Den Haag\r\n');
		expect(ics).toContain('\r\nDESCRIPTION:Agenda:\\n1. Opening\r\n');
		expect(ics).toContain('\r\nSEQUENCE:2\r\n');
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
		expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
	});
});
