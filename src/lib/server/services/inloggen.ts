import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';
import { mutate } from '../mutatie';
import { hashPassword, verifyDummy, verifyPassword } from '../auth/password';
import { checkThrottle, clearAccountFailures, registerFailure } from '../auth/throttle';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	type Session
} from '../auth/session';
import { getIo } from '../realtime/hub.js';
import { sessieKamer } from '../realtime/app';

export const FOUT_ONJUIST = 'Het e-mailadres of het wachtwoord is onjuist.';

export type InlogResultaat =
	{ ok: true; token: string; session: Session } | { ok: false; fout: string; status: 400 | 429 };

/**
 * Checks credentials with throttling per account and per IP. The message for a wrong password,
 * an unknown address and a deactivated account is the same (no user enumeration).
 */
export async function inloggen(
	emailRaw: string,
	password: string,
	ip: string
): Promise<InlogResultaat> {
	const email = emailRaw.trim().toLowerCase();
	const throttle = await checkThrottle(email, ip);
	if (!throttle.toegestaan) {
		const m = throttle.wachtMinuten;
		return {
			ok: false,
			status: 429,
			fout: `Te veel mislukte inlogpogingen. Probeer het over ${m} ${m === 1 ? 'minuut' : 'minuten'} opnieuw.`
		};
	}
	const [user] = await db()
		.select({
			id: users.id,
			naam: users.naam,
			passwordHash: users.passwordHash,
			actief: users.actief
		})
		.from(users)
		.where(eq(users.email, email));
	const valid = user
		? await verifyPassword(user.passwordHash, password)
		: await verifyDummy(password);
	if (!user || !valid || !user.actief) {
		await registerFailure(email, ip);
		return { ok: false, status: 400, fout: FOUT_ONJUIST };
	}
	await clearAccountFailures(email);
	const token = generateSessionToken();
	// Always a new session on login (no session fixation).
	const session = await mutate({ userId: user.id, label: user.naam }, async ({ tx, audit }) => {
		const s = await createSession(tx, token, user.id);
		await audit({ entity: 'sessie', entityId: user.id, action: 'ingelogd', after: { ip } });
		return s;
	});
	return { ok: true, token, session };
}

export async function uitloggen(session: Session, naam: string): Promise<void> {
	await mutate({ userId: session.userId, label: naam }, async ({ tx, audit }) => {
		await invalidateSession(tx, session.id);
		await audit({ entity: 'sessie', entityId: session.userId, action: 'uitgelogd' });
	});
	getIo()?.in(sessieKamer(session.id)).disconnectSockets(true);
}

export type WachtwoordResultaat =
	| { ok: true; token: string; session: Session }
	| { ok: false; veld: 'huidig' | 'nieuw'; fout: string };

/** Changing the password ends every session of the user (other devices too) and starts a new one. */
export async function wijzigWachtwoord(
	userId: number,
	huidig: string,
	nieuw: string
): Promise<WachtwoordResultaat> {
	const [user] = await db().select().from(users).where(eq(users.id, userId));
	if (!user || !(await verifyPassword(user.passwordHash, huidig))) {
		return { ok: false, veld: 'huidig', fout: 'Het huidige wachtwoord is onjuist.' };
	}
	if (huidig === nieuw) {
		return { ok: false, veld: 'nieuw', fout: 'Kies een ander wachtwoord dan het huidige.' };
	}
	const passwordHash = await hashPassword(nieuw);
	const token = generateSessionToken();
	const { session, oud } = await mutate({ userId, label: user.naam }, async ({ tx, audit }) => {
		await tx
			.update(users)
			.set({ passwordHash, passwordChangedAt: new Date() })
			.where(eq(users.id, userId));
		const oud = await invalidateUserSessions(tx, userId);
		const session = await createSession(tx, token, userId);
		await audit({
			entity: 'gebruiker',
			entityId: userId,
			action: 'wachtwoord-gewijzigd',
			after: { sessiesBeeindigd: oud.length }
		});
		return { session, oud };
	});
	const io = getIo();
	for (const id of oud) io?.in(sessieKamer(id)).disconnectSockets(true);
	return { ok: true, token, session };
}
