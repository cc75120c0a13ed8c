/**
 * The wording of the e-mails to the agency's inboxes and to referring officers: Latvian only, the working
 * language of both. The labels they share with the applicant's e-mails (reference, service, status…) come from
 * lv.ts; these are the ones only staff read.
 */
import type { Channel } from '../../model';

export const staffWording = {
  greeting: (name: string) => `Labdien, ${name}!`,
  labels: {
    referralNumber: 'Nosūtījuma numurs',
    referralDate: 'Nosūtījuma datums',
    sivaReference: 'SIVA iesnieguma numurs',
    channel: 'Kanāls',
    reported: 'Ziņots',
    unchangedStatus: 'Statuss (nav mainīts)',
  },
  channelNames: { self: 'pats iesniedzējs', representative: 'pārstāvis', referral: 'nosūtījums' } satisfies Record<Channel, string>,
  openApplication: 'Atvērt iesniegumu darba vietnē',
  openReferral: 'Atvērt nosūtījumu',
  /** Why an alert names so little: the agency's inbox is not where special-category data is read. */
  noPersonalData: 'Personas dati un pierādījumi šajā vēstulē netiek iekļauti; tie pieejami darba vietnē pēc pieteikšanās.',
  agencyAlert: {
    subject: (reference: string, service: string) => `Jauns iesniegums ${reference}: ${service}`,
    intro: 'Saņemts jauns iesniegums, kas gaida reģistrēšanu.',
  },
  documentsAlert: {
    subject: (reference: string, service: string) => `Dokumenti nosūtīti: ${reference}, ${service}`,
    intro: 'Iesniedzējs ziņo, ka pieprasītie dokumenti ir nosūtīti.',
    nextHeading: 'Kas jādara',
    nextSteps: ['Pārbaudiet, vai dokumenti ir saņemti.', 'Turpiniet iesnieguma izskatīšanu vai pieprasiet trūkstošos dokumentus.'],
  },
  documentsAddedAlert: {
    subject: (reference: string, service: string) => `Pievienoti dokumenti: ${reference}, ${service}`,
    intro: 'Iesniegumam pievienoti dokumenti, pirms tos pieprasījāt, piemēram, nosūtījuma dokuments.',
    nextHeading: 'Kas jādara',
    nextSteps: ['Pārbaudiet dokumentus iesnieguma lapā.', 'Reģistrējiet iesniegumu vai pieprasiet trūkstošos dokumentus.'],
  },
  referrerConfirmation: {
    subject: (number: string, reference: string) => `Nosūtījums ${number} saņemts: ${reference}`,
    intro: 'SIVA ir saņēmusi un reģistrējusi jūsu nosūtījumu. Klients saņems apstiprinājumu, ja norādījāt viņa e-pasta adresi.',
    nextHeading: 'Kas notiks tālāk',
    nextSteps: [
      'Aģentūra izskatīs nosūtījumu un par katru lēmumu informēs gan klientu, gan jūs.',
      'Nosūtījuma statusu varat redzēt savā nosūtījumu sarakstā.',
    ],
  },
  referrerUpdate: {
    subject: (number: string, reference: string, status: string) => `Nosūtījums ${number} (${reference}): ${status}`,
    intro: 'Ir mainījies jūsu nosūtītā klienta iesnieguma statuss.',
    nextHeading: 'Kur redzēt vairāk',
    nextSteps: [
      'Lēmuma saturs un pamatojums ir pieejams darba vietnē pēc pieteikšanās.',
      'Klients saņem paziņojumu atsevišķi, ja ir norādīta viņa e-pasta adrese.',
    ],
    noPersonalData: 'Personas dati šajā vēstulē netiek iekļauti.',
  },
} as const;
