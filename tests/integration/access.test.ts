/**
 * The access matrix: every route that takes an id, asked by every kind of
 * caller about their own and about someone else's resource. Anything not
 * theirs is indistinguishable from a missing record (404); a token from the
 * wrong sign-in is 401; a role the route does not serve is 403. A personal
 * code alone makes nothing anyone's: the eID name must match the record's
 * (docs/access.md); a representative staff have not confirmed may read back
 * what they filed but not act on it (403).
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
  | "same code as the client, other name"
  | 'representative'
  | 'represented person'
  | 'officer of the referring municipality'
  | 'officer of another municipality'
  | 'NVA officer'
  | 'staff'
  | 'staff of another service'
  | 'no token';
type Resource = "a citizen's application" | "a municipality's referral" | "a representative's filing" | "a citizen's draft";
/** What the application routes act on. */
type Filed = Exclude<Resource, "a citizen's draft">;
type CitizenCaller = 'applicant' | 'other citizen' | 'referred client' | 'same code as the client, other name' | 'representative' | 'represented person';
const citizenCallers: readonly CitizenCaller[] = ['applicant', 'other citizen', 'referred client', 'same code as the client, other name', 'representative', 'represented person'];

const callers: Record<Caller, string | undefined> = {} as never;
const resources: Record<Resource, string> = {} as never;

beforeAll(async () => {
  const idp = await tokens();
  const applicantCode = freshPersonalCode();
  const clientCode = freshPersonalCode();
  const representedCode = freshPersonalCode();
  const municipality = `valka-${Date.now()}`;
  Object.assign(callers, {
    applicant: await idp.citizen(applicantCode),
    'other citizen': await idp.citizen(freshPersonalCode()),
    // referralOf names the client Anna Kalniņa; the same code under another name is a typo's stranger.
    'referred client': await idp.citizen(clientCode, { givenName: 'Anna', familyName: 'Kalniņa' }),
    'same code as the client, other name': await idp.citizen(clientCode, { givenName: 'Jānis', familyName: 'Bērziņš' }),
    representative: await idp.citizen(freshPersonalCode(), { givenName: 'Ilze', familyName: 'Kalna' }),
    'represented person': await idp.citizen(representedCode, { givenName: 'Marta', familyName: 'Kalna' }),
    'officer of the referring municipality': await idp.workforce('social-service', municipality, { officer: 'colleague' }),
    'officer of another municipality': await idp.workforce('social-service', `${municipality}-other`),
    'NVA officer': await idp.workforce('nva', municipality),
    staff: await idp.workforce('staff', 'anna'),
    'staff of another service': await idp.workforce('staff', 'berta', { services: ['vehicle-adaptation'] }),
    'no token': undefined,
  });
  const own = await api('/applications', { token: callers.applicant, json: validForm('social-rehabilitation', 'functional-impairment', today) });
  const referrer = await idp.workforce('social-service', municipality, { officer: 'filer' });
  const referral = await api('/referrals', { token: referrer, json: referralOf(validForm('coordinated-services', 'trafficking-victims', today), clientCode, today) });
  const form = validForm('social-rehabilitation', 'functional-impairment', today);
  const filed = await api('/applications', {
    token: callers.representative,
    json: {
      ...form,
      applicant: { ...form.applicant, personalCode: representedCode, givenName: 'Marta', familyName: 'Kalna' },
      representative: { kind: 'authorised-person', document: { type: 'power-of-attorney', number: 'PA-1', issuedOn: today } },
    },
  });
  const draft = await api('/drafts', { token: callers.applicant, json: { serviceId: 'social-rehabilitation', track: 'functional-impairment' } });
  // The draft is complete but for a file still being checked: its submission is refused (409) and changes nothing.
  const completed = await api(`/drafts/${draft.body.id}`, { method: 'PUT', token: callers.applicant, json: validForm('social-rehabilitation', 'functional-impairment', today), headers: { 'if-match': '"1"' } });
  const pendingFile = await api(`/drafts/${draft.body.id}/uploads`, {
    token: callers.applicant,
    json: { documentType: 'functioning-self-assessment', fileName: 'anketa.pdf', contentType: 'application/pdf', size: 1000 },
  });
  expect([own.status, referral.status, filed.status, draft.status, completed.status, pendingFile.status]).toEqual([201, 201, 201, 201, 200, 201]);
  Object.assign(resources, {
    "a citizen's draft": draft.body.id,
    "a citizen's application": own.body.id,
    "a municipality's referral": referral.body.id,
    "a representative's filing": filed.body.id,
  });
});

/**
 * Expected status per route, caller and resource. POSTs send a body that passes
 * validation but names a version nobody has (or a notification that did not fail):
 * a caller who may act gets 409, proving access was granted without changing anything.
 */
