/**
 * The realtime layer end to end: Socket.IO clients in Node against the production server.
 * Most tests run on one PGlite server (the default mode, in-memory adapter). The refused-join
 * tests run on a second server backed by PostgreSQL, so the test can read audit_log itself
 * (a PGlite data dir cannot be opened by a second process).
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import postgres from 'postgres';
import { createDatabase } from '../../scripts/pg-throwaway.js';
import { login, startServer, type RunningServer } from '../helpers/server';
import {
	DEMO_EMAIL,
	DEMO_NAAM,
	actionOk,
	connectError,
	connected,
	disconnected,
	kioskTokenFromLogs,
	liveSocket,
	luisteraar,
	namen,
	pageData,
	postForm,
	tekstVan,
	volg,
	type LiveSocket,
	type Luisteraar
} from '../helpers/app';

let srv: RunningServer;
let pgSrv: RunningServer;
let sql: postgres.Sql;
let cookie: Record<
	'beheerder' | 'secretaris' | 'voorzitter' | 'deelnemer' | 'ambtenaar' | 'secretarisHaaglanden',
	string
>;

const open: LiveSocket[] = [];
function bijhouden<T extends { socket: LiveSocket } | LiveSocket>(x: T): T {
	open.push('socket' in x ? x.socket : x);
	return x;
}

beforeAll(async () => {
	const dbUrl = createDatabase(
		inject('pgAdminUrl'),
		`realtime_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
	);
	[srv, pgSrv] = await Promise.all([startServer(), startServer({ databaseUrl: dbUrl })]);
	sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
	const [beheerder, secretaris, voorzitter, deelnemer, ambtenaar, secretarisHaaglanden] =
		await Promise.all(
			[
				DEMO_EMAIL.beheerder,
				DEMO_EMAIL.secretaris,
				DEMO_EMAIL.voorzitter,
				DEMO_EMAIL.deelnemer,
				DEMO_EMAIL.ambtenaarDenHaag,
				DEMO_EMAIL.secretarisHaaglanden
			].map((e) => login(srv.url, e))
		);
	cookie = {
		beheerder: beheerder!,
		secretaris: secretaris!,
		voorzitter: voorzitter!,
		deelnemer: deelnemer!,
		ambtenaar: ambtenaar!,
		secretarisHaaglanden: secretarisHaaglanden!
	};
});

afterEach(() => {
	for (const s of open.splice(0)) s.disconnect();
});

afterAll(async () => {
	for (const s of open.splice(0)) s.disconnect();
	await sql?.end();
	await Promise.all([srv?.stop(), pgSrv?.stop()]);
});

/** Places a mededeling through the real form action (as the browser does without JS). */
async function plaats(baseUrl: string, wie: string, tafel: number, tekst: string) {
	const r = await postForm(baseUrl, `/regietafels/${tafel}?/mededeling`, wie, { tekst });
	await r.arrayBuffer();
	expect(r.status, `mededeling op tafel ${tafel}`).toBe(200);
}

async function verbonden(l: Luisteraar): Promise<Luisteraar> {
	bijhouden(l);
	await connected(l.socket);
	return l;
}

async function gevolgd(l: Luisteraar, kamer: string): Promise<number> {
	const r = await volg(l.socket, kamer);
	if (!r.ok) throw new Error(`Volgen van ${kamer} geweigerd: ${r.fout}`);
	return r.seq;
}

describe('verbinden', () => {
	it('weigert een verbinding zonder sessie met "niet-ingelogd"', async () => {
		expect(await connectError(bijhouden(liveSocket(srv.url, {})))).toBe('niet-ingelogd');
		const nep = liveSocket(srv.url, { cookie: 'regietafel_sessie=verzonnen0000000000000000' });
		expect(await connectError(bijhouden(nep))).toBe('niet-ingelogd');
	});

	it('weigert een onbekende kiosktoken met "kiosk-ongeldig"', async () => {
		const s = liveSocket(srv.url, { kiosk: 'bestaat-niet-0000000000000000000' });
		expect(await connectError(bijhouden(s))).toBe('kiosk-ongeldig');
	});
});

