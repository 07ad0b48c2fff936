const getal = new Intl.NumberFormat('nl-NL');
const procent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

export const formatGetal = (n: number | null | undefined) =>
	n === null || n === undefined ? '—' : getal.format(n);
export const formatProcent = (f: number | null | undefined) =>
	f === null || f === undefined ? '—' : procent.format(f);
/** Signed, for saldi: "+12", "−8", "0". */
export const formatSaldo = (n: number | null | undefined) =>
	n === null || n === undefined
		? '—'
		: n > 0
			? `+${getal.format(n)}`
			: n < 0
				? `−${getal.format(-n)}`
				: '0';

/**
 * The counterpart of formatSaldo: a signed whole number as people and spreadsheets write a saldo —
 * '+12', '12', '-12', '−12' (minus sign), '– 12', '−1.250' (Dutch thousands). Null for anything
 * else: a decimal is refused rather than rounded.
 */
export function leesSaldo(tekst: string): number | null {
	const t = tekst
		.replace(/[\s\u00a0]/g, '')
		.replace(/^[\u2212\u2013\u2014]/, '-')
		.replace(/^\+(?=\d)/, '');
	if (!/^-?\d+$/.test(t) && !/^-?\d{1,3}(\.\d{3})+$/.test(t)) return null;
	const n = Number(t.replace(/\./g, ''));
	if (!Number.isSafeInteger(n)) return null;
	return n === 0 ? 0 : n; // no −0
}

const MAANDEN = [
	'jan',
	'feb',
	'mrt',
	'apr',
	'mei',
	'jun',
	'jul',
	'aug',
	'sep',
	'okt',
	'nov',
	'dec'
];
/** "2026-03" → "mrt 2026" */
export const formatMaand = (m: string | null) => {
	if (!m) return '—';
	const [j, mm] = m.split('-');
	return `${MAANDEN[Number(mm) - 1]} ${j}`;
};

const procentPrecies = new Intl.NumberFormat('nl-NL', {
	style: 'percent',
	maximumFractionDigits: 1
});
/** One decimal, as the engine's toelichting states percentages (the same figure everywhere). */
export const formatProcentPrecies = (f: number | null | undefined) =>
	f === null || f === undefined ? '—' : procentPrecies.format(f);

/** File sizes as people read them: "850 bytes", "12,5 kB", "10 MB". */
export function formatBestandsgrootte(n: number): string {
	const nl = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
	if (n < 1024) return `${n} bytes`;
	if (n < 1024 * 1024) return `${nl(n / 1024)} kB`;
	return `${nl(n / (1024 * 1024))} MB`;
}
