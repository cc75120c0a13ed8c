/**
 * The counts per status at the top of staff's work list: what each timeline event does to them, how they are
 * added up over a staff member's services, and the one write per service item a status change makes.
 */
import { describe, expect, it, vi } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { applicationStatuses } from '../../schemas/lifecycle';
import { createReportRepository } from '../../functions/adapters/report-repository';
import { isDomainError } from '../../functions/core/errors';
import type { PrincipalFor, TimelineEvent } from '../../functions/core/model';
import { countDestruction, destructionMarkerId, eventCount, type EventCount } from '../../functions/core/report';
import { destructionIncrements, statusIncrements, totalStatusCounts, type StatusCountStore } from '../../functions/core/status-counts';
import { workListCounts } from '../../functions/core/workflow';

const application = { serviceId: 'social-rehabilitation', track: 'chernobyl', channel: 'self' } as const;
const event = (type: TimelineEvent['type'], details: TimelineEvent['details'] = {}, status?: TimelineEvent['status']): TimelineEvent => ({
  applicationId: 'application-1',
  id: `2026-06-01T09:00:00.000Z#${type}`,
  type,
  at: '2026-06-01T09:00:00.000Z',
  actor: { role: 'staff', subject: 'staff-anna' },
  ...(status && { status }),
  details,
});
const sr = 'social-rehabilitation';

describe('what a timeline event does to the counts per status', () => {
  it('adds a new application to its first status', () => {
    expect(statusIncrements(event('submitted', { channel: 'self' }, 'submitted'), application)).toEqual([
      { metric: 'status', serviceId: sr, status: 'submitted', delta: 1 },
    ]);
  });

  it('moves a decided, withdrawn or answered application from the status it left to the one it entered', () => {
    expect(statusIncrements(event('decision', { decision: 'admit-to-queue', from: 'under_review', to: 'queued' }), application)).toEqual([
      { metric: 'status', serviceId: sr, status: 'under_review', delta: -1 },
      { metric: 'status', serviceId: sr, status: 'queued', delta: 1 },
    ]);
    expect(statusIncrements(event('withdrawn', { from: 'queued', to: 'withdrawn' }), application).map((i) => `${i.status}${i.delta}`)).toEqual([
      'queued-1',
      'withdrawn1',
    ]);
    expect(statusIncrements(event('documents_submitted', { count: 1, from: 'documents_requested', to: 'under_review' }), application).map((i) => `${i.status}${i.delta}`)).toEqual([
      'documents_requested-1',
      'under_review1',
    ]);
  });

  it('leaves them alone for events that change no status, and for details it cannot read', () => {
    for (const type of ['viewed_by_staff', 'notification_sent', 'representative_confirmed'] as const) expect(statusIncrements(event(type), application)).toEqual([]);
    expect(statusIncrements(event('decision', { decision: 'grant', from: 'queued' }), application)).toEqual([]);
    expect(statusIncrements(event('decision', { decision: 'grant', from: 'queued', to: 'elsewhere' }), application)).toEqual([]);
  });

  it('counts a new application under the status it was filed into, and a change that leaves the status where it was not at all', () => {
    expect(statusIncrements(event('submitted', {}, 'registered'), application)).toEqual([{ metric: 'status', serviceId: sr, status: 'registered', delta: 1 }]);
    expect(statusIncrements(event('submitted', {}), application)).toEqual([{ metric: 'status', serviceId: sr, status: 'submitted', delta: 1 }]);
    expect(statusIncrements(event('decision', { decision: 'review', from: 'under_review', to: 'under_review' }), application)).toEqual([]);
    const { details: _details, ...withoutDetails } = event('decision');
    expect(statusIncrements(withoutDetails, application)).toEqual([]);
  });

  it('is counted under the same marker as the report\u2019s figures, so one delivery applies both or neither', () => {
    const count = eventCount(event('decision', { decision: 'grant', from: 'queued', to: 'granted' }), application);
    expect(count.increments.map((increment) => increment.metric).sort()).toEqual(['decisions', 'queue', 'status', 'status']);
  });
});

