import type { Server, Socket } from 'socket.io';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { can, kamerNaam, parseKamer } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import type { Aanwezige, ClientToServer, ServerToClient, VolgAntwoord } from '$lib/realtime/events';
import { db } from '../db';
import { organisaties, memberships, regietafels } from '../db/schema';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session';
import { validateKioskToken } from '../auth/kiosk';
import { loadActor } from '../auth/actor';
import { writeAudit } from '../mutatie';
import { eventsSince } from './publish';
import { registerRealtimeApp } from './hub.js';
import { ontvangUpdate, openDocument, yjsKamer } from './yjs';
// Registers the 'verslag' document kind wherever the socket server runs (dev and prod).
import './verslag-document';

export interface SocketData {
	actor: Actor;
	aanwezige: Aanwezige;
	sessionId: string | null;
}

type IO = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
type S = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

/** Private rooms used to disconnect sockets when a session ends or a kiosk link is revoked. */
export const sessieKamer = (sessionId: string) => `sessie:${sessionId}`;
export const kioskKamer = (kioskId: number) => `kiosk:${kioskId}`;
export const gebruikerKamer = (userId: number) => `gebruiker:${userId}`;

function readCookie(header: string, name: string): string | undefined {
	for (const part of header.split(';')) {
		const i = part.indexOf('=');
		if (i > 0 && part.slice(0, i).trim() === name) {
			return decodeURIComponent(part.slice(i + 1).trim());
		}
	}
	return undefined;
}

function eigenHerkomst(origin: string, host: string | undefined): boolean {
	try {
		const h = new URL(origin).host;
		if (host && h === host) return true;
		return !!process.env.ORIGIN && h === new URL(process.env.ORIGIN).host;
	} catch {
		return false;
	}
}

const volgSchema = z.object({
	kamer: z.string().max(64),
	sinds: z.number().int().min(0).optional()
});

async function organisatieNaam(userId: number): Promise<string> {
	const [row] = await db()
		.select({ naam: organisaties.naam })
		.from(memberships)
		.innerJoin(organisaties, eq(memberships.organisatieId, organisaties.id))
		.where(eq(memberships.userId, userId))
		.limit(1);
	return row?.naam ?? '';
}

/** Session cookie (browsers) or kiosk token (`auth.kiosk`, meeting-room displays). */
async function authenticate(socket: S): Promise<void> {
	// Cross-site WebSocket hijacking: a browser always sends Origin; it must be our own site.
	const origin = socket.handshake.headers.origin;
	if (origin && !eigenHerkomst(origin, socket.handshake.headers.host)) {
		throw new Error('herkomst-geweigerd');
	}
	const kioskToken: unknown = socket.handshake.auth?.kiosk;
	if (typeof kioskToken === 'string') {
		const kiosk = await validateKioskToken(kioskToken);
		if (!kiosk) throw new Error('kiosk-ongeldig');
		socket.data = {
			actor: kiosk.actor,
			sessionId: null,
			aanwezige: {
				sleutel: `kiosk-${kiosk.actor.kioskId}`,
				naam: kiosk.naam,
				organisatie: 'Kioskscherm',
				soort: 'kiosk'
			}
		};
		return;
	}
	const token = readCookie(socket.handshake.headers.cookie ?? '', SESSION_COOKIE);
	const result = token ? await validateSessionToken(token) : null;
	if (!result) throw new Error('niet-ingelogd');
	const [actor, organisatie] = await Promise.all([
		loadActor(db(), result.user.id),
		organisatieNaam(result.user.id)
	]);
	socket.data = {
		actor,
		sessionId: result.session.id,
		aanwezige: {
			sleutel: String(result.user.id),
			naam: result.user.naam,
			organisatie,
			soort: 'gebruiker'
		}
	};
}

async function provincieVanTafel(id: number): Promise<string | undefined> {
	const [row] = await db()
		.select({ p: regietafels.provincieCode })
		.from(regietafels)
		.where(eq(regietafels.id, id));
	return row?.p;
}

