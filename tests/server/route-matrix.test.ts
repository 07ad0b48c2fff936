/**
 * The role × route matrix over real HTTP against one production server (PGlite, demo data).
 *
 * The table below is the specification, derived by hand from the rules in
 * src/lib/domain/autorisatie/rechten.ts and the route table in src/lib/server/toegang.ts — not a
 * recording of what the server answers. Every cell is its own named test.
 *
 * Demo roles (src/lib/server/seed/demo.ts), table ids in a fresh demo database:
 * PRT = 1, Haaglanden = 2, Rotterdam-Rijnmond = 4; all tables in provincie PV28.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path_ from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startServer, type RunningServer } from '../helpers/server';
import { DEMO_EMAIL, kioskTokenFromLogs, pageData, postForm } from '../helpers/app';

/** A small, real PDF (the server checks the first bytes). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

type Uitkomst = 'ok' | 'verboden' | 'login' | 'niet-gevonden' | 'niet-ingelogd';

/** Columns of the matrix, in this order. */
const ROLLEN = {
	anoniem: null,
	beheerder: DEMO_EMAIL.beheerder, // org beheerder, no tables
	toezichthouder: DEMO_EMAIL.toezichthouder, // toezichthouder PV28, deelnemer PRT
	secretaris: DEMO_EMAIL.secretaris, // medewerker, secretaris PRT
	voorzitter: DEMO_EMAIL.voorzitter, // medewerker, voorzitter PRT
	deelnemer: DEMO_EMAIL.deelnemer, // medewerker BZK, deelnemer PRT
	'ambtenaar-denhaag': DEMO_EMAIL.ambtenaarDenHaag, // gemeente-ambtenaar GM0518, deelnemer tafel 2
	'bestuurder-denhaag': DEMO_EMAIL.bestuurderDenHaag, // gemeente-bestuurder GM0518, deelnemer PRT, voorzitter tafel 2
	coa: DEMO_EMAIL.coa, // coa-regievoerder (landelijk), deelnemer PRT
	'secretaris-haaglanden': DEMO_EMAIL.secretarisHaaglanden // medewerker GM0503, secretaris tafel 2
} as const;
type Rol = keyof typeof ROLLEN;
const ROL_NAMEN = Object.keys(ROLLEN) as Rol[];

const CODES: Record<string, Uitkomst> = {
	ok: 'ok',
	L: 'login',
	'401': 'niet-ingelogd',
	'403': 'verboden',
	'404': 'niet-gevonden'
};

const FIXTURES = path_.resolve(import.meta.dirname, '../fixtures/imports');

/** Kiosk tokens are filled in once the server runs. */
const GELDIG = '<geldig>';
/** A huurcontract of 's-Gravenhage registered in beforeAll. */
const CONTRACT = '<contract>';
const ONGELDIG = 'bestaat-niet-0000000000000000000';
/**
 * Herverdelingen made in beforeAll by the Den Haag official ('s-Gravenhage −1, Rijswijk +1,
 * 2026-II). A cell uses the proposal `<naam>-<rol>` when there is one (each allowed role acts on
 * its own, since the step changes it), else `<naam>`.
 */
const HV = (naam: string) => `<hv:${naam}>`;
/** An attachment (bestand id) by name, with the same per-role lookup. */
const BIJLAGE = (naam: string) => `<bijlage:${naam}>`;
/** A stuk of the demo's next PRT meeting (id 2), uploaded by the secretaris in beforeAll. */
const STUK = '<stuk>';

/**
 * ok = 2xx, or a 303 to a page other than the login page; L = 303 to /inloggen?terug=<route>;
 * 401 = not logged in (API, JSON); 403 = refused; 404 = not found.
 */
