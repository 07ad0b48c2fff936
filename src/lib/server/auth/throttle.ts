import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { db } from '../db';
import { loginPogingen } from '../db/schema';
import { env } from '../env';

export type ThrottleBesluit = { toegestaan: true } | { toegestaan: false; wachtMinuten: number };

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Throttles logins per account and per IP with a sliding window over failed attempts, kept in
 * the database so all server processes share it. The account key is the submitted e-mail, also
 * when no such account exists: the answer never tells whether an account exists.
 */
export async function checkThrottle(
	email: string,
	ip: string,
	now = Date.now()
): Promise<ThrottleBesluit> {
	const e = env();
	const windowMs = e.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000;
	const since = new Date(now - windowMs);
	const rows = await db()
		.select({ sleutel: loginPogingen.sleutel, at: loginPogingen.at })
		.from(loginPogingen)
		.where(
			and(
				inArray(loginPogingen.sleutel, [accountKey(email), ipKey(ip)]),
				gte(loginPogingen.at, since)
			)
		)
		.orderBy(loginPogingen.at);
	const per = new Map<string, Date[]>();
	for (const r of rows) per.set(r.sleutel, [...(per.get(r.sleutel) ?? []), r.at]);
	const limits: [string, number][] = [
		[accountKey(email), e.LOGIN_MAX_PER_ACCOUNT],
		[ipKey(ip), e.LOGIN_MAX_PER_IP]
	];
	let wachtMs = 0;
	for (const [key, max] of limits) {
		const times = per.get(key) ?? [];
		if (times.length >= max) {
			// Free again when enough of the oldest failures leave the window.
			const freeing = times[times.length - max]!;
			wachtMs = Math.max(wachtMs, freeing.getTime() + windowMs - now);
		}
	}
	return wachtMs > 0
		? { toegestaan: false, wachtMinuten: Math.max(1, Math.ceil(wachtMs / 60_000)) }
		: { toegestaan: true };
}

export async function registerFailure(email: string, ip: string): Promise<void> {
	await db()
		.insert(loginPogingen)
		.values([{ sleutel: accountKey(email) }, { sleutel: ipKey(ip) }]);
}

/** A successful login clears the account's failures (not the IP's). */
export async function clearAccountFailures(email: string): Promise<void> {
	await db()
		.delete(loginPogingen)
		.where(eq(loginPogingen.sleutel, accountKey(email)));
}

export async function pruneLoginPogingen(now = Date.now()): Promise<void> {
	await db()
		.delete(loginPogingen)
		.where(lt(loginPogingen.at, new Date(now - 24 * 3600 * 1000)));
}
