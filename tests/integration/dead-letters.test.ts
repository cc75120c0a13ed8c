/**
 * Fault drill: the notifier crashes on one record in the middle of a batch,
 * before handling it or part-way (right after its first write reached
 * DynamoDB, cut off at the wire by a fault proxy: nothing more of that
 * invocation gets through). The record is retried, then dead-lettered; the
 * dead-letter consumer records its e-mails as failed on the timeline and on
 * staff's list; staff resend it and it is delivered exactly once. Real parts:
 * DynamoDB Local and its stream, SES local, the real handler modules; the
 * crash is the only thing injected.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { DynamoDBStreamEvent, SQSEvent } from 'aws-lambda';
import { lostBatchKey } from '../../functions/adapters/keys';
import { lostBatchItems } from '../../functions/adapters/entities/lost-batch';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { createWorkflowRepository } from '../../functions/adapters/workflow-repository';
import type { TimelineEvent } from '../../functions/core/model';
import { storedApplication, submittedEvent } from '../support/stored-application';
import { startStreamPoller } from '../../local/stream-poller';
import { localAgencyInboxes } from '../../local/stack';
import { startDynamoFaultProxy } from './support/dynamo-fault-proxy';
import { api, documentClient, dynamoClient, emailsAbout, freshTable, local, streamsClient, tokens, waitFor } from './support/local';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real notifier and dead-letter handlers, imported with the environment Lambda would give them. */
const handlersFor = async (tableName: string, dynamoEndpoint = local.dynamoEndpoint) => {
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: local.dynamoEndpoint,
    AWS_ENDPOINT_URL_SESV2: local.inboxUrl,
    MAIL_FROM: 'SIVA e-pakalpojumi <e-pakalpojumi@siva.gov.lv>',
    AGENCY_INBOXES: JSON.stringify(localAgencyInboxes),
    PORTAL_URL: 'https://e.siva.gov.lv',
    STAFF_PORTAL_URL: 'https://darbs.siva.gov.lv',
    NOTIFICATION_MAX_DELIVERIES: '3',
    NOTIFICATION_RETRY_BASE_MS: '0',
  });
  vi.resetModules();
  const notifier = (await import('../../functions/notifier/handler')).handler;
  const deadLetters = (await import('../../functions/dead-letters/handler')).handler;
  return {
    notify: (event: DynamoDBStreamEvent) => notifier(event, {} as never),
    recordDeadLetters: (event: SQSEvent) => deadLetters(event, {} as never),
  };
};

const storeSubmitted = async (tableName: string, id: string = crypto.randomUUID()) => {
  const application = storedApplication({ id, reference: `TEST-DLQ-${Date.now()}-${id.slice(0, 4)}` });
  await createApplicationRepository(documentClient(), tableName).insertSubmitted(application, submittedEvent(application));
  return application;
};

const crashPoints = ['before it handles the batch', 'part-way, right after its first write of the batch reached DynamoDB'] as const;

