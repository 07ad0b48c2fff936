import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { env } from '$lib/server/env';
import { DEMO_GEBRUIKERS, DEMO_WACHTWOORD } from '$lib/server/seed/demo';
import { inloggen } from '$lib/server/services/inloggen';
import { setSessionCookie } from '$lib/server/auth/session';

/** Only same-site relative paths: never an open redirect. */
function veiligTerug(raw: string | null): string {
	return raw && /^\/(?!\/)[^\s\\]*$/.test(raw) ? raw : '/';
}

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, veiligTerug(url.searchParams.get('terug')));
	return {
		demo: env().DEMO
			? {
					wachtwoord: DEMO_WACHTWOORD,
					accounts: DEMO_GEBRUIKERS.map((u) => ({ email: u.email, omschrijving: u.omschrijving }))
				}
			: null
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = schema.safeParse(form);
		const email = typeof form.email === 'string' ? form.email.slice(0, 254) : '';
		if (!parsed.success) {
			return fail(400, { email, fout: 'Vul uw e-mailadres en wachtwoord in.' });
		}
		const result = await inloggen(parsed.data.email, parsed.data.wachtwoord, getClientAddress());
		if (!result.ok) return fail(result.status, { email, fout: result.fout });
		setSessionCookie(cookies, result.token, result.session.expiresAt);
		redirect(303, veiligTerug(url.searchParams.get('terug')));
	}
} satisfies Actions;

const schema = z.object({
	email: z.string().trim().min(3).max(254),
	wachtwoord: z.string().min(1).max(256)
});
