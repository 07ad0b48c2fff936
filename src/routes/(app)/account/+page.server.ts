import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/guard';
import { wachtwoordWijzigenSchema } from '$lib/schemas/account';
import { wijzigWachtwoord } from '$lib/server/services/inloggen';
import { setSessionCookie } from '$lib/server/auth/session';

export const load = ((event) => ({ user: requireUser(event) })) satisfies PageServerLoad;

export const actions = {
	wachtwoord: async (event) => {
		const user = requireUser(event);
		const parsed = wachtwoordWijzigenSchema.safeParse(
			Object.fromEntries(await event.request.formData())
		);
		if (!parsed.success) {
			const fouten: Record<string, string> = {};
			for (const i of parsed.error.issues) fouten[String(i.path[0])] ??= i.message;
			return fail(400, { fouten });
		}
		const r = await wijzigWachtwoord(user.id, parsed.data.huidig, parsed.data.nieuw);
		if (!r.ok) return fail(400, { fouten: { [r.veld]: r.fout } });
		setSessionCookie(event.cookies, r.token, r.session.expiresAt);
		return { succes: 'Uw wachtwoord is gewijzigd. U bent op andere apparaten uitgelogd.' };
	}
} satisfies Actions;
