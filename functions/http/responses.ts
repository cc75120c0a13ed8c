/** Response shapes shared by several routes. */
import { draftETag } from '../../schemas/drafts';
import type { ListApplicationsQuery } from '../../schemas/lifecycle';
import { localise, violation } from '../../schemas/messages';
import type { Language } from '../../schemas/primitives';
import type { DraftView } from '../core/drafts';
import type { statusOfUpload } from '../core/uploads';
import type { Page, PageRequest, Submission } from '../core/applications/types';
import { readLink } from '../core/access';
import type { Principal } from '../core/model';
import { json } from './route';

const defaultPageSize = 20;

export const pageRequest = (query: ListApplicationsQuery): PageRequest => ({
  limit: query.limit ? Number(query.limit) : defaultPageSize,
  ...(query.cursor && { cursor: query.cursor }),
});

export const pageResponse = <T, R>(page: Page<T>, view: (item: T) => R, beside: Record<string, unknown> = {}) =>
  json(200, { items: page.items.map(view), ...(page.nextCursor && { nextCursor: page.nextCursor }), ...beside });

/** 201 with the receipt and where to follow it; a replay says so in a header and answers the same. */
export const submissionResponse = (principal: Principal, { receipt, replayed }: Submission) => {
  const location = readLink(principal, receipt.id);
  return json(201, { ...receipt, links: { self: location } }, { location, ...(replayed && { 'idempotent-replayed': 'true' }) });
};

/** A draft as its owner reads it: field errors in the caller's language, and its version as the ETag of the next save. */
export const draftResponse = (status: number, view: DraftView, language: Language, headers: Record<string, string> = {}) =>
  json(status, { ...view, errors: view.errors.map((found) => localise(found, language)) }, { etag: draftETag(view.version), ...headers });

/** An upload's check for its uploader: a rejection comes with what to do, in the caller's language. */
export const uploadStatusResponse = ({ reason, ...status }: ReturnType<typeof statusOfUpload>, language: Language) => {
  const message = reason && localise(violation([], `rejected_${reason}`), language).message;
  return json(200, { ...status, ...(reason && { reason: { code: reason, message } }) });
};
