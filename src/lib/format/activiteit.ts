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
	'realtime-kamer/toegang-geweigerd': 'kreeg geen toegang tot een live-kamer',
	'herverdeling/aangemaakt': 'maakte een herverdelingsvoorstel aan',
	'herverdeling/ingediend': 'diende een herverdelingsvoorstel in',
	'herverdeling/indienen': 'diende een herverdelingsvoorstel in',
	'herverdeling/bewerken': 'wijzigde een herverdelingsvoorstel',
	'herverdeling/akkoord': 'gaf akkoord op een herverdelingsvoorstel',
	'herverdeling/vastgesteld': 'gaf het laatste akkoord: herverdeling vastgesteld',
	'herverdeling/afwijzen': 'wees een herverdelingsvoorstel af',
	'herverdeling/intrekken': 'trok een herverdelingsvoorstel in',
	'herverdeling/verwerken': 'verwerkte een herverdeling in het toezicht',
	'herverdeling/bijlage-toegevoegd': 'voegde een bijlage toe aan een herverdelingsvoorstel',
	'herverdeling/bijlage-verwijderd': 'verwijderde een bijlage van een herverdelingsvoorstel',
	'vergadering/gepland': 'plande een vergadering',
	'vergadering/gegevens-gewijzigd': 'wijzigde datum, tijd of plaats van een vergadering',
	'vergadering/agendapunt-toegevoegd': 'voegde een agendapunt toe',
	'vergadering/agendapunt-gewijzigd': 'wijzigde een agendapunt',
	'vergadering/agendapunt-verwijderd': 'verwijderde een agendapunt',
	'vergadering/agenda-herordend': 'wijzigde de volgorde van een agenda',
	'vergadering/bijlage-toegevoegd': 'voegde een vergaderstuk toe',
	'vergadering/bijlage-verwijderd': 'verwijderde een vergaderstuk',
	'vergadering/aanwezigheid-geregistreerd': 'registreerde aanwezigheid bij een vergadering',
	'vergadering/genodigden-bijgewerkt': 'nodigde nieuwe leden uit voor een vergadering',
	'vergadering/gast-toegevoegd': 'voegde een gast toe aan een vergadering',
	'vergadering/gast-verwijderd': 'verwijderde een gast van een vergadering',
	'vergadering/gestart': 'startte een vergadering',
	'vergadering/afgerond': 'rondde een vergadering af',
	'vergadering/huidig-agendapunt': 'zette een agendapunt op het gedeelde scherm',
	'actiepunt/vastgelegd': 'legde een afspraak vast als actiepunt',
	'actiepunt/status-gewijzigd': 'wijzigde de status van een actiepunt'
};

export function activiteitZin(entity: string, action: string): string {
	if (entity === 'herverdeling' && action.startsWith('geweigerd')) {
		return 'kreeg een weigering bij een herverdelingsvoorstel';
	}
	return ZINNEN[`${entity}/${action}`] ?? `${action} (${entity})`;
}
