/**
 * Helpers for tests that talk to a running production server over real HTTP and Socket.IO:
 * form actions (as a browser without JavaScript or as `use:enhance` sends them), page data
 * (`__data.json`) and live sockets with an inbox to wait on.
 */
import { parse, unflatten } from 'devalue';
import { io, type Socket } from 'socket.io-client';
import type {
	Aanwezigheid,
	ClientToServer,
	LiveGebeurtenis,
	ServerToClient,
	VolgAntwoord
} from '../../src/lib/realtime/events';

export const DEMO_EMAIL = {
	beheerder: 'beheerder@regietafel.test',
	toezichthouder: 'toezicht@regietafel.test',
	secretaris: 'secretaris@regietafel.test',
	voorzitter: 'voorzitter@regietafel.test',
	deelnemer: 'deelnemer@regietafel.test',
	ambtenaarDenHaag: 'ambtenaar.denhaag@regietafel.test',
	bestuurderDenHaag: 'bestuurder.denhaag@regietafel.test',
	coa: 'coa@regietafel.test',
	secretarisHaaglanden: 'secretaris.haaglanden@regietafel.test'
} as const;

/** Display names of the demo people (presence lists show these). */
export const DEMO_NAAM = {
	secretaris: 'Sanne Bakker',
	voorzitter: 'Victor van Dam',
	deelnemer: 'Daan Visser',
	ambtenaarDenHaag: 'Aisha el Amrani'
} as const;

/**
 * POSTs a form action the way a browser without JavaScript does (303/200 HTML, fail() → 4xx).
 * `origin` defaults to the server's own origin (SvelteKit refuses cross-site form posts).
 */
export function postForm(
	baseUrl: string,
	path: string,
	cookie: string | null,
	/** Fields; as pairs when a name repeats (a list of checkboxes, table rows). */
	fields: Record<string, string> | [string, string][],
	options: { origin?: string } = {}
): Promise<Response> {
	const headers: Record<string, string> = {
		accept: 'text/html',
		origin: options.origin ?? baseUrl,
		'content-type': 'application/x-www-form-urlencoded'
	};
	if (cookie) headers.cookie = cookie;
	return fetch(`${baseUrl}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers,
		body: new URLSearchParams(fields)
	});
}

export interface ActionResult {
	type: 'success' | 'failure' | 'redirect' | 'error';
	status: number;
	data?: Record<string, unknown>;
	location?: string;
	error?: unknown;
}

/** POSTs a form action as `use:enhance` does and decodes SvelteKit's JSON action result. */
export async function postAction(
	baseUrl: string,
	path: string,
	cookie: string,
	fields: Record<string, string>
): Promise<ActionResult> {
	const r = await fetch(`${baseUrl}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			origin: baseUrl,
			'content-type': 'application/x-www-form-urlencoded',
			cookie
		},
		body: new URLSearchParams(fields)
	});
	const body = (await r.json()) as ActionResult & { data?: string };
	const data = typeof body.data === 'string' ? (parse(body.data) as Record<string, unknown>) : {};
	return { ...body, data };
}

/** POSTs a form action and fails the test unless it succeeded; returns its data. */
export async function actionOk(
	baseUrl: string,
	path: string,
	cookie: string,
	fields: Record<string, string>
): Promise<Record<string, unknown>> {
	const r = await postAction(baseUrl, path, cookie, fields);
	if (r.type !== 'success') {
		throw new Error(`Actie ${path} mislukt: ${r.type} ${r.status} ${JSON.stringify(r.data)}`);
	}
	return r.data ?? {};
}

/** The merged data of every load function of a page, as the client router fetches it. */
export async function pageData(
	baseUrl: string,
	path: string,
	cookie: string
): Promise<Record<string, unknown>> {
	const r = await fetch(`${baseUrl}${path.replace(/\/$/, '')}/__data.json`, {
		headers: { cookie }
	});
	if (!r.ok) throw new Error(`__data.json van ${path}: ${r.status}`);
	const body = (await r.json()) as {
		type: string;
		nodes?: ({ type: string; data: unknown[] } | null)[];
	};
	if (body.type !== 'data') throw new Error(`__data.json van ${path}: ${JSON.stringify(body)}`);
	const merged: Record<string, unknown> = {};
	for (const node of body.nodes ?? []) {
		if (node?.type === 'data') Object.assign(merged, unflatten(node.data));
	}
	return merged;
}

