/**
 * Facts for the demo: the 50 gemeenten of Provincie Zuid-Holland in the CBS gebiedsindeling
 * 2026 (codes and names as CBS publishes them) and the veiligheidsregio each belongs to.
 * No figures here; figures in the demo are synthetic and labelled as such.
 */
export const PROVINCIES = [
	{ code: 'PV20', naam: 'Groningen' },
	{ code: 'PV21', naam: 'Fryslân' },
	{ code: 'PV22', naam: 'Drenthe' },
	{ code: 'PV23', naam: 'Overijssel' },
	{ code: 'PV24', naam: 'Flevoland' },
	{ code: 'PV25', naam: 'Gelderland' },
	{ code: 'PV26', naam: 'Utrecht' },
	{ code: 'PV27', naam: 'Noord-Holland' },
	{ code: 'PV28', naam: 'Zuid-Holland' },
	{ code: 'PV29', naam: 'Zeeland' },
	{ code: 'PV30', naam: 'Noord-Brabant' },
	{ code: 'PV31', naam: 'Limburg' }
] as const;

export const DEMO_JAAR = 2026;

export const VEILIGHEIDSREGIOS = [
	{ code: 'VR15', naam: 'Haaglanden' },
	{ code: 'VR16', naam: 'Hollands Midden' },
	{ code: 'VR17', naam: 'Rotterdam-Rijnmond' },
	{ code: 'VR18', naam: 'Zuid-Holland-Zuid' }
] as const;
export type VrCode = (typeof VEILIGHEIDSREGIOS)[number]['code'];

export const ZUID_HOLLAND_GEMEENTEN: readonly { code: string; naam: string; vr: VrCode }[] = [
	{ code: 'GM0503', naam: 'Delft', vr: 'VR15' },
	{ code: 'GM0518', naam: "'s-Gravenhage", vr: 'VR15' },
	{ code: 'GM1916', naam: 'Leidschendam-Voorburg', vr: 'VR15' },
	{ code: 'GM1842', naam: 'Midden-Delfland', vr: 'VR15' },
	{ code: 'GM1926', naam: 'Pijnacker-Nootdorp', vr: 'VR15' },
	{ code: 'GM0603', naam: 'Rijswijk (ZH.)', vr: 'VR15' },
	{ code: 'GM0629', naam: 'Wassenaar', vr: 'VR15' },
	{ code: 'GM1783', naam: 'Westland', vr: 'VR15' },
	{ code: 'GM0637', naam: 'Zoetermeer', vr: 'VR15' },
	{ code: 'GM0484', naam: 'Alphen aan den Rijn', vr: 'VR16' },
	{ code: 'GM1901', naam: 'Bodegraven-Reeuwijk', vr: 'VR16' },
	{ code: 'GM0513', naam: 'Gouda', vr: 'VR16' },
	{ code: 'GM0534', naam: 'Hillegom', vr: 'VR16' },
	{ code: 'GM1884', naam: 'Kaag en Braassem', vr: 'VR16' },
	{ code: 'GM0537', naam: 'Katwijk', vr: 'VR16' },
	{ code: 'GM1931', naam: 'Krimpenerwaard', vr: 'VR16' },
	{ code: 'GM0546', naam: 'Leiden', vr: 'VR16' },
	{ code: 'GM0547', naam: 'Leiderdorp', vr: 'VR16' },
	{ code: 'GM0553', naam: 'Lisse', vr: 'VR16' },
	{ code: 'GM0569', naam: 'Nieuwkoop', vr: 'VR16' },
	{ code: 'GM0575', naam: 'Noordwijk', vr: 'VR16' },
	{ code: 'GM0579', naam: 'Oegstgeest', vr: 'VR16' },
	{ code: 'GM1525', naam: 'Teylingen', vr: 'VR16' },
	{ code: 'GM0626', naam: 'Voorschoten', vr: 'VR16' },
	{ code: 'GM0627', naam: 'Waddinxveen', vr: 'VR16' },
	{ code: 'GM0638', naam: 'Zoeterwoude', vr: 'VR16' },
	{ code: 'GM1892', naam: 'Zuidplas', vr: 'VR16' },
	{ code: 'GM0613', naam: 'Albrandswaard', vr: 'VR17' },
	{ code: 'GM0489', naam: 'Barendrecht', vr: 'VR17' },
	{ code: 'GM0502', naam: 'Capelle aan den IJssel', vr: 'VR17' },
	{ code: 'GM1924', naam: 'Goeree-Overflakkee', vr: 'VR17' },
	{ code: 'GM0542', naam: 'Krimpen aan den IJssel', vr: 'VR17' },
	{ code: 'GM1621', naam: 'Lansingerland', vr: 'VR17' },
	{ code: 'GM0556', naam: 'Maassluis', vr: 'VR17' },
	{ code: 'GM1930', naam: 'Nissewaard', vr: 'VR17' },
	{ code: 'GM0597', naam: 'Ridderkerk', vr: 'VR17' },
	{ code: 'GM0599', naam: 'Rotterdam', vr: 'VR17' },
	{ code: 'GM0606', naam: 'Schiedam', vr: 'VR17' },
	{ code: 'GM0622', naam: 'Vlaardingen', vr: 'VR17' },
	{ code: 'GM1992', naam: 'Voorne aan Zee', vr: 'VR17' },
	{ code: 'GM0482', naam: 'Alblasserdam', vr: 'VR18' },
	{ code: 'GM0505', naam: 'Dordrecht', vr: 'VR18' },
	{ code: 'GM0512', naam: 'Gorinchem', vr: 'VR18' },
	{ code: 'GM0523', naam: 'Hardinxveld-Giessendam', vr: 'VR18' },
	{ code: 'GM0531', naam: 'Hendrik-Ido-Ambacht', vr: 'VR18' },
	{ code: 'GM1963', naam: 'Hoeksche Waard', vr: 'VR18' },
	{ code: 'GM1978', naam: 'Molenlanden', vr: 'VR18' },
	{ code: 'GM0590', naam: 'Papendrecht', vr: 'VR18' },
	{ code: 'GM0610', naam: 'Sliedrecht', vr: 'VR18' },
	{ code: 'GM0642', naam: 'Zwijndrecht', vr: 'VR18' }
];
