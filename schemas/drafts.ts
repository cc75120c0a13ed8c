/**
 * Drafts: an application saved unfinished on the server, to be finished on any
 * device (docs/drafts.md). The body of a draft is the service's form with every
 * field optional; it is checked against the form itself (functions/core/drafts.ts),
 * so there is no second copy of any form here.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { serviceIds } from './services';
import { UploadId } from './uploads';

export const DraftId = builtOnFirstUse(() => z.uuid());

/** `{id}` of `/drafts/{id}`. */
export const DraftIdPath = builtOnFirstUse(() => z.strictObject({ id: DraftId }));
export type DraftIdPath = z.infer<typeof DraftIdPath>;

/** `{id}` and `{uploadId}` of `/drafts/{id}/uploads/{uploadId}`. */
export const DraftUploadPath = builtOnFirstUse(() => z.strictObject({ id: DraftId, uploadId: UploadId }));
export type DraftUploadPath = z.infer<typeof DraftUploadPath>;

/** A track id as the services name them; whether the service has it is checked against the catalogue. */
const TrackId = builtOnFirstUse(() => z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, { error: 'unknown_track' })));

/** POST /drafts: which service (and, when already chosen, which track) the draft is for. */
export const NewDraft = builtOnFirstUse(() => z.strictObject({
  serviceId: z.enum(serviceIds),
  track: z.optional(TrackId),
}));
export type NewDraft = z.infer<typeof NewDraft>;

/**
 * PUT /drafts/{id}: the form as far as it is filled in. `serviceId` (and `track`, once the draft has one)
 * must be the draft's; every other member is the service form's, each optional, checked and reported but
 * saved even when wrong (docs/drafts.md).
 */
export const DraftContent = builtOnFirstUse(() => z.looseObject({
  serviceId: z.enum(serviceIds),
  track: z.optional(TrackId),
}));
export type DraftContent = z.infer<typeof DraftContent>;

/** `If-Match` of a draft save: the version last read, as the ETag it came with (`"3"`), or bare. */
export const draftVersionOf = (ifMatch: string): number | undefined => {
  const match = /^\s*(?:W\/)?"?([1-9]\d{0,8})"?\s*$/.exec(ifMatch);
  return match ? Number(match[1]) : undefined;
};

/** The ETag of a draft version. */
export const draftETag = (version: number): string => `"${version}"`;