describe('the notifier crashing mid-batch', () => {
  for (const crashPoint of crashPoints) {
    it(`${crashPoint}: retries the record, dead-letters it, records it as failed for staff, and a resend delivers it once`, { timeout: 90_000 }, async () => {
      const tableName = await freshTable('dead-letters');
      // The handlers reach DynamoDB Local through a proxy that can cut a crashing invocation off at the wire.
      const proxy = await startDynamoFaultProxy(local.dynamoEndpoint);
      cleanups.push(() => proxy.stop());
      const { notify, recordDeadLetters } = await handlersFor(tableName, proxy.url);
      const deadLettered: string[] = [];
      const deadLetterAnswers: unknown[] = [];
      const crashes: number[] = [];
      let crashFor: string | undefined;
      // The batch holding the doomed application's submission event (the one its e-mails come from).
      const holdsDoomed = (event: DynamoDBStreamEvent) =>
        crashFor !== undefined &&
        event.Records.some(({ dynamodb }) => dynamodb?.NewImage?.type?.S === 'submitted' && dynamodb.NewImage.pk?.S === `APPLICATION#${crashFor}`);
      // The crash: whenever the batch holds the doomed application's event, the function dies (as on an out-of-memory or a bug).
      const crashing = async (event: DynamoDBStreamEvent) => {
        if (!holdsDoomed(event)) return notify(event);
        if (crashPoint === 'before it handles the batch') {
          crashes.push(0);
          throw new Error('simulated crash');
        }
        // Its first write for the doomed application reaches DynamoDB; the answer and everything after it are lost.
        const cut = proxy.inject({ operation: 'UpdateItem', containing: crashFor, when: 'after', times: 1, fault: { kind: 'drop' }, thenCutOff: true });
        try {
          await notify(event);
        } catch {
          // What the dead invocation would have done next never happens: every request of it was dropped.
        } finally {
          cut.remove();
        }
        crashes.push(cut.hits());
        throw new Error('simulated crash');
      };
      const poller = await startStreamPoller({
        dynamo: dynamoClient(),
        streams: streamsClient(),
        tableName,
        consume: crashing,
        retryAttempts: 2,
        backoff: { initialMs: 10, maxMs: 20 },
        pollIntervalMs: 50,
        log: () => {},
        // The poller swallows what this callback throws: answers are kept and judged after the wait, not in here.
        onDeadLetter: async (batch) => {
          deadLettered.push(batch.startSequenceNumber);
          const body = JSON.stringify({ DDBStreamBatchInfo: batch });
          deadLetterAnswers.push(await recordDeadLetters({ Records: [{ messageId: 'm1', body, awsRegion: 'eu-north-1' }] } as unknown as SQSEvent));
        },
      });
      cleanups.push(() => poller.stop());

      const healthy = await storeSubmitted(tableName);
      // Doomed before it is stored, so the poller cannot see it first.
      crashFor = crypto.randomUUID();
      const doomed = await storeSubmitted(tableName, crashFor);

      await waitFor(async () => (await emailsAbout(healthy.reference)).length === 2, 20_000);
      const failures = await waitFor(async () => {
        const record = await createApplicationRepository(documentClient(), tableName).findWithTimeline(doomed.id);
        const failed = record?.timeline.filter((event) => event.type === 'notification_failed') ?? [];
        return failed.length === 2 && failed;
      }, 20_000);
      expect(deadLettered).toHaveLength(1);
      // The failures are visible as soon as they are written, a moment before the dead-letter handler answers.
      await waitFor(async () => deadLetterAnswers.length === deadLettered.length, 10_000);
      expect(deadLetterAnswers, 'each dead-lettered batch was consumed').toEqual(deadLettered.map(() => ({ batchItemFailures: [] })));
      // Each delivery of the doomed batch crashed where the drill says: part-way, its first write had reached DynamoDB.
      // The first delivery and at least the poller's two retries (bisected batches are delivered more), each crashed where
      // the drill says: part-way, exactly one request of it (its first write) had reached DynamoDB.
      expect(crashes.length).toBeGreaterThanOrEqual(3);
      expect(new Set(crashes)).toEqual(new Set([crashPoint === 'before it handles the batch' ? 0 : 1]));
      expect(failures.map((event) => event.details)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ notification: 'applicant-confirmation', reason: 'dead_lettered' }),
          expect.objectContaining({ notification: 'agency-alert', reason: 'dead_lettered' }),
        ]),
      );
      expect(await emailsAbout(doomed.reference)).toEqual([]);

      // Staff see it on the service's list of failed notifications…
      const workflow = createWorkflowRepository(documentClient(), tableName);
      const listed = await workflow.listFailedNotifications('social-rehabilitation', { limit: 10 });
      const confirmation = listed.items.find((item) => item.applicationId === doomed.id && item.kind === 'applicant-confirmation')!;
      expect(confirmation).toMatchObject({ failure: { code: 'dead_lettered' } });

      // …and resend it once the fault is gone: delivered exactly once, and off the list.
      crashFor = undefined;
      const at = new Date().toISOString();
      const resend: TimelineEvent = {
        applicationId: doomed.id,
        id: `${at}#resend`,
        type: 'notification_resend_requested',
        at,
        actor: { role: 'staff', subject: 'staff-anna' },
        details: { sourceEventId: confirmation.eventId, notification: 'applicant-confirmation' },
      };
      expect(await workflow.requestResend({ applicationId: doomed.id, eventId: confirmation.eventId, kind: 'applicant-confirmation' }, resend)).toBe(true);
      const delivered = await waitFor(async () => {
        const emails = await emailsAbout(doomed.reference);
        return emails.length === 1 && emails;
      }, 20_000);
      await poller.idle();
      expect(delivered[0]!.destination.to).toEqual([doomed.applicant.email]);
      expect(await emailsAbout(doomed.reference)).toHaveLength(1);
      const after = await workflow.listFailedNotifications('social-rehabilitation', { limit: 10 });
      expect(after.items.filter((item) => item.applicationId === doomed.id).map((item) => item.kind)).toEqual(['agency-alert']);
      expect(await workflow.requestResend({ applicationId: doomed.id, eventId: confirmation.eventId, kind: 'applicant-confirmation' }, { ...resend, id: `${at}#again` })).toBe(false);
    });
  }
});

