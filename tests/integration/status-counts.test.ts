/**
 * The counts per status at the top of staff's work list, against DynamoDB Local: an application's life goes
 * through the real decision core into a fresh table, whose stream the local poller hands to the real notifier
 * handler (the consumer that keeps the report's counters); the counts read back follow every step, do not move
 * when a stream record is delivered again, let go of a destroyed application once, and `GET /staff/applications`
 * shows them only to staff of the service.
 */
import { randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Decision } from '../../schemas/decision';
import { applicationStatuses, type ApplicationStatus } from '../../schemas/lifecycle';
import type { ServiceId } from '../../schemas/services';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { applicationItems } from '../../functions/adapters/entities/application';
import { createEvidenceDisposal } from '../../functions/adapters/evidence-storage';
import { eventKey } from '../../functions/adapters/keys';
import { createReportRepository } from '../../functions/adapters/report-repository';
import { createRetentionRepository } from '../../functions/adapters/retention-repository';
import { createWorkflowRepository } from '../../functions/adapters/workflow-repository';
import { isDomainError } from '../../functions/core/errors';
import type { Application, PrincipalFor } from '../../functions/core/model';
import { destroyApplications } from '../../functions/core/retention';
import { decide, workListCounts } from '../../functions/core/workflow';
import { localCredentials, localRegion } from '../../local/dynamodb';
import { localBuckets } from '../../local/s3';
import { apiEvent, lambdaContext, staffClaims, testIssuers } from '../support/api-event';
import { useHandlerEnvironment } from '../support/handler-environment';
import { storedApplication, submittedEvent } from '../support/stored-application';
import { documentClient, freshTable, local, waitFor } from './support/local';
import { notifierHandler, pollerFor } from './support/notifier';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sr: ServiceId = 'social-rehabilitation';
const archivist = { role: 'archivist', subject: 'archivist-liga', name: 'Līga', services: [] } as const;
const elevenYears = 11 * 366 * 24 * 60 * 60 * 1000;
const staffOf = (services: readonly ServiceId[]) => ({ role: 'staff', subject: 'staff-anna', name: 'Anna', services }) as PrincipalFor<'staff'>;
/** Every status at 0 but those named. */
const countsOf = (some: Partial<Record<ApplicationStatus, number>>) => ({ ...Object.fromEntries(applicationStatuses.map((status) => [status, 0])), ...some });

/** GET /staff/applications through its real handler on the test's table. */
const workList = async (tableName: string, services: readonly ServiceId[], query: Record<string, string> = {}) => {
  useHandlerEnvironment({ tableName, dynamoEndpoint: local.dynamoEndpoint, issuers: testIssuers });
  vi.resetModules();
  const { handler } = await import('../../functions/list-work/handler');
  const response = await handler(apiEvent({ method: 'GET', path: '/staff/applications', query, claims: staffClaims(services) }), lambdaContext);
  return { status: response.statusCode, body: JSON.parse(response.body as string) };
};

/** A fresh table whose stream the real notifier handler consumes, and the counts of social rehabilitation's staff on it. */
const countedTable = async (prefix: string) => {
  const tableName = await freshTable(prefix);
  const client = documentClient();
  const notifier = await notifierHandler({ tableName, sesEndpoint: local.inboxUrl });
  const poller = await pollerFor(tableName, notifier.handler, cleanups);
  const staff = staffOf([sr]);
  const store = createReportRepository(client, tableName);
  const counts = () => workListCounts(store, staff, undefined);
  return {
    tableName,
    client,
    notifier,
    staff,
    store,
    counts,
    applications: createApplicationRepository(client, tableName),
    workflow: { store: createWorkflowRepository(client, tableName), clock: () => new Date(), newId: randomUUID },
    /** Waits until the stream has brought the counts to `expected` (it runs a moment behind the writes; longer on a busy machine). */
    countsBecome: async (expected: Partial<Record<ApplicationStatus, number>>) => {
      await waitFor(async () => JSON.stringify(await counts()) === JSON.stringify(countsOf(expected)), 30_000);
      await poller.idle();
      expect(await counts()).toEqual(countsOf(expected));
    },
  };
};

