/**
 * Vocational rehabilitation (docs/domain.md, service D): study at Jūrmala
 * Vocational Secondary School or SIVA College. A completed suitability
 * assessment comes first, except for the sign-language interpreter
 * programme and paid studies.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { serviceForm } from './form';
import { DisabilityGroup, DocumentNumber, IsoDate, Slug, limits, text, workingAndInsured } from './primitives';
import type { TrackOf } from './services';

export const educationLevels = ['none', 'basic', 'secondary', 'higher'] as const;

export const SuitabilityAssessment = builtOnFirstUse(() => z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('completed'),
    /** Reference of the assessment (its application number at SIVA, or the assessment document's number). */
    reference: DocumentNumber,
    completedOn: IsoDate,
  }),
  z.strictObject({
    status: z.literal('exempt'),
    reason: z.enum(['sign-language-interpreter-programme', 'paid-studies']),
  }),
]));

const studyEvidence = builtOnFirstUse(() => z.strictObject({
  /** Programme code as the school publishes it, e.g. `surdotulks`. */
  programmeCode: Slug,
  programmeName: text(limits.shortText),
  funding: z.enum(['state', 'paid']),
  educationLevel: z.enum(educationLevels),
  suitabilityAssessment: SuitabilityAssessment,
  disabilityGroup: DisabilityGroup,
  /** Priority groups: predicted disability, mental disorder with disability. */
  predictedDisability: z.boolean(),
  mentalDisorder: z.boolean(),
  vdeavkStatementNumber: z.optional(DocumentNumber),
  rehabilitationPlanNumber: z.optional(DocumentNumber),
  /** The GP's opinion must be recent (see the rules). */
  gpOpinionDate: IsoDate,
  workingAndInsured,
}));

export const vocationalRehabilitationEvidence = builtOnFirstUse(() => ({
  'vocational-school': studyEvidence,
  college: studyEvidence,
} satisfies Record<TrackOf<'vocational-rehabilitation'>, z.ZodMiniObject>));

export const VocationalRehabilitationApplication = builtOnFirstUse(() => serviceForm('vocational-rehabilitation', vocationalRehabilitationEvidence));
export type VocationalRehabilitationApplication = z.infer<typeof VocationalRehabilitationApplication>;