describe('kamers volgen', () => {
	it('een lid volgt de kamer van zijn tafel en krijgt het huidige volgnummer', async () => {
		const lid = await verbonden(luisteraar(srv.url, { cookie: cookie.deelnemer }));
		const paginaSeq = (await pageData(srv.url, '/regietafels/1', cookie.deelnemer)).liveSeq;
		const r = await volg(lid.socket, 'regietafel:1');
		expect(r).toEqual({ ok: true, seq: paginaSeq, gemist: [], volledigVerversen: false });

		const kiosk = await verbonden(luisteraar(srv.url, { kiosk: kioskTokenFromLogs(srv.logs()) }));
		expect(await volg(kiosk.socket, 'regietafel:1')).toMatchObject({ ok: true, seq: paginaSeq });
	});

	it('weigert een onbekende kamernaam', async () => {
		const lid = await verbonden(luisteraar(srv.url, { cookie: cookie.deelnemer }));
		expect(await volg(lid.socket, 'regietafel:abc')).toEqual({
			ok: false,
			fout: 'Onbekende kamer.'
		});
	});

	describe('een vreemde kamer (PostgreSQL-server: audit_log is leesbaar)', () => {
		const gevallen = [
			{ wie: 'deelnemer PRT', email: DEMO_EMAIL.deelnemer, kamer: 'regietafel:2' },
			{ wie: 'kiosk PRT', email: null, kamer: 'regietafel:2' },
			{ wie: 'ambtenaar Den Haag', email: DEMO_EMAIL.ambtenaarDenHaag, kamer: 'regietafel:1' }
		];
		it.each(gevallen)(
			'$wie → $kamer: geweigerd met een Nederlandse melding en een auditregel',
			async ({ email, kamer }) => {
				const auth = email
					? { cookie: await login(pgSrv.url, email) }
					: { kiosk: kioskTokenFromLogs(pgSrv.logs()) };
				const l = await verbonden(luisteraar(pgSrv.url, auth));
				expect(await volg(l.socket, kamer)).toEqual({
					ok: false,
					fout: 'Geen toegang tot deze kamer.'
				});
				const rijen = await sql<
					{ actor_user_id: number | null; actor_label: string; email: string | null }[]
				>`
					select a.actor_user_id, a.actor_label, u.email
					from audit_log a left join users u on u.id = a.actor_user_id
					where a.entity = 'realtime-kamer' and a.action = 'toegang-geweigerd'
						and a.entity_id = ${kamer} and a.after ->> 'socket' = ${l.socket.id!}`;
				expect(rijen).toHaveLength(1);
				if (email) {
					expect(rijen[0]!.email).toBe(email);
				} else {
					expect(rijen[0]).toMatchObject({
						actor_user_id: null,
						actor_label: 'kiosk Vergaderzaal (demo)'
					});
				}
			}
		);
	});
});

describe('gebeurtenissen', () => {
	it('een mededeling komt aan bij een lid (seq n+1, payload), niet bij iemand in een andere kamer', async () => {
		const lid = await verbonden(luisteraar(srv.url, { cookie: cookie.deelnemer }));
		const ander = await verbonden(luisteraar(srv.url, { cookie: cookie.ambtenaar }));
		const n = await gevolgd(lid, 'regietafel:1');
		await gevolgd(ander, 'regietafel:2');
		// The outsider also tries the PRT room: refused, and still receives nothing from it.
		expect(await volg(ander.socket, 'regietafel:1')).toMatchObject({ ok: false });

		const tekst = `Live bericht ${Date.now()}`;
		await plaats(srv.url, cookie.secretaris, 1, tekst);
		const e = await lid.gebeurtenissen.waitFor((x) => tekstVan(x) === tekst, 'mededeling bij lid');
		expect(e).toMatchObject({
			kamer: 'regietafel:1',
			seq: n + 1,
			type: 'mededeling.geplaatst',
			payload: { tekst, auteur: DEMO_NAAM.secretaris }
		});

		// Barrier: an event in the outsider's own room arrives after anything sent before it.
		const eigen = `Haaglanden ${Date.now()}`;
		await plaats(srv.url, cookie.secretarisHaaglanden, 2, eigen);
		await ander.gebeurtenissen.waitFor((x) => tekstVan(x) === eigen, 'mededeling Haaglanden');
		expect(ander.gebeurtenissen.items.map((x) => x.kamer)).toEqual(['regietafel:2']);
		expect(lid.gebeurtenissen.items.filter((x) => tekstVan(x) === tekst)).toHaveLength(1);
	});
});

