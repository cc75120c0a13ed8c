/**
 * E-mails caused by a new application: the applicant's confirmation in their
 * language, and the agency's alert (Latvian, no special-category data:
 * reference, service, track and a link to the staff workspace only).
 */
import type { Language } from '../../../schemas/primitives';
import { serviceNames, socialRehabilitationTrackInfo, type SocialRehabilitationTrack } from '../../../schemas/services';
import type { Application } from '../model';
import { renderEmail, type Email } from './html';

const dateTime: Record<Language, Intl.DateTimeFormat> = {
  lv: new Intl.DateTimeFormat('lv-LV', { timeZone: 'Europe/Riga', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Riga', dateStyle: 'long', timeStyle: 'short' }),
};

export const trackName = (application: Pick<Application, 'serviceId' | 'track'>, language: Language): string =>
  application.serviceId === 'social-rehabilitation'
    ? (socialRehabilitationTrackInfo[application.track as SocialRehabilitationTrack]?.name[language] ?? application.track)
    : application.track;

export const applicationUrl = (baseUrl: string, applicationId: string) =>
  `${baseUrl.replace(/\/+$/, '')}/applications/${applicationId}`;

export const applicantConfirmation = (application: Application, portalUrl: string): Email => {
  const language = application.language;
  const facts = (labels: readonly [string, string, string, string]) =>
    [
      [labels[0], application.reference],
      [labels[1], serviceNames[application.serviceId][language]],
      [labels[2], trackName(application, language)],
      [labels[3], dateTime[language].format(new Date(application.submittedAt))],
    ] as const;
  const link = applicationUrl(portalUrl, application.id);
  const name = `${application.applicant.givenName} ${application.applicant.familyName}`;

  if (language === 'en') {
    return renderEmail('en', `Your application ${application.reference} has been received`, [
      { kind: 'paragraph', text: `Hello ${name},` },
      { kind: 'paragraph', text: 'The Social Integration State Agency (SIVA) has received your application.' },
      { kind: 'facts', items: facts(['Application number', 'Service', 'Group', 'Received']) },
      { kind: 'heading', text: 'What happens next' },
      {
        kind: 'steps',
        items: [
          'Agency staff check your application and register it.',
          'If we need more documents, we will write to you and tell you the deadline.',
          'You will get an e-mail about every decision: a place in the queue, the service granted, or a refusal.',
        ],
      },
      { kind: 'heading', text: 'How to follow your application' },
      { kind: 'link', text: 'See the status and history of your application', href: link },
      { kind: 'paragraph', text: 'Please quote your application number whenever you contact us.' },
      { kind: 'paragraph', text: 'Social Integration State Agency' },
    ]);
  }
  return renderEmail('lv', `Jūsu iesniegums ${application.reference} ir saņemts`, [
    { kind: 'paragraph', text: `Labdien, ${name}!` },
    { kind: 'paragraph', text: 'Sociālās integrācijas valsts aģentūra (SIVA) ir saņēmusi jūsu iesniegumu.' },
    { kind: 'facts', items: facts(['Iesnieguma numurs', 'Pakalpojums', 'Mērķa grupa', 'Saņemts']) },
    { kind: 'heading', text: 'Kas notiks tālāk' },
    {
      kind: 'steps',
      items: [
        'Aģentūras darbinieki pārbaudīs jūsu iesniegumu un to reģistrēs.',
        'Ja būs vajadzīgi papildu dokumenti, mēs jums rakstīsim un norādīsim termiņu.',
        'Par katru lēmumu (uzņemšanu rindā, pakalpojuma piešķiršanu vai atteikumu) jūs saņemsiet e-pastu.',
      ],
    },
    { kind: 'heading', text: 'Kā sekot iesniegumam' },
    { kind: 'link', text: 'Skatīt iesnieguma statusu un vēsturi', href: link },
    { kind: 'paragraph', text: 'Sazinoties ar mums, lūdzu, norādiet iesnieguma numuru.' },
    { kind: 'paragraph', text: 'Sociālās integrācijas valsts aģentūra' },
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
        ['Saņemts', dateTime.lv.format(new Date(application.submittedAt))],
      ],
    },
    { kind: 'link', text: 'Atvērt iesniegumu darba vietnē', href: applicationUrl(staffPortalUrl, application.id) },
    {
      kind: 'paragraph',
      text: 'Personas dati un pierādījumi šajā vēstulē netiek iekļauti; tie pieejami darba vietnē pēc pieteikšanās.',
    },
  ]);
