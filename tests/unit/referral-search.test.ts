/**
 * Searching an organisation's referrals: by reference or client name, accents and case aside, reading only the
 * organisation's own list (the Query behind GET /referrals) a page at a time, and never more than the search depth.
 */
import { describe, expect, it } from 'vitest';
import { type Page, type PageRequest, type ReferrerPrincipal } from '../../functions/core/applications/types';
import { type ApplicationStore } from '../../functions/core/applications/ports';
import { referralMatches, referralSearchDepth, searchReferrals } from '../../functions/core/applications/reading';
import type { Application } from '../../functions/core/model';

const referral = (index: number, givenName = 'Anna', familyName = 'Kalniņa'): Application =>
  ({ id: `id-${index}`, reference: `SIVA-2026-${String(index).padStart(6, '0')}`, applicant: { givenName, familyName } }) as unknown as Application;

const officer: ReferrerPrincipal = { role: 'social-service', subject: 'ilze', name: 'Ilze', organisation: 'tukums', services: [] };

/** An organisation's list as the repository pages it: newest first, the cursor the index of the next item. */
const listOf = (items: readonly Application[]) => {
  const reads: { kind: string; organisation: string; page: PageRequest }[] = [];
  const store = {
    async listByReferrer(kind: string, organisation: string, page: PageRequest): Promise<Page<Application>> {
      reads.push({ kind, organisation, page });
      const from = Number(page.cursor ?? 0);
      const next = from + page.limit;
      return { items: items.slice(from, next), ...(next < items.length && { nextCursor: String(next) }) };
    },
  } as unknown as ApplicationStore;
  return { store, reads };
};

describe('which referrals match a search', () => {
  it('finds a client by name without accents or case, with every word of the search in the name', () => {
    expect(referralMatches(referral(1), 'anna kalnina')).toBe(true);
    expect(referralMatches(referral(1), 'KALNIŅA')).toBe(true);
    expect(referralMatches(referral(1), '  kalnin  ')).toBe(true);
    expect(referralMatches(referral(1), 'anna berzina')).toBe(false);
  });

  it('finds a referral by its reference or a part of it', () => {
    expect(referralMatches(referral(123), 'SIVA-2026-000123')).toBe(true);
    expect(referralMatches(referral(123), '000123')).toBe(true);
    expect(referralMatches(referral(123), '000124')).toBe(false);
  });

  it('matches nothing on an empty search', () => {
    expect(referralMatches(referral(1), '   ')).toBe(false);
  });
});

describe('searching the organisation\u2019s referrals', () => {
  it('reads only the officer\u2019s own organisation\u2019s list, newest first, and stops once enough are found', async () => {
    const items = Array.from({ length: 250 }, (_, index) => referral(index, index % 2 === 0 ? 'Anna' : 'Jānis', index % 2 === 0 ? 'Kalniņa' : 'Bērziņš'));
    const { store, reads } = listOf(items);
    const found = await searchReferrals({ store }, officer, 'kalnina', 20);
    expect(found.items.map((item) => item.id)).toEqual(items.filter((_, index) => index % 2 === 0).slice(0, 20).map((item) => item.id));
    expect(reads.every((read) => read.kind === 'social-service' && read.organisation === 'tukums')).toBe(true);
    expect(reads).toHaveLength(1); // 50 of the first 100 match: one page was enough
    expect(found.complete).toBe(false);
  });

  it('reads at most the search depth, and says when it did not reach the oldest', async () => {
    const { store, reads } = listOf(Array.from({ length: referralSearchDepth + 50 }, (_, index) => referral(index)));
    const found = await searchReferrals({ store }, officer, 'nobody', 20);
    expect(found).toEqual({ items: [], searched: referralSearchDepth, complete: false });
    expect(reads.reduce((sum, read) => sum + read.page.limit, 0)).toBe(referralSearchDepth);
  });

  it('says the search was complete when the organisation has fewer referrals than the depth', async () => {
    const { store } = listOf([referral(1), referral(2, 'Ieva', 'Liepa')]);
    expect(await searchReferrals({ store }, officer, 'liepa', 20)).toMatchObject({ searched: 2, complete: true, items: [{ id: 'id-2' }] });
  });

  it('refuses an officer whose account names no organisation, reading nothing', async () => {
    const { store, reads } = listOf([referral(1)]);
    await expect(searchReferrals({ store }, { ...officer, organisation: undefined }, 'anna', 20)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(reads).toHaveLength(0);
  });
});