type Row = Record<Caller, number>;
const workforceCallers = {
  'officer of the referring municipality': 401,
  'officer of another municipality': 401,
  'NVA officer': 401,
  staff: 401,
  'staff of another service': 401,
  'no token': 401,
} as const;
/** A citizen route: 404 for every citizen but those named, 401 for any other sign-in. */
const citizenRow = (allowed: Partial<Record<CitizenCaller, number>>): Row => ({
  ...(Object.fromEntries(citizenCallers.map((caller) => [caller, 404])) as Record<CitizenCaller, number>),
  ...workforceCallers,
  ...allowed,
});
const citizenRoute = (own: number, client: number, filed: { representative: number; person: number }): Record<Filed, Row> => ({
  "a citizen's application": citizenRow({ applicant: own }),
  "a municipality's referral": citizenRow({ 'referred client': client }),
  "a representative's filing": citizenRow({ representative: filed.representative, 'represented person': filed.person }),
});
const staffRoute = (allowed: number | Record<Filed, number>): Record<Filed, Row> => {
  const row = (officer: number, staff: number): Row => ({
    ...(Object.fromEntries(citizenCallers.map((caller) => [caller, 401])) as Record<CitizenCaller, number>),
    'officer of the referring municipality': officer,
    'officer of another municipality': 403,
    'NVA officer': 403,
    staff,
    'staff of another service': 404,
    'no token': 401,
  });
  const staffOn = (resource: Filed) => (typeof allowed === 'number' ? allowed : allowed[resource]);
  return {
    "a citizen's application": row(403, staffOn("a citizen's application")),
    "a municipality's referral": row(403, staffOn("a municipality's referral")),
    "a representative's filing": row(403, staffOn("a representative's filing")),
  };
};

/** A referral route: the referring organisation may act on its referral; anyone else's is a 404, staff may not (403). */
const referralRoute = (allowed: number): Record<Filed, Row> => ({
  "a citizen's application": { ...staffRoute(403)["a citizen's application"], 'officer of the referring municipality': 404, 'officer of another municipality': 404, 'NVA officer': 404, 'staff of another service': 403 },
  "a municipality's referral": { ...staffRoute(403)["a municipality's referral"], 'officer of the referring municipality': allowed, 'officer of another municipality': 404, 'NVA officer': 404, 'staff of another service': 403 },
  "a representative's filing": { ...staffRoute(403)["a representative's filing"], 'officer of the referring municipality': 404, 'officer of another municipality': 404, 'NVA officer': 404, 'staff of another service': 403 },
});
const uploadNobodyAsksFor = { documentType: 'vdeavk-opinion', fileName: 'izzina.pdf', contentType: 'application/pdf', size: 1000 };

/**
 * A draft route: only the citizen who started the draft reaches it (their person key; docs/drafts.md), everyone
 * else gets 404, any other sign-in 401. Saves name a version nobody has (412) and a submission meets a file still
 * being checked (409): access granted, nothing changed. Drafts are no application, referral or filing.
 */
const draftRoute = (own: number): Partial<Record<Resource, Row>> => ({ "a citizen's draft": citizenRow({ applicant: own }) });

const matrix: Record<string, { body?: unknown; headers?: Record<string, string>; expected: Partial<Record<Resource, Row>> }> = {
  'GET /applications/{id}': { expected: citizenRoute(200, 200, { representative: 200, person: 200 }) },
  'POST /applications/{id}/withdrawal': { body: { expectedVersion: 999 }, expected: citizenRoute(409, 409, { representative: 403, person: 409 }) },
  'POST /applications/{id}/documents': {
    body: { expectedVersion: 999, documents: [{ name: 'Izziņa', sentBy: 'post' }] },
    expected: citizenRoute(409, 409, { representative: 403, person: 409 }),
  },
  'GET /referrals/{id}': { expected: referralRoute(200) },
  'GET /staff/applications/{id}': { expected: staffRoute(200) },
  'POST /staff/applications/{id}/decisions': { body: { type: 'register', expectedVersion: 999 }, expected: staffRoute(409) },
  // Only a representative's filing has a representative to confirm: elsewhere 422, which still proves access.
  'POST /staff/applications/{id}/representative-confirmation': {
    body: { expectedVersion: 999 },
    expected: staffRoute({ "a citizen's application": 422, "a municipality's referral": 422, "a representative's filing": 409 }),
  },
  'POST /staff/applications/{id}/notifications/resend': { body: { eventId: 'no-such-event', kind: 'agency-alert' }, expected: staffRoute(409) },
  // Uploads: a declaration of a document type neither track asks for (422: access granted, nothing stored), and
  // upload or attachment ids nobody has (404 for everyone: the specs in uploads.test.ts use real ones).
  'POST /applications/{id}/uploads': { body: uploadNobodyAsksFor, expected: citizenRoute(422, 422, { representative: 422, person: 422 }) },
  'GET /applications/{id}/uploads/{uploadId}': { expected: citizenRoute(404, 404, { representative: 404, person: 404 }) },
  'POST /referrals/{id}/uploads': { body: uploadNobodyAsksFor, expected: referralRoute(422) },
  'GET /referrals/{id}/uploads/{uploadId}': { expected: referralRoute(404) },
  'GET /staff/applications/{id}/attachments/{attachmentId}': { expected: staffRoute(404) },
  // The referring organisation sends documents for its referral as the person would (409: access granted, nothing changed).
  'POST /referrals/{id}/documents': { body: { expectedVersion: 999, documents: [{ name: 'Izziņa', sentBy: 'post' }] }, expected: referralRoute(409) },
  'GET /referrals/{id}/attachments/{attachmentId}': { expected: referralRoute(404) },
  'GET /drafts/{id}': { expected: draftRoute(200) },
  'PUT /drafts/{id}': { body: { serviceId: 'social-rehabilitation' }, headers: { 'if-match': '"999"' }, expected: draftRoute(412) },
  'POST /drafts/{id}/submit': { expected: draftRoute(409) },
  'POST /drafts/{id}/uploads': { body: uploadNobodyAsksFor, expected: draftRoute(422) },
  'GET /drafts/{id}/uploads/{uploadId}': { expected: draftRoute(404) },
  // Last: the owner's call deletes the draft (everyone else is asked after, and gets the 404 they would anyway).
  'DELETE /drafts/{id}': { expected: draftRoute(200) },
};

