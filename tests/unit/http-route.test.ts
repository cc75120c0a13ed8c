import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { httpRoute, json, maxBodyBytes, rolesOf } from '../../functions/http/route';
import { negotiateLanguage } from '../../functions/http/language';
import { claimList } from '../../functions/http/auth';
import { notFound } from '../../functions/core/errors';
import { asStoreFailure } from '../../functions/adapters/dynamo-errors';
import { apiEvent, citizenClaims, lambdaContext, staffClaims, testIssuers, workforceClaims } from '../support/api-event';

const echo = httpRoute(
  { routes: [{ roles: ['citizen'] }], issuers: testIssuers, body: z.strictObject({ name: z.string().check(z.maxLength(5)) }) },
  async ({ principal, body }) => json(201, { name: body.name, subject: principal.subject }, { location: '/things/1' }),
);

const call = async (event: Parameters<typeof echo>[0]) => {
  const response = await echo(event, lambdaContext);
  return { ...response, json: JSON.parse(response.body as string) };
};

describe('the shared HTTP chain', () => {
  it('hands a valid request to the handler with the principal from the claims', async () => {
    const response = await call(apiEvent({ body: '{"name":"Anna"}' }));
    expect(response.statusCode).toBe(201);
    expect(response.json).toEqual({ name: 'Anna', subject: 'eid-citizen-1' });
    expect(response.headers).toMatchObject({ location: '/things/1', 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' });
  });

  it('answers malformed JSON with a 400 problem in Latvian by default', async () => {
    const response = await call(apiEvent({ body: '{"name":' }));
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json).toMatchObject({ status: 400, type: 'https://e.siva.gov.lv/problems/malformed-json', title: 'Pieprasījuma saturs nav derīgs JSON' });
  });

  it('answers field errors in English when Accept-Language prefers it', async () => {
    const response = await call(apiEvent({ body: '{"name":"Annabelle","extra":1}', headers: { 'accept-language': 'en-GB,en;q=0.9,lv;q=0.5' } }));
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-language']).toBe('en');
    expect(response.json.errors).toEqual([
      { field: 'name', pointer: '/name', code: 'too_long', message: 'At most 5 characters.' },
      { field: 'extra', pointer: '/extra', code: 'unknown_field', message: 'This field is not expected.' },
    ]);
  });

  it('refuses other content types with 415 and bodies over the limit with 413', async () => {
    expect((await call(apiEvent({ body: 'name=Anna', headers: { 'content-type': 'application/x-www-form-urlencoded' } }))).statusCode).toBe(415);
    expect((await call(apiEvent({ body: '{"name":"A"}', headers: { 'content-type': 'application/json; charset=latin1' } }))).statusCode).toBe(415);
    expect((await call(apiEvent({ body: JSON.stringify({ name: 'x'.repeat(maxBodyBytes) }) }))).statusCode).toBe(413);
  });

  it('rejects bodies that are not UTF-8 and JSON that is not an object', async () => {
    const latin1 = { ...apiEvent({}), body: Buffer.from([0x7b, 0xe9, 0x7d]).toString('base64'), isBase64Encoded: true };
    expect((await call(latin1)).statusCode).toBe(400);
    expect((await call(apiEvent({ body: '[1,2]' }))).json.errors[0]).toMatchObject({ code: 'wrong_type' });
  });

  it('answers 401 without usable claims and 403 for a role the route does not serve', async () => {
    expect((await call(apiEvent({ body: '{"name":"A"}', claims: null }))).statusCode).toBe(401);
    expect((await call(apiEvent({ body: '{"name":"A"}', claims: citizenClaims({ iss: 'https://evil.example' }) }))).statusCode).toBe(401);
    expect((await call(apiEvent({ body: '{"name":"A"}', claims: citizenClaims({ personal_code: '161375-19997' }) }))).statusCode).toBe(401);
    expect((await call(apiEvent({ body: '{"name":"A"}', claims: staffClaims() }))).statusCode).toBe(403);
  });

  it('lets through the roles of every route the handler serves, and no other', async () => {
    const shared = httpRoute({ routes: [{ roles: ['citizen'] }, { roles: ['social-service'] }], issuers: testIssuers }, async ({ principal }) =>
      json(200, { role: principal.role }),
    );
    const statusFor = async (claims: Record<string, string>) => (await shared(apiEvent({ method: 'GET', claims }), lambdaContext)).statusCode;
    expect(await statusFor(citizenClaims())).toBe(200);
    expect(await statusFor(workforceClaims('social-service', 'officer-1', { 'custom:organisation': 'riga' }))).toBe(200);
    expect(await statusFor(staffClaims())).toBe(403);
  });

  it('refuses to build a handler that mixes public and signed-in routes, or serves none', () => {
    expect(rolesOf([{ roles: 'public' }, { roles: 'public' }])).toBe('public');
    expect(rolesOf([{ roles: ['staff'] }, { roles: ['staff', 'archivist'] }])).toEqual(['staff', 'archivist']);
    expect(() => rolesOf([{ roles: 'public' }, { roles: ['citizen'] }])).toThrow('public routes only or signed-in routes only');
    expect(() => rolesOf([])).toThrow();
  });

  it('maps domain errors and hides unknown ones behind a generic 500 without internals', async () => {
    const failing = (error: Error) =>
      httpRoute({ routes: [{ roles: ['citizen'] }], issuers: testIssuers }, async () => {
        throw error;
      })(apiEvent({ method: 'GET' }), lambdaContext);
    expect((await failing(notFound())).statusCode).toBe(404);
    const internal = await failing(new Error('secret table name siva-prod'));
    expect(internal.statusCode).toBe(500);
    expect(internal.body).not.toContain('siva-prod');
    // As the shared document client throws it (tests/unit/store-failures.test.ts).
    const throttled = await failing(asStoreFailure(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' })) as Error);
    expect(throttled.statusCode).toBe(503);
    expect(throttled.headers?.['retry-after']).toBe('1');
    // No answer came from DynamoDB (a reset connection once the SDK's retries are spent): try again, not a 500.
    const unanswered = await failing(asStoreFailure(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' })) as Error);
    expect([unanswered.statusCode, unanswered.headers?.['retry-after']]).toEqual([503, '1']);
    expect(unanswered.body).not.toMatch(/socket|ECONNRESET|TimeoutError/);
  });
});

describe('language negotiation', () => {
  it('prefers the highest-quality supported language and falls back to Latvian', () => {
    expect(negotiateLanguage(undefined)).toBe('lv');
    expect(negotiateLanguage('en')).toBe('en');
    expect(negotiateLanguage('de-DE,en;q=0.8,lv;q=0.9')).toBe('lv');
    expect(negotiateLanguage('lv;q=0,en;q=0.1')).toBe('en');
    expect(negotiateLanguage('ru')).toBe('lv');
  });
});

describe('claims as API Gateway passes them', () => {
  it('reads list claims in bracketed, comma and array forms', () => {
    expect(claimList('[staff social-service]')).toEqual(['staff', 'social-service']);
    expect(claimList('a,b')).toEqual(['a', 'b']);
    expect(claimList(['x'])).toEqual(['x']);
    expect(claimList(undefined)).toEqual([]);
  });
});
