/**
 * Who may read and change an application, decided in one place for every
 * route that takes an id. Anyone else gets the same 404 as for a missing one.
 * The rules and why: docs/access.md.
 */
import { notFound } from './errors';
import type { Application, Principal, PrincipalFor } from './model';

type Citizen = PrincipalFor<'citizen'>;

/** A name as compared across sources: case, accents, spacing and the kind of hyphen do not matter (officers type names). */
const comparableName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s\u2010-\u2015-]+/g, ' ')
    .trim()
    .toLocaleLowerCase('lv');

/**
 * The signed-in person is the one the application is about. A personal code alone is not enough: codes
 * carry no checksum (new format), so an officer's or a representative's typo can name a stranger. The
 * name on record must be the eID name, and the birth date the eID one when the token has it.
 */
export const isDataSubject = (principal: Citizen, application: Application): boolean => {
  if (application.channel === 'self' && application.ownerSubject === principal.subject) return true;
  const { applicant } = application;
  if (applicant.personalCode !== principal.personalCode) return false;
  if (comparableName(applicant.givenName) !== comparableName(principal.givenName)) return false;
  if (comparableName(applicant.familyName) !== comparableName(principal.familyName)) return false;
  return !principal.birthDate || !applicant.dateOfBirth || applicant.dateOfBirth === principal.birthDate;
};

/**
 * What a citizen may do with an application:
 * - 'full': read everything and act (withdraw, send documents) – the person themself, or a
 *   representative whose authority staff have confirmed;
 * - 'filed': read back only what they filed (no status, decisions or timeline) – a representative
 *   not yet confirmed, who declared the representation themself;
 * - 'none'.
 */
export type CitizenAccess = 'full' | 'filed' | 'none';

export const citizenAccess = (principal: Citizen, application: Application): CitizenAccess => {
  if (isDataSubject(principal, application)) return 'full';
  if (application.ownerSubject !== principal.subject) return 'none';
  return application.representativeConfirmed ? 'full' : 'filed';
};

export const canRead = (principal: Principal, application: Application): boolean => {
  switch (principal.role) {
    case 'citizen':
      return citizenAccess(principal, application) !== 'none';
    case 'staff':
      return principal.services.includes(application.serviceId);
    default:
      return (
        principal.organisation !== undefined &&
        application.referral?.kind === principal.role &&
        application.referral.organisation === principal.organisation
      );
  }
};

/** The application read by id, if the caller may read it: anyone else's is answered as a missing one (404). */
export const readableOrNotFound = (principal: Principal, application: Application | undefined): Application => {
  if (!application || !canRead(principal, application)) throw notFound();
  return application;
};

/** Where the caller reads an application: citizens under /applications, referring officers under /referrals. */
export const readLink = (principal: Principal, applicationId: string): string =>
  principal.role === 'citizen' ? `/applications/${applicationId}` : `/referrals/${applicationId}`;
