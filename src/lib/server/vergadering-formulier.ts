import { error, fail, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { veldFouten } from '$lib/schemas/vergadering';
import { requireRight, requireUser } from './guard';
import { db } from './db';
import { currentSeq } from './realtime/publish';
import { getTafel, tafelKamer, type TafelOverzicht } from './services/regietafels';
import {
	haalVergadering,
	type VergaderingRij,
	type Weigering,
	type Wie
} from './services/vergaderingen';

/** The table of the URL, or 404. */
export async function tafelOf404(event: Pick<RequestEvent, 'params'>): Promise<TafelOverzicht> {
	const tafel = await getTafel(Number((event.params as { tafelId: string }).tafelId));
	if (!tafel) error(404, 'Deze regietafel bestaat niet.');
	return tafel;
}

/** The meeting of the URL, when it belongs to the table of the URL; else 404. */
export async function vergaderingOf404(
	tafel: TafelOverzicht,
	event: Pick<RequestEvent, 'params'>
): Promise<VergaderingRij> {
	const v = await haalVergadering(
		db(),
		tafel.id,
		Number((event.params as { vergaderingId: string }).vergaderingId)
	);
	if (!v) error(404, 'Deze vergadering bestaat niet.');
	return v;
}

/** The signed-in person as actor and audit name. */
export function wieVan(event: RequestEvent): Wie {
	const user = requireUser(event);
	return { actor: event.locals.actor, door: { userId: user.id, label: user.naam } };
}

/** A refusal from a service as the form's answer (a vanished meeting is a 404 page). */
export function weigering<A extends string, E extends Record<string, unknown>>(
	actie: A,
	w: Weigering,
	extra?: E
) {
	return fail(w.status, { actie, fout: w.fout, code: w.code, ...(extra ?? ({} as E)) });
}

export const CONTROLEER = 'Controleer de gemarkeerde velden.';

/** Parses a form with a zod schema: the data, or the first message per field. */
export function parse<S extends z.ZodType>(
	schema: S,
	invoer: unknown
): { ok: true; data: z.infer<S> } | { ok: false; fouten: Record<string, string> } {
	const r = schema.safeParse(invoer);
	return r.success ? { ok: true, data: r.data } : { ok: false, fouten: veldFouten(r.error) };
}

/** The fields of a form as a plain object (files and repeated names left out). */
export function velden(form: FormData): Record<string, string> {
	const uit: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') uit[k] = v;
	return uit;
}

/**
 * The start of every live meeting page's load: the table (404), the right to see its meetings,
 * the live room with its sequence number (read before the data: an event committed in between is
 * replayed), and the meeting (404).
 */
export async function laadVergaderingLive(event: ServerLoadEvent) {
	const tafel = await tafelOf404(event);
	requireRight(event, { actie: 'vergadering.bekijken', regietafel: tafel });
	const kamer = tafelKamer(tafel.id);
	event.depends(`live:${kamer}`);
	const liveSeq = await currentSeq(db(), kamer);
	const v = await vergaderingOf404(tafel, event);
	return { tafel, v, kamer, liveSeq };
}
