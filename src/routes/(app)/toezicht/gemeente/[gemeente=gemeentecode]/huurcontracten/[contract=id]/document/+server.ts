import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { huurcontractRecht } from '$lib/domain/autorisatie/rechten';
import { bestandResponse, leesBestand } from '$lib/server/bestanden';
import { db } from '$lib/server/db';
import { requireRight } from '$lib/server/guard';
import { gemeenteRef, huurcontract } from '$lib/server/services/huurcontracten';

/**
 * The signed document of a huurcontract, for whoever may see the gemeente. The contract must
 * belong to the gemeente in the URL, so that a right on one gemeente never opens another's file.
 */
export const GET: RequestHandler = async (event) => {
	const g = await gemeenteRef(db(), event.params.gemeente);
	if (!g) error(404, 'Deze gemeente is niet bekend.');
	requireRight(event, huurcontractRecht('bekijken', g));
	const c = await huurcontract(db(), g.code, Number(event.params.contract));
	const bestand = c ? await leesBestand(db(), c.bestandId) : null;
	if (!bestand) error(404, 'Dit huurcontract bestaat niet.');
	return bestandResponse(bestand);
};
