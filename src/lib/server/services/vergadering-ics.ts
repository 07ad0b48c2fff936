import { asc, eq, inArray } from 'drizzle-orm';
import { icsAgenda } from '$lib/domain/vergadering/ical';
import { icsVanVergadering } from '$lib/domain/vergadering/vergadering';
import { contentDisposition } from '../bestanden';
import { db } from '../db';
import { agendapunten, vergaderingen } from '../db/schema';
import type { TafelOverzicht } from './regietafels';
import type { VergaderingRij } from './vergaderingen';

/**
 * The meetings of a table as iCalendar text (RFC 5545): one event per meeting with a stable UID
 * (`vergadering-<id>@<host>`) and SEQUENCE = the meeting's `icsVolgnummer`, so importing the file
 * again updates the events instead of adding them. `origin` is the portal's own URL.
 */
export async function icsVanVergaderingen(
	tafel: TafelOverzicht,
	lijst: readonly VergaderingRij[],
	origin: URL
): Promise<string> {
	const titels = new Map<number, string[]>();
	if (lijst.length > 0) {
		const rijen = await db()
			.select({ vergaderingId: agendapunten.vergaderingId, titel: agendapunten.titel })
			.from(agendapunten)
			.where(
				inArray(
					agendapunten.vergaderingId,
					lijst.map((v) => v.id)
				)
			)
			.orderBy(asc(agendapunten.vergaderingId), asc(agendapunten.volgorde), asc(agendapunten.id));
		for (const r of rijen) {
			titels.set(r.vergaderingId, [...(titels.get(r.vergaderingId) ?? []), r.titel]);
		}
	}
	const events = lijst.map((v) =>
		icsVanVergadering({
			id: v.id,
			tafelNaam: tafel.naam,
			datum: v.datum,
			begintijd: v.begintijd,
			eindtijd: v.eindtijd,
			locatie: v.locatie,
			onlineLink: v.onlineLink,
			agenda: titels.get(v.id) ?? [],
			host: origin.hostname,
			url: new URL(`/regietafels/${tafel.id}/vergaderingen/${v.id}`, origin).href,
			gewijzigd: v.gewijzigdAt.toISOString(),
			volgnummer: v.icsVolgnummer
		})
	);
	return icsAgenda(tafel.naam, events);
}

/** Every meeting of the table, oldest first. */
export async function icsVanTafel(tafel: TafelOverzicht, origin: URL): Promise<string> {
	const lijst = await db()
		.select()
		.from(vergaderingen)
		.where(eq(vergaderingen.regietafelId, tafel.id))
		.orderBy(asc(vergaderingen.datum), asc(vergaderingen.begintijd), asc(vergaderingen.id));
	return icsVanVergaderingen(tafel, lijst, origin);
}

/**
 * A calendar file as a download: its own content type, never rendered in our origin, not cached
 * (an agenda can hold names and links that are not public).
 */
export function icsResponse(ics: string, bestandsnaam: string): Response {
	return new Response(ics, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': contentDisposition(bestandsnaam),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
}
