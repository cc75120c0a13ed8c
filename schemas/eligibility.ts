/**
 * The public eligibility pre-check: no sign-in, no personal code, nothing
 * stored. Every answer is optional; the reply says which facts it still needs.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { IsoDate } from './primitives';
import { serviceIds } from './services';

export const ServiceIdPath = builtOnFirstUse(() => z.strictObject({ serviceId: z.enum(serviceIds) }));
export type ServiceIdPath = z.infer<typeof ServiceIdPath>;

export const EligibilityQuestion = builtOnFirstUse(() => z.strictObject({
  /** Ask about one track; without it every track the person could apply for is checked. */
  track: z.optional(z.string().check(z.maxLength(64))),
  dateOfBirth: z.optional(IsoDate),
  /** Any of the track's evidence fields, named as in the application form. */
  evidence: z.optional(z.record(z.string().check(z.maxLength(64)), z.unknown())),
}));
export type EligibilityQuestion = z.infer<typeof EligibilityQuestion>;
