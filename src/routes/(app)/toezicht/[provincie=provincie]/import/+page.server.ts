import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formatHalfjaar, volgendHalfjaar, vorigHalfjaar } from '$lib/domain/periode/halfjaar';
import { importKeuzeSchema } from '$lib/schemas/import';
import { env } from '$lib/server/env';
import { requireRight, requireUser } from '$lib/server/guard';
import type { Bestand } from '$lib/server/import/tabel';
import {
	controleer,
	controleSleutel,
	importeer,
	provincieNaam,
	toegestaneSoorten
} from '$lib/server/services/importpagina';

type Event = RequestEvent<{ provincie: string }>;

/** Who may use the page at all; 403 for everyone else (and 404 for an unknown provincie). */
async function toegang(event: Event) {
	const provincieCode = event.params.provincie;
	const soorten = toegestaneSoorten(event.locals.actor, provincieCode);
	// Throws the standard Dutch 403 (or the login redirect) for anyone without a right here.
	if (soorten.length === 0) requireRight(event, { actie: 'toezicht.beoordelen', provincieCode });
	const naam = await provincieNaam(provincieCode);
	if (!naam) error(404, 'Deze provincie bestaat niet.');
	return { provincieCode, naam, soorten };
}

/** The current half year and its neighbours, newest first, for the periode choice. */
function perioden(nu = new Date()) {
	const huidig = { jaar: nu.getFullYear(), helft: nu.getMonth() < 6 ? 1 : 2 } as const;
	let h = volgendHalfjaar(volgendHalfjaar(huidig));
	const lijst: string[] = [];
	for (let i = 0; i < 8; i++) {
		lijst.push(formatHalfjaar(h));
		h = vorigHalfjaar(h);
	}
	return { lijst, huidig: formatHalfjaar(huidig) };
}

export const load = (async (event) => {
	const { provincieCode, naam, soorten } = await toegang(event);
	return {
		provincie: { code: provincieCode, naam },
		soorten,
		perioden: perioden(),
		maxBytes: env().IMPORT_MAX_BYTES
	};
}) satisfies PageServerLoad;

const mb = (n: number) =>
	`${(n / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;

/** Reads and checks the form; a failure is returned as the action's answer. */
async function leesFormulier(event: Event) {
	const { provincieCode, soorten } = await toegang(event);
	const form = await event.request.formData();
	const raw = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string'));
	const waarden = {
		soort: String(raw.soort ?? ''),
		periode: String(raw.periode ?? ''),
		peilmaand: String(raw.peilmaand ?? ''),
		jaar: String(raw.jaar ?? ''),
		vg: String(raw.vg ?? '')
	};
	const parsed = importKeuzeSchema.safeParse(raw);
	const fouten: Record<string, string> = {};
	if (!parsed.success) {
		for (const i of parsed.error.issues) fouten[String(i.path[0] ?? 'soort')] ??= i.message;
		return { fout: fail(400, { waarden, fouten }) } as const;
	}
	const keuze = parsed.data;
	if (!soorten.includes(keuze.soort)) {
		return {
			fout: fail(403, {
				waarden,
				fouten: {
					soort:
						'U mag hier alleen COA-realisatiecijfers importeren; taakstellingen en bevolkingscijfers importeert de toezichthouder van de provincie.'
				}
			})
		} as const;
	}
	let bestand: Bestand | null = null;
	if (keuze.soort !== 'berekening') {
		const f = form.get('bestand');
		const max = env().IMPORT_MAX_BYTES;
		if (!(f instanceof File) || f.size === 0 || f.name === '') {
			fouten.bestand = 'Kies een CSV- of Excelbestand (.csv of .xlsx).';
		} else if (!/\.(csv|xlsx)$/i.test(f.name)) {
			fouten.bestand = `'${f.name}' is geen CSV- of Excelbestand; kies een bestand dat eindigt op .csv of .xlsx.`;
		} else if (f.size > max) {
			fouten.bestand = `Het bestand is ${mb(f.size)}; de grens is ${mb(max)}. Splits het bestand of vraag de beheerder de grens te verhogen.`;
		} else {
			bestand = { naam: f.name, inhoud: new Uint8Array(await f.arrayBuffer()) };
		}
		if (fouten.bestand) return { fout: fail(400, { waarden, fouten }) } as const;
	}
	return { keuze, bestand, waarden, provincieCode, gecontroleerd: String(raw.sleutel ?? '') };
}

export const actions = {
	controleren: async (event) => {
		const r = await leesFormulier(event);
		if ('fout' in r) return r.fout;
		const voorvertoning = await controleer(r.keuze, r.bestand, r.provincieCode);
		return { waarden: r.waarden, voorvertoning };
	},
	importeren: async (event) => {
		const user = requireUser(event);
		const r = await leesFormulier(event);
		if ('fout' in r) return r.fout;
		// The file travels again with this request (nothing is kept on the server between the two
		// steps); the key of the preview guarantees that what is committed is what was checked.
		if (r.gecontroleerd !== controleSleutel(r.keuze, r.bestand)) {
			return fail(409, {
				waarden: r.waarden,
				fouten: {
					sleutel:
						r.gecontroleerd === ''
							? 'Controleer het bestand eerst; daarna kunt u importeren.'
							: 'Het bestand of de keuze is gewijzigd sinds het controleren. Klik opnieuw op Controleren.'
				}
			});
		}
		const uitkomst = await importeer(
			{ userId: user.id, label: user.naam },
			r.keuze,
			r.bestand,
			r.provincieCode
		);
		return { waarden: r.waarden, uitkomst };
	}
} satisfies Actions;
