import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db';

/** Liveness and database check for load balancers and the dev warm-up. */
export const GET: RequestHandler = async () => {
	const handle = await database();
	await handle.db.execute(sql`select 1`);
	return json({ ok: true, database: handle.kind }, { headers: { 'cache-control': 'no-store' } });
};
