import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/guard';
import { wachtwoordWijzigenSchema } from '$lib/schemas/account';
import { wijzigWachtwoord } from '$lib/server/services/inloggen';
import { setSessionCookie } from '$lib/server/auth/session';
import { aanhefSchema } from '$lib/schemas/vergadering';
import { aanhefVan, wijzigAanhef } from '$lib/server/services/gebruikers';

export const load = (async (event) => {
	const user = requireUser(event);
	return { user, aanhef: await aanhefVan(user.id) };
}) satisfies PageServerLoad;

export const actions = {
	aanhef: async (event) => {
		const user = requireUser(event);
		const parsed = aanhefSchema.safeParse((await event.request.formData()).get('aanhef') ?? '');
		if (!parsed.success) {
			return fail(400, {
				actie: 'aanhef' as const,
				fouten: { aanhef: 'Kies De heer, Mevrouw of Geen.' }
			});
		}
		await wijzigAanhef({ userId: user.id, label: user.naam }, user.id, parsed.data);
		return { actie: 'aanhef' as const, succes: 'Uw aanhef is opgeslagen.' };
	},
	wachtwoord: async (event) => {
		const user = requireUser(event);
		const parsed = wachtwoordWijzigenSchema.safeParse(
			Object.fromEntries(await event.request.formData())
		);
		if (!parsed.success) {
			const fouten: Record<string, string> = {};
			for (const i of parsed.error.issues) fouten[String(i.path[0])] ??= i.message;
			return fail(400, { actie: 'wachtwoord' as const, fouten });
		}
		const r = await wijzigWachtwoord(user.id, parsed.data.huidig, parsed.data.nieuw);
		if (!r.ok) return fail(400, { actie: 'wachtwoord' as const, fouten: { [r.veld]: r.fout } });
		setSessionCookie(event.cookies, r.token, r.session.expiresAt);
		return {
			actie: 'wachtwoord' as const,
			succes: 'Uw wachtwoord is gewijzigd. U bent op andere apparaten uitgelogd.'
		};
	}
} satisfies Actions;
