/**
 * What a citizen submits and what they read back. Every service form joins
 * the `ApplicationSubmission` union by its `serviceId`.
 */
import * as z from 'zod/mini';
import { SocialRehabilitationApplication } from './social-rehabilitation';

export const ApplicationSubmission = z.discriminatedUnion('serviceId', [SocialRehabilitationApplication]);
export type ApplicationSubmission = z.infer<typeof ApplicationSubmission>;

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
export const ApplicationStatus = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ApplicationId = z.uuid();

/** Query of `GET /applications`. */
export const ListApplicationsQuery = z.strictObject({
  limit: z.optional(
    z.string().check(z.regex(/^(?:[1-9]|[1-4]\d|50)$/, { error: 'page_limit' })),
  ),
  cursor: z.optional(z.string().check(z.maxLength(512))),
});
export type ListApplicationsQuery = z.infer<typeof ListApplicationsQuery>;
