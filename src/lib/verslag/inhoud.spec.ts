import { describe, expect, it } from 'vitest';
import {
	cijferTabel,
	cijfersUitStand,
	exportBestandsnaam,
	exportGegevens,
	heeftTekst,
	stabielJson,
	tafelSlug,
	tredenTekst,
	type Stand,
	type VerslagInhoud
} from './inhoud';

const STAND: Stand = {
	rijen: [
		{
			naam: 'Zoetermeer',
			taakstelling: 120,
			opgave: 110,
			gehuisvest: 55,
			nogTeHuisvesten: 55,
			fractieGerealiseerd: 0.5,
			trede: '1'
		},
		{
			naam: "'s-Gravenhage",
			taakstelling: 900,
			opgave: 1000,
			gehuisvest: 250,
			nogTeHuisvesten: 750,
			fractieGerealiseerd: 0.25,
			trede: '3A'
		}
	],
	regios: [
		{
			regio: 'Haaglanden',
			taakstelling: 1020,
			opgave: 1110,
			gehuisvest: 305,
			nogTeHuisvesten: 805,
			fractieGerealiseerd: 305 / 1110,
			treden: { '3A': 1, '1': 1 }
		}
	],
	totaal: {
		taakstelling: 1020,
		opgave: 1110,
		gehuisvest: 305,
		nogTeHuisvesten: 805,
		fractieGerealiseerd: 305 / 1110,
		treden: { '3A': 1, '1': 1 }
	}
};

describe('frozen figures', () => {
	it('per gemeente for a regional table, sorted by name, with the total last', () => {
		const c = cijfersUitStand(STAND, '2026-II', 'gemeente');
		expect(c.rijen.map((r) => r.naam)).toEqual(["'s-Gravenhage", 'Zoetermeer']);
		expect(c.totaal).toMatchObject({
			naam: 'Totaal',
			gehuisvest: 305,
			trede: 'trede 1: 1 · trede 3A: 1'
		});
		const t = cijferTabel({ ...c, vastgelegdOp: '2026-11-12T09:40:00Z' });
		expect(t.titel).toBe('Stand van zaken tweede halfjaar 2026 (vastgelegd op 12 nov 2026)');
		expect(t.kop[0]).toBe('Gemeente');
		expect(t.rijen).toHaveLength(3);
		expect(t.rijen[0]).toEqual(["'s-Gravenhage", '900', '1.000', '250', '750', '25%', '3A']);
		expect(t.rijen[2]![0]).toBe('Totaal');
	});
	it('per regio for the PRT', () => {
		const c = cijfersUitStand(STAND, '2026-I', 'regio');
		expect(c.rijen).toEqual([
			expect.objectContaining({ naam: 'Haaglanden', opgave: 1110, gerealiseerd: 305 / 1110 })
		]);
		expect(cijferTabel(c).kop[0]).toBe('Regio');
		expect(cijferTabel(c).rijen[0]![5]).toBe('27%');
	});
	it('treden in ladder order; none known gives null; missing figures a dash', () => {
		expect(tredenTekst({ '6': 1, '0': 2, '3B': 1 })).toBe('trede 0: 2 · trede 3B: 1 · trede 6: 1');
		expect(tredenTekst({})).toBeNull();
		const c = cijfersUitStand(
			{
				...STAND,
				rijen: [{ ...STAND.rijen[0]!, opgave: null, fractieGerealiseerd: null, trede: null }]
			},
			'2026-I',
			'gemeente'
		);
		expect(cijferTabel(c).rijen[0]).toEqual(['Zoetermeer', '120', '—', '55', '55', '—', '—']);
	});
});

describe('stabielJson', () => {
	it('is independent of key order and drops undefined', () => {
		expect(stabielJson({ b: 1, a: [{ y: 2, x: null }], c: undefined })).toBe(
			stabielJson({ a: [{ x: null, y: 2 }], b: 1 })
		);
		expect(stabielJson({ a: 1 })).not.toBe(stabielJson({ a: 2 }));
	});
});

