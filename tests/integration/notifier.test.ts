/**
 * The notifier under faults, with real parts: the real handler module, fed by
 * the local stream poller from a fresh table in DynamoDB Local, sending to SES
 * local directly, through a proxy that fails the first requests, or to a port
 * where nothing listens.
 */
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { eventKey } from '../../functions/adapters/keys';
import { storedApplication, submittedEvent } from '../support/stored-application';
import { freePort } from '../../local/stack';
import { documentClient, emailsAbout, freshTable, local, waitFor } from './support/local';
import { notifierHandler, pollerFor as pollerOn } from './support/notifier';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const pollerFor = (tableName: string, consume: Parameters<typeof pollerOn>[1]) => pollerOn(tableName, consume, cleanups);

/** Stores an application and its "submitted" event, as the submit handler does. */
const storeSubmitted = async (tableName: string) => {
  const application = storedApplication({ reference: `TEST-NOTIFY-${Date.now()}-${crypto.randomUUID().slice(0, 4)}` });
  const event = submittedEvent(application);
  await createApplicationRepository(documentClient(), tableName).insertSubmitted(application, event);
  return { application, event };
};

const timelineOf = async (tableName: string, applicationId: string) =>
  (await createApplicationRepository(documentClient(), tableName).findWithTimeline(applicationId))!;

/** An HTTP proxy to SES local that answers 503 to the first `failures` requests. */
const flakySes = async (failures: number) => {
  const target = new URL(local.inboxUrl);
  let seen = 0;
  const server: Server = createServer((incoming, outgoing) => {
    seen += 1;
    if (seen <= failures) {
      incoming.resume();
      outgoing.writeHead(503, { 'content-type': 'application/json', 'x-amzn-errortype': 'ServiceUnavailable' });
      outgoing.end(JSON.stringify({ message: 'Service Unavailable' }));
      return;
    }
    const upstream = forward(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    incoming.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  cleanups.push(() => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => seen };
};

describe('the notifier', () => {
  it('does not send twice when the same stream record is delivered twice', async () => {
    const tableName = await freshTable('notify-twice');
    const { handler, deliveries } = await notifierHandler({ tableName, sesEndpoint: local.inboxUrl });
    const poller = await pollerFor(tableName, handler);
    const { application, event } = await storeSubmitted(tableName);
    await waitFor(async () => (await emailsAbout(application.reference)).length === 2);
    await poller.idle();

    const redelivered = deliveries.flatMap((batch) => batch.Records).find((record) =>
      record.dynamodb?.NewImage?.sk?.S === eventKey(application.id, event.id).sk,
    )!;
    expect(redelivered).toBeDefined();
    expect(await handler({ Records: [redelivered] })).toEqual({ batchItemFailures: [] });
    expect(await handler({ Records: [redelivered] })).toEqual({ batchItemFailures: [] });

    expect(await emailsAbout(application.reference)).toHaveLength(2);
    const { timeline } = await timelineOf(tableName, application.id);
    expect(timeline.filter((e) => e.type === 'notification_sent')).toHaveLength(2);
  });

  it('retries through a temporary SES outage and then delivers each e-mail exactly once', async () => {
    const tableName = await freshTable('notify-outage');
    // The SDK itself tries three times per delivery: four failures outlast the first delivery.
    const ses = await flakySes(4);
    const { handler, deliveries } = await notifierHandler({ tableName, sesEndpoint: ses.url, maxDeliveries: 5 });
    const poller = await pollerFor(tableName, handler);
    const { application } = await storeSubmitted(tableName);

    await waitFor(async () => (await emailsAbout(application.reference)).length === 2, 20_000);
    await poller.idle();
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    expect(ses.requests()).toBeGreaterThan(4);
    expect(await emailsAbout(application.reference)).toHaveLength(2);
    const { timeline, notifications } = await timelineOf(tableName, application.id);
    expect(timeline.map((e) => e.type).sort()).toEqual(['notification_sent', 'notification_sent', 'submitted']);
    expect(notifications.find((n) => n.kind === 'applicant-confirmation')).toMatchObject({ state: 'sent', deliveries: 1 });
    expect(poller.deadLetters).toEqual([]);
  });

  it('records a failure on the timeline once SES has stayed down through every retry', async () => {
    const tableName = await freshTable('notify-down');
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const { handler, deliveries } = await notifierHandler({ tableName, sesEndpoint: nowhere, maxDeliveries: 3 });
    const poller = await pollerFor(tableName, handler);
    const { application } = await storeSubmitted(tableName);

    const failed = await waitFor(async () => {
      const { timeline } = await timelineOf(tableName, application.id);
      const failures = timeline.filter((e) => e.type === 'notification_failed');
      return failures.length === 2 && failures;
    }, 30_000);
    await poller.idle();

    expect(failed.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ notification: 'agency-alert', permanent: false, reason: expect.any(String) }),
        expect.objectContaining({ notification: 'applicant-confirmation', permanent: false, reason: expect.any(String) }),
      ]),
    );
    const eventDeliveries = deliveries.filter((batch) =>
      batch.Records.some((r) => r.dynamodb?.NewImage?.entity?.S === 'event' && r.dynamodb?.NewImage?.type?.S === 'submitted'),
    );
    expect(eventDeliveries).toHaveLength(3);
    const { notifications } = await timelineOf(tableName, application.id);
    expect(notifications.map((n) => [n.state, n.deliveries])).toEqual([['failed', 3], ['failed', 3]]);
    expect(await emailsAbout(application.reference)).toEqual([]);
    expect(poller.deadLetters).toEqual([]);
    // The wait above may take 30 s: the test gets room beyond it, so a timeout reports the wait, not the runner.
  }, 60_000);
});