describe('what destroying an application does to the counts per status', () => {
  const countingSince = '2026-03-01T10:00:00.000Z';
  const closedAfter = { serviceId: sr, status: 'refused', closedAt: '2026-06-01T09:00:00.000Z' };

  it('takes it off the status it was closed in, when it closed after counting began', () => {
    expect(destructionIncrements(closedAfter, countingSince)).toEqual([{ metric: 'status', serviceId: sr, status: 'refused', delta: -1 }]);
    expect(destructionIncrements({ ...closedAfter, closedAt: countingSince }, countingSince)).toHaveLength(1);
  });

  it('leaves the counts alone for a file closed before counting began: its closing was never counted', () => {
    expect(destructionIncrements({ ...closedAfter, closedAt: '2016-05-31T21:30:00.000Z' }, countingSince)).toEqual([]);
    expect(destructionIncrements(closedAfter, undefined)).toEqual([]);
    const { closedAt: _, ...neverClosed } = closedAfter;
    expect(destructionIncrements(neverClosed, countingSince)).toEqual([]);
  });

  it('counts nothing for a service or status this code does not know', () => {
    expect(destructionIncrements({ ...closedAfter, serviceId: 'elsewhere' }, countingSince)).toEqual([]);
    expect(destructionIncrements({ ...closedAfter, status: 'archived' }, countingSince)).toEqual([]);
  });

  it('is applied once, under a marker of its own beside its application\u2019s events, against its service\u2019s start', async () => {
    const applied: EventCount[] = [];
    const store = {
      countOnce: vi.fn(async (counts: readonly EventCount[]) => counts.map((count) => (applied.push(count), applied.length === 1))),
      statusCountingSince: vi.fn(async (serviceId: string) => (serviceId === sr ? countingSince : undefined)),
    };
    const destroyed = { applicationId: 'application-1', ...closedAfter };
    expect(await countDestruction(store, destroyed)).toBe(true);
    expect(await countDestruction(store, destroyed)).toBe(false);
    expect(applied[0]).toEqual({ event: { applicationId: 'application-1', id: destructionMarkerId }, increments: [{ metric: 'status', serviceId: sr, status: 'refused', delta: -1 }] });
    expect(store.statusCountingSince).toHaveBeenCalledWith(sr);
    // Event ids are `<instant>#<uuid>`: the destruction's marker can never be an event's.
    expect(destructionMarkerId).not.toMatch(/#/);
  });
});

describe('the counts over a staff member\u2019s services', () => {
  it('adds up the services in scope only, every status present', () => {
    const totals = totalStatusCounts({ [sr]: { submitted: 2, queued: 5 }, 'driving-training': { submitted: 1 }, 'vehicle-adaptation': { submitted: 9 } }, [
      sr,
      'driving-training',
    ]);
    expect(Object.keys(totals)).toEqual([...applicationStatuses]);
    expect(totals).toMatchObject({ submitted: 3, queued: 5, granted: 0 });
  });

  it('takes a service\u2019s negative count (applications there before counting began) as 0, not from other services', () => {
    expect(totalStatusCounts({ [sr]: { registered: -2 }, 'driving-training': { registered: 3 } }, [sr, 'driving-training']).registered).toBe(3);
  });

  const staff: PrincipalFor<'staff'> = { role: 'staff', subject: 'staff-anna', name: 'anna', services: [sr, 'driving-training'] } as PrincipalFor<'staff'>;

  it('reads the named service alone, or all of the member\u2019s, and refuses a service not theirs', async () => {
    const store: StatusCountStore = { readStatusCounts: vi.fn(async () => ({ [sr]: { submitted: 2 }, 'driving-training': { submitted: 4 } })) };
    expect((await workListCounts(store, staff, undefined)).submitted).toBe(6);
    expect(store.readStatusCounts).toHaveBeenLastCalledWith([sr, 'driving-training']);
    expect((await workListCounts(store, staff, sr)).submitted).toBe(2);
    expect(store.readStatusCounts).toHaveBeenLastCalledWith([sr]);
    const refused = await workListCounts(store, staff, 'vehicle-adaptation').catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.kind).toBe('forbidden');
    expect(store.readStatusCounts).toHaveBeenCalledTimes(2);
  });
});

