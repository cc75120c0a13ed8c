/**
 * The neutral e-mail sent instead of every other kind when the application's track is
 * special-category (core/special-category.ts): it says only that there is news about the
 * application and where to sign in to read it. No service, track, status, reason,
 * recommendation, name or date: a mailbox is often shared, read on a lock screen or by
 * the mail provider.
 */
import type { Language } from '../../../schemas/primitives';
import type { Application, NotificationKind } from '../model';
import { applicationPageUrl, staffApplicationUrl, staffReferralUrl } from '../portal-pages';
import { renderEmail, type Email } from './html';
import { wording } from './wording/languages';

/** Who reads which kind, and where they sign in: the applicant in their language on the portal; officers and the agency in Latvian at work. */
const audience: Record<NotificationKind, 'applicant' | 'referrer' | 'agency'> = {
  'applicant-confirmation': 'applicant',
  'applicant-update': 'applicant',
  'referrer-confirmation': 'referrer',
  'referrer-update': 'referrer',
  'agency-alert': 'agency',
  'agency-documents-alert': 'agency',
};

export const neutralNotice = (
  application: Pick<Application, 'id' | 'reference' | 'language'>,
  kind: NotificationKind,
  urls: { readonly portalUrl: string; readonly staffPortalUrl: string },
): Email => {
  const reader = audience[kind];
  const language: Language = reader === 'applicant' ? application.language : 'lv';
  const words = wording[language].neutral;
  const href =
    reader === 'applicant'
      ? applicationPageUrl(urls.portalUrl, application.id, language)
      : reader === 'referrer'
        ? staffReferralUrl(urls.staffPortalUrl, application.id)
        : staffApplicationUrl(urls.staffPortalUrl, application.id);
  return renderEmail(language, words.subject(application.reference, reader === 'applicant'), [
    { kind: 'paragraph', text: words.greeting },
    { kind: 'paragraph', text: words.news(application.reference) },
    { kind: 'paragraph', text: words.signIn },
    { kind: 'link', text: words.link, href },
    { kind: 'paragraph', text: words.why },
    { kind: 'paragraph', text: wording[language].signature },
  ]);
};
