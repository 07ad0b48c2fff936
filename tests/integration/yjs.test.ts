import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Actor } from '../../src/lib/domain/autorisatie/rollen';
import { auditLog, yjsUpdates } from '../../src/lib/server/db/schema';
import {
	compacteer,
	documentVan,
	ontvangUpdate,
	openDocument,
	registreerYjsDocument
} from '../../src/lib/server/realtime/yjs';
import { testDatabase, type TestDatabase } from '../helpers/demo';

/**
 * The collaborative document store (issue 6 §4) against a real database: concurrent editors never
 * lose each other's text, offline edits merge on reopening, readers cannot write, broken updates
 * are refused, compaction keeps the content.
 */
let t: TestDatabase;
const schrijver: Actor = { soort: 'gebruiker', userId: 1, rollen: [], tafels: [] };
const tweede: Actor = { soort: 'gebruiker', userId: 2, rollen: [], tafels: [] };
const lezer: Actor = { soort: 'kiosk', kioskId: 1, regietafelId: 1, provincieCode: 'PV28' };
const audit = (a: Actor) => ({ userId: a.soort === 'gebruiker' ? a.userId : null, label: 'proef' });
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const vanB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

beforeAll(async () => {
	t = await testDatabase();
	registreerYjsDocument('proef', (actor, sleutel) =>
		Promise.resolve(
			sleutel === 'verboden' ? null : actor.soort === 'gebruiker' ? 'schrijven' : 'lezen'
		)
	);
});
afterAll(async () => {
	await t?.close();
});

/** A client: a Y.Doc whose local updates are sent to the server (while online). */
function client(document: string, actor: Actor) {
	const doc = new Y.Doc();
	const uit: Uint8Array[] = [];
	let online = true;
	doc.on('update', (u: Uint8Array, origin: unknown) => {
		if (origin !== 'server') uit.push(u);
	});
	return {
		doc,
		tekst: () => doc.getText('t').toString(),
		typ: (pos: number, s: string) => doc.getText('t').insert(pos, s),
		offline: () => (online = false),
		/** Sends what is queued (only when online), like the browser provider. */
		async verstuur() {
			if (!online) return;
			for (const u of uit.splice(0)) {
				const r = await ontvangUpdate(actor, audit(actor), document, b64(u));
				expect(r.ok).toBe(true);
			}
		},
		/** (Re)open: fetch what we miss, then send what the server misses. */
		async open() {
			online = true;
			uit.length = 0;
			const r = await openDocument(actor, document, b64(Y.encodeStateVector(doc)));
			if (!r.ok) throw new Error(r.fout);
			Y.applyUpdate(doc, vanB64(r.update), 'server');
			const ontbreekt = Y.encodeStateAsUpdate(doc, vanB64(r.staat));
			if (ontbreekt.byteLength > 2) {
				const s = await ontvangUpdate(actor, audit(actor), document, b64(ontbreekt));
				expect(s.ok).toBe(true);
			}
			return r.recht;
		}
	};
}

