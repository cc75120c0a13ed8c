/**
 * Reading DynamoDB stream records: only newly inserted timeline events cause
 * notifications; everything else on the stream is ignored.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { errorFields, logger } from './logger';
import type { TimelineEvent } from '../core/model';
import { withoutKeys } from './application-repository';

export const insertedTimelineEvent = (record: DynamoDBRecord): TimelineEvent | undefined => {
  const image = record.dynamodb?.NewImage;
  // Look at the entity tag before converting: other items (decisions, counters) are not ours to read,
  // and an image we cannot convert must not stop the shard.
  if (record.eventName !== 'INSERT' || !image || image.entity?.S !== 'event') return undefined;
  return withoutKeys<TimelineEvent>(unmarshall(image as Record<string, AttributeValue>));
};

/**
 * A Lambda handler for a stream batch with partial-batch responses: the first
 * record that must be retried (or that threw) is reported, so the stream
 * re-delivers from it; records before it are checkpointed.
 */
export const createStreamHandler =
  (notify: (event: TimelineEvent) => Promise<'done' | 'retry'>) =>
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      const timelineEvent = insertedTimelineEvent(record);
      if (!timelineEvent) continue;
      const retry = () => ({ batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] });
      try {
        if ((await notify(timelineEvent)) === 'retry') {
          logger.warn('notification will be retried', { applicationId: timelineEvent.applicationId, eventId: timelineEvent.id });
          return retry();
        }
      } catch (error) {
        logger.error('notification failed unexpectedly', { applicationId: timelineEvent.applicationId, ...errorFields(error) });
        return retry();
      }
    }
    return { batchItemFailures: [] };
  };
