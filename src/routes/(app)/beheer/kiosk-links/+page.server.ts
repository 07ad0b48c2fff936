import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRight, requireUser } from '$lib/server/guard';
import { listKioskLinks, maakKioskLink, trekKioskLinkIn } from '$lib/server/services/kiosk';
import { listTafels } from '$lib/server/services/regietafels';
import { idSchema } from '$lib/schemas/regietafel';

export const load = (async (event) => {
	requireRight(event, { actie: 'beheer.kiosk' });
	const [links, tafels] = await Promise.all([listKioskLinks(), listTafels()]);
	return { links, tafels: tafels.map((t) => ({ id: t.id, naam: t.naam })) };
}) satisfies PageServerLoad;

const nieuwSchema = z.object({
	regietafelId: idSchema,
	naam: z
		.string()
		.trim()
		.min(2, 'Geef het scherm een herkenbare naam (bijv. "Statenzaal").')
		.max(80, 'Naam is te lang.')
});

export const actions = {
	nieuw: async (event) => {
		requireRight(event, { actie: 'beheer.kiosk' });
		const user = requireUser(event);
		const raw = Object.fromEntries(await event.request.formData());
		const parsed = nieuwSchema.safeParse(raw);
		const waarden = { naam: String(raw.naam ?? ''), regietafelId: String(raw.regietafelId ?? '') };
		if (!parsed.success) {
			return fail(400, {
				actie: 'nieuw' as const,
				waarden,
				fout: parsed.error.issues[0]?.message ?? 'Ongeldige invoer.'
			});
		}
		const r = await maakKioskLink(
			{ userId: user.id, label: user.naam },
			parsed.data.regietafelId,
			parsed.data.naam
		);
		if (!r.ok) return fail(400, { actie: 'nieuw' as const, waarden, fout: r.fout });
		return {
			actie: 'nieuw' as const,
			url: `${event.url.origin}/kiosk/${r.token}`,
			naam: parsed.data.naam
		};
	},
	intrekken: async (event) => {
		requireRight(event, { actie: 'beheer.kiosk' });
		const user = requireUser(event);
		const id = idSchema.safeParse((await event.request.formData()).get('id'));
		if (!id.success) {
			return fail(400, { actie: 'intrekken' as const, fout: 'Onbekende kiosklink.' });
		}
		const ok = await trekKioskLinkIn({ userId: user.id, label: user.naam }, id.data);
		if (!ok) {
			return fail(404, {
				actie: 'intrekken' as const,
				fout: 'Deze link bestaat niet of is al ingetrokken.'
			});
		}
		return {
			actie: 'intrekken' as const,
			succes: 'Kiosklink ingetrokken. Open schermen tonen niets meer.'
		};
	}
} satisfies Actions;
