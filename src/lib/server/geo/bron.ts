/**
 * Fetching a boundary file from a path or an http(s) URL, with a size limit and a timeout;
 * every failure is a `GeoBronFout` with a Dutch message.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';

export interface GeoBron {
	/** As configured or given on the command line. */
	bron: string;
	/** File name (last part of the path or URL), kept with the import. */
	naam: string;
	bytes: Buffer;
}

export interface LaadOpties {
	maxBytes: number;
	timeoutMs: number;
}

export class GeoBronFout extends Error {}

export function isUrl(bron: string): boolean {
	return /^https?:\/\//i.test(bron);
}

/** The file name of a path or URL (`gemeente_2026.topojson`). */
export function bronNaam(bron: string): string {
	if (isUrl(bron)) {
		try {
			const u = new URL(bron);
			const laatste = u.pathname.split('/').filter(Boolean).at(-1);
			return laatste ? decodeURIComponent(laatste) : u.host;
		} catch {
			return bron;
		}
	}
	return path.basename(bron);
}

function mb(n: number): string {
	return `${(n / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

async function vanUrl(bron: string, o: LaadOpties): Promise<Buffer> {
	let url: URL;
	try {
		url = new URL(bron);
	} catch {
		throw new GeoBronFout(`${bron} is geen geldige URL.`);
	}
	const signal = AbortSignal.timeout(o.timeoutMs);
	const teLaat = () =>
		new GeoBronFout(`Geen (volledig) antwoord van ${url.href} binnen ${o.timeoutMs / 1000} s.`);
	let res: Response;
	try {
		res = await fetch(url, { signal, redirect: 'follow' });
	} catch (err) {
		if (signal.aborted) throw teLaat();
		const oorzaak = (err as { cause?: { code?: string; message?: string } }).cause;
		throw new GeoBronFout(
			`Kan ${url.href} niet ophalen: ${oorzaak?.code ?? oorzaak?.message ?? (err as Error).message}.`
		);
	}
	if (!res.ok) {
		await res.body?.cancel().catch(() => {});
		throw new GeoBronFout(
			`${url.href} gaf HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`
		);
	}
	const lengte = Number(res.headers.get('content-length'));
	if (lengte > o.maxBytes) {
		await res.body?.cancel().catch(() => {});
		throw new GeoBronFout(
			`${url.href} is ${mb(lengte)}; de grens is ${mb(o.maxBytes)} (GEO_MAX_BYTES).`
		);
	}
	const delen: Uint8Array[] = [];
	let totaal = 0;
	const lezer = res.body?.getReader();
	try {
		for (;;) {
			const { done, value } = lezer ? await lezer.read() : { done: true, value: undefined };
			if (done || !value) break;
			totaal += value.byteLength;
			if (totaal > o.maxBytes) {
				await lezer?.cancel().catch(() => {});
				throw new GeoBronFout(
					`${url.href} is groter dan ${mb(o.maxBytes)} (GEO_MAX_BYTES); het ophalen is afgebroken.`
				);
			}
			delen.push(value);
		}
	} catch (err) {
		if (err instanceof GeoBronFout) throw err;
		if (signal.aborted) throw teLaat();
		throw new GeoBronFout(`Ophalen van ${url.href} mislukt: ${(err as Error).message}.`);
	}
	return Buffer.concat(delen);
}

async function vanPad(bron: string, o: LaadOpties): Promise<Buffer> {
	let grootte: number;
	try {
		const s = await stat(bron);
		if (!s.isFile()) throw new GeoBronFout(`${bron} is geen bestand.`);
		grootte = s.size;
	} catch (err) {
		if (err instanceof GeoBronFout) throw err;
		const code = (err as NodeJS.ErrnoException).code;
		throw new GeoBronFout(
			code === 'ENOENT' ? `Bestand ${bron} bestaat niet.` : `Kan ${bron} niet lezen (${code}).`
		);
	}
	if (grootte > o.maxBytes) {
		throw new GeoBronFout(
			`${bron} is ${mb(grootte)}; de grens is ${mb(o.maxBytes)} (GEO_MAX_BYTES).`
		);
	}
	const f = await open(bron, 'r');
	try {
		return await f.readFile();
	} finally {
		await f.close();
	}
}

/** Reads a boundary file from a path or http(s) URL. */
export async function laadGeoBron(bron: string, opties: LaadOpties): Promise<GeoBron> {
	const bytes = isUrl(bron) ? await vanUrl(bron, opties) : await vanPad(bron, opties);
	return { bron, naam: bronNaam(bron), bytes };
}
