/**
 * Pure helpers around the standings of the map (`KaartStanden`): which gemeenten a scope
 * shows, which changed between two answers (they flash on the map), where the time slider
 * starts for a period, and the texts of the hover/focus information.
 */
import { TREDE_NAMEN } from '$lib/domain/ladder/trede';
import { parseHalfjaar, peildata as peildataVan } from '$lib/domain/periode/halfjaar';
import { formatDatum } from '$lib/format/datum';
import { formatGetal, formatProcent, formatSaldo } from '$lib/format/getal';
import type { KaartRegio, KaartStand } from './api';

/** The gemeenten of a regio, or null (everything) when no regio or an unknown one is chosen. */
export function scopeVan(
	regios: readonly KaartRegio[],
	regioId: number | null
): ReadonlySet<string> | null {
	if (regioId === null) return null;
	const r = regios.find((x) => x.id === regioId);
	return r ? new Set(r.gemeenten) : null;
}

/** The fields whose change a viewer should notice. */
const VELDEN = [
	'trede',
	'tredeIsBesluit',
	'peildatum',
	'opgave',
	'gerealiseerd',
	'saldo'
] as const satisfies readonly (keyof KaartStand)[];

/** Codes of the gemeenten whose standing differs between two answers (new ones included). */
export function gewijzigdeGemeenten(
	oud: readonly KaartStand[],
	nieuw: readonly KaartStand[]
): string[] {
	const voor = new Map(oud.map((s) => [s.code, s]));
	return nieuw
		.filter((s) => {
			const o = voor.get(s.code);
			return !o || VELDEN.some((v) => o[v] !== s[v]);
		})
		.map((s) => s.code);
}

/**
 * Where the time slider of a period's overview starts: the last peildatum up to the period's
 * end judgement (1 July / 1 January), or null (the latest) when the period is unknown.
 */
export function peildatumVoorPeriode(peildata: readonly string[], periode: string): string | null {
	const h = parseHalfjaar(periode);
	if (!h) return null;
	const eind = peildataVan(h).eind;
	return peildata.filter((p) => p <= eind).at(-1) ?? null;
}

/** 'halverwege 2026-II' / 'einde 2026-I'. */
export function oordeelSoort(s: Pick<KaartStand, 'kind' | 'periode'>): string {
	if (!s.kind || !s.periode) return '';
	return `${s.kind === 'midpoint' ? 'halverwege' : 'einde'} ${s.periode}`;
}

export interface InfoRegel {
	label: string;
	waarde: string;
}

/** The lines of the hover/focus information (also the table's columns). */
export function standRegels(s: KaartStand): InfoRegel[] {
	if (!s.trede) return [{ label: 'Trede', waarde: 'nog geen oordeel op deze datum' }];
	return [
		{
			label: 'Trede',
			waarde: `${s.trede} – ${TREDE_NAMEN[s.trede]}${
				s.tredeIsBesluit
					? ` (besluit${s.besluitDatum ? ` van ${formatDatum(s.besluitDatum)}` : ''})`
					: ''
			}`
		},
		{ label: 'Opgave', waarde: formatGetal(s.opgave) },
		{
			label: 'Gerealiseerd',
			waarde: `${formatGetal(s.gerealiseerd)} (${formatProcent(s.fractieGerealiseerd)})`
		},
		{ label: 'Saldo', waarde: formatSaldo(s.saldo) },
		{
			label: 'Oordeel',
			waarde: s.peildatum ? `${formatDatum(s.peildatum)}, ${oordeelSoort(s)}` : '—'
		}
	];
}

/** One sentence for screen readers: the accessible name of a gemeente on the map. */
export function standZin(s: KaartStand): string {
	return `${s.naam}: ${standRegels(s)
		.map((r) => `${r.label.toLowerCase()} ${r.waarde}`)
		.join('; ')}`;
}

/**
 * A gemeente name on at most two lines for a map label: split at the space or hyphen that
 * makes the longest line shortest ('Leidschendam-Voorburg' → 'Leidschendam-', 'Voorburg').
 */
export function naamRegels(naam: string): string[] {
	let beste = [naam];
	let breedte = naam.length;
	for (let i = 1; i < naam.length - 1; i++) {
		const c = naam[i];
		if (c !== ' ' && c !== '-') continue;
		const a = naam.slice(0, c === '-' ? i + 1 : i);
		const b = naam.slice(i + 1);
		const w = Math.max(a.length, b.length);
		if (a.length > 3 && b.length > 3 && w < breedte) {
			beste = [a, b];
			breedte = w;
		}
	}
	return beste;
}
