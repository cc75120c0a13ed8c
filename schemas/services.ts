/**
 * The agency's services and their tracks (docs/domain.md, services A–G): names,
 * descriptions, who may file each track and the evidence it needs, in Latvian
 * and English. One registry feeds the forms, the eligibility rules, e-mails,
 * the public catalogue and the OpenAPI document.
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

/** Organisations that refer clients; each signs in with the workforce role of the same name. */
export const referrerKinds = ['social-service', 'nva', 'medical-institution', 'armed-forces'] as const;
export type ReferrerKind = (typeof referrerKinds)[number];

/** Who may file an application on a track: the person (or their representative) or a referring organisation. */
export type FiledBy = 'citizen' | ReferrerKind;

export const referrerNames: Record<ReferrerKind, Localised> = {
  'social-service': { lv: 'Pašvaldības sociālais dienests', en: 'Municipal social service' },
  nva: { lv: 'Nodarbinātības valsts aģentūra (NVA)', en: 'State Employment Agency (NVA)' },
  'medical-institution': { lv: 'Ārstniecības iestāde', en: 'Medical institution' },
  'armed-forces': {
    lv: 'Nacionālie bruņotie spēki vai Iekšlietu ministrijas dienests',
    en: 'National Armed Forces or an Interior Ministry service',
  },
};

/** Documents an applicant may be asked for; tracks list them by id. */
export const evidenceDocuments = {
  'functioning-self-assessment': {
    lv: 'Funkcionēšanas pašnovērtējuma anketa',
    en: 'Functioning self-assessment questionnaire',
  },
  'discharge-summary': {
    lv: 'Izraksts pēc medicīniskās rehabilitācijas ar ieteikumu sociālajai rehabilitācijai un SFK kodiem',
    en: 'Discharge summary after medical rehabilitation recommending social rehabilitation, with ICF codes',
  },
  'vdeavk-opinion': {
    lv: 'VDEĀVK atzinums par prognozējamu invaliditāti',
    en: 'VDEĀVK opinion on a predicted disability',
  },
  'rehabilitation-plan': { lv: 'Individuālais rehabilitācijas plāns', en: 'Individual rehabilitation plan' },
  'status-certificate': {
    lv: 'Politiski represētās personas vai nacionālās pretošanās kustības dalībnieka apliecība',
    en: 'Politically repressed person or national resistance movement participant certificate',
  },
  'chernobyl-certificate': { lv: 'ČAES avārijas seku likvidētāja vai cietušā apliecība', en: 'Chernobyl clean-up participant or affected person certificate' },
  'service-referral': { lv: 'Dienesta nosūtījums', en: 'Referral from the service' },
  'disability-certificate': { lv: 'Invaliditātes apliecība', en: 'Disability certificate' },
  'mental-disorder-statement': { lv: 'Psihiatra atzinums par psihisku traucējumu', en: "Psychiatrist's statement on a mental disorder" },
  'nva-referral': { lv: 'NVA nosūtījums', en: 'Referral from the NVA' },
  'vdeavk-statement': { lv: 'VDEĀVK atzinums', en: 'VDEĀVK statement' },
  'gp-opinion': {
    lv: 'Ģimenes ārsta atzinums (ne vecāks par 1 mēnesi)',
    en: "GP's opinion (not older than 1 month)",
  },
  'education-document': { lv: 'Izglītību apliecinošs dokuments', en: 'Certificate of education' },
  'suitability-assessment': {
    lv: 'Profesionālās piemērotības noteikšanas slēdziens',
    en: 'Vocational suitability assessment result',
  },
  'medical-no-contraindication': {
    lv: 'Ārsta izziņa, ka nav medicīnisku kontrindikāciju transportlīdzekļa vadīšanai',
    en: "Doctor's certificate of no medical contraindication to driving",
  },
  'vdeavk-vehicle-certificate': {
    lv: 'VDEĀVK izziņa par medicīniskām indikācijām speciāli pielāgota transportlīdzekļa nepieciešamībai',
    en: 'VDEĀVK certificate of the need for a specially adapted vehicle',
  },
  'driving-licence': { lv: 'Transportlīdzekļa vadītāja apliecība', en: 'Driving licence' },
  'vehicle-registration': { lv: 'Transportlīdzekļa reģistrācijas apliecība', en: 'Vehicle registration certificate' },
  'owner-consent': {
    lv: 'Īpašnieka vai līzinga kompānijas piekrišana (ja neesat īpašnieks)',
    en: "The owner's or leasing company's consent (when you are not the owner)",
  },
  'medical-referral': {
    lv: 'Ārstniecības iestādes nosūtījums ar akūtā notikuma datumu un SFK kodiem',
    en: "The medical institution's referral with the date of the acute event and ICF codes",
  },
  'social-service-assessment': {
    lv: 'Sociālā dienesta lēmums un sociālā darba speciālista izvērtējums',
    en: "The social service's decision and the social worker's assessment",
  },
} as const satisfies Record<string, Localised>;
export type EvidenceDocumentId = keyof typeof evidenceDocuments;

