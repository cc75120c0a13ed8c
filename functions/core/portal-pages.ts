/**
 * The citizen portal's pages that other parts of the system link to (the e-mails to citizens). Defined here, in
 * core, so that the portal's route table (functions/web/citizen/applications.ts) serves exactly the address an
 * e-mail links to: a link cannot drift away from the page it means.
 */
import type { Language } from '../../schemas/primitives';

/** One application, as its applicant (or their representative) reads it after signing in. */
export const applicationPagePaths = { lv: '/pieteikumi/{id}', en: '/en/applications/{id}' } as const satisfies Record<Language, string>;

/** Where the workforce's pages start on the portal: the staff workspace URL (infra's staffPortalUrl) is portal + this. */
export const staffPortalPath = '/darbs';

/** A workforce page's Latvian path (under `/darbs`) on the staff workspace URL, which already ends in `/darbs`. */
const workspaceUrl = (staffPortalUrl: string, lvPath: string, applicationId: string) =>
  `${staffPortalUrl.replace(/\/+$/, '')}${lvPath.slice(staffPortalPath.length).replace('{id}', encodeURIComponent(applicationId))}`;

/** One application as staff work on it; the agency's alerts link to it (they are in Latvian). */
export const staffApplicationPagePaths = { lv: `${staffPortalPath}/pieteikumi/{id}`, en: '/en/work/applications/{id}' } as const satisfies Record<Language, string>;

/** The staff page of an application, on the staff workspace URL (`<portal>/darbs`). */
export const staffApplicationUrl = (staffPortalUrl: string, applicationId: string) =>
  workspaceUrl(staffPortalUrl, staffApplicationPagePaths.lv, applicationId);

/** One referral as its referring officer follows it; the e-mails to officers link to it (they are in Latvian). */
export const referralPagePaths = { lv: `${staffPortalPath}/nosutijumi/{id}`, en: '/en/work/referrals/{id}' } as const satisfies Record<Language, string>;

/** The officer's page of a referral, on the staff workspace URL (`<portal>/darbs`). */
export const staffReferralUrl = (staffPortalUrl: string, applicationId: string) => workspaceUrl(staffPortalUrl, referralPagePaths.lv, applicationId);

/** The portal page of an application in the reader's language; signing in on the way returns the reader to it. */
export const applicationPageUrl = (portalUrl: string, applicationId: string, language: Language) =>
  `${portalUrl.replace(/\/+$/, '')}${applicationPagePaths[language].replace('{id}', encodeURIComponent(applicationId))}`;
