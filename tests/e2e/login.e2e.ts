import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server';
import {
	DEMO,
	ga,
	launchBrowser,
	logIn,
	nieuweContext,
	vulLoginIn,
	wachtOpHydratie
} from './helpers';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/**
 * One person per menu the rights give (and per kind of role: organisation and table roles). The
 * menu is built from the same rights the route guards check (route-matrix.test.ts covers every
 * role on every route): Toezicht for whoever may view supervision data of a provincie
 * (beheerder, toezichthouder, COA-regievoerder), Herverdelingen for whoever sees or proposes
 * herverdelingen of a provincie (every demo role works in Zuid-Holland), Kaart for whoever may
 * see a provincie's map (every demo user sits at a Zuid-Holland table), Beheer for the beheerder
 * only. The voorzitter, deelnemer and gemeente-bestuurder see the secretaris's menu.
 */
const ROLLEN = [
	{
		rol: 'beheerder',
		...DEMO.beheerder,
		hoofdmenu: ['Start', 'Regietafels', 'Toezicht', 'Herverdelingen', 'Kaart', 'Beheer']
	},
	{
		rol: 'toezichthouder',
		...DEMO.toezicht,
		hoofdmenu: ['Start', 'Regietafels', 'Toezicht', 'Herverdelingen', 'Kaart']
	},
	{
		rol: 'secretaris (medewerker)',
		...DEMO.secretaris,
		hoofdmenu: ['Start', 'Regietafels', 'Herverdelingen', 'Kaart']
	},
	{
		rol: 'gemeente-ambtenaar',
		...DEMO.ambtenaar,
		hoofdmenu: ['Start', 'Regietafels', 'Herverdelingen', 'Kaart']
	},
	{
		rol: 'coa-regievoerder',
		...DEMO.coa,
		hoofdmenu: ['Start', 'Regietafels', 'Toezicht', 'Herverdelingen', 'Kaart']
	}
];

describe('inloggen via het formulier', () => {
	it.for(ROLLEN)(
		'$rol ziet de startpagina met eigen naam en menu, en logt uit',
		async ({ email, naam, hoofdmenu }, { expect }) => {
			const context = await nieuweContext(browser, server.url);
			try {
				const page = await context.newPage();
				await logIn(page, email);

				expect(new URL(page.url()).pathname).toBe('/');
				await expect(page.locator('h1').textContent()).resolves.toBe(`Goedendag, ${naam}`);
				const nav = await page
					.getByRole('navigation', { name: 'Hoofdmenu' })
					.getByRole('link')
					.allTextContents();
				expect(nav.map((t) => t.trim())).toEqual(hoofdmenu);
				const start = page.getByRole('link', { name: 'Start', exact: true });
				await expect(start.getAttribute('aria-current')).resolves.toBe('page');

				// The user menu carries the name; logging out ends on the login page.
				const menu = page.locator('details.gebruiker');
				await expect(menu.locator('summary').textContent()).resolves.toContain(naam);
				await menu.locator('summary').click();
				await page.getByRole('button', { name: 'Uitloggen' }).click();
				await page.waitForURL((u) => u.pathname === '/inloggen');
				await wachtOpHydratie(page);
				await expect(page.locator('h1').textContent()).resolves.toBe('Inloggen');

				// The session is really gone: the home page sends us back to the login page.
				await page.goto('/');
				expect(new URL(page.url()).pathname).toBe('/inloggen');
			} finally {
				await context.close();
			}
		}
	);

	it('toont bij een verkeerd wachtwoord de Nederlandse foutmelding en blijft op de inlogpagina', async () => {
		const context = await nieuweContext(browser, server.url);
		try {
			const page = await context.newPage();
			await ga(page, '/inloggen');
			await vulLoginIn(page, DEMO.deelnemer.email, 'Fout-wachtwoord-123');
			const fout = page.getByRole('alert');
			await fout.waitFor();
			await expect(fout.textContent()).resolves.toContain(
				'Het e-mailadres of het wachtwoord is onjuist.'
			);
			expect(new URL(page.url()).pathname).toBe('/inloggen');
			await expect(page.locator('#email').inputValue()).resolves.toBe(DEMO.deelnemer.email);
			await expect(page.locator('#email').getAttribute('aria-invalid')).resolves.toBe('true');
			const cookies = await context.cookies();
			expect(cookies.some((c) => c.name === 'regietafel_sessie')).toBe(false);
		} finally {
			await context.close();
		}
	});

	it('stuurt een beschermde pagina naar het inlogscherm en na inloggen terug (terug=)', async () => {
		const context = await nieuweContext(browser, server.url);
		try {
			const page = await context.newPage();
			await page.goto('/regietafels/1');
			const url = new URL(page.url());
			expect(url.pathname).toBe('/inloggen');
			expect(url.searchParams.get('terug')).toBe('/regietafels/1');

			await vulLoginIn(page, DEMO.deelnemer.email);
			await page.waitForURL((u) => u.pathname === '/regietafels/1');
			await wachtOpHydratie(page);
			await expect(page.locator('h1').textContent()).resolves.toBe(
				'Provinciale Regietafel Zuid-Holland'
			);
		} finally {
			await context.close();
		}
	});

	it('toont een deelnemer op /beheer/gebruikers de Nederlandse 403-pagina', async () => {
		const context = await nieuweContext(browser, server.url);
		try {
			const page = await context.newPage();
			await logIn(page, DEMO.deelnemer.email);
			const response = await page.goto('/beheer/gebruikers');
			expect(response?.status()).toBe(403);
			await expect(page.locator('h1:visible').textContent()).resolves.toBe('Geen toegang');
			await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
			await expect(page.locator('main').textContent()).resolves.toContain(
				'U heeft geen toegang tot deze pagina of handeling.'
			);
			// Nothing of the admin page leaks through.
			await expect(page.getByText('Nieuw account').count()).resolves.toBe(0);
		} finally {
			await context.close();
		}
	});
});
