/** Which stream records the notifier reads: new timeline events and destroyed applications, whatever else the table holds. */
import { describe, expect, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { createStreamHandler, insertedTimelineEvent, removedApplication } from '../../functions/adapters/stream';
import { retryPauseMs } from '../../functions/core/notifier';

/** A stream record as Lambda hands it over: an INSERT carries the new image, a REMOVE the old one. */
const streamRecord =
  (eventName: 'INSERT' | 'REMOVE') =>
  (image: Record<string, unknown>, sequence = '1'): DynamoDBRecord =>
    ({ eventName, dynamodb: { SequenceNumber: sequence, [eventName === 'INSERT' ? 'NewImage' : 'OldImage']: image } }) as DynamoDBRecord;
const insert = streamRecord('INSERT');
const remove = streamRecord('REMOVE');

const eventImage = {
  pk: { S: 'APPLICATION#a' },
  sk: { S: 'EVENT#e' },
  entity: { S: 'event' },
  applicationId: { S: 'a' },
  id: { S: 'e' },
  type: { S: 'decision' },
  at: { S: '2026-11-23T10:00:00.000Z' },
  details: { M: { decision: { S: 'register' } } },
};

describe('reading the table stream', () => {
  it('reads a new timeline event without its keys', () => {
    expect(insertedTimelineEvent(insert(eventImage))).toEqual({
      applicationId: 'a',
      id: 'e',
      type: 'decision',
      at: '2026-11-23T10:00:00.000Z',
      details: { decision: 'register' },
    });
  });

  it('passes over other items, even one whose image cannot be converted (an empty map as some servers stream it)', async () => {
    const decisionItem = insert({ pk: { S: 'APPLICATION#a' }, sk: { S: 'DECISION#e' }, entity: { S: 'decision' }, document: {} }, '1');
    expect(insertedTimelineEvent(decisionItem)).toBeUndefined();
    const seen: string[] = [];
    const handler = createStreamHandler(async (event) => {
      seen.push(event.id);
      return 'done';
    });
    expect(await handler({ Records: [decisionItem, insert(eventImage, '2')] })).toEqual({ batchItemFailures: [] });
    expect(seen).toEqual(['e']);
  });
});

describe('a destroyed application on the stream', () => {
  const applicationImage = {
    pk: { S: 'APPLICATION#a' },
    sk: { S: 'APPLICATION' },
    entity: { S: 'application' },
    id: { S: 'a' },
    serviceId: { S: 'social-rehabilitation' },
    status: { S: 'refused' },
    closedAt: { S: '2026-06-01T09:00:00.000Z' },
    applicant: { M: { givenName: { S: 'Pēteris' } } },
  };
  const neverNotified = async () => {
    throw new Error('a REMOVE is no notification');
  };

  it('is read from the old image of its item\u2019s REMOVE: its id, service, status and closing, nothing about the person', () => {
    expect(removedApplication(remove(applicationImage))).toEqual({ applicationId: 'a', serviceId: 'social-rehabilitation', status: 'refused', closedAt: '2026-06-01T09:00:00.000Z' });
  });

  it('is not read from the removal of its events, markers or drafts, from an insert, or from an image missing its status', () => {
    expect(removedApplication(remove({ ...applicationImage, entity: { S: 'event' } }))).toBeUndefined();
    expect(removedApplication(remove({ ...applicationImage, entity: { S: 'draft' } }))).toBeUndefined();
    expect(removedApplication(insert(applicationImage))).toBeUndefined();
    const { status: _, ...withoutStatus } = applicationImage;
    expect(removedApplication(remove(withoutStatus))).toBeUndefined();
  });

  it('is counted by the handler, and handed back to the stream when counting throws', async () => {
    const counted: string[] = [];
    let failuresLeft = 1;
    const handler = createStreamHandler(neverNotified, async () => {}, async (destroyed) => {
      if (failuresLeft-- > 0) throw Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException' });
      counted.push(`${destroyed.applicationId} ${destroyed.status}`);
    });
    const batch = { Records: [remove({ ...applicationImage, entity: { S: 'event' } }, '1'), remove(applicationImage, '2')] };
    expect(await handler(batch)).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(await handler(batch)).toEqual({ batchItemFailures: [] });
    expect(counted).toEqual(['a refused']);
  });

  it('is passed over by a consumer that does not count destructions', async () => {
    expect(await createStreamHandler(neverNotified)({ Records: [remove(applicationImage)] })).toEqual({ batchItemFailures: [] });
  });
});

describe('a record whose notification throws (DynamoDB throttling, a transaction conflict)', () => {
  const throttled = () => Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ThrottlingException' });

  it('is handed back after a pause that grows with each failure, like a temporary SES failure, and the count starts afresh once it goes through', async () => {
    const settings = { retryBaseMs: 1000, maxDeliveries: 4 };
    const pauses: number[] = [];
    let failuresLeft = 4;
    const handler = createStreamHandler(
      async () => {
        if (failuresLeft-- > 0) throw throttled();
        return 'done';
      },
      async (failures) => void pauses.push(retryPauseMs(settings, failures)),
    );
    const batch = { Records: [insert(eventImage, '7')] };
    for (let delivery = 1; delivery <= 4; delivery++) {
      expect(await handler(batch)).toEqual({ batchItemFailures: [{ itemIdentifier: '7' }] });
    }
    // 1 s, 2 s, 4 s, then no longer than the longest pause before the last SES delivery.
    expect(pauses).toEqual([1000, 2000, 4000, 4000]);
    expect(await handler(batch)).toEqual({ batchItemFailures: [] });

    failuresLeft = 1;
    expect(await handler(batch)).toEqual({ batchItemFailures: [{ itemIdentifier: '7' }] });
    expect(pauses.at(-1)).toBe(1000);
  });

  it('counts failures per record: another record failing starts at the shortest pause', async () => {
    const counted: number[] = [];
    const handler = createStreamHandler(
      async () => {
        throw throttled();
      },
      async (failures) => void counted.push(failures),
    );
    await handler({ Records: [insert(eventImage, '1')] });
    await handler({ Records: [insert(eventImage, '1')] });
    await handler({ Records: [insert(eventImage, '2')] });
    expect(counted).toEqual([1, 2, 1]);
  });
});
