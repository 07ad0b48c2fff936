/**
 * Two production server processes on one PostgreSQL database: the Socket.IO Postgres adapter
 * carries events, presence and disconnects between them, and the outbox in the shared database
 * lets a client of one process catch up on events published by the other. Both start at the
 * same time on a fresh database, as replicas of one deployment do.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import postgres from 'postgres';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDatabase } from '../../scripts/pg-throwaway.js';
import { login, startServer, type RunningServer } from '../helpers/server';
import {
	DEMO_EMAIL,
	DEMO_NAAM,
	connectError,
	connected,
	disconnected,
	luisteraar,
	namen,
	postForm,
	tekstVan,
	volg,
	type LiveSocket,
	type Luisteraar
} from '../helpers/app';
import type { Aanwezigheid } from '../../src/lib/realtime/events';
import { DEMO_GEBRUIKERS } from '../../src/lib/server/seed/demo';

let a: RunningServer;
let b: RunningServer;
let sql: postgres.Sql;
/** Sessions live in the shared database: each cookie works on both processes. */
let secretarisOpA: string;
let deelnemerOpB: string;
let voorzitterOpA: string;

const open: LiveSocket[] = [];

beforeAll(async () => {
	const dbUrl = createDatabase(
		inject('pgAdminUrl'),
		`twee_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
	);
	// Together: migrations and the demo load must not race (advisory locks in the server).
	[a, b] = await Promise.all([
		startServer({ databaseUrl: dbUrl }),
		startServer({ databaseUrl: dbUrl })
	]);
	sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
	[secretarisOpA, voorzitterOpA, deelnemerOpB] = await Promise.all([
		login(a.url, DEMO_EMAIL.secretaris),
		login(a.url, DEMO_EMAIL.voorzitter),
		login(b.url, DEMO_EMAIL.deelnemer)
	]);
});

afterEach(() => {
	for (const s of open.splice(0)) s.disconnect();
});

afterAll(async () => {
	for (const s of open.splice(0)) s.disconnect();
	await sql?.end();
	await Promise.all([a?.stop(), b?.stop()]);
});

async function verbind(server: RunningServer, cookie: string): Promise<Luisteraar> {
	const l = luisteraar(server.url, { cookie });
	open.push(l.socket);
	await connected(l.socket);
	return l;
}

async function gevolgd(l: Luisteraar, kamer: string): Promise<number> {
	const r = await volg(l.socket, kamer);
	if (!r.ok) throw new Error(`Volgen van ${kamer} geweigerd: ${r.fout}`);
	return r.seq;
}

async function plaatsOpA(tekst: string) {
	const r = await postForm(a.url, '/regietafels/1?/mededeling', secretarisOpA, { tekst });
	await r.arrayBuffer();
	expect(r.status).toBe(200);
}

describe('twee serverprocessen op één PostgreSQL-database', () => {
	it('de processen zijn echt verschillend', async () => {
		expect(a.port).not.toBe(b.port);
		const [ga, gb] = await Promise.all(
			[a, b].map(async (s) => (await fetch(`${s.url}/api/gezondheid`)).json())
		);
		expect(ga).toEqual({ ok: true, database: 'postgres' });
		expect(gb).toEqual({ ok: true, database: 'postgres' });
	});

	it('samen gestart: één keer gemigreerd en één keer demodata geladen', async () => {
		const journal = JSON.parse(
			readFileSync(path.resolve(import.meta.dirname, '../../drizzle/meta/_journal.json'), 'utf8')
		) as { entries: unknown[] };
		const [m] = await sql<{ n: number }[]>`
			select count(*)::int as n from drizzle.__drizzle_migrations`;
		expect(m!.n).toBe(journal.entries.length);
		const [u] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
		expect(u!.n).toBe(DEMO_GEBRUIKERS.length);
		// The people and tables once, the synthetic figures once, the demo meetings and verslag once.
		const d = await sql<{ id: string; n: number }[]>`
			select entity_id as id, count(*)::int as n from audit_log
			where entity = 'demo-data' group by entity_id order by entity_id`;
		expect(d).toEqual([
			{ id: 'zuid-holland', n: 1 },
			{ id: 'zuid-holland-cijfers', n: 1 },
			{ id: 'zuid-holland-vergaderingen', n: 1 },
			{ id: 'zuid-holland-verslag', n: 1 }
		]);
		// Exactly one process loaded the demo and showed the one-time kiosk link.
		const geladen = [a, b].filter((s) => s.logs().includes('Kiosklink PRT'));
		expect(geladen).toHaveLength(1);
	});

	it('een mededeling geplaatst via A komt aan bij een client van B (juiste seq en tekst)', async () => {
		const opB = await verbind(b, deelnemerOpB);
		const n = await gevolgd(opB, 'regietafel:1');

		const tekst = `Via proces A ${Date.now()}`;
		await plaatsOpA(tekst);
		const e = await opB.gebeurtenissen.waitFor((x) => tekstVan(x) === tekst, 'gebeurtenis op B');
		expect(e).toMatchObject({
			kamer: 'regietafel:1',
			seq: n + 1,
			type: 'mededeling.geplaatst',
			payload: { tekst, auteur: DEMO_NAAM.secretaris }
		});
	});

	it('aanwezigheid gaat over de processen heen', async () => {
		const opB = await verbind(b, deelnemerOpB);
		await gevolgd(opB, 'regietafel:1');
		const opA = await verbind(a, voorzitterOpA);
		await gevolgd(opA, 'regietafel:1');

		const beide = (x: Aanwezigheid) =>
			x.kamer === 'regietafel:1' &&
			namen(x).includes(DEMO_NAAM.deelnemer) &&
			namen(x).includes(DEMO_NAAM.voorzitter);
		// The client on B sees the user connected to A, and the other way round.
		await opB.aanwezigheid.waitFor(beide, 'B ziet de voorzitter van A');
		await opA.aanwezigheid.waitFor(beide, 'A ziet de deelnemer van B');

		const vanaf = opB.aanwezigheid.items.length;
		opA.socket.disconnect();
		const zonder = await opB.aanwezigheid.waitFor(
			(x) => !namen(x).includes(DEMO_NAAM.voorzitter),
			'B ziet de voorzitter van A vertrekken',
			vanaf
		);
		expect(namen(zonder)).toContain(DEMO_NAAM.deelnemer);
	});

	it('een client van B die weg was, haalt gebeurtenissen van A in uit de gedeelde outbox', async () => {
		const opB = await verbind(b, deelnemerOpB);
		const sinds = await gevolgd(opB, 'regietafel:1');
		opB.socket.disconnect();

		const teksten = [1, 2].map((i) => `Gemist via A ${i} (${Date.now()})`);
		for (const t of teksten) await plaatsOpA(t);

		opB.socket.connect();
		await connected(opB.socket);
		const r = await volg(opB.socket, 'regietafel:1', sinds);
		if (!r.ok) throw new Error(r.fout);
		expect(r.seq).toBe(sinds + 2);
		expect(r.volledigVerversen).toBe(false);
		expect(r.gemist.map((e) => [e.seq, tekstVan(e)])).toEqual(
			teksten.map((t, i) => [sinds + 1 + i, t])
		);
	});

	it('uitloggen via A verbreekt de socket van die sessie op B', async () => {
		const sessie = await login(a.url, DEMO_EMAIL.deelnemer);
		const opB = await verbind(b, sessie);
		await gevolgd(opB, 'regietafel:1');
		const verbroken = disconnected(opB.socket);

		const r = await postForm(a.url, '/uitloggen', sessie, {});
		expect(r.status).toBe(303);
		expect(await verbroken).toBe('io server disconnect');
		opB.socket.connect();
		expect(await connectError(opB.socket)).toBe('niet-ingelogd');
	});
});
