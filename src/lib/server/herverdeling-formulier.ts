import { fail, type RequestEvent } from '@sveltejs/kit';
import { mag } from '$lib/domain/autorisatie/rechten';
import type { Actor } from '$lib/domain/autorisatie/rollen';
import { voorstelSchema, type VoorstelInvoer } from '$lib/schemas/herverdeling';
import { PROVINCIES } from './seed/zuid-holland';
import { requireUser } from './guard';
import type { Wie } from './services/herverdelingen';

export interface VoorstelWaarden {
	periode: string;
	motivatie: string;
	wijzigingen: { gemeenteCode: string; wijziging: string }[];
}

/** The proposal form as posted (rows of `gemeente` and `wijziging`), validated with zod. */
export function leesVoorstel(
	form: FormData
):
	| { ok: true; invoer: VoorstelInvoer; waarden: VoorstelWaarden }
	| { ok: false; waarden: VoorstelWaarden; fouten: Record<string, string> } {
	const codes = form.getAll('gemeente').map(String);
	const aantallen = form.getAll('wijziging').map(String);
	const waarden: VoorstelWaarden = {
		periode: String(form.get('periode') ?? ''),
		motivatie: String(form.get('motivatie') ?? ''),
		wijzigingen: codes.map((c, i) => ({ gemeenteCode: c, wijziging: aantallen[i] ?? '' }))
	};
	const rijen = waarden.wijzigingen.filter((w) => w.gemeenteCode !== '' || w.wijziging !== '');
	const parsed = voorstelSchema.safeParse({
		periode: waarden.periode,
		motivatie: waarden.motivatie,
		wijzigingen: rijen.map((w) => ({
			gemeenteCode: w.gemeenteCode,
			wijziging: w.wijziging.trim() === '' ? undefined : w.wijziging.replace(',', '.')
		}))
	});
	if (parsed.success) return { ok: true, invoer: parsed.data, waarden };
	const fouten: Record<string, string> = {};
	for (const i of parsed.error.issues) {
		const veld = i.path[0] === 'wijzigingen' ? 'algemeen' : String(i.path[0] ?? 'algemeen');
		const rij = i.path[0] === 'wijzigingen' && typeof i.path[1] === 'number' ? i.path[1] + 1 : null;
		fouten[veld] ??= rij === null ? i.message : `Regel ${rij}: ${i.message}`;
	}
	return { ok: false, waarden, fouten };
}

export const weigerFormulier = (
	status: number,
	waarden: VoorstelWaarden,
	fouten: Record<string, string>,
	bevindingen: unknown[] = []
) => fail(status, { waarden, fouten, bevindingen });

export function wieVan(event: RequestEvent): Wie {
	const user = requireUser(event);
	return { actor: event.locals.actor, audit: { userId: user.id, label: user.naam } };
}

/**
 * The provincie a person works in for herverdelingen: `?provincie=` when given and valid, else
 * the first provincie of their roles and tables, else the first whose herverdelingen they see.
 */
export function eigenProvincie(actor: Actor, gevraagd: string | null): string {
	const bekend = PROVINCIES.map((p) => p.code as string);
	if (gevraagd && bekend.includes(gevraagd)) return gevraagd;
	const eigen =
		actor.soort === 'gebruiker'
			? [...actor.rollen.map((r) => r.provincieCode), ...actor.tafels.map((t) => t.provincieCode)]
			: [];
	return (
		eigen.find((p): p is string => !!p) ??
		bekend.find((p) => mag(actor, { actie: 'herverdeling.overzicht', provincieCode: p })) ??
		'PV28'
	);
}
