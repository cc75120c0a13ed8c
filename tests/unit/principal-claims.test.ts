/**
 * Who a caller is, from verified token claims. A workforce caller from an access token: the role from
 * its group, the scope from what the pool's trigger added (administrator-only attributes), and only a
 * verified e-mail for mail. A citizen from eID, with the birth date eID confirms.
 */
import { describe, expect, it } from 'vitest';
import { claimList, principalFromClaims } from '../../functions/http/auth';
import { referrerKinds } from '../../schemas/services';
import { citizenClaims, testIssuers, workforceClaims } from '../support/api-event';

const principal = (claims: Record<string, string | boolean>) => principalFromClaims(claims, testIssuers);
const refused = (claims: Record<string, string | boolean>) => expect(() => principal(claims)).toThrow(expect.objectContaining({ kind: 'unauthorized' }));

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

describe('claims that cannot identify a caller are refused as 401, never a 500', () => {
  it('refuses no claims at all, and a subject that is missing, empty or not text', () => {
    expect(() => principalFromClaims(undefined, testIssuers)).toThrow(expect.objectContaining({ kind: 'unauthorized' }));
    const { sub: _sub, ...withoutSubject } = citizenClaims();
    refused(withoutSubject);
    refused(citizenClaims({ sub: '' }));
    expect(() => principalFromClaims({ ...citizenClaims(), sub: 42 }, testIssuers)).toThrow(expect.objectContaining({ kind: 'unauthorized' }));
  });

  it('refuses a token of an issuer the API does not trust, whatever else it carries', () => {
    refused(citizenClaims({ iss: 'https://eid.test/citizen/' }));
    refused({ ...workforceClaims('staff', 'staff-anna', {}), iss: 'https://cognito.test/other-pool' });
    const { iss: _iss, ...withoutIssuer } = citizenClaims();
    refused(withoutIssuer);
  });

  it('refuses an eID token without a valid personal code, a given name or a family name', () => {
    refused(citizenClaims({ personal_code: '161175-19998' }));
    refused(citizenClaims({ personal_code: '' }));
    const { personal_code: _code, ...withoutCode } = citizenClaims();
    refused(withoutCode);
    refused(citizenClaims({ given_name: '' }));
    refused(citizenClaims({ family_name: '' }));
    const { family_name: _family, ...withoutFamilyName } = citizenClaims();
    refused(withoutFamilyName);
  });

  it('refuses a workforce access token whose groups name no workforce role', () => {
    refused({ ...workforceClaims('staff', 'staff-anna', {}), 'cognito:groups': '[admins visitors]' });
    refused({ ...workforceClaims('staff', 'staff-anna', {}), 'cognito:groups': '' });
  });

  it('does not take a citizen token for a workforce one, or the reverse', () => {
    refused({ ...workforceClaims('staff', 'staff-anna', {}), iss: testIssuers.citizen });
    refused({ ...citizenClaims(), iss: testIssuers.workforce });
  });
});

describe('citizen principal: what eID says about the person', () => {
  it('keeps the personal code without its hyphen, the names and the e-mail address', () => {
    expect(principal(citizenClaims({ personal_code: '161175-19997' }))).toEqual({
      role: 'citizen',
      subject: 'eid-citizen-1',
      personalCode: '16117519997',
      givenName: 'Jānis',
      familyName: 'Bērziņš',
      email: 'janis@example.lv',
    });
  });

  it('leaves the e-mail address out when eID sends none or an empty one', () => {
    const { email: _email, ...withoutEmail } = citizenClaims();
    expect(principal(withoutEmail)).not.toHaveProperty('email');
    expect(principal(citizenClaims({ email: '' }))).not.toHaveProperty('email');
  });
});

describe('workforce principal: name, role and scope', () => {
  const staff = (extra: Record<string, string | boolean> = {}) => ({ ...workforceClaims('staff', 'staff-anna', {}), ...extra });

  it('names the person by the name claim, else the user name, else the subject', () => {
    expect(principalFromClaims(staff({ name: 'Anna Ozola', username: 'anna' }), testIssuers)).toMatchObject({ name: 'Anna Ozola' });
    expect(principalFromClaims(staff({ name: '', username: 'anna' }), testIssuers)).toMatchObject({ name: 'anna' });
    expect(principalFromClaims(staff({ name: '', username: '' }), testIssuers)).toMatchObject({ name: 'staff-anna' });
  });

  it('accepts the workforce scope among others, in any list shape, and a verified flag sent as a boolean', () => {
    const claims = staff({ scope: 'openid,siva-eservices/workforce', email: 'anna@siva.gov.lv', email_verified: true });
    expect(principalFromClaims(claims, testIssuers)).toMatchObject({ role: 'staff', email: 'anna@siva.gov.lv' });
  });

  it('keeps only known service ids, and no e-mail when the verified address is empty', () => {
    const claims = staff({ 'siva:services': '[social-rehabilitation space-travel]', email: '', email_verified: 'true' });
    const found = principalFromClaims(claims, testIssuers);
    expect(found).toMatchObject({ services: ['social-rehabilitation'] });
    expect(found).not.toHaveProperty('email');
  });

  it('takes the role a group grants when the token lists several groups', () => {
    const claims = { ...workforceClaims('nva', 'officer-1', { 'custom:organisation': 'riga-office' }), 'cognito:groups': '[visitors nva]' };
    expect(principal(claims)).toMatchObject({ role: 'nva', organisation: 'riga-office' });
  });
});

describe('list claims in every shape API Gateway or a provider sends', () => {
  it('strips the brackets API Gateway adds only when both are there', () => {
    expect(claimList('[a b]')).toEqual(['a', 'b']);
    expect(claimList('[a b')).toEqual(['[a', 'b']);
    expect(claimList('a b]')).toEqual(['a', 'b]']);
    expect(claimList('[]')).toEqual([]);
  });

  it('splits on spaces, commas and runs of both, dropping empty parts', () => {
    expect(claimList(' a, b ,,c  d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(claimList('')).toEqual([]);
  });

  it('reads an array item by item as text, and anything that is neither as no list', () => {
    expect(claimList(['a b', 'c'])).toEqual(['a b', 'c']);
    expect(claimList(3)).toEqual([]);
    expect(claimList(true)).toEqual([]);
  });
});
