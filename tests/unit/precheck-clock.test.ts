/**
 * The pre-check decides on the Latvian calendar date: from 22:00 UTC (21:00 in summer) Riga is already in the next
 * day, so a birthday or the pension-age day counts from then, not from UTC midnight.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { checkEligibility as CheckEligibility } from '../../functions/check-eligibility/handler';
import { apiEvent, lambdaContext, testIssuers } from '../support/api-event';

let checkEligibility: typeof CheckEligibility;
beforeAll(async () => {
  process.env.CITIZEN_TOKEN_ISSUER = testIssuers.citizen;
  process.env.WORKFORCE_TOKEN_ISSUER = testIssuers.workforce;
  delete process.env.PENSION_AGE;
  // No table and no DynamoDB endpoint: a handler that could store anything would fail at import (functions/wiring.ts).
  delete process.env.TABLE_NAME;
  delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
  ({ checkEligibility } = await import('../../functions/check-eligibility/handler'));
});

/** The outcome of the vocational-suitability `disability` track for someone born on `dateOfBirth`, asked at `instant`. */
const outcomeAt = async (instant: string, dateOfBirth: string, evidence: Record<string, unknown> = {}) => {
  const handler = checkEligibility({ clock: () => new Date(instant) });
  const response = await handler(
    apiEvent({
      path: '/services/vocational-suitability/eligibility',
      pathParameters: { serviceId: 'vocational-suitability' },
      claims: null,
      headers: { 'accept-language': 'en' },
      body: JSON.stringify({ dateOfBirth, evidence }),
    }),
    lambdaContext,
  );
  expect(response.statusCode).toBe(200);
  const answer = JSON.parse(response.body as string) as { tracks: { track: string; outcome: string; missing: { field: string }[] }[] };
  return answer.tracks.find(({ track }) => track === 'disability')!;
};

it('needs no table: the public pre-check has nowhere to store what it is told', async () => {
  expect((await outcomeAt('2026-11-22T12:00:00Z', '1980-01-01')).outcome).toBe('eligible');
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(new URL('../../functions/check-eligibility/handler.ts', import.meta.url), 'utf8');
  expect(source).not.toMatch(/from '\.\.\/(wiring|adapters\/)/);
});

describe('the pre-check’s day is the day in Riga', () => {
  it('a 15th birthday on 23 November counts from 22:00 UTC on the 22nd (EET, UTC+2)', async () => {
    expect((await outcomeAt('2026-11-22T21:59:59Z', '2011-11-23')).outcome).toBe('not-eligible');
    expect((await outcomeAt('2026-11-22T22:00:00Z', '2011-11-23')).outcome).toBe('eligible');
    expect((await outcomeAt('2026-11-22T23:59:59Z', '2011-11-23')).outcome).toBe('eligible');
  });

  it('in summer time (EEST, UTC+3) from 21:00 UTC', async () => {
    expect((await outcomeAt('2026-06-30T20:59:59Z', '2011-07-01')).outcome).toBe('not-eligible');
    expect((await outcomeAt('2026-06-30T21:00:00Z', '2011-07-01')).outcome).toBe('eligible');
  });

  it('the pension-age day asks about work from 22:00 UTC the evening before', async () => {
    expect(await outcomeAt('2026-11-22T21:59:59Z', '1961-11-23')).toMatchObject({ outcome: 'eligible', missing: [] });
    expect(await outcomeAt('2026-11-22T22:00:00Z', '1961-11-23')).toMatchObject({
      outcome: 'needs-information',
      missing: [{ field: 'evidence.workingAndInsured' }],
    });
    expect((await outcomeAt('2026-11-22T22:00:00Z', '1961-11-23', { workingAndInsured: false })).outcome).toBe('not-eligible');
  });
});
