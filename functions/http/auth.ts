/**
 * The caller's identity from the JWT claims API Gateway's authorizer verified.
 * The issuer decides the kind of account (citizens' eID vs the workforce user
 * pool), so a workforce token can never pass as a citizen or the reverse.
 * Note: HTTP API hands claims over as strings; a list arrives as "[a b]".
 */
import { IsoDate } from '../../schemas/calendar';
import { checkPersonalCode } from '../../schemas/personal-code';
import { serviceIds, type ServiceId } from '../../schemas/services';
import { unauthorized } from '../core/errors';
import type { Principal } from '../core/model';
import { roleOfGroups, scopeClaims, workforceScope } from '../core/workforce-identity';

export type Claims = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export interface TrustedIssuers {
  readonly citizen: string;
  readonly workforce: string;
}

/** Reads a list claim in any of its shapes: a JSON array, API Gateway's "[a b]", or "a,b". */
export const claimList = (value: Claims[string]): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const inner = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  return inner.split(/[\s,]+/).filter(Boolean);
};

const text = (value: Claims[string]): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

export const principalFromClaims = (claims: Claims | undefined, issuers: TrustedIssuers): Principal => {
  const subject = text(claims?.sub);
  if (!claims || !subject) throw unauthorized();

  if (claims.iss === issuers.citizen) {
    const code = checkPersonalCode(text(claims.personal_code) ?? '');
    const givenName = text(claims.given_name);
    const familyName = text(claims.family_name);
    if (!code.valid || !givenName || !familyName) throw unauthorized();
    const email = text(claims.email);
    // OIDC `birthdate`: only a full date counts (a provider may send just the year, or 0000 for it).
    const birthDate = text(claims.birthdate);
    const knownBirthDate = birthDate && IsoDate.safeParse(birthDate).success && !birthDate.startsWith('0000') ? birthDate : undefined;
    return {
      role: 'citizen',
      subject,
      personalCode: code.normalised,
      givenName,
      familyName,
      ...(email && { email }),
      ...(knownBirthDate && { birthDate: knownBirthDate }),
    };
  }

  if (claims.iss === issuers.workforce) {
    // Only access tokens the pool's trigger built carry the role's scope (docs/identity.md). An ID token
    // of the same pool is refused: its claims are the user's attributes, not what the trigger decided.
    if (claims.token_use !== 'access' || !claimList(claims.scope).includes(workforceScope)) throw unauthorized();
    const role = roleOfGroups(claimList(claims['cognito:groups']));
    if (!role) throw unauthorized();
    // Mail goes only to an address the pool has verified.
    const email = String(claims.email_verified) === 'true' ? text(claims.email) : undefined;
    const organisation = text(claims[scopeClaims.organisation]);
    const services = claimList(claims[scopeClaims.services]).filter((id): id is ServiceId =>
      (serviceIds as readonly string[]).includes(id),
    );
    return {
      role,
      subject,
      name: text(claims.name) ?? text(claims.username) ?? subject,
      services,
      ...(email && { email }),
      ...(organisation && { organisation }),
    };
  }

  throw unauthorized();
};