describe('access to resources by id', () => {
  it('covers every route of the route table that takes an id', () => {
    const withId = routes.filter((route) => route.path.includes('{id}')).map((route) => `${route.method} ${route.path}`);
    expect(Object.keys(matrix).sort()).toEqual(withId.sort());
  });

  const cases = Object.entries(matrix).flatMap(([route, { body, headers, expected }]) =>
    Object.entries(expected).flatMap(([resource, byCaller]) =>
      Object.entries(byCaller).map(([caller, status]) => ({ route, body, headers, resource: resource as Resource, caller: caller as Caller, status })),
    ),
  );

  it.each(cases)('$route, $resource, asked by $caller: $status', async ({ route, body, headers, resource, caller, status }) => {
    const [method, template] = route.split(' ') as [string, string];
    const path = template.replace('{id}', resources[resource]).replace(/\{(?:uploadId|attachmentId)\}/, '00000000-0000-4000-8000-000000000000');
    const response = await api(path, { method, token: callers[caller], ...(body !== undefined && { json: body }), ...(headers && { headers }) });
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

/**
 * Routes without an id that serve one role only: the archivist's retention and export routes, and a citizen's own
 * data. Every other workforce role gets 403 from the handler, a citizen's token 401 at the gateway (and the reverse).
 */
describe('routes of one role', () => {
  const archivistOnly = { archivist: 200, staff: 403, 'social-service officer': 403, 'NVA officer': 403, citizen: 401, 'no token': 401 };
  const oneRole: Record<string, { path: string; body?: unknown; expected: Record<string, number> }> = {
    'GET /staff/retention/due': { path: '/staff/retention/due?month=2036-01', expected: archivistOnly },
    // An id nobody has: the archivist is let through to a 404, everyone else stops before.
    'POST /staff/retention/destructions': {
      path: '/staff/retention/destructions',
      body: { ids: ['00000000-0000-4000-8000-000000000000'], approvalReference: 'LVA-1' },
      expected: { ...archivistOnly, archivist: 404 },
    },
    'POST /staff/data-exports': { path: '/staff/data-exports', body: { personalCode: freshPersonalCode() }, expected: archivistOnly },
    'GET /me/data': { path: '/me/data', expected: { archivist: 401, staff: 401, 'social-service officer': 401, 'NVA officer': 401, citizen: 200, 'no token': 401 } },
  };
  const tokenOf: Record<string, string | undefined> = {};
  beforeAll(async () => {
    const idp = await tokens();
    Object.assign(tokenOf, {
      archivist: await idp.workforce('archivist', 'liga'),
      staff: await idp.workforce('staff', 'anna'),
      'social-service officer': await idp.workforce('social-service', 'valka'),
      'NVA officer': await idp.workforce('nva', 'valka'),
      citizen: await idp.citizen(freshPersonalCode()),
    });
  });

  const cases = Object.entries(oneRole).flatMap(([route, { path, body, expected }]) =>
    Object.entries(expected).map(([caller, status]) => ({ route, path, body, caller, status })),
  );
  it.each(cases)('$route asked by $caller: $status', async ({ route, path, body, caller, status }) => {
    const response = await api(path, { method: route.split(' ')[0], token: tokenOf[caller], ...(body !== undefined && { json: body }) });
    expect(response.status).toBe(status);
  });
});
