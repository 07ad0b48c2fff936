import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { uitloggen } from '$lib/server/services/inloggen';
import { deleteSessionCookie } from '$lib/server/auth/session';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, cookies }) => {
		if (locals.session && locals.user) await uitloggen(locals.session, locals.user.naam);
		deleteSessionCookie(cookies);
		redirect(303, '/inloggen');
	}
} satisfies Actions;
