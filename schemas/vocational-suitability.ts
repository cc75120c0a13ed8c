/** Vocational suitability assessment (docs/domain.md, service C): self-application or NVA referral for unemployed people. */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { serviceForm } from './form';
import { DocumentNumber, IsoDate, predictedDisabilityEvidence, workingAndInsured } from './primitives';
import type { TrackOf } from './services';

/** How the person wants to be assessed: remote or in person; board and dormitory if needed. */
const assessmentPreferences = builtOnFirstUse(() => ({
  assessmentMode: z.enum(['in-person', 'remote']),
  needsAccommodation: z.boolean(),
  workingAndInsured,
}));

const disabilityEvidence = builtOnFirstUse(() => ({
  disabilityGroup: z.enum(['I', 'II', 'III', 'disabled-child']),
  disabilityCertificateNumber: DocumentNumber,
}));

export const vocationalSuitabilityEvidence = builtOnFirstUse(() => ({
  disability: z.strictObject({ ...assessmentPreferences, ...disabilityEvidence }),
  'predicted-disability': z.strictObject({ ...assessmentPreferences, ...predictedDisabilityEvidence }),
  'mental-disorder': z.strictObject({
    ...assessmentPreferences,
    /** A psychiatrist's statement on the disorder. */
    statementNumber: DocumentNumber,
    statementDate: IsoDate,
  }),
  'unemployed-nva': z.strictObject({
    ...assessmentPreferences,
    ...disabilityEvidence,
    /** Registered as unemployed with the NVA since. */
    unemployedSince: IsoDate,
  }),
} satisfies Record<TrackOf<'vocational-suitability'>, z.ZodMiniObject>));

export const VocationalSuitabilityApplication = builtOnFirstUse(() => serviceForm('vocational-suitability', vocationalSuitabilityEvidence));
export type VocationalSuitabilityApplication = z.infer<typeof VocationalSuitabilityApplication>;