/** Who is in a regietafel room now, over all server processes, each person once. */
export async function aanwezigen(io: IO, kamer: string): Promise<Aanwezige[]> {
	const sockets = await io.in(kamer).fetchSockets();
	const uniek = new Map<string, Aanwezige>();
	for (const s of sockets) {
		if (s.data?.aanwezige) uniek.set(s.data.aanwezige.sleutel, s.data.aanwezige);
	}
	return [...uniek.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

async function broadcastAanwezigheid(io: IO, kamer: string) {
	if (!kamer.startsWith('regietafel:')) return;
	io.to(kamer).emit('aanwezigheid', { kamer, aanwezigen: await aanwezigen(io, kamer) });
}

function actorLabel(data: SocketData) {
	return data.aanwezige.soort === 'kiosk' ? `kiosk ${data.aanwezige.naam}` : data.aanwezige.naam;
}

async function volgen(io: IO, socket: S, raw: unknown): Promise<VolgAntwoord> {
	const parsed = volgSchema.safeParse(raw);
	const kamer = parsed.success ? parseKamer(parsed.data.kamer) : null;
	if (!parsed.success || !kamer) return { ok: false, fout: 'Onbekende kamer.' };
	const provincie = kamer.soort === 'regietafel' ? await provincieVanTafel(kamer.id) : kamer.code;
	const besluit = provincie
		? can(socket.data.actor, { actie: 'kamer.volgen', kamer, provincieVanTafel: provincie })
		: ({ toegestaan: false } as const);
	const naam = kamerNaam(kamer);
	if (!besluit.toegestaan) {
		// A refused join is a security signal: keep it in the audit trail.
		await db().transaction((tx) =>
			writeAudit(
				tx,
				{
					userId: socket.data.actor.soort === 'gebruiker' ? socket.data.actor.userId : null,
					label: actorLabel(socket.data)
				},
				{
					entity: 'realtime-kamer',
					entityId: naam,
					action: 'toegang-geweigerd',
					after: { socket: socket.id }
				}
			)
		);
		return { ok: false, fout: 'Geen toegang tot deze kamer.' };
	}
	await socket.join(naam);
	const catchUp = await eventsSince(db(), naam, parsed.data.sinds ?? Number.MAX_SAFE_INTEGER);
	void broadcastAanwezigheid(io, naam).catch(logError);
	return {
		ok: true,
		seq: catchUp.seq,
		gemist: parsed.data.sinds === undefined ? [] : catchUp.gemist,
		volledigVerversen: parsed.data.sinds === undefined ? false : catchUp.volledigVerversen
	};
}

function logError(err: unknown) {
	console.error('[realtime]', err instanceof Error ? err.message : err);
}

function onConnection(io: IO, socket: S) {
	const d = socket.data;
	if (d.sessionId) void socket.join(sessieKamer(d.sessionId));
	if (d.actor.soort === 'gebruiker') void socket.join(gebruikerKamer(d.actor.userId));
	if (d.actor.soort === 'kiosk') void socket.join(kioskKamer(d.actor.kioskId));

	socket.on('kamer:volgen', (req, ack) => {
		volgen(io, socket, req)
			.then((res) => typeof ack === 'function' && ack(res))
			.catch((err: unknown) => {
				logError(err);
				if (typeof ack === 'function') {
					ack({ ok: false, fout: 'Serverfout bij het volgen van de kamer.' });
				}
			});
	});
	socket.on('kamer:verlaten', (req, ack) => {
		const k = typeof req?.kamer === 'string' ? parseKamer(req.kamer) : null;
		// Always ack: the client's emit queue (retries) waits for it before sending anything else.
		if (typeof ack === 'function') ack({ ok: k !== null });
		if (!k) return;
		const naam = kamerNaam(k);
		void socket.leave(naam);
		void broadcastAanwezigheid(io, naam).catch(logError);
	});
	socket.on('yjs:open', (req, ack) => {
		openDocument(d.actor, req?.document, req?.staat, (document) => socket.join(yjsKamer(document)))
			.then((res) => {
				if (typeof ack === 'function') ack(res);
			})
			.catch((err: unknown) => {
				logError(err);
				if (typeof ack === 'function') ack({ ok: false, fout: 'Serverfout bij het openen.' });
			});
	});
	socket.on('yjs:update', (req, ack) => {
		const audit = {
			userId: d.actor.soort === 'gebruiker' ? d.actor.userId : null,
			label: actorLabel(d)
		};
		ontvangUpdate(d.actor, audit, req?.document, req?.update)
			.then((res) => {
				if (res.ok) {
					socket.to(yjsKamer(res.document)).emit('yjs:update', {
						document: res.document,
						update: req.update
					});
				}
				if (typeof ack === 'function') ack(res.ok ? { ok: true } : { ok: false, fout: res.fout });
			})
			.catch((err: unknown) => {
				logError(err);
				if (typeof ack === 'function') ack({ ok: false, fout: 'Serverfout bij het opslaan.' });
			});
	});
	socket.on('yjs:sluiten', (req, ack) => {
		if (typeof ack === 'function') ack({ ok: true });
		if (typeof req?.document === 'string') void socket.leave(yjsKamer(req.document));
	});
	let kamers: string[] = [];
	socket.on('disconnecting', () => {
		kamers = [...socket.rooms].filter((r) => r.startsWith('regietafel:'));
	});
	socket.on('disconnect', () => {
		for (const k of kamers) void broadcastAanwezigheid(io, k).catch(logError);
	});
	// A recovered socket is back in its rooms without asking: others should see it again.
	if (socket.recovered) {
		for (const r of socket.rooms) {
			if (r.startsWith('regietafel:')) void broadcastAanwezigheid(io, r).catch(logError);
		}
	}
}

/** Registers the app's handlers with the realtime host (called from the init hook). */
export function startRealtimeApp(): void {
	registerRealtimeApp({
		authenticate: (socket) => authenticate(socket as S),
		onConnection: (io, socket) => onConnection(io as IO, socket as S)
	});
}
