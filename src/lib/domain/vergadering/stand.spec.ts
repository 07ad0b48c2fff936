import { describe, expect, it } from 'vitest';
import { telVoorAchter } from './stand';

describe('telVoorAchter', () => {
	it('counts on course (≥ 0), behind (< 0) and unknown, per regio and in total', () => {
		const { totaal, perRegio } = telVoorAchter([
			{ regio: 'Haaglanden', prognoseEindsaldo: 12 },
			{ regio: 'Haaglanden', prognoseEindsaldo: 0 },
			{ regio: 'Haaglanden', prognoseEindsaldo: -3 },
			{ regio: 'Hollands Midden', prognoseEindsaldo: -1 },
			{ regio: 'Hollands Midden', prognoseEindsaldo: null },
			{ regio: null, prognoseEindsaldo: 5 }
		]);
		expect(totaal).toEqual({ voor: 3, achter: 2, onbekend: 1 });
		expect([...perRegio]).toEqual([
			['Haaglanden', { voor: 2, achter: 1, onbekend: 0 }],
			['Hollands Midden', { voor: 0, achter: 1, onbekend: 1 }]
		]);
	});

	it('is empty without gemeenten', () => {
		const r = telVoorAchter([]);
		expect(r.totaal).toEqual({ voor: 0, achter: 0, onbekend: 0 });
		expect(r.perRegio.size).toBe(0);
	});
});
