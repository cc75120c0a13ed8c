/**
 * The access matrix: every route that takes an id, asked by every kind of
 * caller about their own and about someone else's resource. Anything not
 * theirs is indistinguishable from a missing record (404); a token from the
 * wrong sign-in is 401; a role the route does not serve is 403.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { routes } from '../../infra/routes';
import { freshPersonalCode, referralOf, validForm } from '../support/service-forms';
import { api, tokens } from './support/local';

const today = rigaDate(new Date());

type Caller =
  | 'applicant'
  | 'other citizen'
  | 'referred client'
  | 'officer of the referring municipality'
  | 'officer of another municipality'
  | 'NVA officer'
  | 'staff'
  | 'no token';
type Resource = "a citizen's application" | "a municipality's referral";

const callers: Record<Caller, string | undefined> = {} as never;
const resources: Record<Resource, string> = {} as never;

beforeAll(async () => {
  const idp = await tokens();
  const applicantCode = freshPersonalCode();
  const clientCode = freshPersonalCode();
  const municipality = `valka-${Date.now()}`;
  Object.assign(callers, {
    applicant: await idp.citizen(applicantCode),
    'other citizen': await idp.citizen(freshPersonalCode()),
    'referred client': await idp.citizen(clientCode),
    'officer of the referring municipality': await idp.workforce('social-service', municipality, { officer: 'colleague' }),
    'officer of another municipality': await idp.workforce('social-service', `${municipality}-other`),
    'NVA officer': await idp.workforce('nva', municipality),
    staff: await idp.workforce('staff', 'anna'),
    'no token': undefined,
  });
  const own = await api('/applications', { token: callers.applicant, json: validForm('social-rehabilitation', 'functional-impairment', today) });
  const referrer = await idp.workforce('social-service', municipality, { officer: 'filer' });
  const referral = await api('/referrals', { token: referrer, json: referralOf(validForm('coordinated-services', 'trafficking-victims', today), clientCode, today) });
  expect([own.status, referral.status]).toEqual([201, 201]);
  Object.assign(resources, { "a citizen's application": own.body.id, "a municipality's referral": referral.body.id });
});

/** Expected status per route, caller and resource. */
const matrix: Record<string, Record<Resource, Record<Caller, number>>> = {
  'GET /applications/{id}': {
    "a citizen's application": {
      applicant: 200,
      'other citizen': 404,
      'referred client': 404,
      'officer of the referring municipality': 401,
      'officer of another municipality': 401,
      'NVA officer': 401,
      staff: 401,
      'no token': 401,
    },
    "a municipality's referral": {
      applicant: 404,
      'other citizen': 404,
      'referred client': 200,
      'officer of the referring municipality': 401,
      'officer of another municipality': 401,
      'NVA officer': 401,
      staff: 401,
      'no token': 401,
    },
  },
  'GET /referrals/{id}': {
    "a citizen's application": {
      applicant: 401,
      'other citizen': 401,
      'referred client': 401,
      'officer of the referring municipality': 404,
      'officer of another municipality': 404,
      'NVA officer': 404,
      staff: 403,
      'no token': 401,
    },
    "a municipality's referral": {
      applicant: 401,
      'other citizen': 401,
      'referred client': 401,
      'officer of the referring municipality': 200,
      'officer of another municipality': 404,
      'NVA officer': 404,
      staff: 403,
      'no token': 401,
    },
  },
};

describe('access to resources by id', () => {
  it('covers every route of the route table that takes an id', () => {
    const withId = routes.filter((route) => route.path.includes('{id}')).map((route) => `${route.method} ${route.path}`);
    expect(Object.keys(matrix).sort()).toEqual(withId.sort());
  });

  const cases = Object.entries(matrix).flatMap(([route, byResource]) =>
    Object.entries(byResource).flatMap(([resource, byCaller]) =>
      Object.entries(byCaller).map(([caller, status]) => ({ route, resource: resource as Resource, caller: caller as Caller, status })),
    ),
  );

  it.each(cases)('$route, $resource, asked by $caller: $status', async ({ route, resource, caller, status }) => {
    const path = route.split(' ')[1]!.replace('{id}', resources[resource]);
    const response = await api(path, { token: callers[caller] });
    expect(response.status).toBe(status);
    if (status !== 200) {
      // 401 comes from API Gateway's JWT authorizer (as on AWS); 403 and 404 from our handlers.
      if (status === 401) expect(response.body).toEqual({ message: 'Unauthorized' });
      else expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // Nothing of the record comes back: not its reference, not whose it is.
      expect(response.text).not.toMatch(/SIVA-\d{4}-\d{6}|personalCode|applicant/);
    }
  });
});
