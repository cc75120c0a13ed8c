/**
 * The caller's identity from the JWT claims API Gateway's authorizer verified.
 * The issuer decides the kind of account (citizens' eID vs the workforce user
 * pool), so a workforce token can never pass as a citizen or the reverse.
 * Note: HTTP API hands claims over as strings; a list arrives as "[a b]".
 */
import { checkPersonalCode } from '../../schemas/personal-code';
import { referrerKinds, serviceIds, type ServiceId } from '../../schemas/services';
import { unauthorized } from '../core/errors';
import type { Principal, WorkforceRole } from '../core/model';

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

const workforceRoles: readonly WorkforceRole[] = ['staff', ...referrerKinds];

export const principalFromClaims = (claims: Claims | undefined, issuers: TrustedIssuers): Principal => {
  const subject = text(claims?.sub);
  if (!claims || !subject) throw unauthorized();

  if (claims.iss === issuers.citizen) {
    const code = checkPersonalCode(text(claims.personal_code) ?? '');
    const givenName = text(claims.given_name);
    const familyName = text(claims.family_name);
    if (!code.valid || !givenName || !familyName) throw unauthorized();
    const email = text(claims.email);
    // OIDC `birthdate` (YYYY-MM-DD) when the eID provider sends it: checked against the record (core/access.ts).
    const birthDate = text(claims.birthdate);
    return {
      role: 'citizen',
      subject,
      personalCode: code.normalised,
      givenName,
      familyName,
      ...(email && { email }),
      ...(birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && { birthDate }),
    };
  }

  if (claims.iss === issuers.workforce) {
    const groups = claimList(claims['cognito:groups']);
    const role = workforceRoles.find((candidate) => groups.includes(candidate));
    if (!role) throw unauthorized();
    const email = text(claims.email);
    const organisation = text(claims['custom:organisation']);
    const services = claimList(claims['custom:services']).filter((id): id is ServiceId =>
      (serviceIds as readonly string[]).includes(id),
    );
    return {
      role,
      subject,
      name: text(claims.name) ?? text(claims['cognito:username']) ?? subject,
      services,
      ...(email && { email }),
      ...(organisation && { organisation }),
    };
  }

  throw unauthorized();
};
