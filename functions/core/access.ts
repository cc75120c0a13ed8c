/**
 * Who may read an application, decided in one place for every route that
 * takes an id. Anyone else gets the same 404 as for a missing one.
 */
import type { Application, Principal } from './model';

export const canRead = (principal: Principal, application: Application): boolean => {
  switch (principal.role) {
    case 'citizen':
      // The account that filed it, and the person it is about (a referral's client, a represented adult).
      return application.ownerSubject === principal.subject || application.applicant.personalCode === principal.personalCode;
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

/** Where the caller reads an application: citizens under /applications, referring officers under /referrals. */
export const readLink = (principal: Principal, applicationId: string): string =>
  principal.role === 'citizen' ? `/applications/${applicationId}` : `/referrals/${applicationId}`;
