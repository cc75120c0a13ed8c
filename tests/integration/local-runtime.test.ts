/** The local stand-ins for API Gateway and the stream event source mapping behave like the real ones. */
import { afterEach, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, DynamoDBStreamEvent } from 'aws-lambda';
import { createDevIdentityProvider } from '../../local/dev-idp';
import { startGateway, type LambdaHandler } from '../../local/gateway';
import { startStreamPoller } from '../../local/stream-poller';
import { api, documentClient, dynamoClient, freshTable, streamsClient, tokens, waitFor } from './support/local';

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

  it('rejects missing, foreign and expired-looking tokens with 401 before any handler runs', async () => {
    const stranger = await createDevIdentityProvider();
    for (const token of [undefined, 'not.a.jwt', await stranger.citizen('161175-19997')]) {
      const response = await api('/applications', { ...(token && { token }) });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ message: 'Unauthorized' });
    }
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
    expect(claims['custom:organisation']).toBe('riga');
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
    for (const kind of ['staff', 'social-service', 'nva', 'medical-institution'] as const) {
      expect(await idp.verify(await idp.workforce(kind, 'x'), 'workforce')).toMatchObject({ 'cognito:groups': [kind] });
    }
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
    await new Promise((done) => setTimeout(done, 100));
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
    await new Promise((done) => setTimeout(done, 100));
    await poller.idle();
    await put(tableName, 'after');
    await new Promise((done) => setTimeout(done, 100));
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
