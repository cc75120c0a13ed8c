/**
 * Who a workforce caller is, read from an access token: the role from its group, the scope from what
 * the pool's trigger added (administrator-only attributes), and only a verified e-mail for mail.
 */
import { describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../functions/http/auth';
import { referrerKinds } from '../../schemas/services';
import { testIssuers, workforceClaims } from '../support/api-event';

const principal = (claims: Record<string, string>) => principalFromClaims(claims, testIssuers);
const refused = (claims: Record<string, string>) => expect(() => principal(claims)).toThrow(expect.objectContaining({ kind: 'unauthorized' }));

describe('workforce principal from access-token claims', () => {
  it("reads a staff member's services from the access token the trigger built", () => {
    const claims = workforceClaims('staff', 'staff-anna', {
      name: 'Anna Ozola',
      email: 'anna@siva.gov.lv',
      email_verified: 'true',
      'custom:services': 'social-rehabilitation,early-intervention',
    });
    expect(principal(claims)).toEqual({
      role: 'staff',
      subject: 'staff-anna',
      name: 'Anna Ozola',
      email: 'anna@siva.gov.lv',
      services: ['social-rehabilitation', 'early-intervention'],
    });
  });

  it.each(referrerKinds)("reads an officer's (%s) organisation from the access token the trigger built", (kind) => {
    const claims = workforceClaims(kind, 'officer-1', { name: 'Ilze', email: 'ilze@x.lv', email_verified: 'true', 'custom:organisation': 'tukums' });
    expect(principal(claims)).toMatchObject({ role: kind, organisation: 'tukums', services: [] });
  });

  it('ignores user attributes an ID token would carry: scope comes only from the trigger', () => {
    const claims = workforceClaims('staff', 'staff-anna', { 'custom:services': '' });
    expect(principal({ ...claims, 'custom:services': 'social-rehabilitation', 'custom:organisation': 'riga' })).toMatchObject({ services: [] });
    expect(principal({ ...claims, 'custom:services': 'social-rehabilitation' })).not.toHaveProperty('organisation');
  });

  it('refuses an ID token of the pool, and an access token without the workforce scope', () => {
    const claims = workforceClaims('staff', 'staff-anna', { 'custom:services': 'social-rehabilitation' });
    refused({ ...claims, token_use: 'id' });
    refused({ ...claims, scope: 'openid email profile aws.cognito.signin.user.admin' });
    const { token_use: _tokenUse, ...withoutUse } = claims;
    refused(withoutUse);
  });

  it('uses an e-mail address for mail only when the pool has verified it', () => {
    const unverified = workforceClaims('social-service', 'officer-1', { email: 'ilze@x.lv', email_verified: 'false', 'custom:organisation': 'tukums' });
    expect(principal(unverified)).not.toHaveProperty('email');
    const verified = workforceClaims('social-service', 'officer-1', { email: 'ilze@x.lv', email_verified: 'true', 'custom:organisation': 'tukums' });
    expect(principal(verified)).toMatchObject({ email: 'ilze@x.lv' });
  });
});