describe('aanwezigheid', () => {
	it('toont wie er in de kamer is, en werkt bij als iemand weggaat', async () => {
		const eerste = await verbonden(luisteraar(srv.url, { cookie: cookie.secretaris }));
		await gevolgd(eerste, 'regietafel:1');
		await eerste.aanwezigheid.waitFor(
			(a) => namen(a).includes(DEMO_NAAM.secretaris),
			'eigen aanwezigheid'
		);

		const tweede = await verbonden(luisteraar(srv.url, { cookie: cookie.voorzitter }));
		await gevolgd(tweede, 'regietafel:1');
		const beide = await eerste.aanwezigheid.waitFor(
			(a) => namen(a).includes(DEMO_NAAM.secretaris) && namen(a).includes(DEMO_NAAM.voorzitter),
			'aanwezigheid met beide namen'
		);
		expect(beide.kamer).toBe('regietafel:1');

		const vanaf = eerste.aanwezigheid.items.length;
		tweede.socket.disconnect();
		const zonder = await eerste.aanwezigheid.waitFor(
			(a) => !namen(a).includes(DEMO_NAAM.voorzitter),
			'aanwezigheid zonder de vertrokken voorzitter',
			vanaf
		);
		expect(namen(zonder)).toContain(DEMO_NAAM.secretaris);
	});
});

describe('inhalen na een onderbreking', () => {
	it('levert precies de gemiste gebeurtenissen, op volgorde, bij opnieuw volgen met "sinds"', async () => {
		const lid = await verbonden(luisteraar(srv.url, { cookie: cookie.deelnemer }));
		const sinds = await gevolgd(lid, 'regietafel:1');
		lid.socket.disconnect();

		const teksten = [1, 2, 3].map((i) => `Gemist ${i} (${Date.now()})`);
		for (const t of teksten) await plaats(srv.url, cookie.secretaris, 1, t);

		lid.socket.connect();
		await connected(lid.socket);
		const r = await volg(lid.socket, 'regietafel:1', sinds);
		if (!r.ok) throw new Error(r.fout);
		expect(r.seq).toBe(sinds + 3);
		expect(r.volledigVerversen).toBe(false);
		expect(r.gemist.map((e) => [e.seq, e.type, tekstVan(e)])).toEqual(
			teksten.map((t, i) => [sinds + 1 + i, 'mededeling.geplaatst', t])
		);
		// They came through the catch-up, not live: the socket was away.
		expect(lid.gebeurtenissen.items.filter((e) => teksten.includes(tekstVan(e) ?? ''))).toEqual([]);
	});
});

