/**
 * A referral: a referring organisation files an application on behalf of its
 * client. The organisation and the officer come from the officer's sign-in;
 * the body carries the referral document, the client's consent and the same
 * service form a citizen would send.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { ApplicationSubmission } from './application';
import { DocumentNumber, Email, IsoDate, Phone, limits, text } from './primitives';

export const ReferralSubmission = builtOnFirstUse(() => z.strictObject({
  referral: z.strictObject({
    /** The organisation's own number for the referral. */
    number: DocumentNumber,
    date: IsoDate,
    /** The client agreed to the referral and to their data being shared with SIVA. */
    clientConsent: z.literal(true),
    /** How SIVA reaches the officer; the sign-in's e-mail is used when absent. */
    officerEmail: z.optional(Email),
    officerPhone: z.optional(Phone),
    /** For medical institutions: the referring doctor. */
    doctorName: z.optional(text(limits.name)),
  }),
  application: ApplicationSubmission,
}));
export type ReferralSubmission = z.infer<typeof ReferralSubmission>;
