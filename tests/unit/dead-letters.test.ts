/**
 * A dead-lettered stream batch (functions/core/dead-letters.ts): its e-mails are recorded as failed when its records
 * can be read back, or the batch itself is recorded as lost; and how the on-failure message is read.
 */
import { describe, expect, it } from 'vitest';
import { deadLetteredBatchOf, recordDeadLetteredBatch, type BatchContents, type DeadLetteredBatch, type LostBatch } from '../../functions/core/dead-letters';
import type { TimelineEvent } from '../../functions/core/model';
import type { DestroyedApplication } from '../../functions/core/status-counts';

describe('a dead-lettered stream batch', () => {
  const batch: DeadLetteredBatch = { streamArn: 'arn:stream', shardId: 'shard-1', startSequenceNumber: '100', endSequenceNumber: '200' };
  const event = (id: string) => ({ applicationId: 'a-1', id, type: 'submitted' }) as TimelineEvent;

  const depsReading = (contents: BatchContents) => {
    const counted: string[] = [];
    const lost: LostBatch[] = [];
    return {
      counted,
      lost,
      deps: {
        readBatch: async () => contents,
        count: async (counting: TimelineEvent) => void counted.push(counting.id),
        countDestroyed: async (destroyed: DestroyedApplication) => void counted.push(`destroyed ${destroyed.applicationId}`),
        recordUndelivered: async (undelivered: TimelineEvent) => (undelivered.id === 'e-1' ? 2 : 1),
        recordLostBatch: async (lostBatch: LostBatch) => lost.push(lostBatch) > 0,
        clock: () => new Date('2026-11-20T10:00:00.000Z'),
      },
    };
  };

  it('whose records can be read: each event is counted for the report and its unsent e-mails recorded as failed', async () => {
    const { deps, counted, lost } = depsReading({ readable: true, events: [event('e-1'), event('e-2')], destroyed: [] });
    expect(await recordDeadLetteredBatch(deps, batch)).toEqual({ kind: 'recorded', count: 3 });
    expect(counted).toEqual(['e-1', 'e-2']);
    expect(lost).toEqual([]);
  });

  it('holding a destroyed application: it is taken off its status count too, with no e-mail to record', async () => {
    const destroyed = { applicationId: 'a-2', serviceId: 'social-rehabilitation', status: 'refused', closedAt: '2026-06-01T09:00:00.000Z' };
    const { deps, counted } = depsReading({ readable: true, events: [event('e-2')], destroyed: [destroyed] });
    expect(await recordDeadLetteredBatch(deps, batch)).toEqual({ kind: 'recorded', count: 1 });
    expect(counted).toEqual(['e-2', 'destroyed a-2']);
  });

  it('whose records are gone: the batch goes on staff’s list of lost batches, with why and when', async () => {
    const { deps, counted, lost } = depsReading({ readable: false, reason: 'TrimmedDataAccessException' });
    expect(await recordDeadLetteredBatch(deps, batch)).toEqual({ kind: 'lost', reason: 'TrimmedDataAccessException' });
    expect(lost).toEqual([{ ...batch, reason: 'TrimmedDataAccessException', recordedAt: '2026-11-20T10:00:00.000Z' }]);
    expect(counted).toEqual([]);
  });

  const message = (info: Record<string, unknown>, condition?: unknown) =>
    JSON.stringify({ DDBStreamBatchInfo: info, ...(condition !== undefined && { requestContext: { condition } }) });
  const complete = { streamArn: 'arn:stream', shardId: 'shard-1', startSequenceNumber: '100', endSequenceNumber: '200' };

  it('is read from the on-failure message: the shard, the range, the arrival times, the size and why Lambda gave up', () => {
    expect(
      deadLetteredBatchOf(
        message(
          { ...complete, approximateArrivalOfFirstRecord: '2026-11-20T09:00:00Z', approximateArrivalOfLastRecord: '2026-11-20T09:01:00Z', batchSize: 3 },
          'RetryAttemptsExhausted',
        ),
      ),
    ).toEqual({
      ...complete,
      approximateArrivalOfFirstRecord: '2026-11-20T09:00:00Z',
      approximateArrivalOfLastRecord: '2026-11-20T09:01:00Z',
      batchSize: 3,
      condition: 'RetryAttemptsExhausted',
    });
    expect(deadLetteredBatchOf(message({ ...complete, batchSize: '3', approximateArrivalOfFirstRecord: 7 }, 42))).toEqual(complete);
    expect(deadLetteredBatchOf(message(complete))).toEqual(complete);
  });

  it.each([
    ['not JSON', 'not json'],
    ['no batch in it', JSON.stringify({ other: true })],
    ['a batch that is not an object', JSON.stringify({ DDBStreamBatchInfo: 'shard-1' })],
    ['JSON null', 'null'],
    ...(['streamArn', 'shardId', 'startSequenceNumber', 'endSequenceNumber'] as const).map((missing): [string, string] => {
      const { [missing]: _gone, ...rest } = complete;
      return [`no ${missing}`, message(rest)];
    }),
    ['a sequence number that is not text', message({ ...complete, endSequenceNumber: 200 })],
  ])('names no batch when the message has %s', (_case, body) => {
    expect(deadLetteredBatchOf(body)).toBeUndefined();
  });
});
