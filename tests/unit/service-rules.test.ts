/**
 * Each service's rules at their boundaries, and the promise that the public
 * pre-check and a submission never disagree: both are asked the same cases.
 */
import { describe, expect, it } from 'vitest';
import { formViolations } from '../../functions/core/eligibility';
import { precheck } from '../../functions/core/precheck';
import { defaultRules } from '../../functions/core/rules';
import { ApplicationSubmission } from '../../schemas/application';
import type { FiledBy, ServiceId } from '../../schemas/services';
import { daysBefore, newFormatCode, yearsBefore } from '../support/fixtures';
import { allTracks, validForm } from '../support/service-forms';

const today = '2026-11-22';

type Form = ReturnType<typeof validForm>;

const codes = (form: Form, filer: FiledBy = 'citizen', rules = defaultRules) => {
  const parsed = ApplicationSubmission.safeParse(form);
  if (!parsed.success) throw new Error(`example form does not parse: ${JSON.stringify(parsed.error.issues)}`);
  return formViolations(parsed.data, { personalCode: newFormatCode, filer, today, rules }).map((v) => `${v.path.join('.')}: ${v.code}`);
};

/** The pre-check's reasons for the same facts, asked about the same track. */
const precheckCodes = (form: Form, rules = defaultRules) => {
  const answer = precheck(form.serviceId, { track: form.track, dateOfBirth: form.applicant.dateOfBirth, evidence: form.evidence }, { today, rules });
  return answer.tracks[0]!.reasons.map((v) => `${v.path.join('.')}: ${v.code}`);
};

const aged = (form: Form, years: number, extraDays = 0): Form =>
  ({ ...form, applicant: { ...form.applicant, dateOfBirth: daysBefore(yearsBefore(today, years), extraDays) } }) as Form;

const withEvidence = (form: Form, evidence: Record<string, unknown>): Form => ({ ...form, evidence: { ...form.evidence, ...evidence } }) as Form;

/** Who may file each track in the registry (the example forms are otherwise valid). */
const filers: Record<ServiceId, Record<string, FiledBy>> = {
  'social-rehabilitation': { 'soldiers-and-officers': 'armed-forces' },
  'vocational-suitability': { 'unemployed-nva': 'nva' },
  'vocational-rehabilitation': {},
  'driving-training': {},
  'vehicle-adaptation': {},
  'early-intervention': {},
  'coordinated-services': Object.fromEntries(
    ['addiction-children', 'addiction-adults', 'trafficking-victims', 'long-term-care-children', 'long-term-care-mental-disorders', 'long-term-care-blind-adults'].map(
      (track) => [track, 'social-service' as const],
    ),
  ),
};
const filerOf = (serviceId: ServiceId, track: string): FiledBy => filers[serviceId][track] ?? 'citizen';

describe('every track of every service', () => {
  it.each(allTracks())('%s / %s: the example form is accepted from the filer the registry allows', (serviceId, track) => {
    expect(codes(validForm(serviceId, track, today), filerOf(serviceId, track))).toEqual([]);
  });

  it.each(allTracks())('%s / %s: the pre-check agrees that the example person appears eligible', (serviceId, track) => {
    const form = validForm(serviceId, track, today);
    const answer = precheck(serviceId, { track, dateOfBirth: form.applicant.dateOfBirth, evidence: form.evidence }, { today, rules: defaultRules });
    const citizenMayFile = filerOf(serviceId, track) === 'citizen';
    expect(answer.tracks[0]!.outcome).toBe(citizenMayFile ? 'eligible' : 'not-eligible');
    if (!citizenMayFile) expect(answer.tracks[0]!.reasons.map((r) => r.code)).toEqual(['referral_only']);
  });
});

