import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum (19 MiB, 2 iterations, 1 lane), as in Lucia's guide.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the account does not exist, so response time
 * does not reveal which e-mail addresses have an account.
 */
export async function verifyDummy(password: string): Promise<false> {
	dummy ??= hashPassword('geen-account-dummy-wachtwoord');
	await verifyPassword(await dummy, password);
	return false;
}
