/**
 * Live meeting benchmark (issue 6): does the room follow the secretaris within 1 s?
 *
 * 1. Shared screen. The production server with the demo; followers in headless Chromium: the
 *    demo kiosk link of the PRT at 1920×1080 and BENCH_SCHERM_VOLGERS (default 3) participants
 *    on `…/vergaderingen/<vid>/scherm`. The upcoming PRT meeting is started through its form
 *    action (`?/starten`), then BENCH_SCHERM_N (default 20) times the next agendapunt is put on
 *    the screen through the form action the "Op het scherm" button posts (`?/huidig`, as its
 *    `use:enhance` posts it; it needs no `versie`). The secretaris' own meeting page is open
 *    too (it refetches on the same event) but not measured. Every follower page records, from
 *    an init script, when the text of `[data-testid=scherm-titel]` changed (MutationObserver)
 *    and the next frame after it (requestAnimationFrame), when the socket delivered the
 *    `vergadering.scherm` event (with the commit time the server puts in it) and when its
 *    `__data.json` refetch ran (resource timing). Bench process and browsers share one machine,
 *    so epoch times compare. Measured: start of the POST → the new title drawn, for every
 *    follower and for the last of them (the room "follows"); for 'stand van zaken' also the
 *    first frame of the live map. Between changes every page is left to settle (10 frames in a
 *    row < 50 ms apart): in a meeting an item stays on the screen for minutes.
 * 2. Verslag. The secretaris makes the voorzitter co-editor (form action); secretaris, voorzitter
 *    and a reader (Daan Visser) open `…/verslag`; the secretaris types a short marked string
 *    (" mk07end") BENCH_VERSLAG_N (default 20) times into one agendapunt. Measured: from the
 *    start of the keystrokes, and from the moment the marker was complete in the writer's own
 *    editor, to the marker drawn in the co-editor's and the reader's editor.
 *
 * Timings are printed, never asserted; a change that never arrives (10 s) is an error.
 * BENCH_BACKENDS=pglite|postgres (default both), BENCH_SCHERM_N, BENCH_SCHERM_VOLGERS (1–5),
 * BENCH_VERSLAG_N. Map boundaries: GEO_GEMEENTEN_SOURCE when set, else the synthetic fixture
 * (the 'stand van zaken' item shows the live map next to the figures).
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDatabase, startThrowawayPostgres } from '../scripts/pg-throwaway.js';
import { kioskTokenFromLogs, pageData, postAction, postForm } from '../tests/helpers/app';
import { login, startServer, type RunningServer } from '../tests/helpers/server';
import {
	DEMO,
	ga,
	launchBrowser,
	logIn,
	nieuweContext,
	wachtOpHydratie,
	wachtOpLive
} from '../tests/e2e/helpers';
import { backends, type Backend } from './toezicht-data';

const GROOT = { width: 1920, height: 1080 };
const WACHT_MS = 10_000;
/** Participants who may see the PRT's shared screen, in the order they are added. */
const DEELNEMERS = [
	DEMO.deelnemer,
	DEMO.voorzitter,
	DEMO.coa,
	DEMO.toezicht,
	DEMO.bestuurder
] as const;
const VERSLAG_PUNT = 'Terugkoppeling uit de regio’s';

/** What the init script keeps in every page (window.__bench). */
interface BenchVenster {
	titels: { titel: string | null; t: number; frame: number | null }[];
	scherm: { seq: number; commit: number; ontvangen: number }[];
	markers: Record<string, { t: number; frame: number | null }>;
	data: { start: number; eind: number }[];
}

/**
 * Installed before any page script: wraps WebSocket to note when a `vergadering.scherm` event
 * arrives (with the commit time the server puts in it), and watches the DOM for a new
 * shared-screen title and for markers (mk<n>end) in the verslag editors, each with the next
 * frame after it, and notes when the page's `__data.json` refetches ran (resource timing). Plain JavaScript in a string: tsx would wrap named functions in `__name()`,
 * which does not exist in the page.
 */
