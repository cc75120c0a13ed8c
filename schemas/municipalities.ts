/**
 * Latvia's 43 municipalities since the 2021 reform (7 state cities and 36
 * municipalities, Varakļāni restored in 2022): the fixed list a declared
 * address is chosen from. Ids are stable ASCII slugs; names are official.
 */
export const municipalities = {
  riga: 'Rīgas valstspilsēta',
  daugavpils: 'Daugavpils valstspilsēta',
  jelgava: 'Jelgavas valstspilsēta',
  jurmala: 'Jūrmalas valstspilsēta',
  liepaja: 'Liepājas valstspilsēta',
  rezekne: 'Rēzeknes valstspilsēta',
  ventspils: 'Ventspils valstspilsēta',
  'aizkraukles-novads': 'Aizkraukles novads',
  'aluksnes-novads': 'Alūksnes novads',
  'augsdaugavas-novads': 'Augšdaugavas novads',
  'adazu-novads': 'Ādažu novads',
  'balvu-novads': 'Balvu novads',
  'bauskas-novads': 'Bauskas novads',
  'cesu-novads': 'Cēsu novads',
  'dienvidkurzemes-novads': 'Dienvidkurzemes novads',
  'dobeles-novads': 'Dobeles novads',
  'gulbenes-novads': 'Gulbenes novads',
  'jelgavas-novads': 'Jelgavas novads',
  'jekabpils-novads': 'Jēkabpils novads',
  'kraslavas-novads': 'Krāslavas novads',
  'kuldigas-novads': 'Kuldīgas novads',
  'kekavas-novads': 'Ķekavas novads',
  'limbazu-novads': 'Limbažu novads',
  'livanu-novads': 'Līvānu novads',
  'ludzas-novads': 'Ludzas novads',
  'madonas-novads': 'Madonas novads',
  'marupes-novads': 'Mārupes novads',
  'ogres-novads': 'Ogres novads',
  'olaines-novads': 'Olaines novads',
  'preilu-novads': 'Preiļu novads',
  'rezeknes-novads': 'Rēzeknes novads',
  'ropazu-novads': 'Ropažu novads',
  'salaspils-novads': 'Salaspils novads',
  'saldus-novads': 'Saldus novads',
  'saulkrastu-novads': 'Saulkrastu novads',
  'siguldas-novads': 'Siguldas novads',
  'smiltenes-novads': 'Smiltenes novads',
  'talsu-novads': 'Talsu novads',
  'tukuma-novads': 'Tukuma novads',
  'valkas-novads': 'Valkas novads',
  'valmieras-novads': 'Valmieras novads',
  'varaklanu-novads': 'Varakļānu novads',
  'ventspils-novads': 'Ventspils novads',
} as const;

export type MunicipalityId = keyof typeof municipalities;
export const municipalityIds = Object.keys(municipalities) as [MunicipalityId, ...MunicipalityId[]];
