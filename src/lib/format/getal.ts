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
