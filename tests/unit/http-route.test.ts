import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { httpRoute, json, maxBodyBytes, readJsonBody, rolesOf } from '../../functions/http/route';
import { MalformedJsonError } from '../../functions/http/problem';
import { negotiateLanguage } from '../../functions/http/language';
import { claimList } from '../../functions/http/auth';
import { DomainError, notFound } from '../../functions/core/errors';
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

describe('the shared HTTP chain, request by request', () => {
  const seen: Array<Parameters<Parameters<typeof httpRoute>[1]>[0]> = [];
  const recording = httpRoute(
    {
      routes: [{ roles: ['citizen'] }],
      issuers: testIssuers,
      idempotent: true,
      path: z.object({ id: z.string().check(z.regex(/^\d+$/)) }),
      query: z.object({ limit: z.optional(z.string().check(z.regex(/^\d+$/))) }),
      body: z.object({ name: z.string().check(z.maxLength(5)) }),
    },
    async (request) => {
      seen.push(request);
      return json(200, { ok: true }, { etag: '"7"' });
    },
  );
  const send = async (event: Parameters<typeof recording>[0]) => {
    seen.length = 0;
    const response = await recording(event, lambdaContext);
    return { ...response, json: JSON.parse(response.body as string), request: seen[0] };
  };
  const valid = (options: Parameters<typeof apiEvent>[0] = {}) =>
    apiEvent({ path: '/things/12', pathParameters: { id: '12' }, body: '{"name":"Anna"}', ...options });

  it('hands the handler the parsed path, query and body, the language, the request id and the caller', async () => {
    const response = await send(valid({ query: { limit: '5' }, headers: { 'accept-language': 'en' } }));
    expect(response.statusCode).toBe(200);
    expect(response.request).toMatchObject({
      path: { id: '12' },
      query: { limit: '5' },
      body: { name: 'Anna' },
      language: 'en',
      requestId: 'req-1',
      principal: { role: 'citizen', subject: 'eid-citizen-1' },
    });
    expect(response.request).not.toHaveProperty('idempotency');
    expect(response.request).not.toHaveProperty('ifMatch');
  });

  it("answers with the shared headers, the handler's own on top, and the body as JSON", async () => {
    const response = await send(valid({ headers: { 'accept-language': 'en' } }));
    expect(response.headers).toEqual({
      'cache-control': 'no-store',
      'content-language': 'en',
      vary: 'Accept-Language',
      'x-content-type-options': 'nosniff',
      'x-request-id': 'req-1',
      'content-type': 'application/json; charset=utf-8',
      etag: '"7"',
    });
    expect(response.json).toEqual({ ok: true });
  });

  it('passes If-Match on as sent, and an empty query when none was sent', async () => {
    const response = await send(valid({ headers: { 'if-match': '"3"' } }));
    expect(response.request).toMatchObject({ ifMatch: '"3"', query: {} });
  });

  it("takes an Idempotency-Key on a route that honours one, scoped to the token's issuer and subject", async () => {
    const response = await send(valid({ headers: { 'idempotency-key': 'key-0001-abcd' } }));
    expect(response.request?.idempotency).toEqual({ key: 'key-0001-abcd', scope: `${testIssuers.citizen}|eid-citizen-1` });
  });

  it('refuses a malformed Idempotency-Key with a field error on the header, before the handler runs', async () => {
    const response = await send(valid({ headers: { 'idempotency-key': 'short', 'accept-language': 'en' } }));
    expect(response.statusCode).toBe(400);
    expect(response.request).toBeUndefined();
    expect(response.json.errors).toEqual([
      { field: 'Idempotency-Key', pointer: '/Idempotency-Key', code: 'idempotency_key', message: expect.stringContaining('Idempotency-Key') },
    ]);
  });

  it('ignores an Idempotency-Key on a route that does not honour one', async () => {
    const plain = httpRoute({ routes: [{ roles: ['citizen'] }], issuers: testIssuers }, async (request) => json(200, { idempotency: request.idempotency ?? null }));
    const response = await plain(apiEvent({ method: 'GET', headers: { 'idempotency-key': 'short' } }), lambdaContext);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body as string)).toEqual({ idempotency: null });
  });

  it('answers 404 for path parameters that cannot name a resource, and 400 with the field for a bad query', async () => {
    const notAnId = await send(valid({ pathParameters: { id: 'abc' } }));
    expect([notAnId.statusCode, notAnId.json.type]).toEqual([404, 'https://e.siva.gov.lv/problems/not-found']);
    expect((await send(valid({ pathParameters: undefined as never }))).statusCode).toBe(404);
    const badQuery = await send(valid({ query: { limit: 'ten' } }));
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json.errors).toMatchObject([{ field: 'limit', pointer: '/limit' }]);
  });

  it('reports a problem at the path asked for, with the request id of API Gateway or else of Lambda', async () => {
    const withId = await send(valid({ pathParameters: { id: 'abc' } }));
    expect(withId.json).toMatchObject({ instance: '/things/12', requestId: 'req-1' });
    const event = valid({ pathParameters: { id: 'abc' } });
    const withoutIds = { ...event, rawPath: undefined, requestContext: { ...event.requestContext, requestId: undefined } } as unknown as typeof event;
    const answered = await send(withoutIds);
    expect(answered.json).toMatchObject({ instance: '/', requestId: 'aws-req-1' });
    expect(answered.headers?.['x-request-id']).toBe('aws-req-1');
  });

  it('answers 401, not a 500, when the request carries no authorizer context or no headers at all', async () => {
    const event = valid();
    const unauthorised = { ...event, requestContext: { ...event.requestContext, authorizer: undefined } } as unknown as typeof event;
    const response = await send(unauthorised);
    expect(response.statusCode).toBe(401);
    expect(response.headers?.['www-authenticate']).toBe('Bearer');
    const withoutJwt = { ...event, requestContext: { ...event.requestContext, authorizer: {} } } as unknown as typeof event;
    expect((await send(withoutJwt)).statusCode).toBe(401);
    const bare = { ...event, headers: undefined, requestContext: undefined } as unknown as typeof event;
    expect((await send(bare)).statusCode).toBe(401);
  });

  it('answers a public route without headers in Latvian, refusing the body that names no JSON type with 415', async () => {
    const open = httpRoute({ routes: [{ roles: 'public' }], issuers: testIssuers, body: z.object({}) }, async () => json(200, {}));
    const event = apiEvent({ body: '{}', claims: null });
    const response = await open({ ...event, headers: undefined } as unknown as typeof event, lambdaContext);
    expect(response.statusCode).toBe(415);
    expect(response.headers?.['content-language']).toBe('lv');
  });

  it("scopes an Idempotency-Key sent to a public route without sign-in to no caller's, never failing", async () => {
    const open = httpRoute({ routes: [{ roles: 'public' }], issuers: testIssuers, idempotent: true }, async (request) => json(200, { scope: request.idempotency?.scope }));
    const event = apiEvent({ method: 'GET', headers: { 'idempotency-key': 'key-0001-abcd' } });
    const anonymous = { ...event, requestContext: { ...event.requestContext, authorizer: undefined } } as unknown as typeof event;
    const response = await open(anonymous, lambdaContext);
    expect([response.statusCode, JSON.parse(response.body as string)]).toEqual([200, { scope: '|' }]);
    const withoutJwt = { ...event, requestContext: { ...event.requestContext, authorizer: {} } } as unknown as typeof event;
    expect(JSON.parse((await open(withoutJwt, lambdaContext)).body as string)).toEqual({ scope: '|' });
    const withoutClaims = { ...event, requestContext: { ...event.requestContext, authorizer: { jwt: {} } } } as unknown as typeof event;
    expect(JSON.parse((await open(withoutClaims, lambdaContext)).body as string)).toEqual({ scope: '|' });
  });

  it('serves a public route to a request that arrives without headers or request context', async () => {
    const open = httpRoute({ routes: [{ roles: 'public' }], issuers: testIssuers, idempotent: true }, async (request) => json(200, { ifMatch: request.ifMatch ?? null }));
    const bare = { ...apiEvent({ method: 'GET' }), headers: undefined, requestContext: undefined } as unknown as Parameters<typeof open>[0];
    const response = await open(bare, lambdaContext);
    expect([response.statusCode, JSON.parse(response.body as string)]).toEqual([200, { ifMatch: null }]);
    expect(response.headers?.['x-request-id']).toBe('aws-req-1');
  });

  it('serves a public route to anyone, with or without claims', async () => {
    const open = httpRoute({ routes: [{ roles: 'public' }], issuers: testIssuers }, async (request) => json(200, { principal: request.principal ?? null }));
    const response = await open(apiEvent({ method: 'GET', claims: null }), lambdaContext);
    expect([response.statusCode, JSON.parse(response.body as string)]).toEqual([200, { principal: null }]);
  });
});