// prettier-ignore
const MATRIX: [route: string, cellen: string, waarom: string][] = [
	//                                        anon beh toe sec vz  dn  amb bes coa shl
	['GET /',                                'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', '(app) is ingelogd'],
	['GET /account',                         'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'account.beheren: every user'],
	['POST /account?/aanhef',                'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'every user chooses their own aanhef'],
	['GET /regietafels',                     'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'ingelogd; the list is filtered'],
	['GET /regietafels/1',                   'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'regietafel.bekijken: beheerder, member of PRT, toezichthouder PV28'],
	['GET /regietafels/2',                   'L   ok  ok  403 403 403 ok  ok  403 ok ', 'regietafel.bekijken: beheerder, member of Haaglanden, toezichthouder PV28; COA gives no table access'],
	['GET /regietafels/1/stand',             'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'stand van zaken follows the table: redirect to the current period'],
	['GET /regietafels/2/stand/2026-I',      'L   ok  ok  403 403 403 ok  ok  403 ok ', 'regional overview: whoever sees the table'],
	['GET /regietafels/2/stand/2026-I/export?formaat=xlsx', 'L   ok  ok  403 403 403 ok  ok  403 ok ', 'the export follows the regional overview'],
	['GET /regietafels/99/stand/2026-I',     'L   404 404 404 404 404 404 404 404 404', 'unknown table'],
	['GET /regietafels/4',                   'L   ok  ok  403 403 403 403 403 403 403', 'regietafel.bekijken: nobody here sits at Rotterdam-Rijnmond'],
	['GET /regietafels/999',                 'L   404 404 404 404 404 404 404 404 404', 'no such table (login first: the route is ingelogd)'],
	['GET /beheer',                          'L   ok  403 403 403 403 403 403 403 403', 'beheer.gebruikers; beheerder is sent on to /beheer/gebruikers'],
	['GET /beheer/gebruikers',               'L   ok  403 403 403 403 403 403 403 403', 'beheer.gebruikers: beheerder only'],
	['GET /beheer/kiosk-links',              'L   ok  403 403 403 403 403 403 403 403', 'beheer.kiosk: beheerder only'],
	[`GET /kiosk/${GELDIG}`,                 'ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'the token in the URL is the authorization'],
	[`GET /kiosk/${ONGELDIG}`,               '404 404 404 404 404 404 404 404 404 404', 'unknown token: not found for everyone'],
	['GET /api/gezondheid',                  'ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'publiek'],
	['GET /inloggen',                        'ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'publiek; a logged-in user is sent on to /'],
	['GET /bestaat-niet',                    '404 404 404 404 404 404 404 404 404 404', 'no such route'],
	['POST /regietafels/1?/mededeling',      'L   403 403 ok  ok  403 403 403 403 403', 'regietafel.mededeling-plaatsen: secretaris or voorzitter of PRT (not the beheerder)'],
	['POST /regietafels/2?/mededeling',      'L   403 403 403 403 403 403 ok  403 ok ', 'regietafel.mededeling-plaatsen: voorzitter (bestuurder) or secretaris of Haaglanden'],
	['POST /regietafels/1?/lidToevoegen',    'L   ok  403 ok  403 403 403 403 403 403', 'regietafel.leden-beheren: beheerder or secretaris of PRT'],
	['POST /beheer/gebruikers?/nieuw',       'L   ok  403 403 403 403 403 403 403 403', 'beheer.gebruikers'],
	['POST /beheer/kiosk-links?/nieuw',      'L   ok  403 403 403 403 403 403 403 403', 'beheer.kiosk'],
	['GET /toezicht/PV28/import',            'L   403 ok  403 403 403 403 403 ok  403', 'import: toezicht.beoordelen PV28 (all kinds) or koppelingen.invoeren (COA figures only)'],
	['GET /toezicht/PV20/import',            'L   403 403 403 403 403 403 403 ok  403', 'PV20 (Groningen): only the national COA-regievoerder has a right there'],
	['GET /toezicht/PV99/import',            'L   403 403 403 403 403 403 403 404 403', 'PV99 matches the pattern but is no provincie: 404 once the right is established'],
	['GET /toezicht/XX28/import',            '404 404 404 404 404 404 404 404 404 404', 'the provincie matcher rejects XX28: no such route'],
	['POST /toezicht/PV28/import?/controleren&soort=realisatie',  'L   403 ok  403 403 403 403 403 ok  403', 'COA figures: toezichthouder or COA-regievoerder'],
	['POST /toezicht/PV28/import?/controleren&soort=taakstelling', 'L   403 ok  403 403 403 403 403 403 403', 'taakstelling: toezichthouder only (COA is refused with 403)'],
	['POST /toezicht/PV28/import?/importeren&soort=realisatie',   'L   403 ok  403 403 403 403 403 ok  403', 'commit of COA figures (the second allowed commit finds it already imported: still 200)'],
	['GET /toezicht',                        'L   ok  ok  403 403 403 403 403 ok  403', 'toezicht.bekijken for some provincie: sent on to its current period'],
	['GET /toezicht/PV28/2026-I',            'L   ok  ok  403 403 403 403 403 ok  403', 'toezicht.bekijken PV28: beheerder, toezichthouder PV28, COA (landelijk)'],
	['GET /toezicht/PV27/2026-I',            'L   ok  403 403 403 403 403 403 ok  403', 'toezicht.bekijken PV27: the PV28 toezichthouder has no right there'],
	['GET /toezicht/PV28/2026-I/export?formaat=csv', 'L   ok  ok  403 403 403 403 403 ok  403', 'the export follows the overview'],
	['GET /toezicht/gemeente/GM0518',        'L   ok  ok  403 403 403 ok  ok  ok  403', "gemeente.bekijken: beheerder, toezichthouder PV28, COA, own gemeente ('s-Gravenhage)"],
	['GET /toezicht/gemeente/GM0599',        'L   ok  ok  403 403 403 403 403 ok  403', 'gemeente.bekijken Rotterdam: not for officials of another gemeente'],
	['GET /toezicht/gemeente/GM9999',        'L   404 404 404 404 404 404 404 404 404', 'unknown gemeente'],
	['POST /toezicht/gemeente/GM0518?/besluit', 'L   403 ok  403 403 403 403 403 403 403', 'toezicht.beoordelen PV28: the toezichthouder only (not even the bestuurder)'],
	['POST /toezicht/gemeente/GM0518?/huurcontractRegistreren', 'L   403 403 403 403 403 ok  ok  403 403', "gemeente.gegevens-invoeren GM0518: its ambtenaar and bestuurder (not the toezichthouder, not COA, not a medewerker)"],
	['POST /toezicht/gemeente/GM0599?/huurcontractRegistreren', 'L   403 403 403 403 403 403 403 403 403', 'gemeente.gegevens-invoeren GM0599: nobody here works for Rotterdam'],
	['POST /toezicht/gemeente/GM0518?/huurcontractAccepteren', 'L   403 ok  403 403 403 403 403 403 403', 'huurcontract beoordelen = toezicht.beoordelen PV28: the toezichthouder only'],
	['POST /toezicht/gemeente/GM0518?/huurcontractAfwijzen',   'L   403 ok  403 403 403 403 403 403 403', 'huurcontract beoordelen = toezicht.beoordelen PV28: the toezichthouder only'],
	['POST /toezicht/gemeente/GM0518?/huurcontractIntrekken',  'L   403 403 403 403 403 ok  ok  403 403', 'huurcontract intrekken = gemeente.gegevens-invoeren GM0518 (each withdraws another contract)'],
	['GET /toezicht/PV28/huurcontracten',    'L   ok  ok  403 403 403 403 403 ok  403', 'toezicht.bekijken PV28: beheerder, toezichthouder PV28, COA (landelijk)'],
	['GET /toezicht/PV27/huurcontracten',    'L   ok  403 403 403 403 403 403 ok  403', 'toezicht.bekijken PV27: not the PV28 toezichthouder'],
	['GET /toezicht/PV99/huurcontracten',    'L   404 403 403 403 403 403 403 404 403', 'PV99 is no provincie: 404 once the right is established'],
	['POST /toezicht/PV28/huurcontracten?/accepteren', 'L   403 ok  403 403 403 403 403 403 403', 'toezicht.beoordelen PV28 (COA and beheerder may look, not judge)'],
	['POST /toezicht/PV28/huurcontracten?/afwijzen',   'L   403 ok  403 403 403 403 403 403 403', 'toezicht.beoordelen PV28'],
	[`GET /toezicht/gemeente/GM0518/huurcontracten/${CONTRACT}/document`, 'L   ok  ok  403 403 403 ok  ok  ok  403', "gemeente.bekijken GM0518: the signed document for whoever may see 's-Gravenhage"],
	[`GET /toezicht/gemeente/GM0599/huurcontracten/${CONTRACT}/document`, 'L   404 404 403 403 403 403 403 404 403', "a contract of 's-Gravenhage under Rotterdam's URL: not found (for those who may see Rotterdam)"],
	['GET /toezicht/gemeente/GM0518/huurcontracten/999999/document', 'L   404 404 403 403 403 404 404 404 403', 'no such contract'],
	['GET /toezicht/PV28/beleid',            'L   ok  ok  403 403 403 403 403 ok  403', 'policy page: toezicht.bekijken PV28 (beheerder, toezichthouder PV28, COA landelijk)'],
	['GET /toezicht/PV27/beleid',            'L   ok  403 403 403 403 403 403 ok  403', 'policy page PV27: not for the PV28 toezichthouder'],
	['GET /toezicht/PV99/beleid',            'L   404 403 403 403 403 403 403 404 403', 'PV99 is no provincie: 404 once the right is established'],
	['POST /toezicht/PV28/beleid?/opslaan',  'L   403 ok  403 403 403 403 403 403 403', 'a new policy version: toezicht.beoordelen PV28, the toezichthouder only (COA may look, not change)'],
	['POST /toezicht/PV28/beleid?/voorbeeld', 'L   403 ok  403 403 403 403 403 403 403', 'the preview follows the right to change'],
	['POST /toezicht/gemeente/GM0518?/beginstand', 'L   403 ok  403 403 403 403 403 403 403', 'stand bij aanvang: toezicht.beoordelen PV28, the toezichthouder only (not the gemeente itself, nor COA)'],
	['GET /regietafels/1/vergaderingen/2',   'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'vergadering.bekijken: whoever sees the PRT (beheerder, its members, toezichthouder PV28)'],
	['GET /regietafels/2/vergaderingen/2',   'L   404 404 403 403 403 404 404 403 404', 'a PRT meeting under the Haaglanden URL: not found for those who see Haaglanden'],
	['GET /regietafels/1/vergaderingen/999', 'L   404 404 404 404 404 403 404 404 403', 'no such meeting (once the table may be seen)'],
	['GET /regietafels/1/vergaderingen/2/scherm', 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'vergadering.scherm-bekijken: the shared screen on one’s own device'],
	['GET /regietafels/1/vergaderingen/2/vergadering.ics', 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'one meeting as iCalendar: vergadering.bekijken'],
	['GET /regietafels/1/vergaderingen.ics', 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'all meetings of the table as iCalendar: vergadering.bekijken'],
	[`GET /regietafels/1/vergaderingen/2/bijlagen/${STUK}`, 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'a stuk of an agendapunt: vergadering.bekijken'],
	[`GET /regietafels/2/vergaderingen/2/bijlagen/${STUK}`, 'L   404 404 403 403 403 404 404 403 404', 'a PRT stuk under the Haaglanden URL: not found'],
	['GET /regietafels/1/actiepunten',       'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'the table’s action list: vergadering.bekijken'],
	['GET /regietafels/2/actiepunten',       'L   ok  ok  403 403 403 ok  ok  403 ok ', 'Haaglanden’s action list: whoever sees Haaglanden'],
	['GET /actiepunten',                     'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'Mijn actiepunten: every user (own items only)'],
	['POST /regietafels/1?/vergaderingNieuw', 'L   403 403 ok  ok  403 403 403 403 403', 'vergadering.bewerken: secretaris or voorzitter of the PRT (303 to the new meeting)'],
	['POST /regietafels/2?/vergaderingNieuw', 'L   403 403 403 403 403 403 ok  403 ok ', 'vergadering.bewerken Haaglanden: its voorzitter (bestuurder) and secretaris'],
	['POST /regietafels/1/vergaderingen/2?/gast', 'L   403 403 ok  ok  403 403 403 403 403', 'attendance (a guest): vergadering.bewerken'],
	['POST /regietafels/1/vergaderingen/2?/afspraak', 'L   403 403 ok  ok  403 403 403 403 403', 'an afspraak becomes an actiepunt: vergadering.bewerken'],
	['POST /regietafels/1/vergaderingen/2?/bijlage', 'L   403 403 ok  ok  403 403 403 403 403', 'a stuk (PDF): vergadering.bewerken'],
	['POST /regietafels/1/vergaderingen/2?/huidig', 'L   403 403 ok  ok  403 403 403 403 403', 'the shared screen: vergadering.leiden (voorzitter, secretaris)'],
	['POST /regietafels/1/vergaderingen/2?/volgorde', 'L   403 403 ok  ok  403 403 403 403 403', 'reorder at the current version: vergadering.bewerken'],
	['GET /regietafels/1/vergaderingen/2/verslag', 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'the verslag page: vergadering.bekijken (writing is decided per person on the page and the socket)'],
	['GET /regietafels/2/vergaderingen/2/verslag', 'L   404 404 403 403 403 404 404 403 404', 'a PRT verslag under the Haaglanden URL: not found'],
	['POST /regietafels/1/vergaderingen/2/verslag?/afspraak', 'L   403 403 ok  403 403 403 403 403 403', 'an afspraak marked in the verslag: verslag.schrijven — the secretaris (no co-editors yet; runs before the next row)'],
	['POST /regietafels/1/vergaderingen/2/verslag?/redacteurToevoegen', 'L   403 403 ok  403 403 403 403 403 403', 'choose a co-editor (the voorzitter): verslag.beheren, the secretaris only'],
	['POST /regietafels/1/vergaderingen/2/verslag?/redacteurVerwijderen', 'L   403 403 ok  403 403 403 403 403 403', 'withdraw that co-editor: verslag.beheren'],
	['POST /regietafels/1/vergaderingen/2?/actiepuntStatus', 'L   403 403 ok  ok  ok  403 403 403 403', 'status of Daan Visser’s actiepunt: the table’s secretaris and voorzitter, and Daan (its owner)'],
	['GET /regietafels/1/vergaderingen/1/verslag/versies', 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'the versions of the demo’s past verslag: vergadering.bekijken'],
	['GET /regietafels/1/vergaderingen/1/verslag/versies/1', 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'concept 1 (seeded) read-only with its comments: vergadering.bekijken'],
	['GET /regietafels/1/vergaderingen/1/verslag/versies/9', 'L   404 404 404 404 404 403 404 404 403', 'no such version (once the meeting may be seen)'],
	['GET /regietafels/2/vergaderingen/1/verslag/versies/1', 'L   404 404 403 403 403 404 404 403 404', 'a PRT verslag under the Haaglanden URL: not found for those who see Haaglanden'],
	['GET /regietafels/1/vergaderingen/1/verslag.docx', 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'export: vergadering.bekijken; without ?versie the latest concept (the secretaris: the draft)'],
	['GET /regietafels/1/vergaderingen/1/verslag.pdf?versie=1', 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'export of a published version: vergadering.bekijken'],
	['GET /regietafels/1/vergaderingen/1/verslag.pdf?versie=9', 'L   404 404 404 404 404 403 404 404 403', 'export of a version that does not exist'],
	['GET /regietafels/1/vergaderingen/1/actielijst.docx', 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'besluiten- en actielijst: vergadering.bekijken'],
	['GET /regietafels/1/vergaderingen/1/actielijst.pdf', 'L   ok  ok  ok  ok  ok  403 ok  ok  403', 'besluiten- en actielijst as PDF: vergadering.bekijken'],
	['GET /regietafels/1/vergaderingen/2/verslag.pdf', 'L   404 404 ok  404 404 403 404 404 403', 'no concept published yet: only who writes in the verslag (the secretaris) gets the draft'],
	['POST /regietafels/1/vergaderingen/1/verslag/versies/1?/opmerking', 'L   403 ok  ok  ok  ok  403 ok  ok  403', 'verslag.becommentarieren: members of the PRT, on the latest concept'],
	['POST /regietafels/1/vergaderingen/2/verslag/versies?/cijfers', 'L   403 403 ok  403 403 403 403 403 403', 'verslag.beheren: the PRT’s secretaris freezes the figures'],
	['POST /actiepunten?/status',            'L   403 403 ok  ok  ok  403 403 403 403', 'the same from Mijn actiepunten: owner, secretaris, voorzitter; others are refused by the service'],
	['GET /api/kaart/PV28/grenzen',          '401 ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'kaart.bekijken PV28: toezicht (beheerder, toezichthouder, COA) and members of its tables — every demo user sits at one; boundaries from GEO_GEMEENTEN_SOURCE'],
	['GET /api/kaart/PV28/grenzen?jaar=2025', '401 404 404 404 404 404 404 404 404 404', 'allowed, but no boundaries for 2025: 404 (the map falls back to the tile map)'],
	['GET /api/kaart/PV28/standen',          '401 ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'kaart.bekijken PV28, as the boundaries'],
	['GET /api/kaart/PV27/grenzen',          '401 404 403 403 403 403 403 403 404 403', 'kaart.bekijken PV27: beheerder and the national COA only; no Noord-Holland boundaries in the demo'],
	['GET /api/kaart/PV27/standen',          '401 ok  403 403 403 403 403 403 ok  403', 'kaart.bekijken PV27: an empty list for a provincie without gemeenten'],
	['GET /api/kaart/PV99/standen',          '401 404 403 403 403 403 403 403 404 403', 'PV99 matches the pattern but is no provincie: 404 once the right is established'],
	['GET /api/kaart/XX28/grenzen',          '404 404 404 404 404 404 404 404 404 404', 'the provincie matcher rejects XX28: no such route'],
	['GET /herverdelingen',                  'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'herverdeling.overzicht PV28: everyone here works in Zuid-Holland (the list is filtered per proposal)'],
	['GET /herverdelingen?provincie=PV27',   'L   ok  403 403 403 403 403 403 ok  403', 'herverdeling.overzicht PV27: the beheerder and the national COA-regievoerder only'],
	['GET /herverdelingen/nieuw',            'L   403 ok  ok  403 403 ok  ok  403 ok ', 'herverdeling.voorstellen PV28: toezichthouder, secretaris of a table, gemeente officials (not the beheerder, a voorzitter, a deelnemer, COA)'],
	['POST /herverdelingen/nieuw?/opslaan',  'L   403 ok  ok  403 403 ok  ok  403 ok ', 'herverdeling.voorstellen PV28 (a concept)'],
	['POST /herverdelingen/nieuw?/indienen', 'L   403 ok  ok  403 403 ok  ok  403 ok ', 'herverdeling.voorstellen PV28 (submitted at once)'],
	[`GET /herverdelingen/${HV('bekijk')}`,  'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'herverdeling.bekijken: the tables of PV28, the gemeenten involved, toezicht, COA, beheerder'],
	['GET /herverdelingen/999999',           'L   404 404 404 404 404 404 404 404 404', 'no such proposal'],
	[`GET /herverdelingen/${HV('bekijk')}/bewerken`, 'L   403 ok  403 403 403 ok  403 403 403', 'the proposer (the Den Haag official) or the toezichthouder'],
	[`POST /herverdelingen/${HV('bewerken')}/bewerken?/opslaan`, 'L   403 ok  403 403 403 ok  403 403 403', 'the proposer or the toezichthouder changes the numbers'],
	[`POST /herverdelingen/${HV('indienen')}?/indienen`,   'L   403 ok  403 403 403 ok  403 403 403', 'the proposer or the toezichthouder submits (the bestuurder is no proposer)'],
	[`POST /herverdelingen/${HV('intrekken')}?/intrekken`, 'L   403 ok  403 403 403 ok  403 403 403', 'the proposer or the toezichthouder withdraws'],
	[`POST /herverdelingen/${HV('akkoord')}?/akkoord`,     'L   403 403 403 403 403 403 ok  403 403', "gemeente.besluiten GM0518: the bestuurder of 's-Gravenhage only (not its official, not the toezichthouder)"],
	[`POST /herverdelingen/${HV('afwijzen')}?/afwijzen`,   'L   403 403 403 403 403 403 ok  403 403', 'gemeente.besluiten GM0518'],
	[`POST /herverdelingen/${HV('verwerken')}?/verwerken`, 'L   403 ok  403 403 403 403 403 403 403', 'herverdeling.verwerken: the toezichthouder of PV28 (not the beheerder, not COA)'],
	[`POST /herverdelingen/${HV('bijlage')}?/bijlage`,     'L   403 ok  403 403 403 ok  403 403 403', 'attachments: the proposer or the toezichthouder, while concept/ingediend'],
	[`POST /herverdelingen/${HV('bijlage')}?/bijlageVerwijderen`, 'L   403 ok  403 403 403 ok  403 403 403', 'attachments: the proposer or the toezichthouder (each removes another)'],
	[`GET /herverdelingen/${HV('download')}/bijlagen/${BIJLAGE('download')}`, 'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'herverdeling.bekijken opens its attachments'],
	[`GET /herverdelingen/${HV('bekijk')}/bijlagen/${BIJLAGE('download')}`,   'L   404 404 404 404 404 404 404 404 404', "another proposal's attachment under this proposal's URL: not found"],
	[`GET /herverdelingen/${HV('download')}/bijlagen/999999`,                'L   404 404 404 404 404 404 404 404 404', 'no such attachment'],
	['GET /kaart',                           'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'ingelogd; sent on to the first provincie whose map one may see (kaart.bekijken PV28 for every demo user)'],
	['GET /kaart/PV28',                      'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'kaart.bekijken PV28: toezicht (beheerder, toezichthouder, COA) and members of its tables'],
	['GET /kaart/PV28?regio=1&scherm',       'L   ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'the same page zoomed to a regio, in shared-screen mode'],
	['GET /kaart/PV27',                      'L   ok  403 403 403 403 403 403 ok  403', 'kaart.bekijken PV27: beheerder and the national COA only (a map without gemeenten)'],
	['GET /kaart/PV99',                      'L   404 403 403 403 403 403 403 404 403', 'PV99 matches the pattern but is no provincie: 404 once the right is established'],
	['GET /kaart/XX28',                      '404 404 404 404 404 404 404 404 404 404', 'the provincie matcher rejects XX28: no such route'],
	[`GET /kiosk/${GELDIG}/kaart`,           'ok  ok  ok  ok  ok  ok  ok  ok  ok  ok ', 'the kiosk map: the token in the URL is the authorization'],
	[`GET /kiosk/${ONGELDIG}/kaart`,         '404 404 404 404 404 404 404 404 404 404', 'unknown token: not found for everyone']
];

interface Cel {
	route: string;
	rol: Rol;
	verwacht: Uitkomst;
	waarom: string;
}

const CELLEN: Cel[] = MATRIX.flatMap(([route, cellen, waarom]) => {
	const codes = cellen.trim().split(/\s+/);
	if (codes.length !== ROL_NAMEN.length) throw new Error(`Rij ${route}: ${codes.length} cellen`);
	return codes.map((c, i) => {
		const verwacht = CODES[c];
		if (!verwacht) throw new Error(`Rij ${route}: onbekende code ${c}`);
		return { route, rol: ROL_NAMEN[i]!, verwacht, waarom };
	});
});

let server: RunningServer;
const cookies = new Map<Rol, string>();
let kioskToken = '';
/** User ids by e-mail and the provincie's organisation id, read from the beheer page. */
const userIds = new Map<string, number>();
let provincieOrgId = 0;
/** Huurcontract ids by kenmerk (registered in beforeAll by the Den Haag official). */
const contracten = new Map<string, number>();
/** Herverdeling ids, attachment ids and the version each proposal is at, by name. */
const voorstellen = new Map<string, number>();
const bijlagen = new Map<string, number>();
const versies = new Map<number, number>();
/** Of the demo's next PRT meeting (id 2): an agendapunt and a stuk uploaded to it. */
let agendapuntId = 0;
let bijlageId = 0;
/** Daan Visser's actiepunt in the demo (owner: deelnemer). */
const DAAN_ACTIEPUNT = 3;
/** A small Word document: a ZIP whose entries put it under word/. */
const DOCX = Buffer.from('PK\u0003\u0004\u0014\u0000word/document.xml', 'latin1');

beforeAll(async () => {
	// The fixture boundaries are imported at start-up, so the map API has something to serve.
	server = await startServer({
		env: {
			GEO_GEMEENTEN_SOURCE: path_.resolve(
				import.meta.dirname,
				'../fixtures/geo/gemeenten_2026.geojson'
			)
		}
	});
	kioskToken = kioskTokenFromLogs(server.logs());
	for (const rol of ROL_NAMEN) {
		const email = ROLLEN[rol];
		if (email) cookies.set(rol, await login(server.url, email));
	}
	const beheer = await pageData(server.url, '/beheer/gebruikers', cookies.get('beheerder')!);
	for (const g of beheer.gebruikers as { id: number; email: string }[]) userIds.set(g.email, g.id);
	const orgs = beheer.organisaties as { id: number; type: string }[];
	provincieOrgId = orgs.find((o) => o.type === 'provincie')!.id;
	// One contract per cell that changes one: each allowed role acts on a contract of its own.
	const ambtenaar = cookies.get('ambtenaar-denhaag')!;
	for (const k of [
		'document',
		'accepteren',
		'afwijzen',
		'intrekken-amb',
		'intrekken-bes',
		'pv-acc',
		'pv-afw'
	]) {
		const r = await postHuurcontract(
			'/toezicht/gemeente/GM0518?/huurcontractRegistreren',
			ambtenaar,
			k
		);
		if (r.status !== 200) throw new Error(`Registreren ${k}: ${r.status} ${await r.text()}`);
		await r.arrayBuffer();
	}
	// The demo's next PRT meeting: running (for the shared-screen cells), with a stuk.
	const secretaris = cookies.get('secretaris')!;
	const start = await postForm(
		server.url,
		'/regietafels/1/vergaderingen/2?/starten',
		secretaris,
		{}
	);
	if (start.status !== 200) throw new Error(`Starten: ${start.status}`);
	const vergadering = await pageData(server.url, '/regietafels/1/vergaderingen/2', secretaris);
	agendapuntId = (vergadering.agenda as { id: number }[])[3]!.id;
	const stuk = await postBestand(
		`/regietafels/1/vergaderingen/2?/bijlage`,
		secretaris,
		{ agendapuntId: String(agendapuntId) },
		new Blob([DOCX]),
		'Notitie regio’s.docx'
	);
	if (stuk.status !== 200) throw new Error(`Stuk: ${stuk.status} ${await stuk.text()}`);
	const na = await pageData(server.url, '/regietafels/1/vergaderingen/2', secretaris);
	bijlageId = (na.agenda as { bijlagen: { bijlageId: number }[] }[])[3]!.bijlagen[0]!.bijlageId;
	const data = await pageData(server.url, '/toezicht/gemeente/GM0518', ambtenaar);
	for (const p of data.huurcontracten as { contracten: { id: number; kenmerk: string }[] }[]) {
		for (const c of p.contracten) contracten.set(c.kenmerk, c.id);
	}
	await maakHerverdelingen();
});

const VOORSTEL: [string, string][] = [
	['periode', '2026-II'],
	['motivatie', 'Matrixtest: Rijswijk neemt één vergunninghouder over van Den Haag.'],
	['gemeente', 'GM0518'],
	['wijziging', '-1'],
	['gemeente', 'GM0603'],
	['wijziging', '1']
];

/** Creates a proposal through the form (as the Den Haag official); answers its id. */
async function nieuwVoorstel(indienen: boolean): Promise<number> {
	const r = await postForm(
		server.url,
		`/herverdelingen/nieuw?/${indienen ? 'indienen' : 'opslaan'}`,
		cookies.get('ambtenaar-denhaag')!,
		VOORSTEL
	);
	await r.arrayBuffer();
	const m = /^\/herverdelingen\/(\d+)$/.exec(r.headers.get('location') ?? '');
	if (r.status !== 303 || !m) throw new Error(`Voorstel maken: ${r.status}`);
	return Number(m[1]);
}

async function huidigeVersie(id: number): Promise<number> {
	const d = await pageData(server.url, `/herverdelingen/${id}`, cookies.get('toezichthouder')!);
	return (d.herverdeling as { versie: number }).versie;
}

/** Uploads an attachment as the proposer; answers the new attachment's id. */
async function voegBijlageToe(id: number, naam: string): Promise<number> {
	const cookie = cookies.get('ambtenaar-denhaag')!;
	const r = await postBijlage(`/herverdelingen/${id}?/bijlage`, cookie, naam);
	await r.arrayBuffer();
	if (r.status !== 200) throw new Error(`Bijlage ${naam}: ${r.status}`);
	const d = await pageData(server.url, `/herverdelingen/${id}`, cookie);
	const b = (d.bijlagen as { bestandId: number; naam: string }[]).find((x) => x.naam === naam);
	if (!b) throw new Error(`Bijlage ${naam} niet gevonden`);
	return b.bestandId;
}

/** A PDF whose content names it, so that no two uploads are the same file. */
const pdfVan = (naam: string) => Buffer.from(`%PDF-1.4\n% ${naam}\n%%EOF\n`);

function postBijlage(
	path: string,
	cookie: string | null,
	naam: string,
	origin = server.url
): Promise<Response> {
	const form = new FormData();
	form.set('bestand', new Blob([pdfVan(naam)], { type: 'application/pdf' }), naam);
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin, ...(cookie ? { cookie } : {}) },
		body: form
	});
}

async function maakHerverdelingen() {
	const concepten = [
		'bekijk',
		'bewerken-toezichthouder',
		'bewerken-ambtenaar-denhaag',
		'indienen-toezichthouder',
		'indienen-ambtenaar-denhaag',
		'intrekken-toezichthouder',
		'intrekken-ambtenaar-denhaag',
		'bijlage',
		'download'
	];
	for (const naam of concepten) voorstellen.set(naam, await nieuwVoorstel(false));
	for (const naam of ['akkoord', 'afwijzen', 'verwerken', 'csrf']) {
		voorstellen.set(naam, await nieuwVoorstel(true));
	}
	for (const id of voorstellen.values()) versies.set(id, 1);
	// 'verwerken' is vastgesteld: both colleges agreed.
	const rijswijk = await login(server.url, 'bestuurder.rijswijk@regietafel.test');
	const verwerken = voorstellen.get('verwerken')!;
	for (const [cookie, gemeenteCode] of [
		[cookies.get('bestuurder-denhaag')!, 'GM0518'],
		[rijswijk, 'GM0603']
	] as const) {
		const r = await postForm(server.url, `/herverdelingen/${verwerken}?/akkoord`, cookie, {
			actie: 'akkoord',
			versie: String(await huidigeVersie(verwerken)),
			gemeenteCode,
			besluitDatum: '2026-11-17',
			kenmerk: `Matrix-${gemeenteCode}`
		});
		await r.arrayBuffer();
		if (r.status !== 200) throw new Error(`Akkoord ${gemeenteCode}: ${r.status}`);
	}
	versies.set(verwerken, await huidigeVersie(verwerken));
	const bijlage = voorstellen.get('bijlage')!;
	bijlagen.set('weg-toezichthouder', await voegBijlageToe(bijlage, 'weg-toezicht.pdf'));
	bijlagen.set('weg-ambtenaar-denhaag', await voegBijlageToe(bijlage, 'weg-ambtenaar.pdf'));
	bijlagen.set('download', await voegBijlageToe(voorstellen.get('download')!, 'Onderbouwing.pdf'));
}

/** The proposal (or attachment) a cell acts on: its own when it has one. */
const perRol = (lijst: Map<string, number>, naam: string, rol: Rol) =>
	lijst.get(`${naam}-${rol}`) ?? lijst.get(naam) ?? lijst.get(`${naam}-toezichthouder`);

function vulIn(path: string, rol: Rol): string {
	return path
		.replace(/<hv:([a-z-]+)>/g, (_, naam: string) => String(perRol(voorstellen, naam, rol)))
		.replace(/<bijlage:([a-z-]+)>/g, (_, naam: string) => String(perRol(bijlagen, naam, rol)));
}

/** Form fields of a herverdeling action: valid input, so an allowed request really succeeds. */
function herverdelingFormulier(path: string, rol: Rol): [string, string][] {
	if (path.startsWith('/herverdelingen/nieuw?/')) return VOORSTEL;
	const id = Number(/^\/herverdelingen\/(\d+)/.exec(path)![1]);
	const versie: [string, string] = ['versie', String(versies.get(id) ?? 1)];
	const actie = path.split('?/')[1]!;
	if (path.includes('/bewerken?/')) {
		return [
			...VOORSTEL.map(([k, v]): [string, string] => [k, v === '-1' ? '-2' : v === '1' ? '2' : v]),
			versie
		];
	}
	if (actie === 'akkoord') {
		return [
			versie,
			['actie', actie],
			['gemeenteCode', 'GM0518'],
			['besluitDatum', '2026-11-17'],
			['kenmerk', `Matrix-${rol}`]
		];
	}
	if (actie === 'afwijzen') {
		return [
			versie,
			['actie', actie],
			['gemeenteCode', 'GM0518'],
			['reden', `Matrixtest door ${rol}.`]
		];
	}
	if (actie === 'verwerken') {
		return [
			versie,
			['actie', actie],
			['geinformeerd', 'provincie'],
			['geinformeerd', 'bzk'],
			['geinformeerd', 'coa']
		];
	}
	if (actie === 'bijlageVerwijderen') {
		return [['bestandId', String(perRol(bijlagen, 'weg', rol))]];
	}
	return [versie, ['actie', actie]];
}

afterAll(async () => {
	await server?.stop();
});

/** Form fields for a POST cell: valid input, so an allowed request really succeeds. */
function formulier(path: string, rol: Rol): Record<string, string> {
	if (path.endsWith('?/mededeling')) return { tekst: `Matrixbericht van ${rol}` };
	if (path.endsWith('?/lidToevoegen')) {
		// Each allowed role adds someone else (a second add of the same person would fail).
		const wie =
			rol === 'beheerder'
				? 'ambtenaar.leiden@regietafel.test'
				: rol === 'secretaris'
					? 'ambtenaar.dordrecht@regietafel.test'
					: 'ambtenaar.rotterdam@regietafel.test';
		return { userId: String(userIds.get(wie)), rol: 'deelnemer' };
	}
	if (path.endsWith('/gebruikers?/nieuw')) {
		return {
			email: `matrix-${rol}@regietafel.test`,
			naam: `Matrix ${rol}`,
			functie: 'Testaccount',
			organisatieId: String(provincieOrgId),
			rol: 'medewerker',
			wachtwoord: 'Een-lang-testwachtwoord-2026'
		};
	}
	if (path.endsWith('/kiosk-links?/nieuw')) return { regietafelId: '2', naam: `Scherm ${rol}` };
	if (path.endsWith('?/besluit')) {
		// The demo's synthetic figures give a midpoint assessment of 2026-I for every gemeente.
		return {
			periode: '2026-I',
			kind: 'midpoint',
			trede: '1',
			motivatie: `Matrixtest: besluit door ${rol}, met motivatie.`
		};
	}
	const actie = (kenmerk: string, reden = '') => ({
		id: String(contracten.get(kenmerk)),
		versie: '1',
		reden
	});
	if (path.endsWith('?/huurcontractAccepteren')) return actie('accepteren');
	if (path.endsWith('?/huurcontractAfwijzen')) return actie('afwijzen', 'Matrixtest: onleesbaar.');
	if (path.endsWith('?/huurcontractIntrekken')) {
		return actie(rol === 'bestuurder-denhaag' ? 'intrekken-bes' : 'intrekken-amb');
	}
	if (path.endsWith('/huurcontracten?/accepteren')) return actie('pv-acc');
	if (path.endsWith('/huurcontracten?/afwijzen')) return actie('pv-afw', 'Matrixtest: onleesbaar.');
	if (path.includes('/beleid?/')) {
		// Valid input; only the toezichthouder gets through, so "no version yet" (0) is the basis.
		return {
			vanaf: '2027-I',
			drempel: '90',
			regelSoort: 'fractionOfOpgave',
			regelProcent: '70',
			huurcontractenOnlyWhenNeeded: 'on',
			toelichting: `Matrixtest: beleid door ${rol}`,
			basisVersie: '0'
		};
	}
	if (path.endsWith('?/vergaderingNieuw')) {
		return {
			datum: '2027-03-04',
			begintijd: '09:30',
			eindtijd: '11:30',
			locatie: `Vergaderzaal van ${rol}`,
			onlineLink: ''
		};
	}
	if (path.endsWith('?/aanhef')) return { aanhef: 'mevrouw' };
	if (path.endsWith('?/gast')) return { naam: `Gast van ${rol}`, functie: '', organisatie: '' };
	if (path.endsWith('?/afspraak')) {
		return {
			agendapuntId: String(agendapuntId),
			omschrijving: `Matrixtest: afspraak door ${rol}`,
			eigenaarUserId: '',
			eigenaarNaam: 'Jan de Corporatie',
			eigenaarOrganisatie: 'Woonstichting (fictief)',
			deadline: ''
		};
	}
	if (path.endsWith('?/huidig')) return { agendapuntId: String(agendapuntId) };
	if (path.endsWith('?/redacteurToevoegen') || path.endsWith('?/redacteurVerwijderen')) {
		return { userId: String(userIds.get(DEMO_EMAIL.voorzitter)) };
	}
	if (path.endsWith('?/opmerking')) {
		return { agendapuntId: '', tekst: `Matrixtest: opmerking van ${rol}` };
	}
	if (path.endsWith('?/beginstand')) {
		return { trede: '2', saldo: '-10', bron: `Matrixtest: toezichtbrief, vastgelegd door ${rol}` };
	}
	throw new Error(`Geen formulier voor ${path}`);
}

const IMPORTBESTAND: Record<string, { naam: string; velden: Record<string, string> }> = {
	realisatie: { naam: 'realisatie-2026-03.csv', velden: {} },
	taakstelling: { naam: 'taakstelling-2026-I.csv', velden: { periode: '2026-I' } }
};

/**
 * The import page's actions take a multipart form with the file (valid input, so an allowed
 * request succeeds). The kind is in the path (`&soort=…`) so that each row is one request;
 * a commit carries the preview's key (kind | parameters | sha256), computed here as the page does.
 */
function postImport(path: string, cookie: string | null): Promise<Response> {
	const url = new URL(path, server.url);
	const soort = url.searchParams.get('soort')!;
	const { naam, velden } = IMPORTBESTAND[soort]!;
	const inhoud = readFileSync(path_.join(FIXTURES, naam));
	const form = new FormData();
	form.set('soort', soort);
	for (const [k, v] of Object.entries(velden)) form.set(k, v);
	form.set('bestand', new Blob([inhoud], { type: 'text/csv' }), naam);
	const parameters = Object.entries(velden)
		.map(([k, v]) => `${k}=${v}`)
		.join(';');
	form.set(
		'sleutel',
		`${soort}|${parameters}|${createHash('sha256').update(inhoud).digest('hex')}`
	);
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, ...(cookie ? { cookie } : {}) },
		body: form
	});
}

/** Registers a huurcontract with a PDF, as the gemeente page's multipart form sends it. */
function postHuurcontract(
	path: string,
	cookie: string | null,
	kenmerk = 'matrix'
): Promise<Response> {
	const form = new FormData();
	form.set('datum', '2026-06-15');
	form.set('ingangsdatum', '2026-07-01');
	form.set('personen', '2');
	form.set('kenmerk', kenmerk);
	form.set('bestand', new Blob([PDF], { type: 'application/pdf' }), 'contract.pdf');
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, ...(cookie ? { cookie } : {}) },
		body: form
	});
}

/**
 * Form fields, with the current version for the versioned actions: each allowed role acts on
 * what it sees now, so an allowed request succeeds instead of being refused as stale.
 */
async function velden(path: string, rol: Rol): Promise<Record<string, string>> {
	const kijk = () =>
		pageData(server.url, '/regietafels/1/vergaderingen/2', cookies.get('secretaris')!);
	if (path.endsWith('?/volgorde')) {
		const d = await kijk();
		const ids = (d.agenda as { id: number }[]).map((p) => p.id);
		return {
			versie: String((d.vergadering as { versie: number }).versie),
			volgorde: [...ids.slice(1), ids[0]!].join(',')
		};
	}
	if (path.endsWith('?/actiepuntStatus') || path.endsWith('/actiepunten?/status')) {
		const d = await kijk();
		const a = (d.open as { id: number; versie: number; status: string }[]).find(
			(x) => x.id === DAAN_ACTIEPUNT
		)!;
		return {
			id: String(a.id),
			versie: String(a.versie),
			status: a.status === 'open' ? 'in-uitvoering' : 'open'
		};
	}
	if (path.endsWith('/verslag/versies?/cijfers')) {
		const d = await kijk();
		const svz = (d.agenda as { id: number; type: string }[]).find(
			(p) => p.type === 'stand-van-zaken'
		)!;
		return { agendapuntId: String(svz.id) };
	}
	return formulier(path, rol);
}

/** A multipart form with one file, as a page's upload form sends it. */
function postBestand(
	path: string,
	cookie: string | null,
	velden: Record<string, string>,
	bestand: Blob,
	naam: string
): Promise<Response> {
	const form = new FormData();
	for (const [k, v] of Object.entries(velden)) form.set(k, v);
	form.set('bestand', bestand, naam);
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, ...(cookie ? { cookie } : {}) },
		body: form
	});
}

function uitkomst(r: Response, path: string): string {
	const location = r.headers.get('location');
	if (r.status >= 200 && r.status < 300) return 'ok';
	if (r.status === 303 && location) {
		const doel = new URL(location, server.url);
		if (doel.pathname !== '/inloggen') return 'ok';
		const verwachtTerug = path === '/' ? null : path;
		return doel.searchParams.get('terug') === verwachtTerug
			? 'login'
			: `login met terug=${doel.searchParams.get('terug')}`;
	}
	if (r.status === 401) return 'niet-ingelogd';
	if (r.status === 403) return 'verboden';
	if (r.status === 404) return 'niet-gevonden';
	return `status ${r.status}${location ? ` → ${location}` : ''}`;
}

describe('rol × route over HTTP', () => {
	const tests = CELLEN.map((c) => [`${c.route} als ${c.rol} → ${c.verwacht}`, c] as const);
	it.each(tests)('%s', async (_naam, { route, rol, verwacht, waarom }) => {
		const [method, rawPath] = route.split(' ') as [string, string];
		const path = vulIn(
			rawPath
				.replace(GELDIG, kioskToken)
				.replace(CONTRACT, String(contracten.get('document')))
				.replace(STUK, String(bijlageId)),
			rol
		);
		const cookie = cookies.get(rol) ?? null;
		const r =
			method === 'POST' && path.startsWith('/herverdelingen') && path.endsWith('?/bijlage')
				? await postBijlage(path, cookie, `bijlage-${rol}.pdf`)
				: method === 'POST' && path.startsWith('/herverdelingen')
					? await postForm(server.url, path, cookie, herverdelingFormulier(path, rol))
					: method === 'POST' && path.includes('/import?/')
						? await postImport(path, cookie)
						: method === 'POST' && path.endsWith('?/huurcontractRegistreren')
							? await postHuurcontract(path, cookie, `matrix-${rol}`)
							: method === 'GET'
								? await fetch(`${server.url}${path}`, {
										redirect: 'manual',
										headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) }
									})
								: method === 'POST' && path.endsWith('?/bijlage')
									? await postBestand(
											path,
											cookie,
											{ agendapuntId: String(agendapuntId) },
											new Blob([PDF]),
											`stuk-${rol}.pdf`
										)
									: await postForm(server.url, path, cookie, await velden(path, rol));
		await r.arrayBuffer();
		expect(uitkomst(r, path), waarom).toBe(verwacht);
	});

	it('heeft voor elke rol een kolom en elke cel een test', () => {
		expect(CELLEN).toHaveLength(MATRIX.length * ROL_NAMEN.length);
	});
});

describe('huurcontract documents', () => {
	it('are served as an attachment with our content type, unsniffable, sandboxed, uncached', async () => {
		const id = contracten.get('document');
		const r = await fetch(`${server.url}/toezicht/gemeente/GM0518/huurcontracten/${id}/document`, {
			headers: { cookie: cookies.get('toezichthouder')! }
		});
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/pdf');
		expect(r.headers.get('content-disposition')).toBe(
			`attachment; filename="contract.pdf"; filename*=UTF-8''contract.pdf`
		);
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
		expect(r.headers.get('content-security-policy')).toBe('sandbox');
		expect(r.headers.get('cache-control')).toBe('private, no-store');
		expect(Buffer.from(await r.arrayBuffer()).equals(PDF)).toBe(true);
	});

	it('refuses a web page disguised as a PDF, in Dutch, and stores nothing', async () => {
		const ambtenaar = cookies.get('ambtenaar-denhaag')!;
		const tel = async () => {
			const data = await pageData(server.url, '/toezicht/gemeente/GM0518', ambtenaar);
			return (data.huurcontracten as { contracten: unknown[] }[]).flatMap((p) => p.contracten)
				.length;
		};
		const voor = await tel();
		const form = new FormData();
		form.set('datum', '2026-06-15');
		form.set('ingangsdatum', '2026-07-01');
		form.set('personen', '2');
		form.set(
			'bestand',
			new Blob(['<script>alert(1)</script>'], { type: 'application/pdf' }),
			'contract.pdf'
		);
		const r = await fetch(`${server.url}/toezicht/gemeente/GM0518?/huurcontractRegistreren`, {
			method: 'POST',
			headers: { accept: 'text/html', origin: server.url, cookie: ambtenaar },
			body: form
		});
		expect(r.status).toBe(400);
		expect(await r.text()).toContain('heet een PDF-bestand, maar de inhoud is dat niet');
		expect(await tel()).toBe(voor);
	});
});

describe('herverdeling attachments', () => {
	it('are served as an attachment with our content type, unsniffable, sandboxed, uncached', async () => {
		const id = voorstellen.get('download');
		const r = await fetch(
			`${server.url}/herverdelingen/${id}/bijlagen/${bijlagen.get('download')}`,
			{ headers: { cookie: cookies.get('bestuurder-denhaag')! } }
		);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/pdf');
		expect(r.headers.get('content-disposition')).toBe(
			`attachment; filename="Onderbouwing.pdf"; filename*=UTF-8''Onderbouwing.pdf`
		);
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
		expect(r.headers.get('content-security-policy')).toBe('sandbox');
		expect(r.headers.get('cache-control')).toBe('private, no-store');
		expect(Buffer.from(await r.arrayBuffer()).equals(pdfVan('Onderbouwing.pdf'))).toBe(true);
	});

	it('refuses a web page disguised as a PDF, in Dutch, and stores nothing', async () => {
		const ambtenaar = cookies.get('ambtenaar-denhaag')!;
		const id = voorstellen.get('download')!;
		const tel = async () =>
			((await pageData(server.url, `/herverdelingen/${id}`, ambtenaar)).bijlagen as unknown[])
				.length;
		const voor = await tel();
		const form = new FormData();
		form.set(
			'bestand',
			new Blob(['<script>alert(1)</script>'], { type: 'application/pdf' }),
			'besluit.pdf'
		);
		const r = await fetch(`${server.url}/herverdelingen/${id}?/bijlage`, {
			method: 'POST',
			headers: { accept: 'text/html', origin: server.url, cookie: ambtenaar },
			body: form
		});
		expect(r.status).toBe(400);
		expect(await r.text()).toContain('heet een PDF-bestand, maar de inhoud is dat niet');
		expect(await tel()).toBe(voor);
	});
});

describe('vergaderstukken en agenda-exports', () => {
	it('a stuk is a download with its own content type, unsniffable, sandboxed, uncached', async () => {
		const r = await fetch(`${server.url}/regietafels/1/vergaderingen/2/bijlagen/${bijlageId}`, {
			headers: { cookie: cookies.get('deelnemer')! }
		});
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
		expect(r.headers.get('content-disposition')).toBe(
			`attachment; filename="Notitie regio_s.docx"; filename*=UTF-8''Notitie%20regio%E2%80%99s.docx`
		);
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
		expect(r.headers.get('content-security-policy')).toBe('sandbox');
		expect(r.headers.get('cache-control')).toBe('private, no-store');
		expect(Buffer.from(await r.arrayBuffer()).equals(DOCX)).toBe(true);
	});

	it.each([
		[
			'pagina.pdf',
			'<html><script>alert(1)</script></html>',
			'heet een PDF-bestand, maar de inhoud is dat niet'
		],
		['kaart.png', '\x89PNG\r\n\x1a\n....', 'kan hier niet: kies een PDF-, Word- of Excel-bestand'],
		['script.html', '<html></html>', 'kan hier niet']
	])('refuses %s as a stuk, in Dutch, and stores nothing', async (naam, inhoud, tekst) => {
		const secretaris = cookies.get('secretaris')!;
		const tel = async () => {
			const d = await pageData(server.url, '/regietafels/1/vergaderingen/2', secretaris);
			return (d.agenda as { bijlagen: unknown[] }[]).flatMap((p) => p.bijlagen).length;
		};
		const voor = await tel();
		const r = await postBestand(
			'/regietafels/1/vergaderingen/2?/bijlage',
			secretaris,
			{ agendapuntId: String(agendapuntId) },
			new Blob([Buffer.from(inhoud, 'latin1')]),
			naam
		);
		expect(r.status).toBe(400);
		expect(await r.text()).toContain(tekst);
		expect(await tel()).toBe(voor);
	});

	it('meetings are served as iCalendar attachments with stable UIDs', async () => {
		const r = await fetch(`${server.url}/regietafels/1/vergaderingen.ics`, {
			headers: { cookie: cookies.get('coa')! }
		});
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(r.headers.get('content-disposition')).toMatch(
			/^attachment; filename="Vergaderingen Provinciale Regietafel Zuid-Holland.ics"/
		);
		const ics = await r.text();
		expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(ics).toContain(`\r\nUID:vergadering-2@localhost\r\n`);
		const een = await fetch(`${server.url}/regietafels/1/vergaderingen/2/vergadering.ics`, {
			headers: { cookie: cookies.get('coa')! }
		});
		const tekst = await een.text();
		expect(tekst.match(/BEGIN:VEVENT/g)).toHaveLength(1);
		expect(tekst).toContain('\r\nUID:vergadering-2@localhost\r\n');
	});
});

describe('CSRF', () => {
	it('weigert een formulieractie vanaf een vreemde Origin (403) en voert haar niet uit', async () => {
		const secretaris = cookies.get('secretaris')!;
		const tekst = 'Bericht via een vreemde site';
		const teksten = async () => {
			const data = await pageData(server.url, '/regietafels/1', secretaris);
			return (data.mededelingen as { tekst: string }[]).map((m) => m.tekst);
		};
		const vreemd = await postForm(
			server.url,
			'/regietafels/1?/mededeling',
			secretaris,
			{ tekst },
			{ origin: 'https://kwaadwillend.example' }
		);
		expect(vreemd.status).toBe(403);
		expect(await teksten()).not.toContain(tekst);
		// The same request from the site itself works: the refusal was about the Origin.
		const eigen = await postForm(server.url, '/regietafels/1?/mededeling', secretaris, { tekst });
		expect(eigen.status).toBe(200);
		expect(await teksten()).toContain(tekst);
	});

	it('weigert herverdelingsacties vanaf een vreemde Origin (403) en voert ze niet uit', async () => {
		const ambtenaar = cookies.get('ambtenaar-denhaag')!;
		const bestuurder = cookies.get('bestuurder-denhaag')!;
		const id = voorstellen.get('csrf')!;
		const vreemd = 'https://kwaadwillend.example';
		const aantal = async () =>
			((await pageData(server.url, '/herverdelingen', ambtenaar)).lijst as unknown[]).length;
		const stand = async () => {
			const d = await pageData(server.url, `/herverdelingen/${id}`, ambtenaar);
			return {
				reacties: (d.regels as { reactie: { status: string } }[]).map((r) => r.reactie.status),
				bijlagen: (d.bijlagen as unknown[]).length
			};
		};
		const voor = await aantal();
		const akkoord: [string, string][] = [
			['versie', '1'],
			['actie', 'akkoord'],
			['gemeenteCode', 'GM0518'],
			['besluitDatum', '2026-11-17'],
			['kenmerk', 'CSRF-1']
		];
		const antwoorden = [
			await postForm(server.url, '/herverdelingen/nieuw?/indienen', ambtenaar, VOORSTEL, {
				origin: vreemd
			}),
			await postForm(server.url, `/herverdelingen/${id}?/akkoord`, bestuurder, akkoord, {
				origin: vreemd
			}),
			await postBijlage(`/herverdelingen/${id}?/bijlage`, ambtenaar, 'csrf.pdf', vreemd)
		];
		for (const r of antwoorden) await r.arrayBuffer();
		expect(antwoorden.map((r) => r.status)).toEqual([403, 403, 403]);
		expect(await aantal()).toBe(voor);
		expect(await stand()).toEqual({ reacties: ['open', 'open'], bijlagen: 0 });
		// The same akkoord from the site itself works: the refusal was about the Origin.
		const eigen = await postForm(server.url, `/herverdelingen/${id}?/akkoord`, bestuurder, akkoord);
		await eigen.arrayBuffer();
		expect(eigen.status).toBe(200);
		expect((await stand()).reacties).toEqual(['akkoord', 'open']);
	});
});
