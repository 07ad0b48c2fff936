import type { Actor, OrganisatieLidmaatschap, OrganisatieRol, TafelRol } from './rollen';

export interface RegietafelRef {
	id: number;
	provincieCode: string;
}
export interface GemeenteRef {
	code: string;
	provincieCode: string;
}

/** A realtime room is an authorization scope: per regietafel or per provincie. */
export type Kamer = { soort: 'regietafel'; id: number } | { soort: 'provincie'; code: string };

export type Recht =
	| { actie: 'portaal.gebruiken' }
	| { actie: 'account.beheren' }
	| { actie: 'regietafel.bekijken'; regietafel: RegietafelRef }
	| { actie: 'regietafel.leden-beheren'; regietafel: RegietafelRef }
	| { actie: 'regietafel.mededeling-plaatsen'; regietafel: RegietafelRef }
	| { actie: 'gemeente.bekijken'; gemeente: GemeenteRef }
	| { actie: 'gemeente.gegevens-invoeren'; gemeente: GemeenteRef }
	/** Decide for the college van B&W (akkoord herverdeling, …): the bestuurder only. */
	| { actie: 'gemeente.besluiten'; gemeente: GemeenteRef }
	| { actie: 'toezicht.bekijken'; provincieCode: string }
	| { actie: 'toezicht.beoordelen'; provincieCode: string }
	| { actie: 'koppelingen.invoeren'; provincieCode: string }
	/**
	 * Propose a herverdeling in this provincie (issue 5 §1). With `gemeenten` (the proposal's
	 * gemeenten): a gemeente official proposes only a herverdeling their own gemeente takes part in.
	 */
	| { actie: 'herverdeling.voorstellen'; provincieCode: string; gemeenten?: readonly GemeenteRef[] }
	/** See the herverdelingen of a provincie (the list, the menu item). */
	| { actie: 'herverdeling.overzicht'; provincieCode: string }
	/** See a herverdeling about these gemeenten. */
	| { actie: 'herverdeling.bekijken'; gemeenten: readonly GemeenteRef[] }
	/** Take a vastgestelde herverdeling into supervision: a toezichthouder of a provincie involved. */
	| { actie: 'herverdeling.verwerken'; gemeenten: readonly GemeenteRef[] }
	/**
	 * The live map of a provincie (boundaries and standings of all its gemeenten): who may see
	 * the province's supervision, plus the people at its tables and their kiosk screens.
	 */
	| { actie: 'kaart.bekijken'; provincieCode: string }
	/** The meetings of a table: agenda, stukken, attendance, afspraken, calendar (issue 6). */
	| { actie: 'vergadering.bekijken'; regietafel: RegietafelRef }
	/** The shared screen of a running meeting: whoever sees the meetings, and the table's kiosks. */
	| { actie: 'vergadering.scherm-bekijken'; regietafel: RegietafelRef }
	/** Plan meetings, edit the agenda and its stukken, record attendance and afspraken. */
	| { actie: 'vergadering.bewerken'; regietafel: RegietafelRef }
	/** Run the meeting: start and end it, and set the agendapunt on the shared screen. */
	| { actie: 'vergadering.leiden'; regietafel: RegietafelRef }
	/**
	 * Change the status of an actiepunt: the table's secretaris or voorzitter, or the owner when
	 * the owner is a portal user (`eigenaarUserId`).
	 */
	| { actie: 'actiepunt.status-wijzigen'; regietafel: RegietafelRef; eigenaarUserId: number | null }
	/**
	 * The verslag of a meeting (issue 6 §4–5). Managing it (choose co-editors, freeze figures,
	 * publish a concept, process comments): the table's secretaris. Writing the text: the
	 * secretaris and the co-editors they chose (`redacteur`: the actor is one), if still members.
	 * Commenting on a published concept: the table's members. Vaststellen at the next meeting:
	 * secretaris or voorzitter. Reading goes with vergadering.bekijken.
	 */
	| { actie: 'verslag.beheren'; regietafel: RegietafelRef }
	| { actie: 'verslag.schrijven'; regietafel: RegietafelRef; redacteur: boolean }
	| { actie: 'verslag.becommentarieren'; regietafel: RegietafelRef }
	| { actie: 'verslag.vaststellen'; regietafel: RegietafelRef }
	| { actie: 'beheer.gebruikers' }
	| { actie: 'beheer.kiosk' }
	| { actie: 'kamer.volgen'; kamer: Kamer; provincieVanTafel?: string };

export type Besluit =
	{ toegestaan: true } | { toegestaan: false; reden: 'niet-ingelogd' | 'geen-recht' };

const JA: Besluit = { toegestaan: true };
const NEE: Besluit = { toegestaan: false, reden: 'geen-recht' };
const NIET_INGELOGD: Besluit = { toegestaan: false, reden: 'niet-ingelogd' };

type Gebruiker = Extract<Actor, { soort: 'gebruiker' }>;