describe('counts per status, kept from the table stream', () => {
  it('follow an application from submitted to granted, unmoved by a record delivered again, and only for staff of its service', async () => {
    const { tableName, notifier, staff, store, applications, workflow, countsBecome } = await countedTable('status-counts');
    const followed = storedApplication({ serviceId: sr });
    const waiting = storedApplication({ serviceId: sr });
    for (const application of [followed, waiting]) await applications.insertSubmitted(application, submittedEvent(application));
    await countsBecome({ submitted: 2 });

    const steps: [Record<string, unknown>, Partial<Record<ApplicationStatus, number>>][] = [
      [{ type: 'register' }, { submitted: 1, registered: 1 }],
      [{ type: 'admit-to-queue' }, { submitted: 1, queued: 1 }],
      [{ type: 'grant', startsOn: '2027-01-11' }, { submitted: 1, granted: 1 }],
    ];
    for (const [index, [decision, expected]] of steps.entries()) {
      await decide(workflow, staff, followed.id, Decision.parse({ ...decision, expectedVersion: index + 1 }));
      await countsBecome(expected);
    }

    // Every record the stream delivered (submissions and decisions), delivered again, twice: nothing moves.
    const timeline = (await applications.findWithTimeline(followed.id))!.timeline;
    const eventSortKeys = new Set(timeline.map((event) => eventKey(followed.id, event.id).sk));
    const records = notifier.deliveries.flatMap((batch) => batch.Records).filter((record) => eventSortKeys.has(record.dynamodb?.NewImage?.sk?.S ?? ''));
    expect(records.map((record) => record.dynamodb?.NewImage?.type?.S)).toEqual(expect.arrayContaining(['submitted', 'decision']));
    for (let again = 0; again < 2; again += 1) expect(await notifier.handler({ Records: records })).toEqual({ batchItemFailures: [] });
    expect(await workListCounts(store, staff, undefined)).toEqual(countsOf({ submitted: 1, granted: 1 }));

    // The API: staff of the service see the counts beside the list; staff of another service see none of them.
    const own = await workList(tableName, [sr]);
    expect(own.status).toBe(200);
    expect(own.body.counts).toEqual(countsOf({ submitted: 1, granted: 1 }));
    const otherService = await workList(tableName, ['driving-training']);
    expect(otherService.status).toBe(200);
    expect(otherService.body.counts).toEqual(countsOf({}));
    expect((await workList(tableName, ['driving-training'], { serviceId: sr })).status).toBe(403);
    const refused = await workListCounts(store, staffOf(['driving-training']), sr).catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.kind).toBe('forbidden');
  }, 180_000);

  it('lose a destroyed application from the status it was closed in, once however often its REMOVE is delivered', async () => {
    const { tableName, client, notifier, applications, workflow, counts, countsBecome } = await countedTable('status-counts-destroyed');
    const refusal = { type: 'refuse', expectedVersion: 2, reason: 'Neatbilst mērķa grupai', appeal: 'Apstrīdēt SIVA direktoram viena mēneša laikā' };
    /** Files, registers and refuses an application, each step counted from the stream before the next. */
    const refusedThroughStream = async (application: Application, others: number) => {
      await applications.insertSubmitted(application, submittedEvent(application));
      await countsBecome({ submitted: 1, refused: others });
      await decide(workflow, staffOf([sr]), application.id, Decision.parse({ type: 'register', expectedVersion: 1 }));
      await countsBecome({ registered: 1, refused: others });
      await decide(workflow, staffOf([sr]), application.id, Decision.parse(refusal));
      await countsBecome({ refused: others + 1 });
    };
    await refusedThroughStream(storedApplication({ serviceId: sr }), 0);
    const before = await counts();
    const destroyed = storedApplication({ serviceId: sr });
    await refusedThroughStream(destroyed, 1);
    // A file refused in 2015, before counting began: never in the counts, so destroying it must not take one off.
    const fromBefore = storedApplication({ serviceId: sr, status: 'refused', closedAt: '2015-06-01T09:00:00.000Z', retainUntil: '2025-06-01' });
    await client.send(new PutCommand({ TableName: tableName, Item: applicationItems.toItem(fromBefore) }));

    // Eleven years on, past the ten-year retention (docs/retention.md), the archivist destroys both.
    const s3 = new S3Client({ endpoint: local.s3Endpoint, region: localRegion, credentials: localCredentials, forcePathStyle: true });
    const retention = { store: createRetentionRepository(client, tableName, createEvidenceDisposal(s3, localBuckets.evidence)), clock: () => new Date(Date.now() + elevenYears) };
    await destroyApplications(retention, archivist, { ids: [destroyed.id, fromBefore.id], approvalReference: 'LVVA-2037-14' });
    const removals = () =>
      notifier.deliveries.flatMap((batch) => batch.Records).filter((record) => record.eventName === 'REMOVE' && record.dynamodb?.OldImage?.entity?.S === 'application');
    await waitFor(async () => removals().length === 2, 30_000);
    await countsBecome({ refused: 1 });
    expect(await counts()).toEqual(before);
    // Counted on the tombstone: still the only item that names the destroyed file (docs/retention.md).
    const naming = (await client.send(new ScanCommand({ TableName: tableName }))).Items!.filter((item) => JSON.stringify(item).includes(destroyed.id));
    expect(naming.map((item) => [item.entity, typeof item.statusCountedAt])).toEqual([['tombstone', 'string']]);
    expect(await createRetentionRepository(client, tableName).findTombstone(destroyed.id)).not.toHaveProperty('statusCountedAt');

    // The REMOVEs of their items, delivered again, twice: the count stays where destruction left it.
    for (let again = 0; again < 2; again += 1) expect(await notifier.handler({ Records: removals() })).toEqual({ batchItemFailures: [] });
    expect(await counts()).toEqual(before);
  }, 180_000);
});
