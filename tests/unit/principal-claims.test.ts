/**
 * Who a caller is, from verified token claims. A workforce caller from an access token: the role from
 * its group, the scope from what the pool's trigger added (administrator-only attributes), and only a
 * verified e-mail for mail. A citizen from eID, with the birth date eID confirms.
 */
import { describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../functions/http/auth';
import { referrerKinds } from '../../schemas/services';
import { citizenClaims, testIssuers, workforceClaims } from '../support/api-event';

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

describe('citizen principal from eID claims', () => {
  it('keeps the birth date eID confirms, and only a full calendar date', () => {
    expect(principal(citizenClaims({ birthdate: '1980-05-17' }))).toMatchObject({ birthDate: '1980-05-17' });
    for (const birthdate of ['1980', '0000-05-17', '1980-02-30', '17.05.1980', '']) {
      expect(principal(citizenClaims({ birthdate })), birthdate).not.toHaveProperty('birthDate');
    }
  });
});
