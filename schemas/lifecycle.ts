/**
 * The application lifecycle's vocabulary and the small request shapes of the
 * read routes. Kept apart from the forms so read-only functions do not bundle
 * every service's form.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';

export const applicationStatuses = [
  'submitted',
  'registered',
  'documents_requested',
  'under_review',
  'queued',
  'granted',
  'refused',
  'started',
  'not_started',
  'postponed',
  'completed',
  'withdrawn',
] as const;
export const ApplicationStatus = builtOnFirstUse(() => z.enum(applicationStatuses));
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ApplicationId = builtOnFirstUse(() => z.uuid());

/** `{id}` of `/applications/{id}` and `/referrals/{id}`. */
export const ApplicationIdPath = builtOnFirstUse(() => z.strictObject({ id: ApplicationId }));
export type ApplicationIdPath = z.infer<typeof ApplicationIdPath>;

/** Query of the cursor-paginated lists (`GET /applications`, `GET /referrals`). */
export const ListApplicationsQuery = builtOnFirstUse(() => z.strictObject({
  limit: z.optional(
    z.string().check(z.regex(/^(?:[1-9]|[1-4]\d|50)$/, { error: 'page_limit' })),
  ),
  cursor: z.optional(z.string().check(z.maxLength(512))),
}));
export type ListApplicationsQuery = z.infer<typeof ListApplicationsQuery>;

