/**
 * Conditional, compressed JSON responses for data the browser may keep (the map API): a strong
 * ETag per representation, 304 on If-None-Match, br or gzip by Accept-Encoding. The production
 * server (adapter-node behind scripts/server.js) does not compress dynamic responses, so it is
 * done here, and compressed bodies are kept in memory per ETag.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Codering = 'br' | 'gzip' | 'identity';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this a compressed body is not worth the header. */
const MIN_COMPRIMEREN = 1024;

/** br before gzip when both are accepted; `q=0` refuses a coding. */
export function kiesCodering(acceptEncoding: string | null): Codering {
	const q = new Map<string, number>();
	for (const deel of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [naam, ...params] = deel.trim().split(';');
		if (!naam) continue;
		const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		q.set(naam, qp ? Number(qp.slice(2)) || 0 : 1);
	}
	const mag = (c: string) => (q.get(c) ?? q.get('*') ?? 0) > 0;
	if (mag('br')) return 'br';
	if (mag('gzip')) return 'gzip';
	return 'identity';
}

/** The ETag of one representation: the content hash plus the coding. */
export function etagVoor(basis: string, c: Codering): string {
	return `"${basis}${c === 'br' ? '-br' : c === 'gzip' ? '-gz' : ''}"`;
}

/**
 * Whether If-None-Match names the current content in any coding (RFC 9110 weak comparison:
 * `W/` is ignored); `*` always matches.
 */
export function etagMatcht(ifNoneMatch: string | null, basis: string): boolean {
	if (!ifNoneMatch) return false;
	const bekend = new Set((['br', 'gzip', 'identity'] as const).map((c) => etagVoor(basis, c)));
	return ifNoneMatch.split(',').some((t) => {
		const tag = t.trim().replace(/^W\//, '');
		return tag === '*' || bekend.has(tag);
	});
}

interface Opgeslagen {
	identity: Buffer;
	br?: Buffer;
	gzip?: Buffer;
}

/** A small LRU of response bodies per ETag (per process). */
export class AntwoordCache {
	private readonly items = new Map<string, Opgeslagen>();
	constructor(private readonly max = 32) {}

	heeft(basis: string): boolean {
		return this.items.has(basis);
	}

	get(basis: string): Opgeslagen | undefined {
		const v = this.items.get(basis);
		if (v) {
			this.items.delete(basis);
			this.items.set(basis, v);
		}
		return v;
	}

	zet(basis: string, v: Opgeslagen): void {
		this.items.delete(basis);
		this.items.set(basis, v);
		while (this.items.size > this.max) this.items.delete(this.items.keys().next().value!);
	}
}

async function comprimeer(tekst: Buffer, c: Codering): Promise<Buffer> {
	if (c === 'br') {
		return brotli(tekst, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: 9,
				[constants.BROTLI_PARAM_SIZE_HINT]: tekst.length,
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
			}
		});
	}
	return c === 'gzip' ? gzipAsync(tekst, { level: 6 }) : tekst;
}

export interface CacheAntwoordOpties {
	request: Request;
	/** Content hash (without quotes or coding). */
	basis: string;
	/** The JSON text, only called when the body is needed and not cached. */
	lichaam: () => Promise<string> | string;
	contentType: string;
	cache?: AntwoordCache;
	/** `Server-Timing` entries measured by the caller (name → ms). */
	tijden?: Record<string, number>;
}

function serverTiming(tijden: Record<string, number>): string {
	return Object.entries(tijden)
		.map(([k, v]) => `${k};dur=${v.toFixed(1)}`)
		.join(', ');
}

/** 304 when the client has it, else the body in the best accepted coding. */
export async function cacheAntwoord(o: CacheAntwoordOpties): Promise<Response> {
	const codering = kiesCodering(o.request.headers.get('accept-encoding'));
	const tijden = { ...o.tijden };
	const headers = new Headers({
		'cache-control': 'private, no-cache',
		vary: 'Accept-Encoding',
		'content-type': o.contentType
	});
	if (etagMatcht(o.request.headers.get('if-none-match'), o.basis)) {
		headers.set('etag', etagVoor(o.basis, codering));
		headers.delete('content-type');
		headers.set('server-timing', serverTiming(tijden));
		return new Response(null, { status: 304, headers });
	}
	const t0 = performance.now();
	let opgeslagen = o.cache?.get(o.basis);
	if (!opgeslagen) {
		opgeslagen = { identity: Buffer.from(await o.lichaam()) };
		tijden.bouw = performance.now() - t0;
	}
	const c: Codering = opgeslagen.identity.length < MIN_COMPRIMEREN ? 'identity' : codering;
	let lichaam = opgeslagen[c];
	if (!lichaam) {
		const t1 = performance.now();
		lichaam = await comprimeer(opgeslagen.identity, c);
		opgeslagen[c] = lichaam;
		tijden.comprimeren = performance.now() - t1;
	}
	o.cache?.zet(o.basis, opgeslagen);
	headers.set('etag', etagVoor(o.basis, c));
	if (c !== 'identity') headers.set('content-encoding', c);
	headers.set('content-length', String(lichaam.length));
	headers.set('server-timing', serverTiming(tijden));
	const bytes = new Uint8Array(
		lichaam.buffer as ArrayBuffer,
		lichaam.byteOffset,
		lichaam.byteLength
	);
	return new Response(bytes, { status: 200, headers });
}