describe('who may file', () => {
  it('coordinated services come only from a municipal social service', () => {
    const form = validForm('coordinated-services', 'trafficking-victims', today);
    expect(codes(form, 'citizen')).toEqual(['track: referral_only']);
    expect(codes(form, 'nva')).toEqual(['track: not_referable']);
    expect(codes(form, 'social-service')).toEqual([]);
  });

  it('the NVA refers unemployed people to suitability assessment; citizens apply on their own tracks', () => {
    expect(codes(validForm('vocational-suitability', 'unemployed-nva', today), 'nva')).toEqual([]);
    expect(codes(validForm('vocational-suitability', 'unemployed-nva', today), 'citizen')).toEqual(['track: referral_only']);
    expect(codes(validForm('vocational-suitability', 'disability', today), 'nva')).toEqual(['track: not_referable']);
  });

  it('medical institutions refer to early intervention, and the person may apply too', () => {
    const form = validForm('early-intervention', 'after-acute-event', today);
    expect(codes(form, 'medical-institution')).toEqual([]);
    expect(codes(form, 'citizen')).toEqual([]);
    expect(codes(validForm('social-rehabilitation', 'functional-impairment', today), 'medical-institution')).toEqual(['track: not_referable']);
  });
});

describe('working age: from the 15th birthday to the pension age', () => {
  const workingAgeTracks: [ServiceId, string][] = [
    ['social-rehabilitation', 'functional-impairment'],
    ['vocational-suitability', 'disability'],
    ['vocational-rehabilitation', 'college'],
    ['early-intervention', 'after-acute-event'],
  ];

  it.each(workingAgeTracks)('%s / %s', (serviceId, track) => {
    const form = validForm(serviceId, track, today);
    expect(codes(aged(form, 15))).toEqual([]);
    expect(codes(aged(form, 15, -1))).toEqual(['applicant.dateOfBirth: too_young']);
    expect(codes(aged(form, 65, -1))).toEqual([]);
    expect(codes(aged(form, 65))).toEqual(['evidence.workingAndInsured: above_pension_age']);
    expect(codes(withEvidence(aged(form, 65), { workingAndInsured: true }))).toEqual([]);
    expect(codes(aged(form, 66), 'citizen', { ...defaultRules, pensionAge: 67 })).toEqual([]);
    for (const age of [15, 65]) expect(precheckCodes(aged(form, age, -1))).toEqual(codes(aged(form, age, -1)));
  });

  it('paid vocational studies have no upper age limit', () => {
    const paid = withEvidence(validForm('vocational-rehabilitation', 'college', today), { funding: 'paid' });
    expect(codes(aged(paid, 70))).toEqual([]);
  });
});

describe('windows counted in months from a date', () => {
  it.each([
    ['social-rehabilitation', 'after-medical-rehabilitation', 'medicalRehabilitationEndDate', 2, 'medical_rehabilitation_window'],
    ['early-intervention', 'after-acute-event', 'acuteEventDate', 6, 'early_intervention_window'],
    ['social-rehabilitation', 'soldiers-and-officers', 'returnDate', 3, 'soldier_return_window'],
  ] as const)('%s / %s: %s within %i months', (serviceId, track, field, months, code) => {
    const form = validForm(serviceId, track, today);
    const filer = filerOf(serviceId, track);
    // The end of medical rehabilitation is optional for early intervention and would bring its own date rules into this case.
    const { medicalRehabilitationEndDate: _end, ...rest } = form.evidence as Record<string, unknown>;
    const base = { ...form, evidence: field === 'acuteEventDate' ? rest : form.evidence } as Form;
    const onDate = (date: string) => withEvidence(base, { [field]: date });
    const firstDay = `2026-${String(11 - months).padStart(2, '0')}-22`;
    expect(codes(onDate(firstDay), filer)).toEqual([]);
    expect(codes(onDate(daysBefore(firstDay, 1)), filer)).toEqual([`evidence.${field}: ${code}`]);
    expect(codes(onDate('2026-11-23'), filer)).toEqual([`evidence.${field}: date_in_future`]);
    expect(precheckCodes(onDate(daysBefore(firstDay, 1))).filter((c) => c !== 'track: referral_only')).toEqual([`evidence.${field}: ${code}`]);
  });

  it('the early-intervention window is configuration', () => {
    const form = withEvidence(validForm('early-intervention', 'after-acute-event', today), { acuteEventDate: '2026-03-22', medicalRehabilitationEndDate: '2026-04-01' });
    expect(codes(form)).toEqual(['evidence.acuteEventDate: early_intervention_window']);
    expect(codes(form, 'citizen', { ...defaultRules, earlyInterventionWindowMonths: 9 })).toEqual([]);
  });

  it('a soldier after an international operation must give the return date', () => {
    const form = validForm('social-rehabilitation', 'soldiers-and-officers', today);
    const { returnDate: _omitted, ...withoutReturn } = form.evidence as Record<string, unknown>;
    expect(codes({ ...form, evidence: withoutReturn } as Form, 'armed-forces')).toEqual(['evidence.returnDate: required']);
    expect(codes({ ...form, evidence: { serviceStatus: 'home-guard' } } as Form, 'armed-forces')).toEqual([]);
  });
});

