/**
 * Reading applications as their filers see them: one record, the caller's list, an organisation's referrals and
 * a search in them. Anyone else's application is indistinguishable from a missing one.
 */
import { canRead, readableOrNotFound } from '../access';
import { DomainError, notFound } from '../errors';
import type { Application, Principal } from '../model';
import type { ApplicationDeps } from './ports';
import type { ApplicationRecord, CitizenPrincipal, Page, PageRequest, ReferrerPrincipal } from './types';

/** One application the caller may read; anyone else's is indistinguishable from a missing one. */
export const getApplication = async (deps: Pick<ApplicationDeps, 'store'>, principal: Principal, id: string): Promise<ApplicationRecord> =>
  readableBy(principal, await deps.store.findWithTimeline(id));

/** getApplication's access check, for a record already read (the portal reads it beside the session): 404 unless the caller may read it. */
export const readableBy = (principal: Principal, record: ApplicationRecord | undefined): ApplicationRecord => {
  if (!record) throw notFound();
  readableOrNotFound(principal, record.application);
  return record;
};

/**
 * GET /applications: everything the caller filed and everything filed about them (referrals, a
 * representative's filings), newest first. A record found by their person key whose name or birth
 * date is not theirs (a mistyped code) is someone else's and left out.
 */
export const listApplicationsOf = async (
  deps: Pick<ApplicationDeps, 'store' | 'personKey'>,
  principal: CitizenPrincipal,
  page: PageRequest,
): Promise<Page<Application>> => {
  const found = await deps.store.listForPerson(principal.subject, await deps.personKey(principal.personalCode), page);
  return { ...found, items: found.items.filter((application) => canRead(principal, application)) };
};

/** The officer's organisation's referrals (of the officer's kind: a municipality's social service sees its own only). */
export const listReferrals = (deps: Pick<ApplicationDeps, 'store'>, principal: ReferrerPrincipal, page: PageRequest): Promise<Page<Application>> => {
  if (!principal.organisation) throw new DomainError('forbidden');
  return deps.store.listByReferrer(principal.role, principal.organisation, page);
};

/** How many of an organisation's newest referrals one search reads at most (5 Query pages of 100). */
export const referralSearchDepth = 500;

/** Case, accents and spacing do not matter: "kalnina" finds Kalniņa. */
const searchable = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A referral matches when its reference holds the term, or its client's name holds every word of it. */
export const referralMatches = (application: Application, term: string): boolean => {
  const wanted = searchable(term);
  if (wanted === '') return false;
  if (searchable(application.reference).includes(wanted)) return true;
  const name = searchable(`${application.applicant.givenName} ${application.applicant.familyName}`);
  return wanted.split(' ').every((word) => name.includes(word));
};

export interface ReferralSearch {
  readonly items: readonly Application[];
  /** How many referrals were read; less than `referralSearchDepth` when the organisation has no more. */
  readonly searched: number;
  /** Every referral of the organisation was searched. */
  readonly complete: boolean;
}

/**
 * The officer's organisation's referrals whose reference or client name matches, newest first. It reads the
 * organisation's own list (the Query behind `listReferrals`, never a Scan, so no other organisation's item is read)
 * page by page, up to `referralSearchDepth` referrals, and matches here: names are not keys, and a personal code is
 * not searchable at all (docs/workforce-officers.md).
 */
export const searchReferrals = async (deps: Pick<ApplicationDeps, 'store'>, principal: ReferrerPrincipal, term: string, limit: number): Promise<ReferralSearch> => {
  const found: Application[] = [];
  let searched = 0;
  let cursor: string | undefined;
  do {
    const page = await listReferrals(deps, principal, { limit: Math.min(100, referralSearchDepth - searched), ...(cursor && { cursor }) });
    searched += page.items.length;
    found.push(...page.items.filter((application) => referralMatches(application, term)));
    cursor = page.nextCursor;
  } while (cursor && searched < referralSearchDepth && found.length < limit);
  return { items: found.slice(0, limit), searched, complete: !cursor };
};
