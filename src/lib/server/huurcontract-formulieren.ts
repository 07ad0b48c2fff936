/**
 * The form actions of huurcontracten, shared by the gemeente page (register, judge, withdraw)
 * and the provincie's list (judge): parse, authorize, call the service, answer with `data` or
 * `fail()`. Field errors come back per field, with what was typed, so the form can be refilled.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { huurcontractRecht, type GemeenteRef } from '$lib/domain/autorisatie/rechten';
import { controleerHuurcontract, type HuurcontractActie } from '$lib/domain/huurcontract/regels';
import { huurcontractActieSchema, huurcontractSchema } from '$lib/schemas/huurcontract';
import {
	acceptAttribuut,
	controleerUpload,
	formatGrootte,
	soortenTekst,
	type BestandSoort
} from './bestanden';
import { env } from './env';
import { requireRight, requireUser } from './guard';
import {
	registreerHuurcontract,
	vandaagInNederland,
	wijzigHuurcontract
} from './services/huurcontracten';

/** A signed contract is a scan or a PDF; Office files are not signed documents. */
export const HUURCONTRACT_BESTANDEN: readonly BestandSoort[] = ['pdf', 'png', 'jpg'];

/** What the registration form needs to know about the document field. */
export function bijlageVeld() {
	const max = env().BIJLAGE_MAX_BYTES;
	return {
		accept: acceptAttribuut(HUURCONTRACT_BESTANDEN),
		soorten: soortenTekst(HUURCONTRACT_BESTANDEN),
		maxBytes: max,
		maxTekst: formatGrootte(max)
	};
}

const VELDEN = ['datum', 'ingangsdatum', 'personen', 'kenmerk', 'omschrijving'] as const;

/** `?/huurcontractRegistreren` on the gemeente page. */
export async function registreerUitFormulier(event: RequestEvent, gemeente: GemeenteRef) {
	requireRight(event, huurcontractRecht('registreren', gemeente));
	const user = requireUser(event);
	const form = await event.request.formData();
	const waarden = Object.fromEntries(VELDEN.map((v) => [v, String(form.get(v) ?? '')])) as Record<
		(typeof VELDEN)[number],
		string
	>;
	const fouten: Record<string, string> = {};
	const parsed = huurcontractSchema.safeParse(waarden);
	const vandaag = vandaagInNederland();
	if (!parsed.success) {
		for (const i of parsed.error.issues) fouten[String(i.path[0])] ??= i.message;
	} else {
		// The rules between the fields, here too, so that every mistake shows at once.
		for (const f of controleerHuurcontract(parsed.data, vandaag)) fouten[f.veld] ??= f.melding;
	}
	const bestand = await controleerUpload(form.get('bestand'), { soorten: HUURCONTRACT_BESTANDEN });
	if (!bestand.ok) fouten.bestand = bestand.fout;
	if (!parsed.success || !bestand.ok || Object.keys(fouten).length > 0) {
		return fail(400, { registratie: { fouten, waarden } });
	}
	const r = await registreerHuurcontract({
		actor: event.locals.actor,
		door: { userId: user.id, label: user.naam },
		gemeenteCode: gemeente.code,
		invoer: parsed.data,
		bestand: bestand.bestand,
		vandaag
	});
	if (!r.ok) {
		if (r.code === 'GEEN_RECHT') error(403, r.fouten.algemeen ?? 'Geen toegang.');
		return fail(400, { registratie: { fouten: r.fouten, waarden } });
	}
	return {
		registratie: {
			id: r.id,
			succes: `Huurcontract geregistreerd voor ${r.periode}. De toezichthouder van de provincie beoordeelt het; u ziet hier direct wanneer dat is gebeurd.`,
			waarschuwing: r.waarschuwing
		}
	};
}

/** The answer to accept/reject/withdraw, shown next to the contract it is about. */
export interface HuurActieUitkomst {
	id: number;
	actie: HuurcontractActie;
	succes?: string;
	fouten?: Record<string, string>;
	/** The reason as typed, to refill the field after a refusal. */
	reden?: string;
}

const SUCCES: Record<HuurcontractActie, string> = {
	accepteren: 'Huurcontract geaccepteerd; de beoordeling is bijgewerkt.',
	afwijzen: 'Huurcontract afgewezen; de gemeente ziet de reden.',
	intrekken: 'Huurcontract ingetrokken.'
};

/**
 * Accept, reject or withdraw from a page that shows contracts of `binnen`. The caller has checked
 * the page-level right (`toezicht.beoordelen` or the gemeente's `gegevens-invoeren`); the service
 * checks it again against the contract's own gemeente.
 */
export async function wijzigUitFormulier(
	event: RequestEvent,
	actie: HuurcontractActie,
	binnen: { gemeenteCode: string } | { provincieCode: string }
) {
	const user = requireUser(event);
	const raw = Object.fromEntries(await event.request.formData());
	const parsed = huurcontractActieSchema.safeParse(raw);
	const id = Number(raw.id) || 0;
	if (!parsed.success) {
		const fouten: Record<string, string> = {};
		for (const i of parsed.error.issues) {
			const veld = String(i.path[0]);
			fouten[veld === 'reden' ? 'reden' : 'algemeen'] ??= i.message;
		}
		const huurActie: HuurActieUitkomst = { id, actie, fouten, reden: String(raw.reden ?? '') };
		return fail(400, { huurActie });
	}
	const r = await wijzigHuurcontract({
		actor: event.locals.actor,
		door: { userId: user.id, label: user.naam },
		id: parsed.data.id,
		versie: parsed.data.versie,
		actie,
		reden: parsed.data.reden,
		binnen
	});
	if (!r.ok) {
		if (r.code === 'GEEN_RECHT') error(403, r.fouten.algemeen ?? 'Geen toegang.');
		const status =
			r.code === 'NIET_GEVONDEN' ? 404 : r.code === 'VEROUDERD' || r.code === 'STATUS' ? 409 : 400;
		const huurActie: HuurActieUitkomst = { id, actie, fouten: r.fouten, reden: parsed.data.reden };
		return fail(status, { huurActie });
	}
	const huurActie: HuurActieUitkomst = { id, actie, succes: SUCCES[actie] };
	return { huurActie };
}
