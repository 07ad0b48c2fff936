import { eq } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { db, type Executor } from '../db';
import { sessions, users } from '../db/schema';
import { env } from '../env';

export const SESSION_COOKIE = 'regietafel_sessie';
const DAY = 24 * 3600 * 1000;

export interface SessionUser {
	id: number;
	email: string;
	naam: string;
	functie: string;
}
export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
}

/** 20 random bytes, base32: 160 bits of entropy (Lucia's guide). */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** Only this hash is stored: a leaked sessions table does not hand out valid cookies. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function lifetimeMs() {
	return env().SESSION_LIFETIME_DAYS * DAY;
}

export async function createSession(ex: Executor, token: string, userId: number): Promise<Session> {
	const session: Session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(Date.now() + lifetimeMs())
	};
	await ex.insert(sessions).values(session);
	return session;
}

/**
 * Validates a cookie token. Sliding expiry: a session used in the second half of its lifetime
 * is extended to a full lifetime again. Deactivated users have no valid sessions.
 */
export async function validateSessionToken(
	token: string
): Promise<{ session: Session; user: SessionUser } | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const id = hashToken(token);
	const [row] = await db()
		.select({
			session: sessions,
			user: {
				id: users.id,
				email: users.email,
				naam: users.naam,
				functie: users.functie,
				actief: users.actief
			}
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, id));
	if (!row) return null;
	const { session, user } = row;
	const now = Date.now();
	if (now >= session.expiresAt.getTime() || !user.actief) {
		await db().delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	if (now >= session.expiresAt.getTime() - lifetimeMs() / 2) {
		session.expiresAt = new Date(now + lifetimeMs());
		await db().update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
	}
	return {
		session: { id: session.id, userId: session.userId, expiresAt: session.expiresAt },
		user: { id: user.id, email: user.email, naam: user.naam, functie: user.functie }
	};
}

export async function invalidateSession(ex: Executor, sessionId: string): Promise<void> {
	await ex.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(ex: Executor, userId: number): Promise<string[]> {
	const gone = await ex
		.delete(sessions)
		.where(eq(sessions.userId, userId))
		.returning({ id: sessions.id });
	return gone.map((s) => s.id);
}

export type CookieJar = Pick<Cookies, 'set' | 'delete'>;

/** HttpOnly, SameSite=Lax, Secure in production (plain http on localhost in development). */
export function setSessionCookie(cookies: CookieJar, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: env().production,
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionCookie(cookies: CookieJar): void {
	cookies.delete(SESSION_COOKIE, {
		httpOnly: true,
		sameSite: 'lax',
		secure: env().production,
		path: '/'
	});
}
