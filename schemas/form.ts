/**
 * The envelope every service form shares: which service and track, who it is
 * for, the track's evidence and the declarations. Service modules only name
 * their evidence; this builds the variants and the per-service union.
 */
import * as z from 'zod/mini';
import { Applicant, Declarations, Representative } from './primitives';

/** Evidence schemas of one service, by track. */
export type EvidenceByTrack = Readonly<Record<string, z.ZodMiniObject>>;

const formVariant = <S extends string, T extends string, E extends z.ZodMiniObject>(serviceId: S, track: T, evidence: E) =>
  z.strictObject({
    serviceId: z.literal(serviceId),
    track: z.literal(track),
    applicant: Applicant,
    representative: z.optional(Representative),
    evidence,
    declarations: Declarations,
  });

type Variant<S extends string, T extends string, E extends z.ZodMiniObject> = ReturnType<typeof formVariant<S, T, E>>;
type Variants<S extends string, M extends EvidenceByTrack> = { [T in keyof M & string]: Variant<S, T, M[T]> }[keyof M & string];

/** One service's form: a union of its tracks, discriminated by `track`. */
export const serviceForm = <S extends string, M extends EvidenceByTrack>(serviceId: S, evidence: M) => {
  const variants = Object.entries(evidence).map(([track, schema]) => formVariant(serviceId, track, schema));
  return z.discriminatedUnion('track', variants as unknown as [Variants<S, M>, ...Variants<S, M>[]]);
};
