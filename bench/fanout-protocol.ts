/** Messages between the fan-out benchmark's parent and its child processes (IPC, JSON). */

/** Parent → receiver worker. */
export type NaarOntvanger =
	| {
			type: 'verbind';
			/** Which server these receivers belong to (several sets are connected at once). */
			label: string;
			url: string;
			/** Session cookies ("name=value"), handed out round robin; empty for the raw server. */
			cookies: string[];
			aantal: number;
			kamer: string;
	  }
	/** Answers when every receiver of `label` has seen `laatsteSeq` (or after the timeout). */
	| { type: 'wacht'; label: string; laatsteSeq: number; timeoutMs: number }
	| { type: 'verzamel'; label: string }
	| { type: 'sluit' };

export interface OntvangerMonsters {
	/** Sequence numbers in arrival order. */
	seqs: number[];
	/** receiveTime − e.t in ms, same index as `seqs`. */
	latenties: number[];
	/** True when the socket lost its connection during the run. */
	verbroken: boolean;
}

/** Receiver worker → parent. */
export type VanOntvanger =
	| { type: 'verbonden'; joinSeqs: number[] }
	| { type: 'gewacht'; achter: number }
	| { type: 'monsters'; clients: OntvangerMonsters[] }
	| { type: 'gesloten' }
	| { type: 'fout'; bericht: string };

/** Parent → raw Socket.IO server. */
export type NaarRawServer = {
	type: 'zend';
	kamer: string;
	aantal: number;
	intervalMs: number;
};

/** Raw Socket.IO server → parent. */
export type VanRawServer =
	| { type: 'luistert'; port: number }
	| { type: 'klaar'; laatsteSeq: number }
	| { type: 'fout'; bericht: string };

/** Same shape and size of text in both paths. */
export function benchTekst(i: number): string {
	return `Benchmark-mededeling ${i}: de agenda van het overleg is bijgewerkt, zie de bijlage.`;
}

/** Wall-clock milliseconds with sub-ms resolution, comparable between processes. */
export function nu(): number {
	return performance.timeOrigin + performance.now();
}

/**
 * Runs `stap(i)` for i = 1..aantal, starting each at most every `intervalMs` (start to start); a
 * step that takes longer delays the next one, it is never run concurrently.
 */
export async function gepaceerd(
	aantal: number,
	intervalMs: number,
	stap: (i: number) => Promise<void> | void
): Promise<void> {
	const start = performance.now();
	for (let i = 1; i <= aantal; i++) {
		const wacht = start + (i - 1) * intervalMs - performance.now();
		if (wacht > 0) await new Promise((r) => setTimeout(r, wacht));
		await stap(i);
	}
}
