/**
 * Staff decisions and citizen actions that move an application through its
 * lifecycle (docs/domain.md, "Application lifecycle"). Each is a typed document;
 * the author and date come from the sign-in and the clock, not the body.
 * Every request carries the version the caller saw (optimistic concurrency).
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { DocumentNumber, IsoDate, limits, multilineText, text } from './primitives';


const expectedVersion = builtOnFirstUse(() => z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000)));
const reason = builtOnFirstUse(() => z.optional(multilineText(2000)));
const longText = builtOnFirstUse(() => multilineText(4000));

export const decisionTypes = [
  'register',
  'request-documents',
  'review',
  'admit-to-queue',
  'grant',
  'refuse',
  'start',
  'not-started',
  'postpone',
  'complete',
] as const;
export type DecisionType = (typeof decisionTypes)[number];

const decision = <T extends DecisionType, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), expectedVersion, reason, ...shape });

export const Decision = builtOnFirstUse(() => z.discriminatedUnion('type', [
  decision('register', {}),
  decision('request-documents', {
    /** What is missing, in words the applicant understands. */
    documents: z.array(text(limits.shortText)).check(z.minLength(1), z.maxLength(20)),
    deadline: IsoDate,
  }),
  decision('review', {}),
  decision('admit-to-queue', {}),
  decision('grant', {
    /** Urgent cases skip the queue. */
    urgent: z.optional(z.boolean()),
    /** When the service starts, when known. */
    startsOn: z.optional(IsoDate),
  }),
  decision('refuse', {
    reason: longText,
    /** How to contest: the appeal to the director, its deadline. */
    appeal: longText,
  }),
  decision('start', { startedOn: IsoDate }),
  decision('not-started', { reason: longText }),
  decision('postpone', { reason: longText, until: z.optional(IsoDate) }),
  decision('complete', {
    completedOn: IsoDate,
    recommendations: longText,
    /** Ceļa karte: the road map of support measures (vocational services). */
    roadMap: z.optional(longText),
  }),
]));
export type Decision = z.infer<typeof Decision>;

/** A citizen withdraws their own application before it starts. */
export const Withdrawal = builtOnFirstUse(() => z.strictObject({ expectedVersion, reason }));
export type Withdrawal = z.infer<typeof Withdrawal>;

/** Staff confirm a representative's authority (docs/access.md), against the version they saw. */
export const RepresentativeConfirmation = builtOnFirstUse(() => z.strictObject({ expectedVersion }));
export type RepresentativeConfirmation = z.infer<typeof RepresentativeConfirmation>;

/**
 * A citizen reports the documents asked for as sent (by e-mail with e-signature, post or in person),
 * or attaches files uploaded and found clean (`sentBy: "upload"`, docs/documents.md).
 */
export const DocumentsSubmitted = builtOnFirstUse(() => z.strictObject({
  expectedVersion,
  documents: z.array(
    z.discriminatedUnion('sentBy', [
      z.strictObject({ name: text(limits.shortText), number: z.optional(DocumentNumber), sentBy: z.enum(['email', 'post', 'in-person', 'latvija-lv']) }),
      z.strictObject({ name: z.optional(text(limits.shortText)), sentBy: z.literal('upload'), uploadId: z.uuid() }),
    ]),
  ).check(z.minLength(1), z.maxLength(20)),
}));
export type DocumentsSubmitted = z.infer<typeof DocumentsSubmitted>;