export interface TrackInfo {
  readonly name: Localised;
  /** Course length in days, where the service has a fixed one (docs/domain.md). */
  readonly courseDays?: number;
  readonly filedBy: readonly FiledBy[];
  readonly evidence: readonly EvidenceDocumentId[];
}

export interface ServiceInfo<Track extends string = string> {
  readonly name: Localised;
  readonly description: Localised;
  readonly legalBasis: string;
  readonly tracks: Readonly<Record<Track, TrackInfo>>;
}

const socialRehabilitationFiling: readonly FiledBy[] = ['citizen', 'social-service'];

// Data table, not logic (issue 14's copy check): the services, their tracks, filers and evidence (docs/domain.md);
// tracks look alike because each is the same record shape.
export const services = {
  'social-rehabilitation': {
    name: { lv: 'Sociālā rehabilitācija', en: 'Social rehabilitation' },
    description: {
      lv: 'Sociālās rehabilitācijas kurss SIVA centrā Jūrmalā ar izmitināšanu un ēdināšanu, lai atjaunotu vai uzlabotu sociālās funkcionēšanas spējas.',
      en: "A social rehabilitation course at SIVA's centre in Jūrmala, with board and lodging, to restore or improve social functioning.",
    },
    legalBasis: 'MK noteikumi Nr. 578 (03.12.2019)',
    tracks: {
      'functional-impairment': {
        name: { lv: 'Personas ar funkcionēšanas ierobežojumiem', en: 'People with functional impairments' },
        courseDays: 14,
        filedBy: socialRehabilitationFiling,
        evidence: ['functioning-self-assessment'],
      },
      'after-medical-rehabilitation': {
        name: { lv: 'Pēc medicīniskās rehabilitācijas', en: 'After medical rehabilitation' },
        courseDays: 14,
        filedBy: socialRehabilitationFiling,
        evidence: ['discharge-summary'],
      },
      'predicted-disability': {
        name: { lv: 'Personas ar prognozējamu invaliditāti', en: 'People with a predicted disability' },
        courseDays: 14,
        filedBy: socialRehabilitationFiling,
        evidence: ['vdeavk-opinion', 'rehabilitation-plan'],
      },
      'politically-repressed': {
        name: {
          lv: 'Politiski represētās personas un nacionālās pretošanās kustības dalībnieki',
          en: 'Politically repressed persons and national resistance movement participants',
        },
        courseDays: 21,
        filedBy: socialRehabilitationFiling,
        evidence: ['status-certificate'],
      },
      chernobyl: {
        name: {
          lv: 'Černobiļas AES avārijas seku likvidētāji un cietušie',
          en: 'Chernobyl clean-up participants and affected persons',
        },
        courseDays: 21,
        filedBy: socialRehabilitationFiling,
        evidence: ['chernobyl-certificate'],
      },
      'soldiers-and-officers': {
        name: {
          lv: 'Karavīri un amatpersonas ar speciālajām dienesta pakāpēm',
          en: 'Soldiers and officers with special service ranks',
        },
        courseDays: 10,
        filedBy: ['armed-forces'],
        evidence: ['service-referral'],
      },
    },
  },
  'vocational-suitability': {
    name: { lv: 'Profesionālās piemērotības noteikšana', en: 'Vocational suitability assessment' },
    description: {
      lv: 'Bez maksas izvērtējam, kura profesija un mācību programma jums piemērota. Klātienē vai attālināti; vajadzības gadījumā ar ēdināšanu un dienesta viesnīcu.',
      en: 'A free assessment of which occupation and study programme suit you, in person or remotely, with board and a dormitory if you need them.',
    },
    legalBasis: 'MK noteikumi Nr. 682 (02.11.2022)',
    tracks: {
      disability: {
        name: { lv: 'Personas ar invaliditāti', en: 'People with a disability' },
        filedBy: ['citizen'],
        evidence: ['disability-certificate'],
      },
      'predicted-disability': {
        name: { lv: 'Personas ar prognozējamu invaliditāti', en: 'People with a predicted disability' },
        filedBy: ['citizen'],
        evidence: ['vdeavk-opinion'],
      },
      'mental-disorder': {
        name: { lv: 'Personas ar psihiskiem traucējumiem', en: 'People with a mental disorder' },
        filedBy: ['citizen'],
        evidence: ['mental-disorder-statement'],
      },
      'unemployed-nva': {
        name: { lv: 'Bezdarbnieki ar invaliditāti (NVA nosūtījums)', en: 'Unemployed people with a disability (NVA referral)' },
        filedBy: ['nva'],
        evidence: ['nva-referral', 'disability-certificate'],
      },
    },
  },
  'vocational-rehabilitation': {
    name: { lv: 'Profesionālā rehabilitācija', en: 'Vocational rehabilitation' },
    description: {
      lv: 'Mācības Jūrmalas profesionālajā vidusskolā vai SIVA koledžā kopā ar individuālu sociālo rehabilitāciju un 6 mēnešu karjeras atbalstu pēc absolvēšanas. Vispirms jānosaka profesionālā piemērotība (izņemot surdotulka programmu un maksas studijas).',
      en: 'Study at Jūrmala Vocational Secondary School or SIVA College with individual social rehabilitation and 6 months of career support after graduating. A suitability assessment comes first (except for the sign-language interpreter programme and paid studies).',
    },
    legalBasis: 'MK noteikumi Nr. 682 (02.11.2022)',
    tracks: {
      'vocational-school': {
        name: { lv: 'Jūrmalas profesionālā vidusskola', en: 'Jūrmala Vocational Secondary School' },
        filedBy: ['citizen'],
        evidence: ['disability-certificate', 'vdeavk-statement', 'rehabilitation-plan', 'gp-opinion', 'education-document', 'suitability-assessment'],
      },
      college: {
        name: { lv: 'SIVA koledža', en: 'SIVA College' },
        filedBy: ['citizen'],
        evidence: ['disability-certificate', 'vdeavk-statement', 'rehabilitation-plan', 'gp-opinion', 'education-document', 'suitability-assessment'],
      },
    },
  },
  'driving-training': {
    name: { lv: 'B kategorijas transportlīdzekļa vadīšanas apmācība', en: 'Category B driving training' },
    description: {
      lv: 'Autovadītāja apmācība profesionālās rehabilitācijas klientiem, kuriem nav medicīnisku kontrindikāciju.',
      en: 'Driving lessons for vocational rehabilitation clients with no medical contraindication.',
    },
    legalBasis: 'MK noteikumi Nr. 682 (02.11.2022)',
    tracks: {
      'category-b': {
        name: { lv: 'B kategorija', en: 'Category B' },
        filedBy: ['citizen'],
        evidence: ['medical-no-contraindication'],
      },
    },
  },
  'vehicle-adaptation': {
    name: { lv: 'Transportlīdzekļa pielāgošana', en: 'Vehicle adaptation' },
    description: {
      lv: 'Automašīnas pielāgošana personai ar invaliditāti: valsts apmaksāta ar VDEĀVK izziņu vai kā maksas pakalpojums ikvienam.',
      en: 'Adapting a car for a person with a disability: state-funded with a VDEĀVK certificate, or as a paid service for anyone.',
    },
    legalBasis: 'MK noteikumi Nr. 878 (tehniskie palīglīdzekļi); maksas pakalpojumi — MK noteikumi Nr. 1002',
    tracks: {
      'state-funded': {
        name: { lv: 'Valsts apmaksāta pielāgošana', en: 'State-funded adaptation' },
        filedBy: ['citizen'],
        evidence: ['vdeavk-vehicle-certificate', 'disability-certificate', 'driving-licence', 'vehicle-registration', 'owner-consent'],
      },
      paid: {
        name: { lv: 'Maksas pakalpojums', en: 'Paid service' },
        filedBy: ['citizen'],
        evidence: ['driving-licence', 'vehicle-registration', 'owner-consent'],
      },
    },
  },
  'early-intervention': {
    name: {
      lv: 'Agrīnās intervences profesionālā rehabilitācija',
      en: 'Early-intervention vocational rehabilitation',
    },
    description: {
      lv: 'Tūlīt pēc medicīniskās rehabilitācijas izvērtējam darbspējas un palīdzam atgriezties darbā (Ceļa karte) vai sākt mācības. Svarīgākie ir pirmie seši mēneši pēc akūtā notikuma.',
      en: 'Right after medical rehabilitation we assess your capacity to work and help you return to work (a Ceļa karte road map) or start studying. The first six months after the acute event matter most.',
    },
    legalBasis: 'Profesionālās rehabilitācijas standarts (RAITI pilotprojekts)',
    tracks: {
      'after-acute-event': {
        name: { lv: 'Pēc akūta saslimšanas notikuma', en: 'After an acute illness event' },
        filedBy: ['citizen', 'medical-institution'],
        evidence: ['medical-referral'],
      },
    },
  },
  'coordinated-services': {
    name: { lv: 'Koordinētie sociālie pakalpojumi', en: 'Coordinated social services' },
    description: {
      lv: 'Pakalpojumi, par kuriem lemj SIVA un kurus sniedz citi: sociālā rehabilitācija atkarīgām personām un cilvēku tirdzniecības upuriem, ilgstoša sociālā aprūpe. Tikai ar pašvaldības sociālā dienesta nosūtījumu.',
      en: 'Services SIVA decides on and others deliver: social rehabilitation for people with addictions and for victims of human trafficking, and long-term social care. By referral from a municipal social service only.',
    },
    legalBasis: 'Sociālo pakalpojumu un sociālās palīdzības likums',
    tracks: {
      'addiction-children': {
        name: { lv: 'Bērni ar atkarību', en: 'Children with an addiction' },
        filedBy: ['social-service'],
        evidence: ['social-service-assessment'],
      },
      'addiction-adults': {
        name: { lv: 'Pilngadīgas personas ar atkarību', en: 'Adults with an addiction' },
        filedBy: ['social-service'],
        evidence: ['social-service-assessment'],
      },
      'trafficking-victims': {
        name: { lv: 'Cilvēku tirdzniecības upuri', en: 'Victims of human trafficking' },
        filedBy: ['social-service'],
        evidence: ['social-service-assessment'],
      },
      'long-term-care-children': {
        name: { lv: 'Ilgstoša sociālā aprūpe bērniem', en: 'Long-term social care for children' },
        filedBy: ['social-service'],
        evidence: ['social-service-assessment'],
      },
      'long-term-care-mental-disorders': {
        name: {
          lv: 'Ilgstoša sociālā aprūpe pilngadīgām personām ar smagiem garīga rakstura traucējumiem',
          en: 'Long-term social care for adults with severe mental disorders',
        },
        filedBy: ['social-service'],
        evidence: ['social-service-assessment'],
      },
      'long-term-care-blind-adults': {
        name: { lv: 'Ilgstoša sociālā aprūpe neredzīgām pilngadīgām personām', en: 'Long-term social care for blind adults' },
        filedBy: ['social-service'],
        evidence: ['social-service-assessment'],
      },
    },
  },
} as const satisfies Record<ServiceId, ServiceInfo>;

export type TrackOf<S extends ServiceId> = keyof (typeof services)[S]['tracks'] & string;

export const trackIds = <S extends ServiceId>(serviceId: S): TrackOf<S>[] => Object.keys(services[serviceId].tracks) as TrackOf<S>[];

/** The track's registry entry, or undefined for an unknown pair (stored data from an older version, a typo in a URL). */
export const trackInfo = (serviceId: ServiceId, track: string): TrackInfo | undefined =>
  (services[serviceId].tracks as Record<string, TrackInfo>)[track];

export const serviceNames: Record<ServiceId, Localised> = Object.fromEntries(
  serviceIds.map((id) => [id, services[id].name]),
) as Record<ServiceId, Localised>;

/** Services at least one of whose tracks the given kind of filer may use (the officers' "new referral" list). */
export const servicesFiledBy = (filer: FiledBy): ServiceId[] =>
  serviceIds.filter((id) => Object.values(services[id].tracks as Record<string, TrackInfo>).some((track) => track.filedBy.includes(filer)));
