/** The local stand-ins for API Gateway and the stream event source mapping behave like the real ones. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, DynamoDBStreamEvent } from 'aws-lambda';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { importJWK, SignJWT, type JWK } from 'jose';
import { workforceScope } from '../../functions/core/workforce-identity';
import { createDevIdentityProvider, devIssuers, workforceKinds } from '../../local/dev-idp';
import { startGateway, type LambdaHandler } from '../../local/gateway';
import { startStreamPoller } from '../../local/stream-poller';
import { api, documentClient, dynamoClient, freshTable, local, streamsClient, tokens, waitFor } from './support/local';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the local gateway', () => {
  it('answers an unknown route with API Gateway’s 404', async () => {
    const response = await api('/nowhere', { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: 'Not Found' });
  });

  it("hands a path no API route takes to the portal, whose 404 is a page in the person's language", async () => {
    const response = await api('/en/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
  });

  it('rejects missing, foreign, expired and misaddressed tokens with 401 before any handler runs', async () => {
    const stranger = await createDevIdentityProvider();
    // The trusted key's own token, signed again with one claim changed: only that claim can be why it is refused.
    const valid = await (await tokens()).citizen('161175-19997');
    const { alg, kid } = decodeProtectedHeader(valid);
    const trustedKey = await importJWK(JSON.parse(inject('idpKey')) as JWK, alg);
    const now = Math.floor(Date.now() / 1000);
    const resigned = (changes: Record<string, unknown>) =>
      new SignJWT({ ...decodeJwt(valid), ...changes }).setProtectedHeader({ alg: alg!, kid, typ: 'JWT' }).sign(trustedKey);
    expect((await api('/applications', { token: await resigned({}) })).status).toBe(200);

    const refused = [
      undefined,
      'not.a.jwt',
      await stranger.citizen('161175-19997'),
      await resigned({ iat: now - 7200, exp: now - 60 }),
      await resigned({ aud: 'siva-eservices-workforce' }),
      await resigned({ iss: 'https://elsewhere.example/citizen' }),
    ];
    for (const token of refused) {
      const response = await api('/applications', { ...(token && { token }) });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ message: 'Unauthorized' });
    }
  });

  it("answers a refused sign-in as the OpenAPI document says API Gateway does (401, and 403 for a token without the route's scope)", async () => {
    const published = (await api('/openapi.json')).body;
    const ajv = new Ajv2020({ allowUnionTypes: true });
    ajv.addKeyword('components');
    ajv.addSchema({ $id: 'https://e.siva.test/openapi.json', components: { schemas: published.components.schemas } });
    /** The published response a status of this route refers to, and whether it describes what came back. */
    const matchesDocument = (path: string, status: number, response: Awaited<ReturnType<typeof api>>) => {
      const ref: string = published.paths[path].get.responses[String(status)].$ref;
      const described = published.components.responses[ref.split('/').pop()!];
      const mediaType = response.headers.get('content-type')!.split(';')[0]!;
      expect(described.content, `${status} ${mediaType}`).toHaveProperty([mediaType]);
      const validate = ajv.compile({ $ref: `https://e.siva.test/openapi.json${described.content[mediaType].schema.$ref}` });
      expect(validate(response.body), JSON.stringify(validate.errors)).toBe(true);
      for (const name of Object.keys(described.headers ?? {})) {
        const header = published.components.headers[name];
        expect(response.headers.get(name), name).toMatch(new RegExp(header.schema.pattern ?? ''));
      }
    };

    const unsigned = await api('/staff/applications?serviceId=social-rehabilitation');
    expect(unsigned.status).toBe(401);
    matchesDocument('/staff/applications', 401, unsigned);
    const stranger = await api('/applications', { token: await (await createDevIdentityProvider()).citizen('161175-19997') });
    expect(stranger.status).toBe(401);
    matchesDocument('/applications', 401, stranger);

    const idp = await tokens();
    const idToken = await new SignJWT({ sub: 'staff-x', token_use: 'id', 'cognito:groups': ['staff'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'dev-idp-1' })
      .setIssuer(devIssuers.workforce.issuer)
      .setAudience(devIssuers.workforce.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await importJWK(JSON.parse(idp.privateJwk) as JWK, 'ES256'));
    const forbidden = await api('/staff/applications?serviceId=social-rehabilitation', { token: idToken });
    expect(forbidden.status).toBe(403);
    matchesDocument('/staff/applications', 403, forbidden);
  });

  it('builds payload 2.0 events with string claims, as the JWT authorizer passes them', async () => {
    const idp = await createDevIdentityProvider();
    const seen: APIGatewayProxyEventV2WithJWTAuthorizer[] = [];
    const echo: LambdaHandler = async (event) => {
      seen.push(event as APIGatewayProxyEventV2WithJWTAuthorizer);
      return { statusCode: 202, headers: { 'x-echo': 'yes' }, body: 'ok' };
    };
    const gateway = await startGateway({
      routes: [{ method: 'POST', path: '/things/{id}', function: 'echo' as never, audience: 'workforce' }],
      loadHandler: async () => echo,
      verify: idp.verify,
      port: 0,
      log: () => {},
    });
    cleanups.push(gateway.stop);

    const token = await idp.workforce('social-service', 'riga');
    const response = await fetch(`${gateway.url}/things/a%20b?x=1&x=2`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', cookie: 'a=1; b=2' },
      body: '{"hello":"world"}',
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-echo')).toBe('yes');

    const event = seen[0]!;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /things/{id}',
      rawPath: '/things/a%20b',
      rawQueryString: 'x=1&x=2',
      queryStringParameters: { x: '1,2' },
      pathParameters: { id: 'a b' },
      cookies: ['a=1', 'b=2'],
      body: '{"hello":"world"}',
      isBase64Encoded: false,
      requestContext: { stage: '$default', routeKey: 'POST /things/{id}', http: { method: 'POST', path: '/things/a%20b' } },
    });
    const claims = event.requestContext.authorizer.jwt.claims;
    expect(claims['cognito:groups']).toBe('[social-service]');
    expect(claims['siva:organisation']).toBe('riga');
    expect(claims.email_verified).toBe('true');
    expect(typeof claims.exp).toBe('string');
    expect(Object.values(claims).every((value) => typeof value === 'string')).toBe(true);
  });

  it('base64-encodes binary bodies and turns a throwing handler into a 500 without details', async () => {
    const idp = await createDevIdentityProvider();
    const bodies: string[] = [];
    const gateway = await startGateway({
      routes: [
        { method: 'POST', path: '/upload', function: 'upload' as never, audience: null },
        { method: 'GET', path: '/boom', function: 'boom' as never, audience: null },
      ],
      loadHandler: async (name) =>
        name === 'boom'
          ? async () => {
              throw new Error('secret detail');
            }
          : async (event) => {
              const { body, isBase64Encoded } = event as APIGatewayProxyEventV2WithJWTAuthorizer;
              bodies.push(`${isBase64Encoded}:${body}`);
              return { ok: true };
            },
      verify: idp.verify,
      port: 0,
      log: () => {},
    });
    cleanups.push(gateway.stop);

    const upload = await fetch(`${gateway.url}/upload`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: Buffer.from([0, 1, 2]) });
    expect(await upload.json()).toEqual({ ok: true });
    expect(bodies).toEqual(['true:AAEC']);
    const boom = await fetch(`${gateway.url}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.text()).toBe('{"message":"Internal Server Error"}');
  });

  it('mints tokens the running gateway accepts for every role', async () => {
    const idp = await tokens();
    const citizen = await api('/applications', { token: await idp.citizen('161175-19997') });
    expect(citizen.status).toBe(200);
    for (const kind of workforceKinds) {
      const claims = await idp.verify(await idp.workforce(kind, 'x'), 'workforce');
      // The deployed pool's access token: client_id instead of aud, the trigger's scope and claims.
      expect(claims).toMatchObject({ 'cognito:groups': [kind], token_use: 'access', client_id: devIssuers.workforce.audience, email_verified: true });
      expect(claims).not.toHaveProperty('aud');
      expect(String(claims!.scope).split(' ')).toContain(workforceScope);
    }
  });

  it('checks a workforce token as the JWT authorizer does: client_id when there is no aud, and the route scope', async () => {
    const idp = await createDevIdentityProvider();
    const key = await importJWK(JSON.parse(idp.privateJwk) as JWK, 'ES256');
    const signed = (claims: Record<string, unknown>) =>
      new SignJWT({ sub: 'staff-x', token_use: 'access', 'cognito:groups': ['staff'], ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: 'dev-idp-1' })
        .setIssuer(devIssuers.workforce.issuer)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key);
    const { audience } = devIssuers.workforce;
    expect(await idp.verify(await signed({ client_id: audience, scope: workforceScope }), 'workforce')).toBeDefined();
    expect(await idp.verify(await signed({ client_id: 'another-client', scope: workforceScope }), 'workforce')).toBeUndefined();
    expect(await idp.verify(await signed({ aud: 'another-client', client_id: audience, scope: workforceScope }), 'workforce')).toBeUndefined();

    // The route's scope is the gateway's next check: a valid token without it (an ID token, whose `aud` is the
    // client) gets API Gateway's own 403 before any handler runs.
    let handled = 0;
    const gateway = await startGateway({
      routes: [{ method: 'GET', path: '/staff/things', function: 'things' as never, audience: 'workforce' }],
      loadHandler: async () => async () => {
        handled += 1;
        return { statusCode: 204 };
      },
      verify: idp.verify,
      port: 0,
      log: () => {},
    });
    cleanups.push(gateway.stop);
    const call = async (token: string) => fetch(`${gateway.url}/staff/things`, { headers: { authorization: `Bearer ${token}` } });
    const idToken = await call(await signed({ aud: audience, token_use: 'id' }));
    expect(idToken.status).toBe(403);
    expect(await idToken.json()).toEqual({ message: 'Forbidden' });
    expect(handled).toBe(0);
    expect((await call(await signed({ client_id: audience, scope: `openid ${workforceScope}` }))).status).toBe(204);
  });
});

describe('the local stream poller', () => {
  const put = (tableName: string, id: string) =>
    documentClient().send(new PutCommand({ TableName: tableName, Item: { pk: `TEST#${id}`, sk: 'X', entity: 'test', n: id } }));

  it('delivers inserts in Lambda’s record shape and re-delivers from a reported failure', async () => {
    const tableName = await freshTable('poller-shape');
    const batches: DynamoDBStreamEvent[] = [];
    let failOnce = true;
    const poller = await startStreamPoller({
      dynamo: dynamoClient(),
      streams: streamsClient(),
      tableName,
      backoff: { initialMs: 10, maxMs: 20 },
      pollIntervalMs: 30,
      log: () => {},
      consume: async (event) => {
        batches.push(event);
        const second = event.Records.find((record) => record.dynamodb?.NewImage?.n?.S === '2');
        if (second && failOnce) {
          failOnce = false;
          return { batchItemFailures: [{ itemIdentifier: second.dynamodb!.SequenceNumber! }] };
        }
        return { batchItemFailures: [] };
      },
    });
    cleanups.push(poller.stop);
    for (const id of ['1', '2', '3']) await put(tableName, id);
    // DynamoDB Local shows a write on the stream a moment later: wait until the last one reached the consumer.
    await waitFor(async () => batches.some((batch) => batch.Records.some((r) => r.dynamodb?.NewImage?.n?.S === '3')));
    await poller.idle();

    const record = batches[0]!.Records[0]!;
    expect(record).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventVersion: '1.1',
      eventSourceARN: expect.stringContaining(tableName),
      dynamodb: { Keys: { pk: { S: 'TEST#1' }, sk: { S: 'X' } }, NewImage: { n: { S: '1' } }, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(typeof record.dynamodb?.ApproximateCreationDateTime).toBe('number');
    const delivered = batches.map((batch) => batch.Records.map((r) => r.dynamodb?.NewImage?.n?.S ?? ''));
    const timesDelivered = (id: string) => delivered.flat().filter((n) => n === id).length;
    expect([timesDelivered('1'), timesDelivered('2')]).toEqual([1, 2]);
    expect(timesDelivered('3')).toBeGreaterThanOrEqual(1);
    const failedBatch = delivered.findIndex((ids) => ids.includes('2'));
    expect(delivered[failedBatch + 1]?.[0]).toBe('2');
    expect(poller.deadLetters).toEqual([]);
  });

  it('dead-letters a batch whose consumer keeps failing, keeping no personal data, and moves on', async () => {
    const tableName = await freshTable('poller-dlq');
    const attempts: string[] = [];
    const poller = await startStreamPoller({
      dynamo: dynamoClient(),
      streams: streamsClient(),
      tableName,
      retryAttempts: 2,
      backoff: { initialMs: 5, maxMs: 10 },
      pollIntervalMs: 30,
      log: () => {},
      consume: async (event) => {
        const ids = event.Records.map((r) => r.dynamodb?.NewImage?.n?.S ?? '');
        attempts.push(ids.join(''));
        if (ids.includes('poison')) throw new Error('crash');
      },
    });
    cleanups.push(poller.stop);
    await put(tableName, 'poison');
    await waitFor(async () => poller.deadLetters.length > 0);
    await put(tableName, 'after');
    await waitFor(async () => attempts.includes('after'));
    await poller.idle();

    expect(attempts.filter((ids) => ids.includes('poison'))).toHaveLength(3);
    expect(attempts.at(-1)).toBe('after');
    expect(poller.deadLetters).toHaveLength(1);
    expect(JSON.stringify(poller.deadLetters)).not.toContain('poison');
  });

  it('splits a batch whose invocation throws (bisect on error), so only the bad record is dead-lettered', async () => {
    const tableName = await freshTable('poller-bisect');
    const delivered: string[] = [];
    const poller = await startStreamPoller({
      dynamo: dynamoClient(),
      streams: streamsClient(),
      tableName,
      retryAttempts: 1,
      backoff: { initialMs: 5, maxMs: 10 },
      pollIntervalMs: 200,
      log: () => {},
      consume: async (event) => {
        const ids = event.Records.map((r) => r.dynamodb?.NewImage?.n?.S ?? '');
        if (ids.includes('poison')) throw new Error('crash');
        delivered.push(...ids);
      },
    });
    cleanups.push(poller.stop);
    await Promise.all(['good-1', 'poison', 'good-2', 'good-3'].map((n) => put(tableName, n)));
    await waitFor(async () => poller.deadLetters.length === 1 && delivered.length === 3, 10_000);
    await poller.idle();

    expect(delivered.sort()).toEqual(['good-1', 'good-2', 'good-3']);
    expect(poller.deadLetters).toHaveLength(1);
    expect(poller.deadLetters[0]!.eventIds).toHaveLength(1);
  });
});

describe('the local servers', () => {
  /** Local addresses of the sockets listening on a TCP port, from the kernel's tables (Linux). */
  const listeningAddresses = (port: number): string[] =>
    ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
      readFileSync(table, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        // Columns: sl, local address (hex IP:hex port), remote address, state (0A is LISTEN), …
        .filter((columns) => columns[3] === '0A' && Number.parseInt(columns[1]?.split(':')[1] ?? '', 16) === port)
        .map((columns) => columns[1]!.split(':')[0]!),
    );
  // 127.0.0.1 in /proc/net/tcp (little-endian), ::1 and ::ffff:127.0.0.1 in /proc/net/tcp6.
  const loopback = ['0100007F', '00000000000000000000000001000000', '0000000000000000FFFF00000100007F'];

  it.runIf(process.platform === 'linux')('listen on the loopback interface only, DynamoDB Local included', () => {
    for (const url of [local.dynamoEndpoint, local.apiUrl, local.inboxUrl]) {
      const addresses = listeningAddresses(Number(new URL(url).port));
      expect(addresses.length, url).toBeGreaterThan(0);
      expect(addresses.filter((address) => !loopback.includes(address)), url).toEqual([]);
    }
  });
});
