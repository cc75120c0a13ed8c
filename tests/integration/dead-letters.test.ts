/**
 * Fault drill: the notifier crashes on one record in the middle of a batch.
 * The record is retried, then dead-lettered; the dead-letter consumer records
 * its e-mails as failed on the timeline and on staff's list; staff resend it
 * and it is delivered exactly once. Real parts: DynamoDB Local and its stream,
 * SES local, the real handler modules; the crash is the only thing injected.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DynamoDBStreamEvent, SQSEvent } from 'aws-lambda';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { createWorkflowRepository } from '../../functions/adapters/workflow-repository';
import type { TimelineEvent } from '../../functions/core/model';
import { storedApplication, submittedEvent } from '../support/stored-application';
import { startStreamPoller } from '../../local/stream-poller';
import { localAgencyInboxes } from '../../local/stack';
import { documentClient, dynamoClient, emailsAbout, freshTable, local, streamsClient, waitFor } from './support/local';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real notifier and dead-letter handlers, imported with the environment Lambda would give them. */
const handlersFor = async (tableName: string) => {
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: local.dynamoEndpoint,
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

describe('the notifier crashing mid-batch', () => {
  it('retries the record, dead-letters it, records it as failed for staff, and a resend delivers it once', { timeout: 90_000 }, async () => {
    const tableName = await freshTable('dead-letters');
    const { notify, recordDeadLetters } = await handlersFor(tableName);
    const deadLettered: string[] = [];
    let crashFor: string | undefined;
    // The crash: whenever the batch holds the doomed application's event, the function dies (as on an out-of-memory or a bug).
    const crashing = async (event: DynamoDBStreamEvent) => {
      if (crashFor && event.Records.some((record) => JSON.stringify(record.dynamodb?.NewImage ?? {}).includes(crashFor!))) {
        throw new Error('simulated crash');
      }
      return notify(event);
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
      onDeadLetter: async (batch) => {
        deadLettered.push(batch.startSequenceNumber);
        const body = JSON.stringify({ DDBStreamBatchInfo: batch });
        const result = await recordDeadLetters({ Records: [{ messageId: 'm1', body, awsRegion: 'eu-north-1' }] } as unknown as SQSEvent);
        expect(result).toEqual({ batchItemFailures: [] });
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
    expect(deadLettered.length).toBeGreaterThanOrEqual(1);
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
});
