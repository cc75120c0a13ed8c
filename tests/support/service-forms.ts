/**
 * A valid citizen form for every track of every service, built relative to a
 * given day so age and window rules hold whatever the date the suite runs on.
 * Tests take one and change the field they are about.
 */
import type { ApplicationSubmission } from '../../schemas/application';
import { services, type ServiceId } from '../../schemas/services';
import { applicantContact, daysBefore, declarations, yearsBefore } from './fixtures';

type Evidence = Record<string, unknown>;

/** Valid evidence per service and track on `today`. */
export const validEvidence = (today: string): { [S in ServiceId]: Record<keyof (typeof services)[S]['tracks'], Evidence> } => {
  const recently = daysBefore(today, 7);
  const predicted = { vdeavkDecisionNumber: 'VDEAVK-2026-17', vdeavkDecisionDate: daysBefore(today, 60), vdeavkDecisionValidUntil: daysBefore(today, -300) };
  const assessment = { assessmentMode: 'in-person', needsAccommodation: true };
  const study = {
    programmeCode: 'datorsistemas',
    programmeName: 'Datorsistēmu tehniķis',
    funding: 'state',
    educationLevel: 'secondary',
    suitabilityAssessment: { status: 'completed', reference: 'SIVA-2026-000042', completedOn: daysBefore(today, 30) },
    disabilityGroup: 'II',
    predictedDisability: false,
    mentalDisorder: false,
    gpOpinionDate: recently,
  };
  const vehicle = {
    vehicle: { registrationNumber: 'KA-4521', vin: 'WVWZZZ1KZAW123456', make: 'Volkswagen', model: 'Golf' },
    drivingLicenceNumber: 'AB123456',
    ownership: 'owner',
    adaptationNeeded: 'Rokas vadības ierīce',
  };
  const socialServiceDecision = { socialServiceDecisionNumber: 'SD-2026-311', socialServiceDecisionDate: recently };
  return {
    'social-rehabilitation': {
      'functional-impairment': { disabilityGroup: 'II', selfAssessmentCompletedOn: daysBefore(today, 3) },
      'after-medical-rehabilitation': {
        medicalRehabilitationEndDate: daysBefore(today, 10),
        dischargeSummaryNumber: 'IZR-2026-114',
        icfCodes: ['b280', 'd450.2'],
        subacute: false,
      },
      'predicted-disability': { ...predicted, rehabilitationPlanNumber: 'IRP-7' },
      'politically-repressed': { statusCertificateNumber: 'R-55' },
      chernobyl: { certificateNumber: 'C-1', category: 'clean-up-participant' },
      'soldiers-and-officers': { serviceStatus: 'soldier-after-international-operation', returnDate: daysBefore(today, 20) },
    },
    'vocational-suitability': {
      disability: { ...assessment, disabilityGroup: 'II', disabilityCertificateNumber: 'INV-1234' },
      'predicted-disability': { ...assessment, ...predicted },
      'mental-disorder': { ...assessment, statementNumber: 'PS-88', statementDate: recently },
      'unemployed-nva': { ...assessment, disabilityGroup: 'III', disabilityCertificateNumber: 'INV-77', unemployedSince: daysBefore(today, 200) },
    },
    'vocational-rehabilitation': {
      'vocational-school': { ...study, educationLevel: 'basic' },
      college: study,
    },
    'driving-training': {
      'category-b': {
        vocationalRehabilitationReference: 'SIVA-2026-000100',
        noMedicalContraindication: true,
        medicalCertificateNumber: 'MED-5',
        medicalCertificateDate: recently,
      },
    },
    'vehicle-adaptation': {
      'state-funded': {
        ...vehicle,
        vdeavkCertificateNumber: 'VDEAVK-T-9',
        vdeavkCertificateDate: daysBefore(today, 40),
        disabilityGroup: 'I',
        disabilityCertificateNumber: 'INV-9',
        coPaymentExempt: false,
      },
      paid: vehicle,
    },
    'early-intervention': {
      'after-acute-event': {
        acuteEventDate: daysBefore(today, 60),
        medicalRehabilitationEndDate: daysBefore(today, 10),
        icfCodes: ['b730'],
        employment: { status: 'employed', employer: 'SIA Piemērs', occupation: 'Pārdevējs', onSickLeave: true },
        disabilityStatus: 'none',
        consentToShareWithNvaAndSocialServices: true,
      },
    },
    'coordinated-services': {
      'addiction-children': { ...socialServiceDecision, addictionKind: 'substance' },
      'addiction-adults': { ...socialServiceDecision, addictionKind: 'process' },
      'trafficking-victims': socialServiceDecision,
      'long-term-care-children': socialServiceDecision,
      'long-term-care-mental-disorders': socialServiceDecision,
      'long-term-care-blind-adults': socialServiceDecision,
    },
  };
};

/** Children's tracks need a child's birth date; everything else a working-age adult's. */
const childTracks = new Set(['addiction-children', 'long-term-care-children']);

export const validForm = (serviceId: ServiceId, track: string, today: string, evidence: Evidence = {}): ApplicationSubmission =>
  ({
    serviceId,
    track,
    applicant: { ...applicantContact, ...(childTracks.has(track) && { dateOfBirth: yearsBefore(today, 12) }) },
    evidence: { ...(validEvidence(today)[serviceId] as Record<string, Evidence>)[track], ...evidence },
    declarations,
  }) as ApplicationSubmission;

/** Every (service, track) pair of the registry. */
export const allTracks = (): [ServiceId, string][] =>
  (Object.keys(services) as ServiceId[]).flatMap((serviceId) => Object.keys(services[serviceId].tracks).map((track): [ServiceId, string] => [serviceId, track]));

/** A new-format personal code (no birth date in it) unique enough per test run. */
export const freshPersonalCode = (): string => `3${2 + Math.floor(Math.random() * 8)}${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;

/** A referral envelope around a form, naming the client as an officer must. */
export const referralOf = (form: ApplicationSubmission, personalCode: string, today: string, extra: Record<string, unknown> = {}) => ({
  referral: { number: `NOS-${personalCode.slice(-5)}`, date: today, clientConsent: true, ...extra },
  application: { ...form, applicant: { ...form.applicant, personalCode, givenName: 'Anna', familyName: 'Kalniņa' } },
});