describe('the status counts in the table', () => {
  const recordingClient = (answers: unknown[] = []) => {
    const sent: { input: Record<string, unknown> }[] = [];
    const client = { send: async (command: { input: Record<string, unknown> }) => (sent.push(command), answers.shift() ?? {}) } as unknown as DynamoDBDocumentClient;
    return { client, sent };
  };

  it('moves a status change as one update of the service\u2019s item, −1 on the old status and +1 on the new', async () => {
    const { client, sent } = recordingClient();
    const count = eventCount(event('decision', { decision: 'register', from: 'submitted', to: 'registered' }), application);
    await createReportRepository(client, 'table').countOnce([count]);
    const items = sent[0]!.input.TransactItems as { Update?: { Key: unknown; UpdateExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> } }[];
    const statusUpdate = items.find((item) => (item.Update?.Key as { pk: string } | undefined)?.pk === `STATUS-COUNTS#${sr}`)!.Update!;
    expect(statusUpdate.UpdateExpression).toMatch(/^ADD #c0 :d0, #c1 :d1 SET/);
    expect([statusUpdate.ExpressionAttributeNames['#c0'], statusUpdate.ExpressionAttributeValues[':d0']]).toEqual(['submitted', -1]);
    expect([statusUpdate.ExpressionAttributeNames['#c1'], statusUpdate.ExpressionAttributeValues[':d1']]).toEqual(['registered', 1]);
    // The first count of the service stamps when counting began; a later one cannot move the stamp.
    expect(statusUpdate.UpdateExpression).toMatch(/, #since = if_not_exists\(#since, :since\)$/);
    expect(statusUpdate.ExpressionAttributeNames['#since']).toBe('countingSince');
    expect(typeof statusUpdate.ExpressionAttributeValues[':since']).toBe('string');
  });

  it('marks a destruction counted on its tombstone, stamped only once, never with an item of its own naming the file', async () => {
    const { client, sent } = recordingClient();
    const increments = destructionIncrements({ serviceId: sr, status: 'refused', closedAt: '2026-06-01T09:00:00.000Z' }, '2026-01-01T00:00:00.000Z');
    await createReportRepository(client, 'table').countOnce([{ event: { applicationId: 'application-1', id: destructionMarkerId }, increments }]);
    const [marker, ...counters] = sent[0]!.input.TransactItems as { Put?: unknown; Update?: { Key: { pk: string }; ConditionExpression?: string; ExpressionAttributeNames: Record<string, string> } }[];
    expect(marker!.Put).toBeUndefined();
    expect(marker!.Update!.Key).toEqual({ pk: 'TOMBSTONE#application-1', sk: 'TOMBSTONE' });
    expect(marker!.Update!.ConditionExpression).toBe('attribute_exists(pk) AND attribute_not_exists(#counted)');
    expect(marker!.Update!.ExpressionAttributeNames['#counted']).toBe('statusCountedAt');
    expect(counters.map((item) => item.Update!.Key.pk)).toEqual([`STATUS-COUNTS#${sr}`]);
  });

  it('drops a status whose changes in one batch cancel out', async () => {
    const { client, sent } = recordingClient();
    const there = eventCount(event('decision', { decision: 'register', from: 'submitted', to: 'registered' }), application);
    const back = eventCount({ ...event('decision', { decision: 'request-documents', from: 'registered', to: 'submitted' }), id: 'other' }, application);
    await createReportRepository(client, 'table').countOnce([there, back]);
    const items = sent[0]!.input.TransactItems as { Update?: { Key: { pk: string } } }[];
    expect(items.some((item) => item.Update?.Key.pk === `STATUS-COUNTS#${sr}`)).toBe(false);
  });

  it('reads the member\u2019s services in one BatchGet of one item each, asking again for keys left unprocessed', async () => {
    const { client, sent } = recordingClient([
      { Responses: { table: [{ serviceId: sr, entity: 'status-counts', submitted: 2, queued: 4 }] }, UnprocessedKeys: { table: { Keys: [{ pk: 'STATUS-COUNTS#driving-training', sk: 'STATUS-COUNTS' }] } } },
      { Responses: { table: [{ serviceId: 'driving-training', submitted: 1 }] } },
    ]);
    const counts = await createReportRepository(client, 'table').readStatusCounts([sr, 'driving-training']);
    expect(counts).toEqual({ [sr]: { submitted: 2, queued: 4 }, 'driving-training': { submitted: 1 } });
    expect((sent[0]!.input.RequestItems as { table: { Keys: unknown[] } }).table.Keys).toEqual([
      { pk: `STATUS-COUNTS#${sr}`, sk: 'STATUS-COUNTS' },
      { pk: 'STATUS-COUNTS#driving-training', sk: 'STATUS-COUNTS' },
    ]);
    expect(sent).toHaveLength(2);
  });
});
