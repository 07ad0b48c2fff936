import type { PageServerLoad } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import {
	formatHalfjaar,
	parseHalfjaar,
	volgendHalfjaar,
	vorigHalfjaar
} from '$lib/domain/periode/halfjaar';
import { requireRight } from '$lib/server/guard';
import { db } from '$lib/server/db';
import { currentSeq } from '$lib/server/realtime/publish';
import { bronnen, provincieNaam, provincieOverzicht } from '$lib/server/services/overzicht';
import { aantalTeBeoordelen } from '$lib/server/services/huurcontracten';
import { beleidsversiesVanProvincie } from '$lib/server/services/beleid';
import { beleidVoorPeriode } from '$lib/domain/ladder/beleidskader';
import { versieNaam } from '$lib/domain/ladder/beleid-tekst';

export const load = (async (event) => {
	const { provincie, halfjaar } = event.params;
	requireRight(event, { actie: 'toezicht.bekijken', provincieCode: provincie });
	const kamer = kamerNaam({ soort: 'provincie', code: provincie });
	event.depends(`live:${kamer}`);
	const liveSeq = await currentSeq(db(), kamer);
	const h = parseHalfjaar(halfjaar)!;
	const [overzicht, naam, bronLijst, huurTeBeoordelen, versies] = await Promise.all([
		provincieOverzicht(provincie, halfjaar),
		provincieNaam(provincie),
		bronnen(provincie, halfjaar),
		aantalTeBeoordelen(db(), provincie),
		beleidsversiesVanProvincie(db(), provincie)
	]);
	const beleid = beleidVoorPeriode(versies, provincie, h) as (typeof versies)[number] | null;
	return {
		provincie: { code: provincie, naam: naam ?? provincie },
		bronnen: bronLijst,
		huurTeBeoordelen,
		periode: halfjaar,
		vorige: formatHalfjaar(vorigHalfjaar(h)),
		volgende: formatHalfjaar(volgendHalfjaar(h)),
		kamer,
		liveSeq,
		/** The beleidskader version the standings of this period use. */
		beleid: { id: beleid?.id ?? null, naam: versieNaam(beleid) },
		magImporteren: mag(event.locals.actor, {
			actie: 'toezicht.beoordelen',
			provincieCode: provincie
		}),
		...overzicht
	};
}) satisfies PageServerLoad;
