/**
 * Every track's rules through assessTrack, the one function behind both the pre-check (incomplete facts) and a
 * submission (complete facts): boundary days, dates in the future, windows that end today, who may file.
 */
import { describe, expect, it } from 'vitest';
import { assessTrack, earlyInterventionWindowClosesOn, formViolations } from '../../functions/core/eligibility';
import { defaultRules, type EligibilityRules } from '../../functions/core/rules';
import type { FiledBy, ServiceId } from '../../schemas/services';
import { daysBefore, yearsBefore } from '../support/fixtures';

const today = '2026-11-22';
const tomorrow = '2026-11-23';
const yesterday = '2026-11-21';
const adult = '1980-05-05';
const daysAfter = (isoDate: string, days: number) => daysBefore(isoDate, -days);

interface Case {
  readonly evidence?: Record<string, unknown>;
  readonly dateOfBirth?: string;
  readonly filer?: FiledBy;
  readonly complete?: boolean;
  readonly on?: string;
  readonly rules?: EligibilityRules;
}

const assess = (serviceId: ServiceId, track: string, c: Case = {}) => {
  const { violations, missing } = assessTrack({
    serviceId,
    track,
    facts: { dateOfBirth: 'dateOfBirth' in c ? c.dateOfBirth : adult, evidence: c.evidence ?? {} },
    filer: 'filer' in c ? c.filer : 'citizen',
    today: c.on ?? today,
    rules: c.rules ?? defaultRules,
    complete: c.complete ?? true,
  });
  return {
    violations: violations.map(({ path, code, params }) => (params ? { at: path.join('.'), code, params } : { at: path.join('.'), code })),
    missing: missing.map((path) => path.join('.')),
  };
};
const violationCodes = (serviceId: ServiceId, track: string, c: Case = {}) =>
  assess(serviceId, track, c).violations.map(({ at, code }) => `${at}: ${code}`);

describe('evidence dates may be today but not in the future', () => {
  it.each([
    ['social-rehabilitation', 'functional-impairment', 'selfAssessmentCompletedOn', 'citizen'],
    ['social-rehabilitation', 'predicted-disability', 'vdeavkDecisionDate', 'citizen'],
    ['vocational-suitability', 'predicted-disability', 'vdeavkDecisionDate', 'citizen'],
    ['vocational-suitability', 'mental-disorder', 'statementDate', 'citizen'],
    ['vocational-suitability', 'unemployed-nva', 'unemployedSince', 'nva'],
    ['driving-training', 'category-b', 'medicalCertificateDate', 'citizen'],
    ['vehicle-adaptation', 'state-funded', 'vdeavkCertificateDate', 'citizen'],
  ] as const)('%s / %s: %s', (serviceId, track, field, filer) => {
    const base = { vocationalRehabilitationReference: 'PR-1', noMedicalContraindication: true, vdeavkCertificateNumber: 'V-1', disabilityGroup: 'II' };
    expect(violationCodes(serviceId, track, { filer, evidence: { ...base, [field]: today } })).toEqual([]);
    expect(violationCodes(serviceId, track, { filer, evidence: { ...base, [field]: tomorrow } })).toEqual([`evidence.${field}: date_in_future`]);
  });
});

describe('a VDEĀVK decision must still be valid', () => {
  it.each(['social-rehabilitation', 'vocational-suitability'] as const)('%s: valid until today passes, until yesterday is expired', (serviceId) => {
    expect(violationCodes(serviceId, 'predicted-disability', { evidence: { vdeavkDecisionValidUntil: today } })).toEqual([]);
    expect(violationCodes(serviceId, 'predicted-disability', { evidence: { vdeavkDecisionValidUntil: yesterday } })).toEqual([
      'evidence.vdeavkDecisionValidUntil: decision_expired',
    ]);
  });
});