describe('vocational rehabilitation prerequisites', () => {
  const college = validForm('vocational-rehabilitation', 'college', today);
  const exempt = (reason: string) => ({ status: 'exempt', reason });

  it('the school needs basic education, the College secondary', () => {
    expect(codes(withEvidence(validForm('vocational-rehabilitation', 'vocational-school', today), { educationLevel: 'basic' }))).toEqual([]);
    expect(codes(withEvidence(validForm('vocational-rehabilitation', 'vocational-school', today), { educationLevel: 'none' }))).toEqual([
      'evidence.educationLevel: education_prerequisite',
    ]);
    expect(codes(withEvidence(college, { educationLevel: 'basic' }))).toEqual(['evidence.educationLevel: education_prerequisite']);
  });

  it('a suitability assessment comes first, except for the sign-language interpreter programme and paid studies', () => {
    expect(codes(withEvidence(college, { suitabilityAssessment: exempt('sign-language-interpreter-programme') }))).toEqual([
      'evidence.suitabilityAssessment.reason: suitability_exemption_not_applicable',
    ]);
    expect(codes(withEvidence(college, { programmeCode: 'surdotulks', suitabilityAssessment: exempt('sign-language-interpreter-programme') }))).toEqual([]);
    expect(codes(withEvidence(college, { suitabilityAssessment: exempt('paid-studies') }))).toEqual([
      'evidence.suitabilityAssessment.reason: suitability_exemption_not_applicable',
    ]);
    expect(codes(withEvidence(college, { funding: 'paid', suitabilityAssessment: exempt('paid-studies') }))).toEqual([]);
    const answer = precheck('vocational-rehabilitation', { track: 'college', evidence: { suitabilityAssessment: exempt('paid-studies'), funding: 'state' } }, { today, rules: defaultRules });
    expect(answer.alternatives).toContainEqual({ serviceId: 'vocational-suitability' });
  });

  it('the GP opinion is at most one month old', () => {
    expect(codes(withEvidence(college, { gpOpinionDate: '2026-10-22' }))).toEqual([]);
    expect(codes(withEvidence(college, { gpOpinionDate: '2026-10-21' }))).toEqual(['evidence.gpOpinionDate: gp_opinion_too_old']);
  });
});