function heeftRol(
	a: Gebruiker,
	rol: OrganisatieRol,
	match?: (m: OrganisatieLidmaatschap) => boolean
) {
	return a.rollen.some((m) => m.rol === rol && (!match || match(m)));
}

function tafelRol(a: Gebruiker, tafelId: number): TafelRol | undefined {
	return a.tafels.find((t) => t.regietafelId === tafelId)?.rol;
}

function isBeheerder(a: Gebruiker) {
	return heeftRol(a, 'beheerder');
}

function toezichthouderIn(a: Gebruiker, provincieCode: string) {
	return heeftRol(a, 'toezichthouder', (m) => m.provincieCode === provincieCode);
}

/** A COA-regievoerder without a provincie works nationally. */
function coaIn(a: Gebruiker, provincieCode: string) {
	return heeftRol(
		a,
		'coa-regievoerder',
		(m) => m.provincieCode === null || m.provincieCode === provincieCode
	);
}

function vanGemeente(a: Gebruiker, code: string, rollen: readonly OrganisatieRol[]) {
	return a.rollen.some((m) => rollen.includes(m.rol) && m.gemeenteCode === code);
}

/**
 * The one authorization decision of the portal: pure, table-tested
 * (`rechten.spec.ts`), applied by `$lib/server/guard.ts` to every load, action, API route and
 * socket event. Deny by default: an action not listed here is refused.
 */
export function can(actor: Actor, recht: Recht): Besluit {
	if (actor.soort === 'anoniem') return NIET_INGELOGD;

	if (actor.soort === 'kiosk') {
		// A kiosk is a read-only display of exactly one regietafel (and its provincie's live data
		// and map).
		switch (recht.actie) {
			case 'regietafel.bekijken':
			case 'vergadering.scherm-bekijken':
				return recht.regietafel.id === actor.regietafelId ? JA : NEE;
			case 'kaart.bekijken':
				return recht.provincieCode === actor.provincieCode ? JA : NEE;
			case 'kamer.volgen':
				if (recht.kamer.soort === 'regietafel') {
					return recht.kamer.id === actor.regietafelId ? JA : NEE;
				}
				return recht.kamer.code === actor.provincieCode ? JA : NEE;
			default:
				return NEE;
		}
	}

	const a = actor;
	const ok = (b: boolean): Besluit => (b ? JA : NEE);

	switch (recht.actie) {
		case 'portaal.gebruiken':
		case 'account.beheren':
			return JA;
		case 'beheer.gebruikers':
		case 'beheer.kiosk':
			return ok(isBeheerder(a));
		case 'regietafel.bekijken':
		case 'vergadering.bekijken':
		case 'vergadering.scherm-bekijken': {
			// Whoever sees a table sees its meetings; a kiosk sees only the shared screen (above).
			const t = recht.regietafel;
			return ok(
				isBeheerder(a) || tafelRol(a, t.id) !== undefined || toezichthouderIn(a, t.provincieCode)
			);
		}
		case 'vergadering.bewerken':
		case 'vergadering.leiden': {
			const rol = tafelRol(a, recht.regietafel.id);
			return ok(rol === 'secretaris' || rol === 'voorzitter');
		}
		case 'actiepunt.status-wijzigen': {
			const rol = tafelRol(a, recht.regietafel.id);
			return ok(
				rol === 'secretaris' ||
					rol === 'voorzitter' ||
					(recht.eigenaarUserId !== null && recht.eigenaarUserId === a.userId)
			);
		}
		case 'verslag.beheren':
			return ok(tafelRol(a, recht.regietafel.id) === 'secretaris');
		case 'verslag.schrijven': {
			const rol = tafelRol(a, recht.regietafel.id);
			return ok(rol === 'secretaris' || (rol !== undefined && recht.redacteur));
		}
		case 'verslag.becommentarieren':
			return ok(tafelRol(a, recht.regietafel.id) !== undefined);
		case 'verslag.vaststellen': {
			const rol = tafelRol(a, recht.regietafel.id);
			return ok(rol === 'secretaris' || rol === 'voorzitter');
		}
		case 'regietafel.leden-beheren':
			return ok(isBeheerder(a) || tafelRol(a, recht.regietafel.id) === 'secretaris');
		case 'regietafel.mededeling-plaatsen': {
			const rol = tafelRol(a, recht.regietafel.id);
			return ok(rol === 'secretaris' || rol === 'voorzitter');
		}
		case 'gemeente.bekijken': {
			const g = recht.gemeente;
			return ok(
				isBeheerder(a) ||
					toezichthouderIn(a, g.provincieCode) ||
					coaIn(a, g.provincieCode) ||
					vanGemeente(a, g.code, ['gemeente-ambtenaar', 'gemeente-bestuurder'])
			);
		}
		case 'gemeente.gegevens-invoeren':
			return ok(vanGemeente(a, recht.gemeente.code, ['gemeente-ambtenaar', 'gemeente-bestuurder']));
		case 'gemeente.besluiten':
			return ok(vanGemeente(a, recht.gemeente.code, ['gemeente-bestuurder']));
		case 'toezicht.bekijken':
			return ok(
				isBeheerder(a) || toezichthouderIn(a, recht.provincieCode) || coaIn(a, recht.provincieCode)
			);
		case 'toezicht.beoordelen':
			return ok(toezichthouderIn(a, recht.provincieCode));
		case 'koppelingen.invoeren':
			return ok(coaIn(a, recht.provincieCode));
		case 'herverdeling.voorstellen': {
			const p = recht.provincieCode;
			const g = recht.gemeenten;
			return ok(
				toezichthouderIn(a, p) ||
					a.tafels.some((t) => t.rol === 'secretaris' && t.provincieCode === p) ||
					a.rollen.some(
						(m) =>
							(m.rol === 'gemeente-ambtenaar' || m.rol === 'gemeente-bestuurder') &&
							m.gemeenteCode !== null &&
							m.provincieCode === p &&
							(g === undefined || g.some((x) => x.code === m.gemeenteCode))
					)
			);
		}
		case 'herverdeling.overzicht': {
			// Whoever may see some herverdeling of the provincie: the same people as below.
			const p = recht.provincieCode;
			return ok(
				isBeheerder(a) ||
					toezichthouderIn(a, p) ||
					coaIn(a, p) ||
					a.tafels.some((t) => t.provincieCode === p) ||
					a.rollen.some(
						(m) =>
							(m.rol === 'gemeente-ambtenaar' || m.rol === 'gemeente-bestuurder') &&
							m.gemeenteCode !== null &&
							m.provincieCode === p
					)
			);
		}
		case 'herverdeling.bekijken':
			// Everyone at the regietafels of a provincie involved follows its proposals (issue 5 §5).
			return ok(
				isBeheerder(a) ||
					recht.gemeenten.some(
						(g) =>
							toezichthouderIn(a, g.provincieCode) ||
							coaIn(a, g.provincieCode) ||
							vanGemeente(a, g.code, ['gemeente-ambtenaar', 'gemeente-bestuurder']) ||
							a.tafels.some((t) => t.provincieCode === g.provincieCode)
					)
			);
		case 'herverdeling.verwerken':
			return ok(recht.gemeenten.some((g) => toezichthouderIn(a, g.provincieCode)));
		case 'kaart.bekijken': {
			// A subset of following the provincie room (whoever sees the map also gets its live
			// updates), but not every gemeente official of the provincie: standings of other
			// gemeenten are shown to them nowhere else, unless they sit at one of its tables.
			const p = recht.provincieCode;
			return ok(
				isBeheerder(a) ||
					toezichthouderIn(a, p) ||
					coaIn(a, p) ||
					a.tafels.some((t) => t.provincieCode === p)
			);
		}
		case 'kamer.volgen': {
			const k = recht.kamer;
			if (k.soort === 'regietafel') {
				// The caller resolves the tafel's provincie; without it only members/beheerder pass.
				return ok(
					isBeheerder(a) ||
						tafelRol(a, k.id) !== undefined ||
						(recht.provincieVanTafel !== undefined && toezichthouderIn(a, recht.provincieVanTafel))
				);
			}
			return ok(
				isBeheerder(a) ||
					toezichthouderIn(a, k.code) ||
					coaIn(a, k.code) ||
					a.tafels.some((t) => t.provincieCode === k.code) ||
					a.rollen.some((m) => m.provincieCode === k.code && m.organisatieType === 'gemeente')
			);
		}
	}
}

