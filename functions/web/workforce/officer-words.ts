/** What the officers' pages say, in Latvian and English (field labels of the service form come from its ui document). */
import type { Language } from '../../../schemas/primitives';
import type { Localised } from '../../../schemas/services';
import { messages, type Messages } from '../i18n';

// Data table, not logic (issue 14's copy check): the officer pages' words in lv and en, of one shape.
const lv = {
  caption: 'Nosūtījumi',
  referralsTitle: 'Organizācijas nosūtījumi',
  referralsIntro: (organisation: string) => `Visi nosūtījumi, ko iesniegusi jūsu organizācija (${organisation}), jaunākie vispirms.`,
  newReferral: 'Jauns nosūtījums',
  searchLabel: 'Meklēt pēc numura vai klienta vārda',
  searchHint: 'Piemēram, SIVA-2026-000123 vai Kalniņa. Meklē organizācijas jaunākajos nosūtījumos.',
  searchButton: 'Meklēt',
  searchResults: (count: number, term: string) => `Atrasti ${count} nosūtījumi vārdam “${term}”.`,
  searchLimited: (searched: number) => `Meklēts ${searched} jaunākajos nosūtījumos. Vecāku nosūtījumu atradīsiet pēc tā numura.`,
  clearSearch: 'Rādīt visus',
  noReferrals: 'Jūsu organizācija vēl nav iesniegusi nosūtījumu.',
  noMatches: 'Nekas netika atrasts.',
  more: 'Vecāki nosūtījumi',
  client: 'Klients',
  service: 'Pakalpojums',
  referralNumber: 'Nosūtījuma numurs',
  referralDate: 'Nosūtījuma datums',
  referredBy: 'Nosūtīja',
  chooseServiceTitle: 'Kuram pakalpojumam nosūtāt klientu?',
  referCaption: (service: string) => `Nosūtījums: ${service}`,
  referralStep: 'Nosūtījums',
  personStep: 'Klients',
  trackStep: 'Kurai grupai klients atbilst?',
  declarationsStep: 'Klienta apliecinājumi',
  sendTitle: 'Tagad iesniedziet nosūtījumu',
  sendText:
    'Iesniedzot apliecināt, ka klients piekrīt nosūtījumam un ziņas ir patiesas. Klients un jūs saņemsiet apstiprinājumu e-pastā. Nosūtījuma dokumentu pievienosiet nākamajā solī.',
  sendButton: 'Iesniegt nosūtījumu',
  sentTitle: 'Nosūtījums iesniegts',
  sentReference: (reference: string) => `Nosūtījuma numurs SIVA: ${reference}`,
  sentNext: 'Apstiprinājums nosūtīts klientam un jums. Nosūtījuma gaitu redzēsiet organizācijas nosūtījumu sarakstā.',
  attachReferralDocument: 'Pievienot nosūtījuma dokumentu',
  attachReferralDocumentText: 'Tagad pievienojiet nosūtījuma dokumentu: SIVA reģistrē nosūtījumu, kad to ir saņēmusi.',
  followReferral: 'Atvērt nosūtījumu',
  allReferrals: 'Visi nosūtījumi',
  requestedBy: (deadline: string) => `SIVA lūdz šos dokumentus līdz ${deadline}.`,
  requestedNoDeadline: 'SIVA lūdz šos dokumentus.',
  attachments: 'Pievienotie dokumenti',
  notOfficerTitle: 'Šī lapa ir nosūtītājiem',
  notOfficerText: 'Nosūtījumus redz un iesniedz sociālo dienestu, NVA, ārstniecības iestāžu un bruņoto spēku darbinieki, kas pieteikušies kā darbinieki.',
};

type Words = typeof lv;

const en: Words = {
  caption: 'Referrals',
  referralsTitle: 'Your organisation’s referrals',
  referralsIntro: (organisation: string) => `Every referral your organisation (${organisation}) filed, newest first.`,
  newReferral: 'New referral',
  searchLabel: 'Search by reference or client name',
  searchHint: 'For example, SIVA-2026-000123 or Kalniņa. Searches the organisation’s newest referrals.',
  searchButton: 'Search',
  searchResults: (count: number, term: string) => `${count} referrals found for “${term}”.`,
  searchLimited: (searched: number) => `Searched the ${searched} newest referrals. Find an older one by its reference.`,
  clearSearch: 'Show all',
  noReferrals: 'Your organisation has not filed a referral yet.',
  noMatches: 'Nothing was found.',
  more: 'Older referrals',
  client: 'Client',
  service: 'Service',
  referralNumber: 'Referral number',
  referralDate: 'Date of the referral',
  referredBy: 'Referred by',
  chooseServiceTitle: 'Which service are you referring the client to?',
  referCaption: (service: string) => `Referral: ${service}`,
  referralStep: 'The referral',
  personStep: 'The client',
  trackStep: 'Which group does the client fit?',
  declarationsStep: 'The client’s declarations',
  sendTitle: 'Now send the referral',
  sendText:
    'By sending it you confirm the client agrees to the referral and the details are true. The client and you get a confirmation by e-mail. You attach the referral document in the next step.',
  sendButton: 'Send the referral',
  sentTitle: 'Referral sent',
  sentReference: (reference: string) => `SIVA reference: ${reference}`,
  sentNext: 'The client and you were sent a confirmation. Follow the referral in your organisation’s list.',
  attachReferralDocument: 'Attach the referral document',
  attachReferralDocumentText: 'Now attach the referral document: SIVA registers the referral once it has it.',
  followReferral: 'Open the referral',
  allReferrals: 'All referrals',
  requestedBy: (deadline: string) => `SIVA asks for these documents by ${deadline}.`,
  requestedNoDeadline: 'SIVA asks for these documents.',
  attachments: 'Attached documents',
  notOfficerTitle: 'This page is for referring officers',
  notOfficerText: 'Referrals are seen and filed by officers of social services, the NVA, medical institutions and the armed forces, signed in as workforce.',
};

export const officerWords: Record<Language, Words> = { lv, en };

/** The words in the language of the portal's own catalogue given (a header link knows only that). */
export const wordsFor = (t: Messages): Words => (t === messages.en ? en : lv);

const t = (lvText: string, enText: string): Localised => ({ lv: lvText, en: enText });

/** The referral's own fields (schemas/referral.ts), asked on the journey's first page. */
export const referralFieldWords = {
  number: {
    label: t('Nosūtījuma numurs', 'Referral number'),
    hint: t(
      'Jūsu organizācijas numurs. Pašu nosūtījuma dokumentu pievienosiet pēc iesniegšanas.',
      'Your organisation’s number. You attach the referral document itself after sending.',
    ),
  },
  date: { label: t('Nosūtījuma datums', 'Date of the referral'), hint: t('Piemēram, 2026-11-20', 'For example, 2026-11-20') },
  officerPhone: { label: t('Jūsu tālrunis (nav obligāts)', 'Your phone (optional)') },
  doctorName: { label: t('Nosūtītāja ārsta vārds un uzvārds', 'The referring doctor’s name') },
  clientConsent: { label: t('Klients piekrīt nosūtījumam un savu datu nodošanai SIVA', 'The client agrees to the referral and to their data going to SIVA') },
};
