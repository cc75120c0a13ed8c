/**
 * The social-rehabilitation application form: one variant per track, each
 * with the evidence the domain doc names for it. Eligibility rules that depend
 * on today's date or on regulations (age, windows) live in the core, not here.
 */
import * as z from 'zod/mini';
import {
  Applicant,
  Declarations,
  DisabilityGroup,
  DocumentNumber,
  IcfCode,
  IsoDate,
  Representative,
  limits,
} from './primitives';
import type { SocialRehabilitationTrack } from './services';

/** Above pension age only people who work and pay social insurance qualify. */
const workingAndInsured = z.optional(z.boolean());

export const socialRehabilitationEvidence = {
  'functional-impairment': z.strictObject({
    disabilityGroup: DisabilityGroup,
    /** The functioning self-assessment questionnaire, filled in on this date. */
    selfAssessmentCompletedOn: IsoDate,
    workingAndInsured,
  }),
  'after-medical-rehabilitation': z.strictObject({
    medicalRehabilitationEndDate: IsoDate,
    /** Discharge summary recommending social rehabilitation. */
    dischargeSummaryNumber: DocumentNumber,
    icfCodes: z.array(IcfCode).check(z.minLength(1), z.maxLength(limits.icfCodes)),
    /** Subacute cases are urgent. */
    subacute: z.boolean(),
    workingAndInsured,
  }),
  'predicted-disability': z.strictObject({
    vdeavkDecisionNumber: DocumentNumber,
    vdeavkDecisionDate: IsoDate,
    vdeavkDecisionValidUntil: IsoDate,
    rehabilitationPlanNumber: DocumentNumber,
    workingAndInsured,
  }),
  'politically-repressed': z.strictObject({
    statusCertificateNumber: DocumentNumber,
  }),
  chernobyl: z.strictObject({
    certificateNumber: DocumentNumber,
    category: z.enum(['clean-up-participant', 'affected-person']),
  }),
  'soldiers-and-officers': z.strictObject({
    serviceStatus: z.enum(['soldier-after-international-operation', 'home-guard', 'interior-officer', 'civilian-expert']),
    returnDate: z.optional(IsoDate),
  }),
} satisfies Record<SocialRehabilitationTrack, z.ZodMiniType>;

const variant = <T extends SocialRehabilitationTrack>(track: T) =>
  z.strictObject({
    serviceId: z.literal('social-rehabilitation'),
    track: z.literal(track),
    applicant: Applicant,
    representative: z.optional(Representative),
    evidence: socialRehabilitationEvidence[track],
    declarations: Declarations,
  });

export const SocialRehabilitationApplication = z.discriminatedUnion('track', [
  variant('functional-impairment'),
  variant('after-medical-rehabilitation'),
  variant('predicted-disability'),
  variant('politically-repressed'),
  variant('chernobyl'),
  variant('soldiers-and-officers'),
]);
export type SocialRehabilitationApplication = z.infer<typeof SocialRehabilitationApplication>;
