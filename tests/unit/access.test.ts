/**
 * Whose application it is (docs/access.md): a personal code is not enough, the
 * eID name and birth date must be the record's; a representative reads what
 * they filed and acts only once staff have confirmed them.
 */
import { describe, expect, it } from 'vitest';
import { citizenAccess, isDataSubject } from '../../functions/core/access';
import type { PrincipalFor } from '../../functions/core/model';
import { storedApplication } from '../support/stored-application';

const person = (overrides: Partial<PrincipalFor<'citizen'>> = {}): PrincipalFor<'citizen'> => ({
  role: 'citizen',
  subject: 'eid-marta',
  personalCode: '32579461005',
  givenName: 'Marta',
  familyName: 'Kalniņa-Ozola',
  ...overrides,
});
/** Filed by an officer about Marta: her code, her name as typed, her birth date. */
const aboutMarta = storedApplication({
  channel: 'referral',
  ownerSubject: undefined,
  applicant: { ...storedApplication().applicant, personalCode: '32579461005', givenName: 'Marta', familyName: 'Kalnina Ozola', dateOfBirth: '1990-04-04' },
});

describe('the person an application is about', () => {
  it('is the one with its code and its name, whatever the case, accents, spaces or hyphens', () => {
    expect(isDataSubject(person(), aboutMarta)).toBe(true);
    expect(isDataSubject(person({ givenName: 'MARTA ', birthDate: '1990-04-04' }), aboutMarta)).toBe(true);
  });

  it('is not whoever holds the code under another name or birth date (a typo names a stranger)', () => {
    expect(isDataSubject(person({ givenName: 'Pēteris' }), aboutMarta)).toBe(false);
    expect(isDataSubject(person({ familyName: 'Kalniņa' }), aboutMarta)).toBe(false);
    expect(isDataSubject(person({ birthDate: '1991-04-04' }), aboutMarta)).toBe(false);
    expect(isDataSubject(person({ personalCode: '32579461006' }), aboutMarta)).toBe(false);
  });
});

describe('what a citizen may do with an application', () => {
  const filedByParent = storedApplication({ channel: 'representative', ownerSubject: 'eid-parent' });
  const parent = person({ subject: 'eid-parent', personalCode: '32000000001', givenName: 'Ilze', familyName: 'Kalna' });

  it('a representative staff have not confirmed reads back what they filed; once confirmed, everything', () => {
    expect(citizenAccess(parent, filedByParent)).toBe('filed');
    expect(citizenAccess(parent, { ...filedByParent, representativeConfirmed: { at: '2026-11-29T10:00:00Z', by: 'staff-anna' } })).toBe('full');
  });

  it('the person themself may do everything; anyone else nothing', () => {
    const { applicant } = filedByParent;
    expect(citizenAccess(person({ personalCode: applicant.personalCode, givenName: applicant.givenName, familyName: applicant.familyName }), filedByParent)).toBe('full');
    expect(citizenAccess(person({ subject: 'eid-stranger' }), filedByParent)).toBe('none');
  });
});