describe('vehicle adaptation: state-funded needs VDEĀVK evidence, paid does not', () => {
  const stateFunded = validForm('vehicle-adaptation', 'state-funded', today);
  const paid = validForm('vehicle-adaptation', 'paid', today);

  it('a state-funded application without the VDEĀVK certificate does not pass the form; a paid one needs none', () => {
    const { vdeavkCertificateNumber: _n, ...withoutCertificate } = stateFunded.evidence as Record<string, unknown>;
    expect(ApplicationSubmission.safeParse({ ...stateFunded, evidence: withoutCertificate }).success).toBe(false);
    expect(codes(paid)).toEqual([]);
    expect(ApplicationSubmission.safeParse(withEvidence(paid, { vdeavkCertificateNumber: 'X-1' })).success).toBe(false);
  });

  it('state funding needs a disability; the pre-check then points to the paid service', () => {
    expect(codes(withEvidence(stateFunded, { disabilityGroup: 'none' }))).toEqual(['evidence.disabilityGroup: disability_required']);
    const answer = precheck('vehicle-adaptation', { track: 'state-funded', evidence: { vdeavkCertificateNumber: 'V-1', disabilityGroup: 'none' } }, { today, rules: defaultRules });
    expect(answer.appearsEligible).toBe(false);
    expect(answer.alternatives).toEqual([{ serviceId: 'vehicle-adaptation', track: 'paid' }]);
  });

  it("someone who does not own the car needs the owner's consent", () => {
    expect(codes(withEvidence(paid, { ownership: 'not-owner' }))).toEqual(['evidence.ownerConsent: owner_consent_required']);
    const consent = { ownerKind: 'leasing-company', ownerName: 'SIA Līzings', consentDocumentNumber: 'L-9', consentDate: '2026-11-01' };
    expect(codes(withEvidence(paid, { ownership: 'not-owner', ownerConsent: consent }))).toEqual([]);
  });
});

describe('other services', () => {
  it('driving training: a medical contraindication rules it out', () => {
    const form = validForm('driving-training', 'category-b', today);
    expect(codes(withEvidence(form, { noMedicalContraindication: false }))).toEqual(['evidence.noMedicalContraindication: medical_contraindication']);
  });

  it('coordinated services: children’s tracks end at 18, adults’ tracks start there', () => {
    const children = validForm('coordinated-services', 'addiction-children', today);
    const adults = validForm('coordinated-services', 'addiction-adults', today);
    expect(codes(aged(children, 18, -1), 'social-service')).toEqual([]);
    expect(codes(aged(children, 18), 'social-service')).toEqual(['applicant.dateOfBirth: child_only']);
    expect(codes(aged(adults, 18), 'social-service')).toEqual([]);
    expect(codes(aged(adults, 18, -1), 'social-service')).toEqual(['applicant.dateOfBirth: adult_only']);
  });

  it('early intervention: medical rehabilitation cannot end before the acute event', () => {
    const form = withEvidence(validForm('early-intervention', 'after-acute-event', today), { acuteEventDate: '2026-10-01', medicalRehabilitationEndDate: '2026-09-30' });
    expect(codes(form)).toEqual(['evidence.medicalRehabilitationEndDate: date_before_acute_event']);
  });
});

describe('the pre-check', () => {
  const ask = (serviceId: ServiceId, question: Parameters<typeof precheck>[1]) => precheck(serviceId, question, { today, rules: defaultRules });

  it('without a track, names the track the answers fit and says what facts it still needs', () => {
    const answer = ask('social-rehabilitation', { dateOfBirth: '1980-05-05', evidence: { medicalRehabilitationEndDate: '2026-11-01' } });
    expect(answer.appearsEligible).toBe(true);
    expect(answer.track).toBe('after-medical-rehabilitation');
    const unknownAge = ask('social-rehabilitation', {});
    expect(unknownAge.tracks.find((t) => t.track === 'functional-impairment')).toMatchObject({
      outcome: 'needs-information',
      missing: [['applicant', 'dateOfBirth']],
      evidence: ['functioning-self-assessment'],
      courseDays: 14,
    });
  });

  it('past the early-intervention window, suggests a suitability assessment instead', () => {
    const answer = ask('early-intervention', { dateOfBirth: '1980-05-05', evidence: { acuteEventDate: '2025-12-01' } });
    expect(answer.appearsEligible).toBe(false);
    expect(answer.alternatives).toEqual([{ serviceId: 'vocational-suitability' }]);
  });

  it('refuses an unknown track and a wrongly typed answer for a named track', () => {
    expect(() => ask('driving-training', { track: 'category-c' })).toThrow(expect.objectContaining({ kind: 'validation' }));
    expect(() => ask('driving-training', { track: 'category-b', evidence: { noMedicalContraindication: 'yes' } })).toThrow(
      expect.objectContaining({ kind: 'validation' }),
    );
  });
});
