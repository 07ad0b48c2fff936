// @ts-check
/** Prints what startup() left on globalThis (same process), with the host's URL filled in. */
export function printBanner(/** @type {string} */ origin) {
	const banner = /** @type {{ regels: string[] } | undefined} */ (
		/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('regietafel.banner')]
	);
	const lines = [`Regietafel draait op ${origin}`, ...(banner?.regels ?? [])].map((l) =>
		l.replaceAll('{origin}', origin)
	);
	console.log(`\n  ${lines.join('\n  ')}\n`);
}