/** What one does with a gemeente's huurcontracten (DOMAIN.md §3, pijplijnproductie). */
export type HuurcontractHandeling = 'bekijken' | 'registreren' | 'intrekken' | 'beoordelen';

/**
 * The right each huurcontract operation needs, so that routes, services and pages ask `can()`
 * the same question: the gemeente registers and withdraws its own contracts (gegevens
 * invoeren), the provincie's toezichthouder accepts or rejects them, and whoever may see the
 * gemeente sees the list and the signed documents.
 */
export function huurcontractRecht(h: HuurcontractHandeling, gemeente: GemeenteRef): Recht {
	switch (h) {
		case 'bekijken':
			return { actie: 'gemeente.bekijken', gemeente };
		case 'registreren':
		case 'intrekken':
			return { actie: 'gemeente.gegevens-invoeren', gemeente };
		case 'beoordelen':
			return { actie: 'toezicht.beoordelen', provincieCode: gemeente.provincieCode };
	}
}

export function mag(actor: Actor, recht: Recht): boolean {
	return can(actor, recht).toegestaan;
}

/** Stable room names; parsed back with `parseKamer`. */
export function kamerNaam(k: Kamer): string {
	return k.soort === 'regietafel' ? `regietafel:${k.id}` : `provincie:${k.code}`;
}

export function parseKamer(naam: string): Kamer | null {
	const t = /^regietafel:(\d{1,9})$/.exec(naam);
	if (t) return { soort: 'regietafel', id: Number(t[1]) };
	const p = /^provincie:(PV\d{2})$/.exec(naam);
	if (p) return { soort: 'provincie', code: p[1]! };
	return null;
}
