/**
 * The agency's services and their tracks, with their names in Latvian and
 * English. Service and track ids are the vocabulary shared by forms, storage,
 * e-mails and (later) the public catalogue.
 */
export type Localised = { readonly lv: string; readonly en: string };

export const serviceIds = [
  'social-rehabilitation',
  'vocational-suitability',
  'vocational-rehabilitation',
  'driving-training',
  'vehicle-adaptation',
  'early-intervention',
  'coordinated-services',
] as const;
export type ServiceId = (typeof serviceIds)[number];

export const serviceNames: Record<ServiceId, Localised> = {
  'social-rehabilitation': { lv: 'Sociālā rehabilitācija', en: 'Social rehabilitation' },
  'vocational-suitability': { lv: 'Profesionālās piemērotības noteikšana', en: 'Vocational suitability assessment' },
  'vocational-rehabilitation': { lv: 'Profesionālā rehabilitācija', en: 'Vocational rehabilitation' },
  'driving-training': { lv: 'B kategorijas transportlīdzekļa vadīšanas apmācība', en: 'Category B driving training' },
  'vehicle-adaptation': { lv: 'Transportlīdzekļa pielāgošana', en: 'Vehicle adaptation' },
  'early-intervention': {
    lv: 'Agrīnās intervences profesionālā rehabilitācija',
    en: 'Early-intervention vocational rehabilitation',
  },
  'coordinated-services': { lv: 'Koordinētie sociālie pakalpojumi', en: 'Coordinated social services' },
};

export const socialRehabilitationTracks = [
  'functional-impairment',
  'after-medical-rehabilitation',
  'predicted-disability',
  'politically-repressed',
  'chernobyl',
  'soldiers-and-officers',
] as const;
export type SocialRehabilitationTrack = (typeof socialRehabilitationTracks)[number];

export interface TrackInfo {
  readonly name: Localised;
  /** Course length in days (domain doc). */
  readonly courseDays: number;
  /** Only a referring organisation may file this track, never a citizen form. */
  readonly referralOnly: boolean;
}

export const socialRehabilitationTrackInfo: Record<SocialRehabilitationTrack, TrackInfo> = {
  'functional-impairment': {
    name: { lv: 'Personas ar funkcionēšanas ierobežojumiem', en: 'People with functional impairments' },
    courseDays: 14,
    referralOnly: false,
  },
  'after-medical-rehabilitation': {
    name: { lv: 'Pēc medicīniskās rehabilitācijas', en: 'After medical rehabilitation' },
    courseDays: 14,
    referralOnly: false,
  },
  'predicted-disability': {
    name: { lv: 'Personas ar prognozējamu invaliditāti', en: 'People with a predicted disability' },
    courseDays: 14,
    referralOnly: false,
  },
  'politically-repressed': {
    name: {
      lv: 'Politiski represētās personas un nacionālās pretošanās kustības dalībnieki',
      en: 'Politically repressed persons and national resistance movement participants',
    },
    courseDays: 21,
    referralOnly: false,
  },
  chernobyl: {
    name: { lv: 'Černobiļas AES avārijas seku likvidētāji un cietušie', en: 'Chernobyl clean-up participants and affected persons' },
    courseDays: 21,
    referralOnly: false,
  },
  'soldiers-and-officers': {
    name: { lv: 'Karavīri un amatpersonas ar speciālajām dienesta pakāpēm', en: 'Soldiers and officers with special service ranks' },
    courseDays: 10,
    referralOnly: true,
  },
};
