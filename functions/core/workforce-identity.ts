/**
 * What a workforce access token says about its holder, and where each part
 * comes from (docs/identity.md). The role is a Cognito group; the scope (a
 * staff member's services, an officer's organisation) is an attribute only
 * administrators can write. The pre-token-generation trigger turns both into
 * access-token claims with this function, and the local identity provider
 * mints its tokens with it too, so the two cannot disagree.
 */
import { referrerKinds, serviceIds, type ServiceId } from '../../schemas/services';
import type { WorkforceRole } from './model';

/** Every role the API authorises for the workforce pool; each is a user-pool group of the same name. */
export const workforceRoles: readonly WorkforceRole[] = ['staff', 'archivist', ...referrerKinds];

/** User-pool attributes that hold a person's scope; no app client may write them, only administrators. */
export const scopeAttributes = { services: 'custom:services', organisation: 'custom:organisation' } as const;

/** Every user attribute an access token is built from: none may be in an app client's write set. */
export const tokenSourceAttributes: readonly string[] = ['name', 'email', 'email_verified', scopeAttributes.services, scopeAttributes.organisation];

/**
 * Access-token claims only the trigger issues. Their own prefix, so they can never be confused with
 * a user attribute an ID token carries (`custom:…`).
 */
export const scopeClaims = { services: 'siva:services', organisation: 'siva:organisation' } as const;

/**
 * The OAuth scope the trigger adds to the access token of a user with a workforce role. The API's
 * workforce routes require it, so an ID token (no scope) or a token minted without the trigger
 * never reaches a handler.
 */
export const workforceScope = 'siva-eservices/workforce';

/** A user as the trigger sees them: groups and attribute values (Cognito sends every value as a string). */
export interface WorkforceUser {
  readonly groups: readonly string[];
  readonly attributes: Readonly<Record<string, string | undefined>>;
}

export type AccessTokenClaims = Record<string, string | boolean | string[]>;

export interface AccessTokenAdditions {
  readonly claims: AccessTokenClaims;
  readonly scopes: readonly string[];
}

/** The role a set of groups grants: the first in `workforceRoles` order, or none. */
export const roleOfGroups = (groups: readonly string[]): WorkforceRole | undefined =>
  workforceRoles.find((role) => groups.includes(role));

const listAttribute = (value: string | undefined): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean);

/**
 * The claims and scope the access token gets. A user without a workforce role gets nothing (the API
 * then refuses the token); staff get their services and no organisation, officers their organisation
 * and no services, whatever else their attributes hold.
 */
export const accessTokenAdditions = (user: WorkforceUser): AccessTokenAdditions => {
  const role = roleOfGroups(user.groups);
  if (!role) return { claims: {}, scopes: [] };
  const { name, email } = user.attributes;
  const claims: AccessTokenClaims = {
    ...(name && { name }),
    ...(email && { email, email_verified: user.attributes.email_verified === 'true' }),
  };
  if (role === 'archivist') {
    // The archivist works on the agency's whole file plan: no services, no organisation.
  } else if (role === 'staff') {
    claims[scopeClaims.services] = listAttribute(user.attributes[scopeAttributes.services]).filter((id): id is ServiceId =>
      (serviceIds as readonly string[]).includes(id),
    );
  } else {
    const organisation = user.attributes[scopeAttributes.organisation]?.trim();
    if (organisation) claims[scopeClaims.organisation] = organisation;
  }
  return { claims, scopes: [workforceScope] };
};
