import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { ORGANISATIE_ROLLEN } from '$lib/domain/autorisatie/rollen';
import { requireRight, requireUser } from '$lib/server/guard';
import {
	listGebruikers,
	listOrganisaties,
	maakGebruiker,
	zetActief
} from '$lib/server/services/gebruikers';
import { idSchema } from '$lib/schemas/regietafel';
import { wachtwoordSchema } from '$lib/schemas/account';
import { aanhefSchema } from '$lib/schemas/vergadering';

export const load = (async (event) => {
	requireRight(event, { actie: 'beheer.gebruikers' });
	const [gebruikers, organisaties] = await Promise.all([listGebruikers(), listOrganisaties()]);
	return { gebruikers, organisaties };
}) satisfies PageServerLoad;

const nieuwSchema = z.object({
	email: z.email('Vul een geldig e-mailadres in.').max(254),
	naam: z.string().trim().min(2, 'Vul een naam in.').max(120),
	functie: z.string().trim().max(120, 'Functie is te lang.'),
	aanhef: aanhefSchema,
	organisatieId: z.coerce
		.number({ message: 'Kies een organisatie.' })
		.int()
		.positive('Kies een organisatie.'),
	rol: z.enum(ORGANISATIE_ROLLEN, { message: 'Kies een rol.' }),
	wachtwoord: wachtwoordSchema
});

export const actions = {
	nieuw: async (event) => {
		requireRight(event, { actie: 'beheer.gebruikers' });
		const user = requireUser(event);
		const raw = Object.fromEntries(await event.request.formData());
		const waarden = {
			email: String(raw.email ?? ''),
			naam: String(raw.naam ?? ''),
			functie: String(raw.functie ?? ''),
			aanhef: String(raw.aanhef ?? ''),
			organisatieId: String(raw.organisatieId ?? ''),
			rol: String(raw.rol ?? '')
		};
		const parsed = nieuwSchema.safeParse(raw);
		if (!parsed.success) {
			const fouten: Record<string, string> = {};
			for (const i of parsed.error.issues) fouten[String(i.path[0])] ??= i.message;
			return fail(400, { actie: 'nieuw' as const, waarden, fouten });
		}
		const r = await maakGebruiker({ userId: user.id, label: user.naam }, parsed.data);
		if (!r.ok) return fail(400, { actie: 'nieuw' as const, waarden, fouten: { [r.veld]: r.fout } });
		return { actie: 'nieuw' as const, succes: `Account voor ${parsed.data.naam} aangemaakt.` };
	},
	actief: async (event) => {
		requireRight(event, { actie: 'beheer.gebruikers' });
		const user = requireUser(event);
		const form = await event.request.formData();
		const id = idSchema.safeParse(form.get('id'));
		const actief = form.get('actief') === 'true';
		if (!id.success) return fail(400, { actie: 'actief' as const, fout: 'Onbekende gebruiker.' });
		if (id.data === user.id && !actief) {
			return fail(400, {
				actie: 'actief' as const,
				fout: 'U kunt uw eigen account niet deactiveren.'
			});
		}
		const ok = await zetActief({ userId: user.id, label: user.naam }, id.data, actief);
		if (!ok) return fail(404, { actie: 'actief' as const, fout: 'Deze gebruiker bestaat niet.' });
		return {
			actie: 'actief' as const,
			succes: actief
				? 'Account geactiveerd.'
				: 'Account gedeactiveerd; alle sessies zijn beëindigd.'
		};
	}
} satisfies Actions;