/** The demo kiosk link's token from the server's first-start banner. */
export function kioskTokenFromLogs(logs: string): string {
	const m = /Kiosklink PRT \(alleen nu getoond\): \S+\/kiosk\/([A-Za-z0-9_-]+)/.exec(logs);
	if (!m) throw new Error(`Geen kiosklink in de serverlog:\n${logs}`);
	return m[1]!;
}

export type LiveSocket = Socket<ServerToClient, ClientToServer>;

/** A Socket.IO client as a browser (cookie) or a kiosk display (token) would open it. */
export function liveSocket(
	baseUrl: string,
	auth: { cookie?: string; kiosk?: string },
	options: { reconnection?: boolean } = {}
): LiveSocket {
	return io(baseUrl, {
		transports: ['websocket'],
		reconnection: options.reconnection ?? false,
		forceNew: true,
		extraHeaders: auth.cookie ? { cookie: auth.cookie } : {},
		auth: auth.kiosk ? { kiosk: auth.kiosk } : {}
	});
}

const WACHTTIJD_MS = 10_000;

function withTimeout<T>(p: Promise<T>, what: string, ms = WACHTTIJD_MS): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`Niet binnen ${ms} ms: ${what}`)), ms);
	});
	return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves on 'connect', rejects with the server's refusal message on 'connect_error'. */
export function connected(socket: LiveSocket): Promise<void> {
	if (socket.connected) return Promise.resolve();
	return withTimeout(
		new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', (err) => reject(err));
		}),
		'verbinden'
	);
}

/** The message of the connect_error the server answers with. */
export function connectError(socket: LiveSocket): Promise<string> {
	return withTimeout(
		new Promise<string>((resolve, reject) => {
			socket.once('connect', () => reject(new Error('Verbinding werd onverwacht geaccepteerd')));
			socket.once('connect_error', (err) => resolve(err.message));
		}),
		'verbindingsfout'
	);
}

/** The reason of the next 'disconnect'. */
export function disconnected(socket: LiveSocket): Promise<string> {
	return withTimeout(
		new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason))),
		'verbreken'
	);
}

export function volg(socket: LiveSocket, kamer: string, sinds?: number): Promise<VolgAntwoord> {
	const req = sinds === undefined ? { kamer } : { kamer, sinds };
	return withTimeout(socket.emitWithAck('kamer:volgen', req), `antwoord op volgen ${kamer}`);
}

/** Everything a socket receives, in order, with a way to wait for a matching message. */
export class Inbox<T> {
	readonly items: T[] = [];
	private waiters: { pred: (t: T) => boolean; from: number; resolve: (t: T) => void }[] = [];

	push(item: T) {
		this.items.push(item);
		const index = this.items.length - 1;
		this.waiters = this.waiters.filter((w) => {
			if (index >= w.from && w.pred(item)) {
				w.resolve(item);
				return false;
			}
			return true;
		});
	}

	/** The first message at or after index `from` (default: any so far) that matches. */
	waitFor(pred: (t: T) => boolean, what: string, from = 0): Promise<T> {
		const found = this.items.slice(from).find(pred);
		if (found !== undefined) return Promise.resolve(found);
		return withTimeout(
			new Promise<T>((resolve) => this.waiters.push({ pred, from, resolve })),
			what
		);
	}
}

export interface Luisteraar {
	socket: LiveSocket;
	gebeurtenissen: Inbox<LiveGebeurtenis>;
	aanwezigheid: Inbox<Aanwezigheid>;
}

/** A socket with inboxes for 'gebeurtenis' and 'aanwezigheid' attached before it connects. */
export function luisteraar(
	baseUrl: string,
	auth: { cookie?: string; kiosk?: string },
	options: { reconnection?: boolean } = {}
): Luisteraar {
	const socket = liveSocket(baseUrl, auth, options);
	const gebeurtenissen = new Inbox<LiveGebeurtenis>();
	const aanwezigheid = new Inbox<Aanwezigheid>();
	socket.on('gebeurtenis', (e) => gebeurtenissen.push(e));
	socket.on('aanwezigheid', (a) => aanwezigheid.push(a));
	return { socket, gebeurtenissen, aanwezigheid };
}

export function namen(a: Aanwezigheid): string[] {
	return a.aanwezigen.map((x) => x.naam);
}

export function tekstVan(e: LiveGebeurtenis): string | undefined {
	const p = e.payload as { tekst?: unknown } | null;
	return typeof p?.tekst === 'string' ? p.tekst : undefined;
}
