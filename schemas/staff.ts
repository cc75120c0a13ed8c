/**
 * Queries and small bodies of the staff routes. Kept apart from the decision
 * forms so the work-list, report and resend functions build only these at
 * cold start, not every form primitive.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { ListApplicationsQuery, applicationStatuses } from './lifecycle';
import { serviceIds } from './services';
import { IsoDate } from './calendar';

const dateOrNothing = builtOnFirstUse(() => z.optional(IsoDate));

/** Query of `GET /staff/applications`: all of the caller's services, or the one named. */
export const StaffListQuery = builtOnFirstUse(() => z.strictObject({
  serviceId: z.optional(z.enum(serviceIds)),
  track: z.optional(z.string().check(z.maxLength(64))),
  status: z.optional(z.enum(applicationStatuses)),
  from: dateOrNothing,
  to: dateOrNothing,
  /** `date` (newest first) or `queue` (queue order; needs a service and a track). */
  sort: z.optional(z.enum(['date', 'queue'])),
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]|[1-4]\d|50)$/, { error: 'page_limit' }))),
  cursor: z.optional(z.string().check(z.maxLength(512))),
}));
export type StaffListQuery = z.infer<typeof StaffListQuery>;

/** Asks the notifier to send one notification again. */
export const ResendRequest = builtOnFirstUse(() => z.strictObject({
  eventId: z.string().check(z.maxLength(100)),
  kind: z.enum(['applicant-confirmation', 'referrer-confirmation', 'agency-alert', 'applicant-update', 'referrer-update', 'agency-documents-alert']),
}));
export type ResendRequest = z.infer<typeof ResendRequest>;

export const ReportYearPath = builtOnFirstUse(() => z.strictObject({ year: z.string().check(z.regex(/^20\d{2}$/, { error: 'invalid_format' })) }));

/** Query of `GET /staff/notifications/failed`: one of the caller's services, a page at a time. */
export const FailedNotificationsQuery = builtOnFirstUse(() => z.extend(ListApplicationsQuery, { serviceId: z.enum(serviceIds) }));
export type FailedNotificationsQuery = z.infer<typeof FailedNotificationsQuery>;