/** The on-failure record a DynamoDB stream event source mapping writes to its SQS destination, in AWS's own shape. */
const onFailureMessage = (batch: { streamArn: string; shardId: string; startSequenceNumber: string; endSequenceNumber: string }, condition: string) => ({
  requestContext: { requestId: crypto.randomUUID(), functionArn: 'arn:aws:lambda:eu-north-1:123456789012:function:notifier', condition, approximateInvokeCount: 11 },
  responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
  version: '1.0',
  timestamp: '2026-11-29T03:12:09.021Z',
  DDBStreamBatchInfo: {
    ...batch,
    approximateArrivalOfFirstRecord: '2026-11-28T21:12:04Z',
    approximateArrivalOfLastRecord: '2026-11-28T21:12:05Z',
    batchSize: 2,
  },
});

const sqsEvent = (body: unknown): SQSEvent =>
  ({ Records: [{ messageId: crypto.randomUUID(), body: JSON.stringify(body), awsRegion: 'eu-north-1', eventSource: 'aws:sqs' }] }) as unknown as SQSEvent;

/** The table's stream and its first shard, as DynamoDB Local describes them. */
const streamOf = async (tableName: string) => {
  const streamArn = (await dynamoClient().send(new DescribeTableCommand({ TableName: tableName }))).Table!.LatestStreamArn!;
  const shardId = (await streamsClient().send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription!.Shards![0]!.ShardId!;
  return { streamArn, shardId };
};

describe('a dead-lettered batch the stream no longer holds', () => {
  const lostBatch = async (tableName: string, shardId: string, start: string) => {
    const item = (await documentClient().send(new GetCommand({ TableName: tableName, Key: lostBatchKey(shardId, start), ConsistentRead: true }))).Item;
    return item && lostBatchItems.fromItem(item);
  };

  it('is recorded as lost from the message alone, once, and the message is consumed (records trimmed after 24 hours)', async () => {
    const tableName = await freshTable('lost-batch');
    await storeSubmitted(tableName);
    const { streamArn, shardId } = await streamOf(tableName);
    const { recordDeadLetters } = await handlersFor(tableName);
    // The fault: the stream has trimmed the range (what DynamoDB Streams answers past its retention).
    const streams = mockClient(DynamoDBStreamsClient);
    cleanups.push(async () => void streams.restore());
    const trimmed = Object.assign(new Error('Records were trimmed'), { name: 'TrimmedDataAccessException' });
    streams.on(GetShardIteratorCommand).rejects(trimmed);

    const batch = { streamArn, shardId, startSequenceNumber: '000000000000000000101', endSequenceNumber: '000000000000000000102' };
    const message = onFailureMessage(batch, 'MaximumRecordAgeExceeded');
    expect(await recordDeadLetters(sqsEvent(message))).toEqual({ batchItemFailures: [] });
    expect(await lostBatch(tableName, shardId, batch.startSequenceNumber)).toMatchObject({
      ...batch,
      approximateArrivalOfFirstRecord: '2026-11-28T21:12:04Z',
      approximateArrivalOfLastRecord: '2026-11-28T21:12:05Z',
      batchSize: 2,
      condition: 'MaximumRecordAgeExceeded',
      reason: 'TrimmedDataAccessException',
    });
    // Delivered again (SQS is at-least-once): still consumed, still one record, on staff's list of lost batches.
    expect(await recordDeadLetters(sqsEvent(message))).toEqual({ batchItemFailures: [] });
    const listed = await createWorkflowRepository(documentClient(), tableName).listLostBatches({ limit: 10 });
    expect(listed.items).toEqual([expect.objectContaining({ ...batch, reason: 'TrimmedDataAccessException' })]);
  });

  it('is recorded as lost when the shard does not hold the range (real DynamoDB Local stream, no fault injected)', async () => {
    const tableName = await freshTable('lost-range');
    const { streamArn, shardId } = await streamOf(tableName);
    const { recordDeadLetters } = await handlersFor(tableName);
    const batch = { streamArn, shardId, startSequenceNumber: '000000000000000000001', endSequenceNumber: '000000000000000000002' };
    expect(await recordDeadLetters(sqsEvent(onFailureMessage(batch, 'RetryAttemptsExhausted')))).toEqual({ batchItemFailures: [] });
    expect(await lostBatch(tableName, shardId, batch.startSequenceNumber)).toMatchObject({ ...batch, condition: 'RetryAttemptsExhausted', reason: 'ValidationException' });
  });

  it('is recorded as lost when the stream returns nothing for the range, and a throttled read is tried again instead', async () => {
    const tableName = await freshTable('lost-empty');
    const { streamArn, shardId } = await streamOf(tableName);
    const { recordDeadLetters } = await handlersFor(tableName);
    const streams = mockClient(DynamoDBStreamsClient);
    cleanups.push(async () => void streams.restore());
    const batch = { streamArn, shardId, startSequenceNumber: '000000000000000000201', endSequenceNumber: '000000000000000000202' };

    streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'iterator-1' });
    streams.on(GetRecordsCommand).rejects(Object.assign(new Error('slow down'), { name: 'LimitExceededException' }));
    const throttled = sqsEvent(onFailureMessage(batch, 'RetryAttemptsExhausted'));
    expect(await recordDeadLetters(throttled)).toEqual({ batchItemFailures: [{ itemIdentifier: throttled.Records[0]!.messageId }] });
    expect(await lostBatch(tableName, shardId, batch.startSequenceNumber)).toBeUndefined();

    streams.on(GetRecordsCommand).resolves({ Records: [] });
    expect(await recordDeadLetters(throttled)).toEqual({ batchItemFailures: [] });
    expect(await lostBatch(tableName, shardId, batch.startSequenceNumber)).toMatchObject({ ...batch, reason: 'no_records' });
  });
});

describe('GET /staff/notifications/lost-batches', () => {
  it('answers any staff member with a page of lost batches, and no one else', async () => {
    const staffToken = await (await tokens()).workforce('staff', `staff-${crypto.randomUUID().slice(0, 8)}`, { services: ['driving-training'] });
    const listed = await api('/staff/notifications/lost-batches?limit=5', { token: staffToken });
    expect(listed.status).toBe(200);
    expect(Array.isArray(listed.body.items)).toBe(true);
    const officer = await (await tokens()).workforce('social-service', 'riga', { officer: 'ilze' });
    expect((await api('/staff/notifications/lost-batches', { token: officer })).status).toBe(403);
    expect((await api('/staff/notifications/lost-batches?limit=500', { token: staffToken })).status).toBe(400);
  });
});
