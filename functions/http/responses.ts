/** Response shapes shared by several routes. */
import type { ListApplicationsQuery } from '../../schemas/lifecycle';
import type { Page, PageRequest, Submission } from '../core/applications';
import { readLink } from '../core/access';
import type { Principal } from '../core/model';
import { json } from './route';

const defaultPageSize = 20;

export const pageRequest = (query: ListApplicationsQuery): PageRequest => ({
  limit: query.limit ? Number(query.limit) : defaultPageSize,
  ...(query.cursor && { cursor: query.cursor }),
});

/** A page of a list; `extra` are facts about the whole list (e.g. the work list's counts). */
export const pageResponse = <T, R>(page: Page<T>, view: (item: T) => R, extra: Record<string, unknown> = {}) =>
  json(200, { items: page.items.map(view), ...(page.nextCursor && { nextCursor: page.nextCursor }), ...extra });

/** 201 with the receipt and where to follow it; a replay says so in a header and answers the same. */
export const submissionResponse = (principal: Principal, { receipt, replayed }: Submission) => {
  const location = readLink(principal, receipt.id);
  return json(201, { ...receipt, links: { self: location } }, { location, ...(replayed && { 'idempotent-replayed': 'true' }) });
};
