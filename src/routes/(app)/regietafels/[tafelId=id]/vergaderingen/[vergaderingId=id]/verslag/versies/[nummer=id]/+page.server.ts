import { error, fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { mag } from '$lib/domain/autorisatie/rechten';
import { opmerkingBlokkade } from '$lib/domain/vergadering/verslag-status';
import { opmerkingSchema, verwerkenSchema } from '$lib/schemas/verslag';
import { veldFouten } from '$lib/schemas/vergadering';
import { db } from '$lib/server/db';
import { vergaderingen } from '$lib/server/db/schema';
import { requireRight } from '$lib/server/guard';
import {
	haalVersie,
	opmerkingenVan,
	plaatsOpmerking,
	verslagBasis,
	versiesVan,
	verwerkOpmerking
} from '$lib/server/services/verslag';
import {
	laadVergaderingLive,
	tafelOf404,
	vergaderingOf404,
	velden,
	wieVan
} from '$lib/server/vergadering-formulier';
import { blokkenVan } from '$lib/verslag/blokken';
import { cijferTabel } from '$lib/verslag/inhoud';

/**
 * One published version of a verslag, read-only as it was sent, with per agendapunt the
 * members' comments on it: members comment on the latest concept, the secretaris processes them
 * (live: every change is an event in the table's room).
 */
export const load = (async (event) => {
	const { tafel, v, kamer, liveSeq } = await laadVergaderingLive(event);
	const nummer = Number(event.params.nummer);
	const versie = await haalVersie(db(), v.id, nummer);
	if (!versie) error(404, 'Deze versie van het verslag bestaat niet.');
	const versies = await versiesVan(db(), v.id);
	const laatste = versies.at(-1)!;
	const vastgesteld = versies.some((x) => x.soort === 'vastgesteld');
	const opmerkingen = (await opmerkingenVan(db(), v.id)).filter((o) => o.nummer === nummer);
	const actor = event.locals.actor;
	const becommentarieren = mag(actor, { actie: 'verslag.becommentarieren', regietafel: tafel });
	const [vastIn] = versie.vastgesteldIn
		? await db()
				.select({ id: vergaderingen.id, datum: vergaderingen.datum })
				.from(vergaderingen)
				.where(eq(vergaderingen.id, versie.vastgesteldIn))
		: [];
	const ids = new Set(versie.inhoud.agendapunten.map((a) => a.id));
	const q = `?versie=${nummer}`;
	const b = `/regietafels/${tafel.id}/vergaderingen/${v.id}`;
	return {
		tafel,
		vergadering: { id: v.id, datum: v.datum },
		basis: verslagBasis(tafel.id, v.id),
		versie: {
			nummer: versie.nummer,
			soort: versie.soort,
			at: versie.at.toISOString(),
			doorLabel: versie.doorLabel,
			vastgesteldIn: vastIn ?? null
		},
		versies: versies.map((x) => ({ nummer: x.nummer, soort: x.soort })),
		inhoud: {
			regietafel: versie.inhoud.regietafel,
			vergadering: versie.inhoud.vergadering,
			aanwezigheid: versie.inhoud.aanwezigheid,
			actiepunten: versie.inhoud.actiepunten
		},
		agendapunten: versie.inhoud.agendapunten.map((a) => ({
			id: a.id,
			nummer: a.nummer,
			titel: a.titel,
			blokken: blokkenVan(a.pm),
			cijfers: a.cijfers ? cijferTabel(a.cijfers) : null,
			afspraken: a.afspraken,
			opmerkingen: opmerkingen.filter((o) => o.agendapuntId === a.id)
		})),
		algemeen: opmerkingen.filter((o) => o.agendapuntId === null || !ids.has(o.agendapuntId)),
		opmerken: becommentarieren ? { reden: opmerkingBlokkade(laatste, nummer) } : null,
		verwerken: mag(actor, { actie: 'verslag.beheren', regietafel: tafel }) && !vastgesteld,
		exports: [
			{ label: 'Verslag (Word)', href: `${b}/verslag.docx${q}` },
			{ label: 'Verslag (PDF)', href: `${b}/verslag.pdf${q}` },
			{ label: 'Besluiten- en actielijst (Word)', href: `${b}/actielijst.docx${q}` },
			{ label: 'Besluiten- en actielijst (PDF)', href: `${b}/actielijst.pdf${q}` }
		],
		kamer,
		liveSeq
	};
}) satisfies PageServerLoad;

export const actions = {
	opmerking: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'verslag.becommentarieren', regietafel: tafel });
		const v = await vergaderingOf404(tafel, event);
		const waarden = velden(await event.request.formData());
		const p = opmerkingSchema.safeParse({ ...waarden, nummer: event.params.nummer });
		const agendapuntId = waarden.agendapuntId ? Number(waarden.agendapuntId) : null;
		if (!p.success) {
			return fail(400, {
				actie: 'opmerking',
				agendapuntId,
				fouten: veldFouten(p.error),
				fout: 'Controleer uw opmerking.',
				waarden
			});
		}
		const r = await plaatsOpmerking(wieVan(event), tafel, v.id, p.data);
		if (!r.ok) {
			return fail(r.status, {
				actie: 'opmerking',
				agendapuntId,
				fout: r.fout,
				code: r.code,
				waarden
			});
		}
		return { actie: 'opmerking', agendapuntId, succes: 'Uw opmerking is geplaatst.' };
	},
	verwerken: async (event) => {
		const tafel = await tafelOf404(event);
		requireRight(event, { actie: 'verslag.beheren', regietafel: tafel });
		const v = await vergaderingOf404(tafel, event);
		const waarden = velden(await event.request.formData());
		const p = verwerkenSchema.safeParse(waarden);
		const opmerkingId = Number(waarden.opmerkingId) || null;
		if (!p.success) {
			return fail(400, {
				actie: 'verwerken',
				opmerkingId,
				fouten: veldFouten(p.error),
				fout: 'Kies hoe de opmerking is afgehandeld.'
			});
		}
		const r = await verwerkOpmerking(wieVan(event), tafel, v.id, p.data);
		if (!r.ok) {
			return fail(r.status, { actie: 'verwerken', opmerkingId, fout: r.fout, code: r.code });
		}
		return { actie: 'verwerken', opmerkingId, succes: 'De opmerking is afgehandeld.' };
	}
} satisfies Actions;
