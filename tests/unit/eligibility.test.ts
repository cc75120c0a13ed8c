import { describe, expect, it } from 'vitest';
import { formViolations } from '../../functions/core/eligibility';
import { defaultRules } from '../../functions/core/rules';
import type { SocialRehabilitationApplication } from '../../schemas/social-rehabilitation';
import {
  afterMedicalRehabilitationApplication,
  daysBefore,
  functionalImpairmentApplication,
  newFormatCode,
  oldFormatCode,
  yearsBefore,
} from '../support/fixtures';

const today = '2026-11-22';

const codesFor = (form: SocialRehabilitationApplication, rules = defaultRules, personalCode = newFormatCode) =>
  formViolations(form, { personalCode, filer: 'citizen', today, rules }).map((v) => `${v.path.join('.')}: ${v.code}`);

const agedExactly = (years: number, form: SocialRehabilitationApplication, extraDays = 0) =>
  ({ ...form, applicant: { ...form.applicant, dateOfBirth: daysBefore(yearsBefore(today, years), extraDays) } }) as SocialRehabilitationApplication;

describe('social rehabilitation eligibility', () => {
  const functional = functionalImpairmentApplication(today) as SocialRehabilitationApplication;

  it('working age starts on the 15th birthday', () => {
    expect(codesFor(agedExactly(15, functional))).toEqual([]);
    expect(codesFor(agedExactly(15, functional, -1))).toEqual(['applicant.dateOfBirth: too_young']);
  });

  it('from the pension age on, only people working and paying social insurance qualify', () => {
    expect(codesFor(agedExactly(65, functional, -1))).toEqual([]);
    expect(codesFor(agedExactly(65, functional))).toEqual(['evidence.workingAndInsured: above_pension_age']);
    const working = { ...agedExactly(65, functional), evidence: { ...functional.evidence, workingAndInsured: true } } as SocialRehabilitationApplication;
    expect(codesFor(working)).toEqual([]);
  });

  it('takes the pension age from configuration', () => {
    const rules = { ...defaultRules, pensionAge: 67 };
    expect(codesFor(agedExactly(66, functional), rules)).toEqual([]);
    expect(codesFor(agedExactly(67, functional), rules)).toEqual(['evidence.workingAndInsured: above_pension_age']);
  });

  it('after medical rehabilitation: apply within two months of its end, not before it ends', () => {
    const endedOn = (date: string) => {
      const form = afterMedicalRehabilitationApplication(today) as Extract<SocialRehabilitationApplication, { track: 'after-medical-rehabilitation' }>;
      return { ...form, evidence: { ...form.evidence, medicalRehabilitationEndDate: date } } as SocialRehabilitationApplication;
    };
    expect(codesFor(endedOn('2026-09-22'))).toEqual([]);
    expect(codesFor(endedOn('2026-09-21'))).toEqual(['evidence.medicalRehabilitationEndDate: medical_rehabilitation_window']);
    expect(codesFor(endedOn('2026-11-23'))).toEqual(['evidence.medicalRehabilitationEndDate: date_in_future']);
    expect(codesFor(endedOn('2026-08-22'), { ...defaultRules, afterMedicalRehabilitationWindowMonths: 3 })).toEqual([]);
  });

  it('predicted disability needs a VDEĀVK decision that is still valid today', () => {
    const withDecision = (validUntil: string) =>
      ({
        ...functional,
        track: 'predicted-disability',
        evidence: { vdeavkDecisionNumber: 'VDEAVK-1', vdeavkDecisionDate: '2026-01-10', vdeavkDecisionValidUntil: validUntil, rehabilitationPlanNumber: 'IRP-7' },
      }) as SocialRehabilitationApplication;
    expect(codesFor(withDecision(today))).toEqual([]);
    expect(codesFor(withDecision('2026-11-21'))).toEqual(['evidence.vdeavkDecisionValidUntil: decision_expired']);
  });

  it('Chernobyl: clean-up participants at any age, affected persons up to 18', () => {
    const chernobyl = (category: string, age: number) =>
      agedExactly(age, { ...functional, track: 'chernobyl', evidence: { certificateNumber: 'C-1', category } } as SocialRehabilitationApplication);
    expect(codesFor(chernobyl('clean-up-participant', 80))).toEqual([]);
    expect(codesFor(chernobyl('affected-person', 18))).toEqual([]);
    expect(codesFor(chernobyl('affected-person', 19))).toEqual(['applicant.dateOfBirth: affected_person_age']);
  });

  it('politically repressed persons qualify at any age', () => {
    const repressed = agedExactly(90, { ...functional, track: 'politically-repressed', evidence: { statusCertificateNumber: 'R-55' } } as SocialRehabilitationApplication);
    expect(codesFor(repressed)).toEqual([]);
  });

  it('the soldiers-and-officers track is by referral only', () => {
    const soldier = { ...functional, track: 'soldiers-and-officers', evidence: { serviceStatus: 'home-guard' } } as SocialRehabilitationApplication;
    expect(codesFor(soldier)).toEqual(['track: referral_only']);
  });

  it('an old-format personal code must agree with the date of birth', () => {
    expect(codesFor(functional, defaultRules, '16117519997')).toEqual([]);
    const otherBirthDate = { ...functional, applicant: { ...functional.applicant, dateOfBirth: '1975-11-17' } } as SocialRehabilitationApplication;
    expect(codesFor(otherBirthDate, defaultRules, oldFormatCode.replace('-', ''))).toEqual(['applicant.dateOfBirth: birth_date_mismatch']);
  });

  it('a birth date in the future or before 1900 is refused', () => {
    const born = (date: string) => ({ ...functional, applicant: { ...functional.applicant, dateOfBirth: date } }) as SocialRehabilitationApplication;
    expect(codesFor(born('2026-11-23'))).toEqual(['applicant.dateOfBirth: date_in_future']);
    expect(codesFor(born('1899-12-31'))).toEqual(['applicant.dateOfBirth: date_out_of_range']);
  });
});
