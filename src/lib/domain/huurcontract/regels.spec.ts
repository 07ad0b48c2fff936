import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	controleerHuurcontract,
	HUURCONTRACT_STATUSSEN,
	MAX_PERSONEN,
	periodeVanContract,
	personenPerPeriode,
	volgendeStatus,
	type HuurcontractActie,
	type HuurcontractStatus
} from './regels';

const VANDAAG = '2026-11-22';

describe('controleerHuurcontract', () => {
	const goed = { datum: '2026-06-15', ingangsdatum: '2026-07-01', personen: 4 };

	it('accepts a contract signed in the past that starts after signing', () => {
		expect(controleerHuurcontract(goed, VANDAAG)).toEqual([]);
		// Signed today, starting today: the boundaries are allowed.
		expect(
			controleerHuurcontract(
				{ datum: VANDAAG, ingangsdatum: VANDAAG, personen: MAX_PERSONEN },
				VANDAAG
			)
		).toEqual([]);
	});

	it.each([
		[
			{ datum: '2026-11-23', ingangsdatum: '2026-12-01' },
			'datum',
			'HUURCONTRACT.DATUM_IN_TOEKOMST'
		],
		[{ datum: '2026-13-01' }, 'datum', 'HUURCONTRACT.DATUM_ONGELDIG'],
		[{ ingangsdatum: '2026-06-14' }, 'ingangsdatum', 'HUURCONTRACT.INGANG_VOOR_ONDERTEKENING'],
		[{ ingangsdatum: '2027-06-16' }, 'ingangsdatum', 'HUURCONTRACT.INGANG_TE_LAAT'],
		[{ ingangsdatum: '' }, 'ingangsdatum', 'HUURCONTRACT.DATUM_ONGELDIG'],
		[{ personen: 0 }, 'personen', 'HUURCONTRACT.PERSONEN'],
		[{ personen: MAX_PERSONEN + 1 }, 'personen', 'HUURCONTRACT.PERSONEN'],
		[{ personen: 2.5 }, 'personen', 'HUURCONTRACT.PERSONEN']
	])('%j → %s %s', (wijziging, veld, code) => {
		const fouten = controleerHuurcontract({ ...goed, ...wijziging }, VANDAAG);
		expect(fouten.map((f) => [f.veld, f.code])).toEqual([[veld, code]]);
	});

	it('one year after signing is still fine, also from 29 February', () => {
		expect(
			controleerHuurcontract(
				{ datum: '2024-02-29', ingangsdatum: '2025-02-28', personen: 1 },
				VANDAAG
			)
		).toEqual([]);
	});

	it('speaks Dutch', () => {
		const [f] = controleerHuurcontract({ ...goed, datum: '2027-01-01' }, VANDAAG);
		expect(f?.melding).toBe(
			'De datum van ondertekening ligt in de toekomst; een huurcontract telt pas als het is ondertekend.'
		);
	});
});

describe('periodeVanContract: the kalenderhalfjaar of the signing date', () => {
	it.each([
		['2026-06-30', '2026-I'],
		['2026-07-01', '2026-II'],
		['2027-01-01', '2027-I'],
		['gisteren', null]
	])('%s → %s', (datum, periode) => {
		expect(periodeVanContract(datum)).toBe(periode);
	});
});

describe('volgendeStatus', () => {
	const TABEL: Record<HuurcontractStatus, Record<HuurcontractActie, HuurcontractStatus | null>> = {
		ingediend: { accepteren: 'geaccepteerd', afwijzen: 'afgewezen', intrekken: 'ingetrokken' },
		geaccepteerd: { accepteren: null, afwijzen: 'afgewezen', intrekken: null },
		afgewezen: { accepteren: 'geaccepteerd', afwijzen: null, intrekken: null },
		ingetrokken: { accepteren: null, afwijzen: null, intrekken: null }
	};
	const gevallen = HUURCONTRACT_STATUSSEN.flatMap((s) =>
		(['accepteren', 'afwijzen', 'intrekken'] as const).map((a) => [s, a, TABEL[s][a]] as const)
	);
	it.each(gevallen)('%s + %s → %s', (status, actie, na) => {
		expect(volgendeStatus(status, actie)).toBe(na);
	});
});

describe('personenPerPeriode', () => {
	it('adds up accepted contracts per period only', () => {
		const m = personenPerPeriode([
			{ periode: '2026-I', personen: 3, status: 'geaccepteerd' },
			{ periode: '2026-I', personen: 2, status: 'geaccepteerd' },
			{ periode: '2026-I', personen: 7, status: 'ingediend' },
			{ periode: '2026-I', personen: 5, status: 'afgewezen' },
			{ periode: '2026-II', personen: 9, status: 'ingetrokken' },
			{ periode: '2026-II', personen: 1, status: 'geaccepteerd' }
		]);
		expect([...m]).toEqual([
			['2026-I', 5],
			['2026-II', 1]
		]);
	});

	it('the total equals the sum of accepted persons (property)', () => {
		const contract = fc.record({
			periode: fc.constantFrom('2025-II', '2026-I', '2026-II'),
			personen: fc.integer({ min: 1, max: MAX_PERSONEN }),
			status: fc.constantFrom(...HUURCONTRACT_STATUSSEN)
		});
		fc.assert(
			fc.property(fc.array(contract), (lijst) => {
				const som = [...personenPerPeriode(lijst).values()].reduce((a, b) => a + b, 0);
				expect(som).toBe(
					lijst.filter((c) => c.status === 'geaccepteerd').reduce((a, c) => a + c.personen, 0)
				);
			})
		);
	});
});