describe('reading a JSON body', () => {
  const jsonEvent = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, isBase64Encoded = false) => ({
    body,
    headers,
    isBase64Encoded,
  });

  it('decodes a base64 body as API Gateway sends binary-safe ones', () => {
    expect(readJsonBody(jsonEvent(Buffer.from('{"name":"Līga"}').toString('base64'), undefined, true))).toEqual({ name: 'Līga' });
  });

  it('takes a body of exactly the limit and refuses one byte more, counting bytes, not characters', () => {
    const padded = (bytes: number) => `{"a":"${'x'.repeat(bytes - 8)}"}`;
    expect(readJsonBody(jsonEvent(padded(maxBodyBytes)))).toMatchObject({ a: expect.any(String) });
    expect(() => readJsonBody(jsonEvent(padded(maxBodyBytes + 1)))).toThrow(expect.objectContaining({ kind: 'payload-too-large' }));
    const latvian = `{"a":"${'ā'.repeat(maxBodyBytes / 2 - 3)}"}`;
    expect(latvian.length).toBeLessThan(maxBodyBytes);
    expect(() => readJsonBody(jsonEvent(latvian))).toThrow(expect.objectContaining({ kind: 'payload-too-large' }));
  });

  it('refuses bytes that are not UTF-8 even inside a JSON string, instead of replacing them', () => {
    const latin1 = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xe9]), Buffer.from('"}')]).toString('base64');
    expect(() => readJsonBody(jsonEvent(latin1, undefined, true))).toThrow(MalformedJsonError);
  });

  it('takes JSON media types with a UTF-8 charset, quoted or not, in any case; nothing else', () => {
    for (const type of ['application/json', 'Application/JSON; charset=UTF-8', 'application/json;charset="utf-8"', 'application/problem+json', 'application/vnd.siva.v1+json']) {
      expect(readJsonBody(jsonEvent('{}', { 'content-type': type })), type).toEqual({});
    }
    for (const type of ['text/json', 'application/json; charset=latin1', 'application/jsonp', 'xapplication/json', '']) {
      expect(() => readJsonBody(jsonEvent('{}', { 'content-type': type })), type).toThrow(expect.objectContaining({ kind: 'unsupported-media-type' }));
    }
    expect(() => readJsonBody({ body: '{}', isBase64Encoded: false } as never)).toThrow(expect.objectContaining({ kind: 'unsupported-media-type' }));
  });

  it('reads a missing body as an empty one, which is not JSON', () => {
    expect(() => readJsonBody({ headers: { 'content-type': 'application/json' }, isBase64Encoded: false })).toThrow(MalformedJsonError);
  });
});

describe('what a failure leaves in the log', () => {
  it('logs a 5xx with the request id, route and error name, never the message; a refusal logs nothing', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => {
      lines.push(line);
    });
    try {
      const failing = (error: Error) =>
        httpRoute({ routes: [{ roles: ['citizen'] }], issuers: testIssuers }, async () => {
          throw error;
        })(apiEvent({ method: 'GET', path: '/things' }), lambdaContext);
      await failing(notFound());
      await failing(new DomainError('conflict'));
      expect(lines).toEqual([]);
      await failing(Object.assign(new TypeError('personal code 16117519997'), { code: 'E_BROKEN' }));
      await failing(asStoreFailure(Object.assign(new Error('slow down'), { name: 'ThrottlingException' })) as Error);
    } finally {
      spy.mockRestore();
    }
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { level: 'error', message: 'request failed', requestId: 'req-1', routeKey: 'GET /things', status: 500, errorName: 'TypeError', errorCode: 'E_BROKEN' },
      { level: 'error', message: 'request failed', requestId: 'req-1', routeKey: 'GET /things', status: 503, errorName: 'StoreFailure', errorCode: 'ThrottlingException' },
    ]);
    expect(lines.join('\n')).not.toContain('16117519997');
  });
});
