/** Dutch sentence for an audit entry on the home page ("Sanne Bakker plaatste een mededeling"). */
const ZINNEN: Record<string, string> = {
	'sessie/ingelogd': 'logde in',
	'sessie/uitgelogd': 'logde uit',
	'regietafel/mededeling-geplaatst': 'plaatste een mededeling',
	'regietafel/mededeling-verwijderd': 'verwijderde een mededeling',
	'regietafel/lid-toegevoegd': 'voegde een lid toe aan een regietafel',
	'regietafel/lid-rol-gewijzigd': 'wijzigde de rol van een lid',
	'regietafel/lid-verwijderd': 'verwijderde een lid van een regietafel',
	'gebruiker/aangemaakt': 'maakte een gebruiker aan',
	'gebruiker/gedeactiveerd': 'deactiveerde een gebruiker',
	'gebruiker/geactiveerd': 'activeerde een gebruiker',
	'gebruiker/wachtwoord-gewijzigd': 'wijzigde het wachtwoord',
	'kiosklink/aangemaakt': 'maakte een kiosklink aan',
	'kiosklink/ingetrokken': 'trok een kiosklink in',
	'demo-data/geladen': 'laadde de demodata',
	'huurcontract/geregistreerd': 'registreerde een huurcontract',
	'huurcontract/geaccepteerd': 'accepteerde een huurcontract',
	'huurcontract/afgewezen': 'wees een huurcontract af',
	'huurcontract/ingetrokken': 'trok een huurcontract in',
	'realtime-kamer/toegang-geweigerd': 'kreeg geen toegang tot een live-kamer'
};

export function activiteitZin(entity: string, action: string): string {
	return ZINNEN[`${entity}/${action}`] ?? `${action} (${entity})`;
}