const BENCH_INIT = `(() => {
	const nu = () => performance.timeOrigin + performance.now();
	const b = { titels: [], scherm: [], markers: {}, data: [] };
	window.__bench = b;
	// When the page's data refetches (invalidate → __data.json) started and ended.
	new PerformanceObserver((lijst) => {
		for (const r of lijst.getEntries()) {
			if (!r.name.includes('__data.json')) continue;
			const t0 = performance.timeOrigin;
			b.data.push({ start: t0 + r.startTime, eind: t0 + r.responseEnd });
		}
	}).observe({ type: 'resource', buffered: false });
	const Origineel = window.WebSocket;
	window.WebSocket = class extends Origineel {
		constructor(url, protocols) {
			super(url, protocols);
			this.addEventListener('message', (ev) => {
				if (typeof ev.data !== 'string' || !ev.data.includes('vergadering.scherm')) return;
				const ontvangen = nu();
				try {
					// Engine.IO message + Socket.IO event: 42["gebeurtenis",{...}]
					const [naam, e] = JSON.parse(ev.data.slice(ev.data.indexOf('[')));
					if (naam === 'gebeurtenis' && e.type === 'vergadering.scherm') {
						b.scherm.push({ seq: e.seq, commit: e.t, ontvangen });
					}
				} catch {}
			});
		}
	};
	const frame = (e) => requestAnimationFrame(() => (e.frame = nu()));
	const kijk = () => {
		const el = document.querySelector('[data-testid=scherm-titel]');
		const titel = el && el.textContent ? el.textContent.trim() : null;
		const laatste = b.titels[b.titels.length - 1];
		if (!laatste || laatste.titel !== titel) {
			const e = { titel, t: nu(), frame: null };
			b.titels.push(e);
			frame(e);
		}
		for (const ed of document.querySelectorAll('[data-testid=verslag-editor]')) {
			for (const m of (ed.textContent || '').matchAll(/mk(\\d+)end/g)) {
				if (b.markers[m[1]]) continue;
				const e = { t: nu(), frame: null };
				b.markers[m[1]] = e;
				frame(e);
			}
		}
	};
	new MutationObserver(kijk).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

interface Volger {
	naam: string;
	soort: 'kiosk' | 'deelnemer';
	context: BrowserContext;
	page: Page;
}

export interface SchermMonster {
	ronde: number;
	titel: string;
	type: string;
	/** Type of the agendapunt that was on the screen before. */
	vorigType: string;
	/** Duration of the POST (form action incl. commit and the rendered answer). */
	post: number;
	/** Start of the POST → the commit (the event's t). */
	commit: number | null;
	/**
	 * Per follower, from the start of the POST: event received, page data refetch
	 * (`__data.json`) started and done, new title drawn.
	 */
	volgers: {
		naam: string;
		soort: string;
		ontvangen: number | null;
		ophalenStart: number | null;
		opgehaald: number | null;
		beeld: number;
		/** 'stand van zaken' only: the first frame of the live map. */
		kaart: number | null;
	}[];
}

export interface VerslagMonster {
	ronde: number;
	/** Start of the keystrokes → marker complete in the writer's own editor. */
	lokaal: number;
	/** Per reader: start of the keystrokes → drawn, and writer's editor complete → drawn. */
	lezers: { naam: string; vanafStart: number; vanafLokaal: number }[];
}

export interface Verdeling {
	n: number;
	p50: number;
	p95: number;
	max: number;
}

export interface VergaderingLiveRun {
	backend: Backend;
	volgers: number;
	/** `?/starten` → every follower shows the first agendapunt (kiosk switches to the screen). */
	start: number | null;
	scherm: SchermMonster[];
	verslag: VerslagMonster[];
	samenvatting: { regel: string; wat: string; verdeling: Verdeling }[];
}

export interface VergaderingLiveResultaat {
	runs: VergaderingLiveRun[];
	paginafouten: string[];
	/** Not a lost change, but worth reading (a map that did not draw in time). */
	waarschuwingen: string[];
	fouten: string[];
}

/** Nearest-rank quantile (p95 of 20 values is the 19th, not the maximum). */
function kwantiel(xs: number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.max(0, Math.ceil(q * s.length) - 1)] ?? NaN;
}

function verdeling(xs: number[]): Verdeling {
	return {
		n: xs.length,
		p50: kwantiel(xs, 0.5),
		p95: kwantiel(xs, 0.95),
		max: xs.length ? Math.max(...xs) : NaN
	};
}

const nu = () => performance.timeOrigin + performance.now();

function metTimeout<T>(p: Promise<T>, wat: string, ms = WACHT_MS): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	return Promise.race([
		p,
		new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`niet binnen ${ms} ms: ${wat}`)), ms);
		})
	]).finally(() => clearTimeout(timer));
}

function envGetal(naam: string, standaard: number, min = 1, max = 1000): number {
	const n = Number(process.env[naam]);
	return Number.isInteger(n) && n >= min && n <= max ? n : standaard;
}

function bench(page: Page): Promise<BenchVenster> {
	return metTimeout(
		page.evaluate(() => (window as unknown as { __bench: BenchVenster }).__bench),
		'metingen uit de pagina lezen'
	);
}

/** A new context with the init script, logged in (or not: the kiosk), on `pad`. */
async function open(
	browser: Browser,
	server: RunningServer,
	email: string | null,
	pad: string,
	paginafouten: string[],
	wie: string,
	viewport?: { width: number; height: number }
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await nieuweContext(browser, server.url, viewport);
	try {
		await context.addInitScript({ content: BENCH_INIT });
		const page = await context.newPage();
		page.on('pageerror', (e) => paginafouten.push(`${wie}: ${e.message}`));
		if (email) await logIn(page, email);
		if (!email || new URL(page.url()).pathname !== pad) await ga(page, pad);
		return { context, page };
	} catch (e) {
		await context.close().catch(() => {});
		throw e;
	}
}

/** The follower's title entry for `titel` after index `na`, once its frame is drawn. */
async function wachtOpTitel(page: Page, titel: string, na: number) {
	const h = await page.waitForFunction(
		([titel, na]) => {
			const b = (window as unknown as { __bench: BenchVenster }).__bench;
			const e = b.titels.slice(na).find((x) => x.titel === titel);
			if (!e) return false;
			// The frame after the change; the DOM time if no frame comes (a throttled page).
			if (e.frame !== null) return e.frame;
			return performance.timeOrigin + performance.now() - e.t > 500 ? e.t : false;
		},
		[titel, na] as const,
		{ timeout: WACHT_MS, polling: 10 }
	);
	return (await h.jsonValue()) as number;
}

async function wachtOpMarker(page: Page, nummer: string) {
	const h = await page.waitForFunction(
		(nummer) => {
			const e = (window as unknown as { __bench: BenchVenster }).__bench.markers[nummer];
			if (!e) return false;
			if (e.frame !== null) return e.frame;
			return performance.timeOrigin + performance.now() - e.t > 500 ? e.t : false;
		},
		nummer,
		{ timeout: WACHT_MS, polling: 10 }
	);
	return (await h.jsonValue()) as number;
}

/** How many frames the map of the page has reported so far (0 without a map). */
function kaartRepaints(page: Page): Promise<number> {
	return metTimeout(
		page.evaluate(
			() =>
				(window as unknown as { __regietafelKaart?: { repaints: unknown[] } }).__regietafelKaart
					?.repaints.length ?? 0
		),
		'kaartframes tellen'
	);
}

/** The epoch time of the map frame after index `na` (20 s, as the e2e tests allow). */
async function wachtOpKaartFrame(page: Page, na: number): Promise<number> {
	const h = await page.waitForFunction(
		(na) => {
			const k = (window as unknown as { __regietafelKaart?: { repaints: { t: number }[] } })
				.__regietafelKaart;
			return k && k.repaints.length > na ? k.repaints[na]!.t : false;
		},
		na,
		{ timeout: 20_000, polling: 20 }
	);
	return (await h.jsonValue()) as number;
}

/**
 * Resolves once the page draws 10 frames in a row less than 50 ms apart (its main thread is
 * free again), or after 10 s (15 s if the page does not answer). A string: see BENCH_INIT.
 */
function rustig(page: Page): Promise<void> {
	return metTimeout(
		page.evaluate(
			`new Promise((klaar) => {
				let vorig = performance.now();
				let goed = 0;
				const eind = vorig + 10000;
				const stap = (t) => {
					goed = t - vorig < 50 ? goed + 1 : 0;
					vorig = t;
					if (goed >= 10 || t > eind) klaar();
					else requestAnimationFrame(stap);
				};
				requestAnimationFrame(stap);
			})`
		),
		'wachten tot de pagina rustig is',
		15_000
	)
		.then(() => undefined)
		.catch(() => undefined);
}

async function meetScherm(
	browser: Browser,
	server: RunningServer,
	run: VergaderingLiveRun,
	aantal: number,
	rondes: number,
	paginafouten: string[],
	fouten: string[],
	waarschuwingen: string[],
	log: (r: string) => void
): Promise<{ vid: number }> {
	const cookie = await login(server.url, DEMO.secretaris.email);
	const tafel = await pageData(server.url, '/regietafels/1', cookie);
	const lijst = tafel.vergaderingen as { id: number; status: string; datum: string }[];
	const komend = lijst
		.filter((v) => v.status === 'gepland')
		.sort((a, b) => a.datum.localeCompare(b.datum))[0];
	if (!komend) throw new Error('Geen geplande vergadering van de PRT in de demo');
	const vid = komend.id;
	const basis = `/regietafels/1/vergaderingen/${vid}`;
	const agenda = (await pageData(server.url, basis, cookie)).agenda as {
		id: number;
		titel: string;
		type: string;
	}[];
	const token = kioskTokenFromLogs(server.logs());

	const volgers: Volger[] = [];
	let bron: { context: BrowserContext; page: Page } | null = null;
	try {
		log(`  ${aantal} deelnemer(s) op ${basis}/scherm en een kiosklink (1920×1080) openen…`);
		const kiosk = await open(
			browser,
			server,
			null,
			`/kiosk/${token}`,
			paginafouten,
			'kiosk',
			GROOT
		);
		volgers.push({ naam: 'kiosk', soort: 'kiosk', ...kiosk });
		for (const p of DEELNEMERS.slice(0, aantal)) {
			const v = await open(browser, server, p.email, `${basis}/scherm`, paginafouten, p.naam);
			volgers.push({ naam: p.naam, soort: 'deelnemer', ...v });
		}
		// The secretaris' own meeting page is open too, as in the room: it follows the same event
		// (and refetches its data), but is not measured.
		bron = await open(browser, server, DEMO.secretaris.email, basis, paginafouten, 'secretaris');
		await Promise.all([bron.page, ...volgers.map((v) => v.page)].map((p) => wachtOpLive(p)));
		// Let every page join its rooms ('kamer:volgen' follows the connect).
		await new Promise((r) => setTimeout(r, 500));

		const t0 = nu();
		const start = await metTimeout(
			postAction(server.url, `${basis}?/starten`, cookie, {}),
			'POST ?/starten'
		);
		if (start.type !== 'success') {
			throw new Error(`Vergadering starten: ${start.type} ${start.status}`);
		}
		try {
			const beelden = await Promise.all(
				volgers.map((v) => wachtOpTitel(v.page, agenda[0]!.titel, 0))
			);
			run.start = Math.max(...beelden) - t0;
		} catch (e) {
			fouten.push(
				`${run.backend}: start van de vergadering niet overal op het scherm (${String(e)})`
			);
		}
		await new Promise((r) => setTimeout(r, 500));

		let huidig = 0;
		for (let ronde = 0; ronde < rondes; ronde++) {
			const vorig = huidig;
			const doel = (huidig + 1) % agenda.length;
			const punt = agenda[doel]!;
			const voor = await Promise.all(volgers.map(async (v) => (await bench(v.page)).titels.length));
			const kaartVoor = await Promise.all(volgers.map((v) => kaartRepaints(v.page)));
			const t0 = nu();
			// As the button's use:enhance posts it (JSON answer, no page render).
			const r = await metTimeout(
				postAction(server.url, `${basis}?/huidig`, cookie, { agendapuntId: String(punt.id) }),
				`POST ?/huidig ronde ${ronde}`
			);
			const post = nu() - t0;
			if (r.type !== 'success') {
				throw new Error(`Op het scherm (${punt.titel}): ${r.type} ${r.status}`);
			}
			huidig = doel;
			const uitkomsten = await Promise.allSettled(
				volgers.map((v, i) => wachtOpTitel(v.page, punt.titel, voor[i]!))
			);
			const monster: SchermMonster = {
				ronde,
				titel: punt.titel,
				type: punt.type,
				vorigType: agenda[vorig]!.type,
				post,
				commit: null,
				volgers: []
			};
			// A 'stand van zaken' item also draws the live map: when did its first frame come?
			const kaarten = await Promise.all(
				volgers.map((v, i) =>
					punt.type === 'stand-van-zaken'
						? wachtOpKaartFrame(v.page, kaartVoor[i]!).catch(() => {
								waarschuwingen.push(
									`${run.backend}: kaart bij ${v.naam} niet binnen 20 s getekend (ronde ${ronde})`
								);
								return null;
							})
						: Promise.resolve(null)
				)
			);
			for (const [i, u] of uitkomsten.entries()) {
				const v = volgers[i]!;
				if (u.status === 'rejected') {
					fouten.push(
						`${run.backend}: ${v.naam} toonde ‘${punt.titel}’ niet binnen ${WACHT_MS / 1000} s (ronde ${ronde})`
					);
					continue;
				}
				const b = await bench(v.page);
				const ev = b.scherm.find((e) => e.ontvangen >= t0);
				const data = b.data.filter((d) => d.start >= t0 && d.eind <= u.value).at(-1);
				if (ev && monster.commit === null) monster.commit = ev.commit - t0;
				monster.volgers.push({
					naam: v.naam,
					soort: v.soort,
					ontvangen: ev ? ev.ontvangen - t0 : null,
					ophalenStart: data ? data.start - t0 : null,
					opgehaald: data ? data.eind - t0 : null,
					beeld: u.value - t0,
					kaart: kaarten[i] === null || kaarten[i] === undefined ? null : kaarten[i] - t0
				});
			}
			if (monster.volgers.length === volgers.length) run.scherm.push(monster);
			// An item stays on the screen for minutes in a real meeting: let every page finish
			// (the map loads its data and draws) before the next change.
			await Promise.all(volgers.map((v) => rustig(v.page)));
			await new Promise((r) => setTimeout(r, 300));
		}
	} finally {
		for (const v of volgers) await v.context.close().catch(() => {});
		await bron?.context.close().catch(() => {});
	}
	return { vid };
}

async function meetVerslag(
	browser: Browser,
	server: RunningServer,
	vid: number,
	run: VergaderingLiveRun,
	rondes: number,
	paginafouten: string[],
	fouten: string[],
	log: (r: string) => void
): Promise<void> {
	const basis = `/regietafels/1/vergaderingen/${vid}`;
	const verslag = `${basis}/verslag`;
	const cookie = await login(server.url, DEMO.secretaris.email);
	const leden = (await pageData(server.url, verslag, cookie)).leden as {
		userId: number;
		naam: string;
	}[];
	const vz = leden.find((l) => l.naam === DEMO.voorzitter.naam);
	if (!vz) throw new Error('De voorzitter is geen lid van de PRT');
	const r = await postForm(server.url, `${verslag}?/redacteurToevoegen`, cookie, {
		userId: String(vz.userId)
	});
	await r.arrayBuffer();
	if (r.status >= 400) throw new Error(`Mederedacteur toevoegen: HTTP ${r.status}`);

	const contexts: BrowserContext[] = [];
	try {
		log('  verslag: secretaris, voorzitter (mederedacteur) en Daan Visser (lezer) openen…');
		const pagina = async (p: { email: string; naam: string }, status: string) => {
			const o = await open(browser, server, p.email, verslag, paginafouten, p.naam);
			contexts.push(o.context);
			await wachtOpHydratie(o.page);
			await o.page.waitForSelector(`[data-testid=verslag-status][data-status="${status}"]`, {
				timeout: WACHT_MS
			});
			return o.page;
		};
		const schrijver = await pagina(DEMO.secretaris, 'verbonden');
		const lezers = [
			{ naam: DEMO.voorzitter.naam, page: await pagina(DEMO.voorzitter, 'verbonden') },
			{ naam: DEMO.deelnemer.naam, page: await pagina(DEMO.deelnemer, 'alleen-lezen') }
		];
		const ap = await schrijver
			.locator('section[data-agendapunt]', { hasText: VERSLAG_PUNT })
			.getAttribute('data-agendapunt', { timeout: WACHT_MS });
		const editor = schrijver.locator(`[data-testid=verslag-editor][data-agendapunt="${ap}"]`);
		await editor.click({ timeout: WACHT_MS });
		await schrijver.keyboard.press('Control+End');
		await new Promise((r) => setTimeout(r, 300));

		for (let ronde = 0; ronde < rondes; ronde++) {
			const nummer = String(ronde).padStart(2, '0');
			await Promise.all([schrijver, ...lezers.map((l) => l.page)].map((p) => rustig(p)));
			await schrijver.keyboard.press('Control+End');
			const t0 = nu();
			await schrijver.keyboard.type(` mk${nummer}end`);
			let lokaal: number;
			try {
				lokaal = await wachtOpMarker(schrijver, nummer);
			} catch {
				fouten.push(`${run.backend}: verslag ronde ${ronde} niet in de eigen editor`);
				continue;
			}
			const uitkomsten = await Promise.allSettled(lezers.map((l) => wachtOpMarker(l.page, nummer)));
			const monster: VerslagMonster = { ronde, lokaal: lokaal - t0, lezers: [] };
			for (const [i, u] of uitkomsten.entries()) {
				const l = lezers[i]!;
				if (u.status === 'rejected') {
					fouten.push(
						`${run.backend}: verslagtekst ronde ${ronde} niet binnen ${WACHT_MS / 1000} s bij ${l.naam}`
					);
					continue;
				}
				monster.lezers.push({
					naam: l.naam,
					vanafStart: u.value - t0,
					vanafLokaal: u.value - lokaal
				});
			}
			if (monster.lezers.length === lezers.length) run.verslag.push(monster);
			await new Promise((r) => setTimeout(r, 300));
		}
	} finally {
		for (const c of contexts) await c.close().catch(() => {});
	}
}

function vatSamen(run: VergaderingLiveRun): void {
	const s = run.scherm;
	const alle = (f: (v: SchermMonster['volgers'][number]) => boolean) =>
		s.flatMap((m) => m.volgers.filter(f).map((v) => v.beeld));
	run.samenvatting.push(
		{
			regel: 'scherm',
			wat: 'POST-start → alle volgers',
			verdeling: verdeling(s.map((m) => Math.max(...m.volgers.map((v) => v.beeld))))
		},
		{
			regel: 'scherm',
			wat: 'POST-start → kiosk',
			verdeling: verdeling(alle((v) => v.soort === 'kiosk'))
		},
		{
			regel: 'scherm',
			wat: 'POST-start → deelnemer (elk)',
			verdeling: verdeling(alle((v) => v.soort === 'deelnemer'))
		},
		{
			regel: 'scherm',
			wat: 'POST-start → kaart getekend (stand van zaken, elk)',
			verdeling: verdeling(
				s.flatMap((m) => m.volgers.flatMap((v) => (v.kaart === null ? [] : [v.kaart])))
			)
		},
		{ regel: 'scherm', wat: 'POST (formulieractie)', verdeling: verdeling(s.map((m) => m.post)) },
		{
			regel: 'scherm',
			wat: 'POST-start → commit',
			verdeling: verdeling(s.flatMap((m) => (m.commit === null ? [] : [m.commit])))
		},
		{
			regel: 'scherm',
			wat: 'commit → gebeurtenis in browser (elk)',
			verdeling: verdeling(
				s.flatMap((m) =>
					m.volgers.flatMap((v) =>
						v.ontvangen === null || m.commit === null ? [] : [v.ontvangen - m.commit]
					)
				)
			)
		},
		{
			regel: 'scherm',
			wat: 'gebeurtenis → __data.json binnen (elk)',
			verdeling: verdeling(
				s.flatMap((m) =>
					m.volgers.flatMap((v) =>
						v.ontvangen === null || v.opgehaald === null ? [] : [v.opgehaald - v.ontvangen]
					)
				)
			)
		},
		{
			regel: 'scherm',
			wat: '  waarvan het verzoek zelf',
			verdeling: verdeling(
				s.flatMap((m) =>
					m.volgers.flatMap((v) =>
						v.ophalenStart === null || v.opgehaald === null ? [] : [v.opgehaald - v.ophalenStart]
					)
				)
			)
		},
		{
			regel: 'scherm',
			wat: '__data.json binnen → titel getekend (elk)',
			verdeling: verdeling(
				s.flatMap((m) =>
					m.volgers.flatMap((v) => (v.opgehaald === null ? [] : [v.beeld - v.opgehaald]))
				)
			)
		}
	);
	const v = run.verslag;
	run.samenvatting.push({
		regel: 'verslag',
		wat: 'typen → eigen editor',
		verdeling: verdeling(v.map((m) => m.lokaal))
	});
	for (const naam of [DEMO.voorzitter.naam, DEMO.deelnemer.naam]) {
		const rol = naam === DEMO.voorzitter.naam ? 'mederedacteur' : 'lezer';
		const l = v.flatMap((m) => m.lezers.filter((x) => x.naam === naam));
		run.samenvatting.push(
			{
				regel: 'verslag',
				wat: `typen → ${rol}`,
				verdeling: verdeling(l.map((x) => x.vanafStart))
			},
			{
				regel: 'verslag',
				wat: `laatste toets (eigen editor) → ${rol}`,
				verdeling: verdeling(l.map((x) => x.vanafLokaal))
			}
		);
	}
}

export async function runVergaderingLive(
	log: (r: string) => void
): Promise<VergaderingLiveResultaat> {
	const rondesScherm = envGetal('BENCH_SCHERM_N', 20);
	const aantal = envGetal('BENCH_SCHERM_VOLGERS', 3, 1, DEELNEMERS.length);
	const rondesVerslag = envGetal('BENCH_VERSLAG_N', 20);
	const echt = process.env.GEO_GEMEENTEN_SOURCE;
	const fixtures = path.resolve(import.meta.dirname, '../tests/fixtures/geo');
	const env = {
		GEO_GEMEENTEN_SOURCE: echt ?? path.join(fixtures, 'gemeenten_2026.geojson'),
		GEO_PROVINCIES_SOURCE:
			process.env.GEO_PROVINCIES_SOURCE ??
			(echt ? '' : path.join(fixtures, 'provincies_2026.geojson'))
	};
	const resultaat: VergaderingLiveResultaat = {
		runs: [],
		paginafouten: [],
		waarschuwingen: [],
		fouten: []
	};
	const browser = await launchBrowser();
	try {
		for (const backend of backends()) {
			const run: VergaderingLiveRun = {
				backend,
				volgers: aantal + 1,
				start: null,
				scherm: [],
				verslag: [],
				samenvatting: []
			};
			resultaat.runs.push(run);
			log(`${backend}: server starten…`);
			const pg = backend === 'postgres' ? await startThrowawayPostgres() : null;
			try {
				const server = await startServer(
					pg ? { databaseUrl: createDatabase(pg.url, 'bench_vergadering'), env } : { env }
				);
				try {
					const { vid } = await meetScherm(
						browser,
						server,
						run,
						aantal,
						rondesScherm,
						resultaat.paginafouten,
						resultaat.fouten,
						resultaat.waarschuwingen,
						log
					);
					await meetVerslag(
						browser,
						server,
						vid,
						run,
						rondesVerslag,
						resultaat.paginafouten,
						resultaat.fouten,
						log
					);
				} catch (e) {
					resultaat.fouten.push(`${backend}: ${e instanceof Error ? e.message : String(e)}`);
				} finally {
					await server.stop();
				}
			} finally {
				pg?.stop();
			}
			vatSamen(run);
		}
	} finally {
		await browser.close();
	}
	return resultaat;
}

export function vergaderingLiveTabel(r: VergaderingLiveResultaat): string {
	const ms = (x: number) =>
		Number.isFinite(x) ? x.toLocaleString('nl-NL', { maximumFractionDigits: 0 }) : '–';
	const regels: string[] = [];
	for (const run of r.runs) {
		regels.push(
			`${run.backend}: ${run.volgers} volgers (1 kiosk 1920×1080, ${run.volgers - 1} deelnemer(s) op /scherm); start → overal het eerste punt: ${run.start === null ? '–' : ms(run.start)} ms`,
			'| meting | wat | n | p50 | p95 | max |',
			'| --- | --- | --- | --- | --- | --- |',
			...run.samenvatting.map(
				(s) =>
					`| ${s.regel} | ${s.wat} | ${s.verdeling.n} | ${ms(s.verdeling.p50)} | ${ms(s.verdeling.p95)} | ${ms(s.verdeling.max)} |`
			)
		);
		const traag = [...run.scherm].sort(
			(a, b) =>
				Math.max(...b.volgers.map((v) => v.beeld)) - Math.max(...a.volgers.map((v) => v.beeld))
		)[0];
		if (traag) {
			regels.push(
				`traagste ronde: ‘${traag.titel}’ (${traag.type}), ${traag.volgers.map((v) => `${v.naam} ${ms(v.beeld)}`).join(', ')}`
			);
		}
		const perType = new Map<string, number[]>();
		for (const m of run.scherm) {
			const k =
				m.type === 'stand-van-zaken'
					? 'naar stand van zaken (cijfers + kaart)'
					: m.vorigType === 'stand-van-zaken'
						? 'weg van stand van zaken (kaart verdwijnt)'
						: 'overige punten';
			perType.set(k, [...(perType.get(k) ?? []), Math.max(...m.volgers.map((v) => v.beeld))]);
		}
		for (const [k, xs] of perType) {
			const d = verdeling(xs);
			regels.push(`  ${k}: alle volgers p50 ${ms(d.p50)}, max ${ms(d.max)} (n=${d.n})`);
		}
		regels.push('');
	}
	regels.push('(ms; "beeld" = eerste frame na de DOM-wijziging; p95 = nearest rank)');
	if (r.waarschuwingen.length) {
		regels.push('', 'Waarschuwingen:', ...r.waarschuwingen.map((f) => `  - ${f}`));
	}
	if (r.paginafouten.length) {
		regels.push('', 'Paginafouten:', ...r.paginafouten.slice(0, 10).map((f) => `  - ${f}`));
	}
	return regels.join('\n');
}
