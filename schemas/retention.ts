/**
 * Requests of the archivist's retention routes and of the staff export of a
 * person's data (docs/retention.md). Small on purpose: these functions build
 * only this at cold start.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { ApplicationId, ListApplicationsQuery } from './lifecycle';
import { PersonalCode, text } from './primitives';

/** `YYYY-MM`, a calendar month (the month a file's retention ends, Riga dates). */
export const RetentionMonth = builtOnFirstUse(() => z.string().check(z.regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, { error: 'invalid_format' })));

/** Query of `GET /staff/retention/due`: a month, a page at a time. */
export const RetentionDueQuery = builtOnFirstUse(() => z.extend(ListApplicationsQuery, { month: RetentionMonth }));
export type RetentionDueQuery = z.infer<typeof RetentionDueQuery>;

/** Applications one destruction request may name (each is several writes and a bucket listing). */
export const maxDestructionsPerRequest = 25;

/** Body of `POST /staff/retention/destructions`: the files, and the archive's approval they are destroyed under. */
export const DestructionRequest = builtOnFirstUse(() => z.strictObject({
  ids: z.array(ApplicationId).check(z.minLength(1), z.maxLength(maxDestructionsPerRequest)),
  approvalReference: text(100),
}));
export type DestructionRequest = z.infer<typeof DestructionRequest>;

/** Body of `POST /staff/data-exports`: the person, by personal code, in the body so it is never in an access log. */
export const DataExportRequest = builtOnFirstUse(() => z.strictObject({ personalCode: PersonalCode }));
export type DataExportRequest = z.infer<typeof DataExportRequest>;
