/**
 * The workforce member a portal session belongs to, by role: the officers' pages run for a referring officer of an
 * organisation, the report for staff. Anyone else (a citizen, no sign-in, the other role) gets none.
 */
import type { ReferrerPrincipal } from '../../core/applications';
import type { Principal, PrincipalFor } from '../../core/model';
import type { PageContext } from '../app';

/** Until the workforce sign-in lands: where that session keeps the workforce principal and its issuer. */
const workforceOf = (context: PageContext) =>
  (context.session.data as { workforce?: { principal: Principal; issuer: string } }).workforce;

export const referrerOf = (context: PageContext): (ReferrerPrincipal & { readonly issuer: string }) | undefined => {
  const signedIn = workforceOf(context);
  const principal = signedIn?.principal;
  if (!principal || principal.role === 'citizen' || principal.role === 'staff' || !principal.organisation) return undefined;
  return { ...(principal as ReferrerPrincipal), issuer: signedIn.issuer };
};

export const staffOf = (context: PageContext): PrincipalFor<'staff'> | undefined => {
  const principal = workforceOf(context)?.principal;
  return principal?.role === 'staff' ? (principal as PrincipalFor<'staff'>) : undefined;
};
