/**
 * E-mails caused by a new application: the applicant's confirmation in their
 * language, and the agency's alert (Latvian, no special-category data:
 * reference, service, track and a link to the staff workspace only).
 */
import type { Language } from '../../../schemas/primitives';
import { referrerNames, serviceNames, trackInfo } from '../../../schemas/services';
import type { Application, ReferralRecord } from '../model';
import { applicationPageUrl, staffApplicationUrl } from '../portal-pages';
import { dateFormat } from './date-formats';
import { renderEmail, type Email } from './html';

const dateTime = (language: Language) => dateFormat('instant-date-time', language);

export const trackName = (application: Pick<Application, 'serviceId' | 'track'>, language: Language): string =>
  trackInfo(application.serviceId, application.track)?.name[language] ?? application.track;

/** "Municipal social service (jurmala)": the kind of organisation and which one. */
const referrerLabel = (referral: ReferralRecord, language: Language) => `${referrerNames[referral.kind][language]} (${referral.organisation})`;


/** The confirmation's words per language; one structure below renders both. */
const confirmationCopy = {
  lv: {
    subject: (reference: string) => `Jūsu iesniegums ${reference} ir saņemts`,
    greeting: (name: string) => `Labdien, ${name}!`,
    received: 'Sociālās integrācijas valsts aģentūra (SIVA) ir saņēmusi jūsu iesniegumu.',
    receivedReferral: (organisation: string) =>
      `Sociālās integrācijas valsts aģentūra (SIVA) ir saņēmusi nosūtījumu, ko jūsu vārdā iesniedza ${organisation}.`,
    labels: ['Iesnieguma numurs', 'Pakalpojums', 'Mērķa grupa', 'Saņemts'],
    nextHeading: 'Kas notiks tālāk',
    nextSteps: [
      'Aģentūras darbinieki pārbaudīs jūsu iesniegumu un to reģistrēs.',
      'Ja būs vajadzīgi papildu dokumenti, mēs jums rakstīsim un norādīsim termiņu.',
      'Par katru lēmumu (uzņemšanu rindā, pakalpojuma piešķiršanu vai atteikumu) jūs saņemsiet e-pastu.',
    ],
    followHeading: 'Kā sekot iesniegumam',
    followLink: 'Skatīt iesnieguma statusu un vēsturi',
    quoteReference: 'Sazinoties ar mums, lūdzu, norādiet iesnieguma numuru.',
    signature: 'Sociālās integrācijas valsts aģentūra',
  },
  en: {
    subject: (reference: string) => `Your application ${reference} has been received`,
    greeting: (name: string) => `Hello ${name},`,
    received: 'The Social Integration State Agency (SIVA) has received your application.',
    receivedReferral: (organisation: string) =>
      `The Social Integration State Agency (SIVA) has received the referral that ${organisation} filed on your behalf.`,
    labels: ['Application number', 'Service', 'Group', 'Received'],
    nextHeading: 'What happens next',
    nextSteps: [
      'Agency staff check your application and register it.',
      'If we need more documents, we will write to you and tell you the deadline.',
      'You will get an e-mail about every decision: a place in the queue, the service granted, or a refusal.',
    ],
    followHeading: 'How to follow your application',
    followLink: 'See the status and history of your application',
    quoteReference: 'Please quote your application number whenever you contact us.',
    signature: 'Social Integration State Agency',
  },
} as const satisfies Record<Language, unknown>;

export const applicantConfirmation = (application: Application, portalUrl: string): Email => {
  const language = application.language;
  const copy = confirmationCopy[language];
  const [numberLabel, serviceLabel, groupLabel, receivedLabel] = copy.labels;
  return renderEmail(language, copy.subject(application.reference), [
    { kind: 'paragraph', text: copy.greeting(`${application.applicant.givenName} ${application.applicant.familyName}`) },
    { kind: 'paragraph', text: application.referral ? copy.receivedReferral(referrerLabel(application.referral, language)) : copy.received },
    {
      kind: 'facts',
      items: [
        [numberLabel, application.reference],
        [serviceLabel, serviceNames[application.serviceId][language]],
        [groupLabel, trackName(application, language)],
        [receivedLabel, dateTime(language).format(new Date(application.submittedAt))],
      ],
    },
    { kind: 'heading', text: copy.nextHeading },
    { kind: 'steps', items: copy.nextSteps },
    { kind: 'heading', text: copy.followHeading },
    { kind: 'link', text: copy.followLink, href: applicationPageUrl(portalUrl, application.id, language) },
    { kind: 'paragraph', text: copy.quoteReference },
    { kind: 'paragraph', text: copy.signature },
  ]);
};

const channelNames = { self: 'pats iesniedzējs', representative: 'pārstāvis', referral: 'nosūtījums' } as const;

export const agencyAlert = (application: Application, staffPortalUrl: string): Email =>
  renderEmail('lv', `Jauns iesniegums ${application.reference}: ${serviceNames[application.serviceId].lv}`, [
    { kind: 'paragraph', text: 'Saņemts jauns iesniegums, kas gaida reģistrēšanu.' },
    {
      kind: 'facts',
      items: [
        ['Iesnieguma numurs', application.reference],
        ['Pakalpojums', serviceNames[application.serviceId].lv],
        ['Mērķa grupa', trackName(application, 'lv')],
        ['Kanāls', channelNames[application.channel]],
        ['Saņemts', dateTime('lv').format(new Date(application.submittedAt))],
      ],
    },
    { kind: 'link', text: 'Atvērt iesniegumu darba vietnē', href: staffApplicationUrl(staffPortalUrl, application.id) },
    {
      kind: 'paragraph',
      text: 'Personas dati un pierādījumi šajā vēstulē netiek iekļauti; tie pieejami darba vietnē pēc pieteikšanās.',
    },
  ]);

/**
 * The referring officer's confirmation (Latvian, the officers' working
 * language). It names the referral and the reference, not the client: the
 * officer knows whom they referred, and the e-mail need not carry it.
 */
export const referrerConfirmation = (application: Application, staffPortalUrl: string): Email => {
  const referral = application.referral!;
  return renderEmail('lv', `Nosūtījums ${referral.number} saņemts: ${application.reference}`, [
    { kind: 'paragraph', text: `Labdien, ${referral.officerName}!` },
    { kind: 'paragraph', text: 'SIVA ir saņēmusi un reģistrējusi jūsu nosūtījumu. Klients saņems apstiprinājumu, ja norādījāt viņa e-pasta adresi.' },
    {
      kind: 'facts',
      items: [
        ['Nosūtījuma numurs', referral.number],
        ['Nosūtījuma datums', referral.date],
        ['SIVA iesnieguma numurs', application.reference],
        ['Pakalpojums', serviceNames[application.serviceId].lv],
        ['Mērķa grupa', trackName(application, 'lv')],
        ['Saņemts', dateTime('lv').format(new Date(application.submittedAt))],
      ],
    },
    { kind: 'heading', text: 'Kas notiks tālāk' },
    {
      kind: 'steps',
      items: [
        'Aģentūra izskatīs nosūtījumu un par katru lēmumu informēs gan klientu, gan jūs.',
        'Nosūtījuma statusu varat redzēt savā nosūtījumu sarakstā.',
      ],
    },
    { kind: 'link', text: 'Atvērt nosūtījumu', href: `${staffPortalUrl.replace(/\/+$/, '')}/referrals/${application.id}` },
    { kind: 'paragraph', text: 'Sociālās integrācijas valsts aģentūra' },
  ]);
};
