/**
 * What the e-mails have in common, so each template (one per file) says only what is its own: the facts every
 * e-mail about an application starts with, and how an e-mail to each kind of reader opens and ends.
 */
import type { Language } from '../../../schemas/primitives';
import { serviceNames, trackInfo } from '../../../schemas/services';
import type { Application, ReferralRecord } from '../model';
import { applicationPageUrl, staffApplicationUrl, staffReferralUrl } from '../portal-pages';
import { renderEmail, type Block, type Email } from './html';
import { wording } from './wording/languages';
import { lv } from './wording/lv';
import { staffWording } from './wording/staff';

export type Fact = [label: string, value: string];

export const trackName = (application: Pick<Application, 'serviceId' | 'track'>, language: Language): string =>
  trackInfo(application.serviceId, application.track)?.name[language] ?? application.track;

/** Reference, service and track, in that order; an officer's e-mail calls the reference SIVA's to tell it from theirs. */
export const applicationFacts = (application: Application, language: Language, referenceLabel = wording[language].labels.reference): Fact[] => {
  const labels = wording[language].labels;
  return [
    [referenceLabel, application.reference],
    [labels.service, serviceNames[application.serviceId][language]],
    [labels.track, trackName(application, language)],
  ];
};

/** To the applicant, in their language: a greeting by name, the body, then where to follow the application and who wrote. */
export const applicantEmail = (application: Application, portalUrl: string, subject: string, body: readonly Block[], quoteReference: string): Email => {
  const language = application.language;
  const words = wording[language];
  return renderEmail(language, subject, [
    { kind: 'paragraph', text: words.greeting(`${application.applicant.givenName} ${application.applicant.familyName}`) },
    ...body,
    { kind: 'heading', text: words.followHeading },
    { kind: 'link', text: words.followLink, href: applicationPageUrl(portalUrl, application.id, language) },
    { kind: 'paragraph', text: quoteReference },
    { kind: 'paragraph', text: words.signature },
  ]);
};

/** To the service's inbox (Latvian): the body, then the staff page and why no personal data is in the e-mail. */
export const agencyEmail = (application: Application, staffPortalUrl: string, subject: string, body: readonly Block[]): Email =>
  renderEmail('lv', subject, [
    ...body,
    { kind: 'link', text: staffWording.openApplication, href: staffApplicationUrl(staffPortalUrl, application.id) },
    { kind: 'paragraph', text: staffWording.noPersonalData },
  ]);

/** To the referring officer (Latvian): a greeting by name, the body, the referral's page (and a note after it), signature. */
export const referrerEmail = (
  application: Application,
  referral: ReferralRecord,
  staffPortalUrl: string,
  subject: string,
  body: readonly Block[],
  afterLink: readonly Block[] = [],
): Email =>
  renderEmail('lv', subject, [
    { kind: 'paragraph', text: staffWording.greeting(referral.officerName) },
    ...body,
    { kind: 'link', text: staffWording.openReferral, href: staffReferralUrl(staffPortalUrl, application.id) },
    ...afterLink,
    { kind: 'paragraph', text: lv.signature },
  ]);