describe('einde van een sessie verbreekt de socket', () => {
	it('uitloggen verbreekt de sockets van die sessie (en niet die van een andere sessie)', async () => {
		const sessie = await login(srv.url, DEMO_EMAIL.voorzitter);
		const weg = await verbonden(luisteraar(srv.url, { cookie: sessie }));
		const blijft = await verbonden(luisteraar(srv.url, { cookie: cookie.voorzitter }));
		await gevolgd(weg, 'regietafel:1');
		const verbroken = disconnected(weg.socket);

		const r = await postForm(srv.url, '/uitloggen', sessie, {});
		expect(r.status).toBe(303);
		expect(await verbroken).toBe('io server disconnect');

		weg.socket.connect();
		expect(await connectError(weg.socket)).toBe('niet-ingelogd');
		expect(blijft.socket.connected).toBe(true);
		expect(await volg(blijft.socket, 'regietafel:1')).toMatchObject({ ok: true });
	});

	it('intrekken van een kiosklink verbreekt het kioskscherm', async () => {
		const naam = `Intrektest ${Date.now()}`;
		const nieuw = await actionOk(srv.url, '/beheer/kiosk-links?/nieuw', cookie.beheerder, {
			regietafelId: '1',
			naam
		});
		const token = String(nieuw.url).split('/kiosk/')[1]!;
		const links = (await pageData(srv.url, '/beheer/kiosk-links', cookie.beheerder)).links as {
			id: number;
			naam: string;
		}[];
		const id = links.find((l) => l.naam === naam)!.id;

		const kiosk = await verbonden(luisteraar(srv.url, { kiosk: token }));
		await gevolgd(kiosk, 'regietafel:1');
		const verbroken = disconnected(kiosk.socket);
		await actionOk(srv.url, '/beheer/kiosk-links?/intrekken', cookie.beheerder, {
			id: String(id)
		});
		expect(await verbroken).toBe('io server disconnect');

		kiosk.socket.connect();
		expect(await connectError(kiosk.socket)).toBe('kiosk-ongeldig');
	});

	it('deactiveren van een gebruiker verbreekt diens sockets', async () => {
		const email = `tijdelijk-${Date.now()}@regietafel.test`;
		const wachtwoord = 'Tijdelijk-wachtwoord-2026';
		const beheer = await pageData(srv.url, '/beheer/gebruikers', cookie.beheerder);
		const org = (beheer.organisaties as { id: number; type: string }[]).find(
			(o) => o.type === 'provincie'
		)!;
		await actionOk(srv.url, '/beheer/gebruikers?/nieuw', cookie.beheerder, {
			email,
			naam: 'Tijdelijke Tester',
			functie: 'Test',
			organisatieId: String(org.id),
			rol: 'medewerker',
			wachtwoord
		});
		const gebruikers = (await pageData(srv.url, '/beheer/gebruikers', cookie.beheerder))
			.gebruikers as { id: number; email: string }[];
		const id = gebruikers.find((g) => g.email === email)!.id;

		const s = await verbonden(
			luisteraar(srv.url, { cookie: await login(srv.url, email, wachtwoord) })
		);
		const verbroken = disconnected(s.socket);
		await actionOk(srv.url, '/beheer/gebruikers?/actief', cookie.beheerder, {
			id: String(id),
			actief: 'false'
		});
		expect(await verbroken).toBe('io server disconnect');

		s.socket.connect();
		expect(await connectError(s.socket)).toBe('niet-ingelogd');
	});
});

describe('verbindingsherstel van Socket.IO (in-memory adapter)', () => {
	it('na het wegvallen van de transportlaag herstelt de socket en krijgt hij het gemiste bericht', async () => {
		const lid = await verbonden(luisteraar(srv.url, { cookie: cookie.deelnemer }));
		await gevolgd(lid, 'regietafel:1');
		// One delivered event gives the client its recovery offset.
		const voor = `Voor de storing ${Date.now()}`;
		await plaats(srv.url, cookie.secretaris, 1, voor);
		const e0 = await lid.gebeurtenissen.waitFor((x) => tekstVan(x) === voor, 'bericht vooraf');

		const verbroken = disconnected(lid.socket);
		lid.socket.io.engine.close(); // the server sees a lost transport, not a goodbye
		await verbroken;

		const tijdens = `Tijdens de storing ${Date.now()}`;
		await plaats(srv.url, cookie.secretaris, 1, tijdens);

		lid.socket.connect();
		await connected(lid.socket);
		expect(lid.socket.recovered).toBe(true);
		const e1 = await lid.gebeurtenissen.waitFor((x) => tekstVan(x) === tijdens, 'gemist bericht');
		expect(e1.seq).toBe(e0.seq + 1);
		expect(lid.gebeurtenissen.items.filter((x) => tekstVan(x) === voor)).toHaveLength(1);
	});
});