describe('working age', () => {
  const atAge = (years: number, extraDays = 0) => daysBefore(yearsBefore(today, years), extraDays);

  it('the pre-check asks whether a person of pension age works, instead of refusing', () => {
    expect(assess('vocational-suitability', 'disability', { dateOfBirth: atAge(65), complete: false })).toEqual({
      violations: [],
      missing: ['evidence.workingAndInsured'],
    });
    expect(assess('vocational-suitability', 'disability', { dateOfBirth: atAge(65), complete: false, evidence: { workingAndInsured: false } })).toEqual({
      violations: [{ at: 'evidence.workingAndInsured', code: 'above_pension_age', params: { pensionAge: 65 } }],
      missing: [],
    });
  });

  it('the pre-check without a date of birth asks for it and judges nothing on age', () => {
    expect(assess('vocational-suitability', 'disability', { dateOfBirth: undefined, complete: false })).toEqual({
      violations: [],
      missing: ['applicant.dateOfBirth'],
    });
  });

  it('names the minimum age when too young', () => {
    expect(assess('vocational-suitability', 'disability', { dateOfBirth: atAge(15, -1) }).violations).toEqual([
      { at: 'applicant.dateOfBirth', code: 'too_young', params: { minimumAge: 15 } },
    ]);
  });

  it('a birth date in the future or before 1900 ends the assessment there', () => {
    expect(assess('vocational-suitability', 'disability', { dateOfBirth: tomorrow, complete: false })).toEqual({
      violations: [{ at: 'applicant.dateOfBirth', code: 'date_in_future' }],
      missing: [],
    });
    expect(assess('vocational-suitability', 'disability', { dateOfBirth: today }).violations).toEqual([
      { at: 'applicant.dateOfBirth', code: 'too_young', params: { minimumAge: 15 } },
    ]);
    expect(assess('vocational-suitability', 'disability', { dateOfBirth: '1900-01-01' }).violations.map(({ code }) => code)).toEqual(['above_pension_age']);
    expect(violationCodes('vocational-suitability', 'disability', { dateOfBirth: '1899-12-31' })).toEqual(['applicant.dateOfBirth: date_out_of_range']);
  });
});