const PM = (tekst: string) => ({
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text: tekst }] }]
});

describe('heeftTekst', () => {
	it('sees text in paragraphs and lists, not empty paragraphs', () => {
		expect(
			heeftTekst([{ pm: null }, { pm: { type: 'doc', content: [{ type: 'paragraph' }] } }])
		).toBe(false);
		expect(heeftTekst([{ pm: null }, { pm: PM('Iets') }])).toBe(true);
		expect(
			heeftTekst([
				{
					pm: {
						type: 'doc',
						content: [
							{
								type: 'bullet_list',
								content: [
									{
										type: 'list_item',
										content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }]
									}
								]
							}
						]
					}
				}
			])
		).toBe(true);
	});
});

describe('exportGegevens', () => {
	const inhoud: VerslagInhoud = {
		regietafel: 'Provinciale Regietafel Zuid-Holland',
		vergadering: {
			id: 1,
			datum: '2026-11-12',
			begintijd: '09:30',
			eindtijd: '11:30',
			locatie: ' '
		},
		aanwezigheid: {
			aanwezigen: [{ naam: 'Sanne Bakker', functie: 'Secretaris', organisatie: 'Provincie' }],
			afwezigen: [],
			vervangers: [{ naam: 'Eva Jansen', functie: '', organisatie: 'BZK', voor: 'Daan Visser' }],
			gasten: []
		},
		agendapunten: [
			{
				id: 7,
				nummer: 1,
				titel: 'Stand van zaken',
				type: 'stand-van-zaken',
				pm: PM('De cijfers worden besproken.'),
				cijfers: {
					...cijfersUitStand(STAND, '2026-II', 'regio'),
					vastgelegdOp: '2026-11-12T09:40:00Z',
					door: 'Sanne Bakker'
				},
				afspraken: ['COA deelt de leads.']
			}
		],
		actiepunten: [],
		vingerafdruk: 'x'
	};
	it('turns a version into the exports’ data, with blocks and a figures table', () => {
		const d = exportGegevens(inhoud, { status: 'concept', versie: 'concept 1', vastgesteld: null });
		expect(d.tijd).toBe('09:30–11:30');
		expect(d.locatie).toBeNull();
		expect(d.versie).toBe('concept 1');
		expect(d.vervangers[0]!.voor).toBe('Daan Visser');
		expect(d.agendapunten[0]!.blokken).toEqual([
			{ soort: 'alinea', delen: [{ tekst: 'De cijfers worden besproken.' }] }
		]);
		expect(d.agendapunten[0]!.cijfers?.rijen[0]![0]).toBe('Haaglanden');
		expect(d.agendapunten[0]!.afspraken).toEqual(['COA deelt de leads.']);
	});
});

describe('file names', () => {
	it('abbreviates the PRT and strips accents', () => {
		expect(tafelSlug('Provinciale Regietafel Zuid-Holland')).toBe('prt-zuid-holland');
		expect(tafelSlug('Regietafel Fryslân – Noord')).toBe('regietafel-fryslan-noord');
		expect(
			exportBestandsnaam('verslag', 'Provinciale Regietafel Zuid-Holland', '2026-11-12', 'docx', {
				soort: 'concept',
				nummer: 2
			})
		).toBe('verslag-prt-zuid-holland-2026-11-12-concept-2.docx');
		expect(
			exportBestandsnaam('actielijst', 'Regietafel Haaglanden', '2026-11-12', 'pdf', {
				soort: 'vastgesteld',
				nummer: 3
			})
		).toBe('actielijst-regietafel-haaglanden-2026-11-12-vastgesteld.pdf');
		expect(exportBestandsnaam('verslag', 'PRT', '2026-11-12', 'pdf', null)).toBe(
			'verslag-prt-2026-11-12-werkversie.pdf'
		);
	});
});
