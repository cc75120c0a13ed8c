/** Which stream records the notifier reads: new timeline events only, whatever else the table holds. */
import { describe, expect, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { createStreamHandler, insertedTimelineEvent } from '../../functions/adapters/stream';

const insert = (image: Record<string, unknown>, sequence = '1'): DynamoDBRecord =>
  ({ eventName: 'INSERT', dynamodb: { SequenceNumber: sequence, NewImage: image } }) as DynamoDBRecord;

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
