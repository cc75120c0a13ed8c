/**
 * Who may read an application (one rule for every id route), where each caller reads it, and the response shapes
 * routes share. Anyone the rule refuses gets the same 404 as for a missing application (tests/integration/access).
 */
import { describe, expect, it } from 'vitest';
import { canRead, readLink } from '../../functions/core/access';
import type { Application, Principal } from '../../functions/core/model';
import { negotiateLanguage } from '../../functions/http/language';
import { pageRequest, pageResponse, submissionResponse } from '../../functions/http/responses';
import { transitionResponse } from '../../functions/http/transitions';
import type { Transition } from '../../functions/core/workflow';

const application = (overrides: Partial<Application> = {}) =>
  ({
    id: 'app-1',
    reference: 'SIVA-2026-000001',
    serviceId: 'coordinated-services',
    track: 'addiction-adults',
    status: 'submitted',
    version: 1,
    channel: 'referral',
    applicant: { personalCode: '32579461005', givenName: 'A', familyName: 'B' },
    referral: { kind: 'social-service', organisation: 'tukums' },
    ...overrides,
  }) as unknown as Application;

const citizen = (subject: string, personalCode: string): Principal => ({ role: 'citizen', subject, personalCode, givenName: 'A', familyName: 'B' });
const workforce = (role: Exclude<Principal['role'], 'citizen'>, organisation?: string, services: string[] = []) =>
  ({ role, subject: `${role}-1`, name: 'N', ...(organisation !== undefined && { organisation }), services }) as Principal;

describe('who may read an application', () => {
  it('a citizen: the account that filed it, or the person it is about', () => {
    const filed = application({ ownerSubject: 'eid-owner' });
    expect(canRead(citizen('eid-owner', '31111111111'), filed)).toBe(true);
    expect(canRead(citizen('eid-client', '32579461005'), filed)).toBe(true);
    expect(canRead(citizen('eid-other', '31111111111'), filed)).toBe(false);
  });

  it('staff: only in the services they work on', () => {
    expect(canRead(workforce('staff', undefined, ['coordinated-services']), application())).toBe(true);
    expect(canRead(workforce('staff', undefined, ['social-rehabilitation']), application())).toBe(false);
  });

  it('an officer: only referrals of their own kind of organisation and their own organisation', () => {
    expect(canRead(workforce('social-service', 'tukums'), application())).toBe(true);
    expect(canRead(workforce('social-service', 'riga'), application())).toBe(false);
    expect(canRead(workforce('nva', 'tukums'), application())).toBe(false);
    expect(canRead(workforce('social-service'), application())).toBe(false);
    expect(canRead(workforce('social-service', 'tukums'), application({ referral: undefined }))).toBe(false);
  });

  it('citizens read under /applications, officers under /referrals', () => {
    expect(readLink(citizen('s', '32579461005'), 'app-1')).toBe('/applications/app-1');
    expect(readLink(workforce('social-service', 'tukums'), 'app-1')).toBe('/referrals/app-1');
  });
});

describe('shared responses', () => {
  it('pages hold 20 items unless asked for fewer, and pass the cursor on', () => {
    expect(pageRequest({})).toEqual({ limit: 20 });
    expect(pageRequest({ limit: '5', cursor: 'abc' })).toEqual({ limit: 5, cursor: 'abc' });
    expect(pageResponse({ items: [1, 2] }, (n) => n * 10)).toEqual({ statusCode: 200, body: { items: [10, 20] }, headers: {} });
    expect(pageResponse({ items: [1], nextCursor: 'next' }, String).body).toEqual({ items: ['1'], nextCursor: 'next' });
  });

  it('a submission answers 201 with where to read it; a replay says so in a header', () => {
    const receipt = { id: 'app-1', reference: 'SIVA-2026-000001', status: 'submitted' as const, submittedAt: '2026-11-22T10:00:00Z' };
    const first = submissionResponse(citizen('s', '32579461005'), { receipt, replayed: false });
    expect(first).toEqual({
      statusCode: 201,
      body: { ...receipt, links: { self: '/applications/app-1' } },
      headers: { location: '/applications/app-1' },
    });
    const replay = submissionResponse(workforce('social-service', 'tukums'), { receipt, replayed: true });
    expect(replay.headers).toEqual({ location: '/referrals/app-1', 'idempotent-replayed': 'true' });
  });

  it('a lifecycle move answers the new status and version and the decisions allowed next', () => {
    const after = application({ status: 'registered', version: 2 });
    const event = { id: 'ev-1', type: 'registered', at: '2026-11-22T10:00:00Z', details: { by: 'staff' }, actor: { role: 'staff', subject: 's' } };
    const response = transitionResponse({ before: application(), after, event, closesNeed: false } as unknown as Transition);
    expect(response).toEqual({
      statusCode: 200,
      headers: {},
      body: {
        id: 'app-1',
        reference: 'SIVA-2026-000001',
        status: 'registered',
        version: 2,
        event: { id: 'ev-1', type: 'registered', at: '2026-11-22T10:00:00Z', details: { by: 'staff' } },
        allowedDecisions: expect.arrayContaining(['request-documents', 'review', 'admit-to-queue', 'grant', 'refuse']),
      },
    });
    expect((response.body as { allowedDecisions: string[] }).allowedDecisions).toHaveLength(5);
  });
});

describe('language of the answer', () => {
  it('follows the highest quality among lv and en, ties by order, ignoring q=0 and regions', () => {
    expect(negotiateLanguage('')).toBe('lv');
    expect(negotiateLanguage('en-GB')).toBe('en');
    expect(negotiateLanguage('EN')).toBe('en');
    expect(negotiateLanguage('en;q=0.5, lv;q=0.5')).toBe('en');
    expect(negotiateLanguage('lv;q=0.5, en;q=0.5')).toBe('lv');
    expect(negotiateLanguage('lv;q=0.4, en;q=0.6')).toBe('en');
    expect(negotiateLanguage('en;q=0')).toBe('lv');
    expect(negotiateLanguage('en; q=0.9 ,lv;q=0.8')).toBe('en');
    expect(negotiateLanguage('en;level=1;q=0.2, lv;q=0.1')).toBe('en');
    expect(negotiateLanguage('en;q=abc, lv;q=0.5')).toBe('en');
  });

  it('reads only a well-formed q parameter, and ranks only lv and en', () => {
    expect(negotiateLanguage('en;xq=0.1, lv;q=0.5')).toBe('en');
    expect(negotiateLanguage('en;q=0.1x, lv;q=0.5')).toBe('en');
    expect(negotiateLanguage('de, en;q=0.5')).toBe('en');
    expect(negotiateLanguage('de;q=0.9, ru, en;q=0.2, lv;q=0.1')).toBe('en');
  });
});
