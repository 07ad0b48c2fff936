import { error, fail } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { kamerNaam, mag } from '$lib/domain/autorisatie/rechten';
import { requireRight, requireUser } from '$lib/server/guard';
import { db } from '$lib/server/db';
import { gemeenten } from '$lib/server/db/schema';
import { currentSeq } from '$lib/server/realtime/publish';
import { tijdlijn } from '$lib/server/services/beoordelingen';
import { legBesluitVast } from '$lib/server/services/besluiten';
import { besluitSchema } from '$lib/schemas/besluit';

async function gemeenteOf404(event: Pick<RequestEvent, 'params'>) {
	const [g] = await db()
		.select()
		.from(gemeenten)
		.where(eq(gemeenten.code, event.params.gemeente))
		.orderBy(desc(gemeenten.jaar))
		.limit(1);
	if (!g) error(404, 'Deze gemeente is niet bekend.');
	return g;
}

export const load = (async (event) => {
	const g = await gemeenteOf404(event);
	requireRight(event, {
		actie: 'gemeente.bekijken',
		gemeente: { code: g.code, provincieCode: g.provincieCode }
	});
	const kamer = kamerNaam({ soort: 'provincie', code: g.provincieCode });
	event.depends(`live:${kamer}`);
	const liveSeq = await currentSeq(db(), kamer);
	return {
		gemeente: { code: g.code, naam: g.naam, provincieCode: g.provincieCode, jaar: g.jaar },
		kamer,
		liveSeq,
		stappen: (await tijdlijn(db(), g.code)).reverse(),
		/** The policy page is for those who follow the provincie's supervision. */
		magBeleidZien: mag(event.locals.actor, {
			actie: 'toezicht.bekijken',
			provincieCode: g.provincieCode
		}),
		magBesluiten: mag(event.locals.actor, {
			actie: 'toezicht.beoordelen',
			provincieCode: g.provincieCode
		})
	};
}) satisfies PageServerLoad;

export const actions = {
	besluit: async (event) => {
		const g = await gemeenteOf404(event);
		requireRight(event, { actie: 'toezicht.beoordelen', provincieCode: g.provincieCode });
		const user = requireUser(event);
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = besluitSchema.safeParse(raw);
		const sleutel = `${String(raw.periode ?? '')}/${String(raw.kind ?? '')}`;
		if (!parsed.success) {
			const fouten: Record<string, string> = {};
			for (const i of parsed.error.issues) fouten[String(i.path[0])] ??= i.message;
			return fail(400, { sleutel, fouten, waarden: raw as Record<string, string> });
		}
		const r = await legBesluitVast({ userId: user.id, label: user.naam }, g.code, parsed.data);
		if (!r.ok) {
			return fail(400, {
				sleutel,
				fouten: { [r.veld]: r.fout },
				waarden: raw as Record<string, string>
			});
		}
		return { sleutel, succes: 'Besluit vastgelegd.' };
	}
} satisfies Actions;
