import { describe, expect, it } from 'vitest';
import { beleidFormulierWaarden, parseBeleidFormulier } from './beleid';

describe('het formulier: percentages, Nederlandse foutmeldingen per veld', () => {
	const formulier = (velden: [string, string][]) => {
		const f = new FormData();
		for (const [k, v] of velden) f.append(k, v);
		return beleidFormulierWaarden(f);
	};

	it('zet percentages om naar fracties en leest de regels als rijen', () => {
		const r = parseBeleidFormulier(
			formulier([
				['vanaf', ' 2026-II '],
				['drempel', '70'],
				['regelSoort', 'fractionOfOpgave'],
				['regelProcent', '70 %'],
				['regelSoort', 'taakstellingPlusFractionOfAchterstand'],
				['regelProcent', '25,5'],
				['disregardOmkoppelingen', 'on'],
				['toelichting', 'LRT-advies 2021-II'],
				['basisVersie', '3']
			])
		);
		expect(r).toEqual({
			ok: true,
			invoer: {
				vanaf: '2026-II',
				beleid: {
					midpointThreshold: 0.7,
					notRising: [
						{ kind: 'fractionOfOpgave', fraction: 0.7 },
						{ kind: 'taakstellingPlusFractionOfAchterstand', fraction: 0.255 }
					],
					disregardOmkoppelingen: true,
					huurcontractenOnlyWhenNeeded: false
				},
				toelichting: 'LRT-advies 2021-II',
				basisVersie: 3
			}
		});
	});

	it('geeft per veld een Nederlandse melding en houdt de invoer vast', () => {
		const waarden = formulier([
			['vanaf', '2026-III'],
			['drempel', 'zeventig'],
			['regelSoort', 'fractionOfOpgave'],
			['regelProcent', '70'],
			['regelSoort', ''],
			['regelProcent', '150'],
			['toelichting', ''],
			['basisVersie', '0']
		]);
		const r = parseBeleidFormulier(waarden);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.fouten).toEqual({
			vanaf: 'Vul een periode in zoals 2026-I of 2026-II.',
			drempel: 'Vul een percentage in als getal met hoogstens één decimaal, bijvoorbeeld 72,5.',
			'regels.1.soort': 'Kies het soort regel.',
			'regels.1.procent': 'Het percentage kan niet hoger zijn dan 100.',
			toelichting:
				'Leg in een zin uit waarom het beleid wijzigt, bijvoorbeeld "LRT-advies 2021-II".'
		});
		// What was typed comes back as typed.
		expect(waarden.regels).toEqual([
			{ soort: 'fractionOfOpgave', procent: '70' },
			{ soort: '', procent: '150' }
		]);
		expect(waarden.drempel).toBe('zeventig');
	});

	it('dezelfde regel twee keer is een fout bij de tweede', () => {
		const r = parseBeleidFormulier(
			formulier([
				['vanaf', '2026-II'],
				['drempel', '100'],
				['regelSoort', 'fractionOfOpgave'],
				['regelProcent', '70'],
				['regelSoort', 'fractionOfOpgave'],
				['regelProcent', '70,0'],
				['toelichting', 'Dubbele regel'],
				['basisVersie', '0']
			])
		);
		expect(r).toEqual({ ok: false, fouten: { 'regels.1.procent': 'Deze regel staat er al.' } });
	});
});

describe('percentage → fractie', () => {
	const drempel = (d: string) =>
		parseBeleidFormulier({
			vanaf: '2026-II',
			drempel: d,
			regels: [],
			disregardOmkoppelingen: false,
			huurcontractenOnlyWhenNeeded: true,
			toelichting: 'Toelichting',
			basisVersie: '0'
		});

	it.each([
		['100', 1],
		['70', 0.7],
		['70,5', 0.705],
		['33,3', 0.333],
		[' 85 % ', 0.85],
		['0,1', 0.001]
	])('%s → %d', (invoer, fractie) => {
		expect(drempel(invoer)).toMatchObject({
			ok: true,
			invoer: { beleid: { midpointThreshold: fractie } }
		});
	});

	it.each([
		['', 'Vul een percentage in, bijvoorbeeld 70.'],
		['0', 'Het percentage moet groter zijn dan 0.'],
		['100,1', 'Het percentage kan niet hoger zijn dan 100.'],
		['70,25', 'Vul een percentage in als getal met hoogstens één decimaal, bijvoorbeeld 72,5.'],
		['-5', 'Vul een percentage in als getal met hoogstens één decimaal, bijvoorbeeld 72,5.'],
		['0.7 of 70', 'Vul een percentage in als getal met hoogstens één decimaal, bijvoorbeeld 72,5.']
	])('%o → %s', (invoer, melding) => {
		expect(drempel(invoer)).toEqual({ ok: false, fouten: { drempel: melding } });
	});
});
