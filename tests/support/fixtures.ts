/**
 * Valid example payloads for tests, built relative to a given day so the
 * age and window rules stay true whatever the date the suite runs on.
 */
import type { ApplicationSubmission } from '../../schemas/application';
import { monthsBefore } from '../../functions/core/dates';

/** A day shifted by whole years (birth dates for a wanted age). */
export const yearsBefore = (isoDate: string, years: number): string => monthsBefore(isoDate, years * 12);

export const daysBefore = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

/** 161175-19997: an old-format code with a valid check digit, born 16 Nov 1975. */
export const oldFormatCode = '161175-19997';
export const oldFormatBirthDate = '1975-11-16';
/** A new-format code (no birth date, no checksum). */
export const newFormatCode = '32579461005';

export const applicantContact = {
  dateOfBirth: oldFormatBirthDate,
  address: { municipality: 'jurmala', line: 'Dubultu prospekts 71', postcode: 'LV-2015' },
  phone: '+371 20000000',
  email: 'janis.berzins@example.lv',
  language: 'lv',
  contactChannel: 'email',
} as const;

export const declarations = { informationIsTrue: true, consentToProcessing: true } as const;

export const functionalImpairmentApplication = (today: string, overrides: Partial<Record<string, unknown>> = {}) =>
  ({
    serviceId: 'social-rehabilitation',
    track: 'functional-impairment',
    applicant: { ...applicantContact },
    evidence: { disabilityGroup: 'II', selfAssessmentCompletedOn: daysBefore(today, 3) },
    declarations,
    ...overrides,
  }) as ApplicationSubmission;

export const afterMedicalRehabilitationApplication = (today: string, endedDaysAgo = 10) =>
  ({
    serviceId: 'social-rehabilitation',
    track: 'after-medical-rehabilitation',
    applicant: { ...applicantContact },
    evidence: {
      medicalRehabilitationEndDate: daysBefore(today, endedDaysAgo),
      dischargeSummaryNumber: 'IZR-2026-114',
      icfCodes: ['b280', 'd450.2'],
      subacute: false,
    },
    declarations,
  }) as ApplicationSubmission;

/**
 * Personal data that must never reach a log line. Tests that submit it leave
 * it where a careless log statement would pick it up; the log audit
 * (tests/support/log-audit.ts) fails the whole run if any of it appears in the
 * captured output. 140385-19949 is a valid old-format code (born 14 Mar 1985).
 */
export const canary = {
  personalCode: '140385-19949',
  dateOfBirth: '1985-03-14',
  givenName: 'Kanārija',
  familyName: 'Čiepstiņa',
  email: 'kanarija.ciepstina@example.lv',
  addressLine: 'Putnu iela 13 dz. 37',
  phone: '+371 29871234',
  postcode: 'LV-3913',
  /** Health evidence: a VDEĀVK decision number and an ICF code; the disability group (I–III) is too short to search for. */
  documentNumber: 'VDEAVK-58213/KAN',
  icfCode: 'b28013',
  representativeName: 'Zīlīte Strazdiņa',
  officerName: 'Dzenis Vālodze',
  doctorName: 'Dr. Žubīte Cielava',
} as const;

/** The applicant's contact details, all of them canaries. */
export const canaryContact = {
  ...applicantContact,
  dateOfBirth: canary.dateOfBirth,
  address: { ...applicantContact.address, line: canary.addressLine, postcode: canary.postcode },
  phone: canary.phone,
  email: canary.email,
} as const;

let issuedCodes = 0;
const codeBase = Math.floor(Math.random() * 1e9);

/** A new-format personal code (32…39 and nine digits) not handed out before in this process. */
export const uniquePersonalCode = (): string => {
  issuedCodes += 1;
  return `3${2 + (issuedCodes % 8)}${String((codeBase + issuedCodes) % 1e9).padStart(9, '0')}`;
};

/** Jānis as eID names him in a citizen's token: the old-format code with its hyphen dropped, as tokens carry it. */
export const janisPrincipal = {
  role: 'citizen',
  subject: 'eid-janis',
  personalCode: oldFormatCode.replace('-', ''),
  givenName: 'Jānis',
  familyName: 'Bērziņš',
  email: 'janis@example.lv',
} as const;