describe('windows that end a number of months after an event', () => {
  const soldier = (returnDate: string | undefined, serviceStatus = 'soldier-after-international-operation') =>
    assess('social-rehabilitation', 'soldiers-and-officers', {
      filer: 'armed-forces',
      evidence: returnDate === undefined ? { serviceStatus } : { serviceStatus, returnDate },
    });

  it('soldiers: within three months of returning, the return day today included', () => {
    expect(soldier(today).violations).toEqual([]);
    expect(soldier('2026-08-22').violations).toEqual([]);
    expect(soldier('2026-08-21').violations).toEqual([{ at: 'evidence.returnDate', code: 'soldier_return_window', params: { months: 3 } }]);
    expect(soldier(tomorrow).violations).toEqual([{ at: 'evidence.returnDate', code: 'date_in_future' }]);
    expect(soldier(undefined).missing).toEqual(['evidence.returnDate']);
    expect(soldier('2020-01-01', 'home-guard')).toEqual({ violations: [], missing: [] });
  });

  it('early intervention: six months from the acute event; rehabilitation may not end before it or in the future', () => {
    const early = (evidence: Record<string, unknown>) => violationCodes('early-intervention', 'after-acute-event', { evidence });
    expect(early({ acuteEventDate: today, medicalRehabilitationEndDate: today })).toEqual([]);
    expect(early({ acuteEventDate: '2026-05-22' })).toEqual([]);
    expect(early({ acuteEventDate: '2026-05-21' })).toEqual(['evidence.acuteEventDate: early_intervention_window']);
    expect(early({ acuteEventDate: '2026-10-01', medicalRehabilitationEndDate: '2026-09-30' })).toEqual([
      'evidence.medicalRehabilitationEndDate: date_before_acute_event',
    ]);
    expect(early({ acuteEventDate: '2026-10-01', medicalRehabilitationEndDate: tomorrow })).toEqual([
      'evidence.medicalRehabilitationEndDate: date_in_future',
    ]);
    expect(assess('early-intervention', 'after-acute-event', { complete: false, evidence: { medicalRehabilitationEndDate: today } })).toEqual({
      violations: [],
      missing: ['evidence.acuteEventDate'],
    });
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-28'],
    ['2026-04-30', 6, '2026-10-30'],
  ])('an event on %s with a %i-month window: the window shown closes on %s, the last day accepted', (event, months, closesOn) => {
    const rules = { ...defaultRules, earlyInterventionWindowMonths: months };
    const on = (date: string) => violationCodes('early-intervention', 'after-acute-event', { on: date, rules, evidence: { acuteEventDate: event } });
    expect(earlyInterventionWindowClosesOn(event, rules)).toBe(closesOn);
    expect(on(closesOn)).toEqual([]);
    expect(on(daysAfter(closesOn, 1))).toEqual(['evidence.acuteEventDate: early_intervention_window']);
  });

  it('for every event day of two years and windows of 1, 2, 3 and 6 months, the day shown is the last day accepted', () => {
    const disagreements: string[] = [];
    for (const months of [1, 2, 3, 6]) {
      const rules = { ...defaultRules, earlyInterventionWindowMonths: months };
      for (let event = '2027-01-01'; event < '2029-01-01'; event = daysAfter(event, 1)) {
        const closesOn = earlyInterventionWindowClosesOn(event, rules);
        const accepted = (on: string) =>
          assessTrack({ serviceId: 'early-intervention', track: 'after-acute-event', facts: { dateOfBirth: adult, evidence: { acuteEventDate: event } }, filer: 'citizen', today: on, rules, complete: true }).violations.length === 0;
        if (!accepted(closesOn) || accepted(daysAfter(closesOn, 1))) disagreements.push(`${event} + ${months}: shown ${closesOn}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('vocational rehabilitation', () => {
  const completed = { status: 'completed', completedOn: '2026-10-01' };
  const study = (track: 'vocational-school' | 'college', evidence: Record<string, unknown>, c: Case = {}) =>
    violationCodes('vocational-rehabilitation', track, { ...c, evidence: { educationLevel: 'secondary', suitabilityAssessment: completed, ...evidence } });

  it('needs basic education for a vocational school and secondary for a college', () => {
    expect(study('vocational-school', { educationLevel: 'basic' })).toEqual([]);
    expect(study('vocational-school', { educationLevel: 'none' })).toEqual(['evidence.educationLevel: education_prerequisite']);
    expect(study('college', { educationLevel: 'secondary' })).toEqual([]);
    expect(study('college', { educationLevel: 'higher' })).toEqual([]);
    expect(assess('vocational-rehabilitation', 'college', { evidence: { educationLevel: 'basic', suitabilityAssessment: completed } }).violations).toEqual([
      { at: 'evidence.educationLevel', code: 'education_prerequisite', params: { required: 'secondary' } },
    ]);
  });

  it('the pre-check asks for the education level and the suitability assessment when not told', () => {
    expect(assess('vocational-rehabilitation', 'college', { complete: false })).toEqual({
      violations: [],
      missing: ['evidence.educationLevel', 'evidence.suitabilityAssessment'],
    });
  });

  it('a suitability assessment completed today passes, one dated tomorrow does not', () => {
    expect(study('college', { suitabilityAssessment: { status: 'completed', completedOn: today } })).toEqual([]);
    expect(study('college', { suitabilityAssessment: { status: 'completed', completedOn: tomorrow } })).toEqual([
      'evidence.suitabilityAssessment.completedOn: date_in_future',
    ]);
  });

  it('without an assessment: only the exempt programme, or paid studies that are paid', () => {
    const without = (reason: string) => ({ status: 'not-required', reason });
    expect(study('college', { suitabilityAssessment: without('exempt-programme'), programmeCode: 'surdotulks' })).toEqual([]);
    expect(study('college', { suitabilityAssessment: without('exempt-programme'), programmeCode: 'grāmatvedis' })).toEqual([
      'evidence.suitabilityAssessment.reason: suitability_exemption_not_applicable',
    ]);
    expect(study('college', { suitabilityAssessment: without('exempt-programme') })).toEqual([
      'evidence.suitabilityAssessment.reason: suitability_exemption_not_applicable',
    ]);
    expect(study('college', { suitabilityAssessment: without('paid-studies'), funding: 'paid' })).toEqual([]);
    expect(study('college', { suitabilityAssessment: without('paid-studies'), funding: 'state', programmeCode: 'surdotulks' })).toEqual([
      'evidence.suitabilityAssessment.reason: suitability_exemption_not_applicable',
    ]);
  });

  it('paid studies have no upper age limit; state-funded ones stop at the pension age', () => {
    const old = yearsBefore(today, 70);
    expect(study('college', { funding: 'paid' }, { dateOfBirth: old })).toEqual([]);
    expect(study('college', { funding: 'state' }, { dateOfBirth: old })).toEqual(['evidence.workingAndInsured: above_pension_age']);
  });

  it('a GP’s opinion may be at most one month old, and not from the future', () => {
    expect(study('college', { gpOpinionDate: today })).toEqual([]);
    expect(study('college', { gpOpinionDate: '2026-10-22' })).toEqual([]);
    expect(assess('vocational-rehabilitation', 'college', { evidence: { educationLevel: 'secondary', suitabilityAssessment: completed, gpOpinionDate: '2026-10-21' } }).violations).toEqual([
      { at: 'evidence.gpOpinionDate', code: 'gp_opinion_too_old', params: { months: 1 } },
    ]);
    expect(study('college', { gpOpinionDate: tomorrow })).toEqual(['evidence.gpOpinionDate: date_in_future']);
  });
});

describe('driving training and vehicle adaptation', () => {
  it('driving training: a medical contraindication refuses; the pre-check asks for what it was not told', () => {
    expect(violationCodes('driving-training', 'category-b', { evidence: { vocationalRehabilitationReference: 'PR-1', noMedicalContraindication: false } })).toEqual([
      'evidence.noMedicalContraindication: medical_contraindication',
    ]);
    expect(assess('driving-training', 'category-b', { complete: false })).toEqual({
      violations: [],
      missing: ['evidence.vocationalRehabilitationReference', 'evidence.noMedicalContraindication'],
    });
  });

  it('state-funded adaptation needs a disability; both tracks need the owner’s consent when not the owner', () => {
    const stateFunded = (evidence: Record<string, unknown>) =>
      violationCodes('vehicle-adaptation', 'state-funded', { evidence: { vdeavkCertificateNumber: 'V-1', disabilityGroup: 'III', ...evidence } });
    expect(stateFunded({})).toEqual([]);
    expect(stateFunded({ disabilityGroup: 'none' })).toEqual(['evidence.disabilityGroup: disability_required']);
    expect(stateFunded({ ownership: 'not-owner' })).toEqual(['evidence.ownerConsent: owner_consent_required']);
    expect(stateFunded({ ownership: 'not-owner', ownerConsent: { name: 'X' } })).toEqual([]);
    expect(stateFunded({ ownership: 'owner' })).toEqual([]);
    expect(violationCodes('vehicle-adaptation', 'paid', { evidence: { ownership: 'not-owner' } })).toEqual(['evidence.ownerConsent: owner_consent_required']);
    expect(assess('vehicle-adaptation', 'state-funded', { complete: false })).toEqual({
      violations: [],
      missing: ['evidence.vdeavkCertificateNumber', 'evidence.disabilityGroup'],
    });
  });
});

describe('coordinated services split children from adults at 18', () => {
  const at = (track: string, dateOfBirth: string) => assess('coordinated-services', track, { filer: 'social-service', dateOfBirth }).violations;
  const eighteen = yearsBefore(today, 18);
  const seventeen = daysBefore(eighteen, -1);

  it.each(['addiction-children', 'long-term-care-children'])('%s: until the day before the 18th birthday', (track) => {
    expect(at(track, seventeen)).toEqual([]);
    expect(at(track, eighteen)).toEqual([{ at: 'applicant.dateOfBirth', code: 'child_only', params: { adultAge: 18 } }]);
  });

  it.each(['addiction-adults', 'long-term-care-mental-disorders', 'long-term-care-blind-adults'])('%s: from the 18th birthday', (track) => {
    expect(at(track, eighteen)).toEqual([]);
    expect(at(track, seventeen)).toEqual([{ at: 'applicant.dateOfBirth', code: 'adult_only', params: { adultAge: 18 } }]);
  });

  it('trafficking victims at any age', () => {
    expect(at('trafficking-victims', '2020-01-01')).toEqual([]);
  });
});

describe('social rehabilitation tracks without age limits', () => {
  it('Chernobyl: age matters for affected persons only; the pre-check asks for it then', () => {
    expect(assess('social-rehabilitation', 'chernobyl', { dateOfBirth: undefined, complete: false, evidence: { category: 'affected-person' } }).missing).toEqual([
      'applicant.dateOfBirth',
    ]);
    expect(assess('social-rehabilitation', 'chernobyl', { dateOfBirth: undefined, complete: false, evidence: { category: 'clean-up-participant' } }).missing).toEqual([]);
    expect(assess('social-rehabilitation', 'chernobyl', { dateOfBirth: yearsBefore(today, 19), evidence: { category: 'affected-person' } }).violations).toEqual([
      { at: 'applicant.dateOfBirth', code: 'affected_person_age', params: { maximumAge: 18 } },
    ]);
  });
});

describe('who may file', () => {
  it('the public pre-check says a referral-only track is by referral', () => {
    expect(violationCodes('social-rehabilitation', 'soldiers-and-officers', { filer: undefined, complete: false })).toEqual(['track: referral_only']);
    expect(violationCodes('coordinated-services', 'trafficking-victims', { filer: undefined, complete: false })).toEqual(['track: referral_only']);
    expect(violationCodes('vocational-suitability', 'disability', { filer: undefined, complete: false })).toEqual([]);
  });

  it('a citizen cannot file a referral-only track; an organisation cannot refer where it has no say', () => {
    expect(violationCodes('coordinated-services', 'trafficking-victims', { filer: 'citizen' })).toEqual(['track: referral_only']);
    expect(violationCodes('vocational-suitability', 'disability', { filer: 'social-service' })).toEqual(['track: not_referable']);
    expect(violationCodes('early-intervention', 'after-acute-event', { filer: 'medical-institution', evidence: { acuteEventDate: today } })).toEqual([]);
  });

  it('an unknown track is refused and nothing else is judged', () => {
    expect(assess('social-rehabilitation', 'no-such-track', { dateOfBirth: tomorrow })).toEqual({
      violations: [{ at: 'track', code: 'unknown_track' }],
      missing: [],
    });
  });
});

describe('a submitted form', () => {
  const form = { serviceId: 'social-rehabilitation' as const, track: 'soldiers-and-officers', applicant: { dateOfBirth: adult } };

  it('requires a fact the schema left optional when a rule needs it', () => {
    const violations = formViolations(
      { ...form, evidence: { serviceStatus: 'soldier-after-international-operation' } },
      { personalCode: '32579461005', filer: 'armed-forces', today, rules: defaultRules },
    );
    expect(violations).toEqual([{ path: ['evidence', 'returnDate'], code: 'required' }]);
  });

  it('compares a new-format personal code with no birth date', () => {
    const violations = formViolations(
      { ...form, evidence: { serviceStatus: 'home-guard' } },
      { personalCode: '32579461005', filer: 'armed-forces', today, rules: defaultRules },
    );
    expect(violations).toEqual([]);
  });
});
