/**
 * Social rehabilitation (docs/domain.md, service A): one variant per track, each
 * with the evidence docs/domain.md names for it. Rules that depend on today's
 * date or on regulations (age, windows) live in the core, not here.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { serviceForm } from './form';
import { DisabilityGroup, DocumentNumber, IcfCodes, IsoDate, predictedDisabilityEvidence, workingAndInsured } from './primitives';
import type { TrackOf } from './services';

export const socialRehabilitationEvidence = builtOnFirstUse(() => ({
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
    icfCodes: IcfCodes,
    /** Subacute cases are urgent. */
    subacute: z.boolean(),
    workingAndInsured,
  }),
  'predicted-disability': z.strictObject({
    ...predictedDisabilityEvidence,
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
    /** Soldiers after an international operation apply within a window from their return. */
    returnDate: z.optional(IsoDate),
  }),
} satisfies Record<TrackOf<'social-rehabilitation'>, z.ZodMiniObject>));

export const SocialRehabilitationApplication = builtOnFirstUse(() => serviceForm('social-rehabilitation', socialRehabilitationEvidence));
export type SocialRehabilitationApplication = z.infer<typeof SocialRehabilitationApplication>;
