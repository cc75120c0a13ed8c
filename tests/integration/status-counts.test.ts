/**
 * The counts per status at the top of staff's work list, against DynamoDB Local: an application's life goes
 * through the real decision core into a fresh table, whose stream the local poller hands to the real notifier
 * handler (the consumer that keeps the report's counters); the counts read back follow every step, do not move
 * when a stream record is delivered again, and `GET /staff/applications` shows them only to staff of the service.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Decision } from '../../schemas/decision';
import { applicationStatuses, type ApplicationStatus } from '../../schemas/lifecycle';
import type { ServiceId } from '../../schemas/services';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { eventKey } from '../../functions/adapters/keys';
import { createReportRepository } from '../../functions/adapters/report-repository';
import { createWorkflowRepository } from '../../functions/adapters/workflow-repository';
import { isDomainError } from '../../functions/core/errors';
import type { PrincipalFor } from '../../functions/core/model';
import { decide, workListCounts } from '../../functions/core/workflow';
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

describe('counts per status, kept from the table stream', () => {
  it('follow an application from submitted to granted, unmoved by a record delivered again, and only for staff of its service', async () => {
    const tableName = await freshTable('status-counts');
    const client = documentClient();
    const notifier = await notifierHandler({ tableName, sesEndpoint: local.inboxUrl });
    const poller = await pollerFor(tableName, notifier.handler, cleanups);
    const staff = staffOf([sr]);
    const store = createReportRepository(client, tableName);
    /** Waits until the stream has brought the counts to `expected` (it runs a moment behind the writes; longer on a busy machine). */
    const countsBecome = async (expected: Partial<Record<ApplicationStatus, number>>) => {
      await waitFor(async () => JSON.stringify(await workListCounts(store, staff, undefined)) === JSON.stringify(countsOf(expected)), 30_000);
      await poller.idle();
      expect(await workListCounts(store, staff, undefined)).toEqual(countsOf(expected));
    };

    const applications = createApplicationRepository(client, tableName);
    const followed = storedApplication({ serviceId: sr });
    const waiting = storedApplication({ serviceId: sr });
    for (const application of [followed, waiting]) await applications.insertSubmitted(application, submittedEvent(application));
    await countsBecome({ submitted: 2 });

    const workflow = { store: createWorkflowRepository(client, tableName), clock: () => new Date(), newId: randomUUID };
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
});