describe('Yjs documents', () => {
	it('two editors typing at the same time both keep their text', async () => {
		const a = client('proef:1', schrijver);
		const b = client('proef:1', tweede);
		await a.open();
		await b.open();
		a.typ(0, 'De heer Jansen geeft aan dat Den Haag op schema ligt. ');
		b.typ(0, 'Mevrouw Visser vult aan over Rijswijk. ');
		await Promise.all([a.verstuur(), b.verstuur()]);
		const opgeslagen = (await documentVan(t.db, 'proef:1')).getText('t').toString();
		expect(opgeslagen).toContain('De heer Jansen geeft aan dat Den Haag op schema ligt.');
		expect(opgeslagen).toContain('Mevrouw Visser vult aan over Rijswijk.');
		// Both clients converge to the stored document once they receive each other's updates.
		await a.open();
		await b.open();
		expect(a.tekst()).toBe(opgeslagen);
		expect(b.tekst()).toBe(opgeslagen);
	});

	it('offline edits are merged when the editor comes back', async () => {
		const a = client('proef:2', schrijver);
		const b = client('proef:2', tweede);
		await a.open();
		a.typ(0, 'Eerste alinea.');
		await a.verstuur();
		await b.open();
		expect(b.tekst()).toBe('Eerste alinea.');
		b.offline();
		b.typ(b.tekst().length, ' Offline getypt.');
		a.typ(0, 'Intussen online: ');
		await a.verstuur();
		await b.verstuur(); // offline: nothing leaves
		expect((await documentVan(t.db, 'proef:2')).getText('t').toString()).not.toContain('Offline');
		await b.open(); // reconnect
		await a.open();
		const opgeslagen = (await documentVan(t.db, 'proef:2')).getText('t').toString();
		expect(opgeslagen).toBe('Intussen online: Eerste alinea. Offline getypt.');
		expect(a.tekst()).toBe(opgeslagen);
		expect(b.tekst()).toBe(opgeslagen);
	});

	it('opening joins the room before reading: an update stored meanwhile is not missed', async () => {
		const a = client('proef:4', schrijver);
		await a.open();
		a.typ(0, 'Al opgeslagen. ');
		await a.verstuur();
		const b = client('proef:4', tweede);
		const volgorde: string[] = [];
		const r = await openDocument(tweede, 'proef:4', undefined, async () => {
			volgorde.push('volg');
			// Another editor's update arrives just after the join: the relay reaches this client,
			// and the document read next holds it too.
			a.typ(a.tekst().length, 'Net binnen.');
			await a.verstuur();
		});
		if (!r.ok) throw new Error(r.fout);
		Y.applyUpdate(b.doc, vanB64(r.update), 'server');
		expect(volgorde).toEqual(['volg']);
		expect(b.tekst()).toBe('Al opgeslagen. Net binnen.');
		// No join for a refused document.
		let gevolgd = false;
		await openDocument(schrijver, 'proef:verboden', undefined, () => void (gevolgd = true));
		expect(gevolgd).toBe(false);
	});

	it('a reader may open but not write; unknown or refused documents are refused', async () => {
		const k = client('proef:2', lezer);
		expect(await k.open()).toBe('lezen');
		expect(k.tekst()).toContain('Offline getypt.');
		k.typ(0, 'Kiosk probeert te schrijven. ');
		const u = Y.encodeStateAsUpdate(k.doc);
		const voor = (await t.db.select().from(yjsUpdates)).length;
		expect(await ontvangUpdate(lezer, audit(lezer), 'proef:2', b64(u))).toEqual({
			ok: false,
			fout: 'U mag dit document alleen lezen.'
		});
		expect(await openDocument(schrijver, 'proef:verboden', undefined)).toEqual({
			ok: false,
			fout: 'Geen toegang tot dit document.'
		});
		expect(await openDocument(schrijver, 'onbekend:1', undefined)).toMatchObject({ ok: false });
		expect(await openDocument(schrijver, '../../etc', undefined)).toMatchObject({ ok: false });
		expect((await t.db.select().from(yjsUpdates)).length).toBe(voor);
	});

	it('a malformed update is refused and nothing is stored', async () => {
		const voor = (await t.db.select().from(yjsUpdates)).length;
		const r = await ontvangUpdate(
			schrijver,
			audit(schrijver),
			'proef:2',
			b64(new Uint8Array([255, 1, 2, 3]))
		);
		expect(r).toEqual({ ok: false, fout: 'Ongeldige wijziging geweigerd.' });
		expect((await t.db.select().from(yjsUpdates)).length).toBe(voor);
	});

	it('editing is audited per editor and document, not per keystroke', async () => {
		const rijen = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'yjs-document'), eq(auditLog.entityId, 'proef:1')));
		// Two editors worked on proef:1, each with several updates: one row each.
		expect(rijen.map((r) => r.actorUserId).sort()).toEqual([1, 2]);
	});

	it('compaction replaces the rows by their merge and keeps the content', async () => {
		const a = client('proef:3', schrijver);
		await a.open();
		for (let i = 0; i < 25; i++) {
			a.typ(a.tekst().length, `regel ${i}. `);
			await a.verstuur();
		}
		const voor = (await documentVan(t.db, 'proef:3')).getText('t').toString();
		const tel = async () =>
			(await t.db.select().from(yjsUpdates).where(eq(yjsUpdates.document, 'proef:3'))).length;
		expect(await tel()).toBeGreaterThan(20);
		await compacteer(t.db, 'proef:3');
		expect(await tel()).toBe(1);
		expect((await documentVan(t.db, 'proef:3')).getText('t').toString()).toBe(voor);
	});
});
