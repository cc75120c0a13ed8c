/**
 * Early-intervention vocational rehabilitation (docs/domain.md, service G, the
 * RAITI pilot): straight after medical rehabilitation, self-application or
 * a medical institution's referral. The six months after the acute event
 * are tracked (see the rules).
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { serviceForm } from './form';
import { IcfCodes, IsoDate, limits, text, workingAndInsured } from './primitives';
import type { TrackOf } from './services';

export const earlyInterventionEvidence = builtOnFirstUse(() => ({
  'after-acute-event': z.strictObject({
    acuteEventDate: IsoDate,
    medicalRehabilitationEndDate: z.optional(IsoDate),
    icfCodes: IcfCodes,
    employment: z.strictObject({
      status: z.enum(['employed', 'self-employed', 'unemployed', 'other']),
      employer: z.optional(text(limits.shortText)),
      occupation: z.optional(text(limits.shortText)),
      onSickLeave: z.boolean(),
    }),
    disabilityStatus: z.enum(['I', 'II', 'III', 'predicted', 'none']),
    workingAndInsured,
    /** The programme works with the NVA and social services; it cannot start without this consent. */
    consentToShareWithNvaAndSocialServices: z.literal(true),
  }),
} satisfies Record<TrackOf<'early-intervention'>, z.ZodMiniObject>));

export const EarlyInterventionApplication = builtOnFirstUse(() => serviceForm('early-intervention', earlyInterventionEvidence));
export type EarlyInterventionApplication = z.infer<typeof EarlyInterventionApplication>;
