/**
 * Reading DynamoDB stream records: only newly inserted timeline events cause
 * notifications; a removed application item (destroyed after its retention
 * period) is counted; everything else on the stream is ignored.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { errorFields, logger } from './logger';
import type { TimelineEvent } from '../core/model';
import type { DestroyedApplication } from '../core/status-counts';
import { eventItems } from './entities/event';

export const insertedTimelineEvent = (record: DynamoDBRecord): TimelineEvent | undefined => {
  const image = record.dynamodb?.NewImage;
  // Look at the entity tag before converting: other items (decisions, counters) are not ours to read,
  // and an image we cannot convert must not stop the shard.
  if (record.eventName !== 'INSERT' || !image || image.entity?.S !== 'event') return undefined;
  return eventItems.fromItem(unmarshall(image as Record<string, AttributeValue>));
};

/**
 * An application item's REMOVE: only destruction removes one (docs/retention.md). Reads the attributes the
 * counts need from the old image, never the rest (the person's data), and nothing from an image without them.
 */
export const removedApplication = (record: DynamoDBRecord): DestroyedApplication | undefined => {
  const image = record.dynamodb?.OldImage;
  if (record.eventName !== 'REMOVE' || image?.entity?.S !== 'application') return undefined;
  const [applicationId, serviceId, status, closedAt] = [image.id?.S, image.serviceId?.S, image.status?.S, image.closedAt?.S];
  return applicationId && serviceId && status ? { applicationId, serviceId, status, ...(closedAt && { closedAt }) } : undefined;
};

/** What one record asks of the consumer, and the application it concerns (for the log), or nothing. */
const workOf = (
  record: DynamoDBRecord,
  notify: (event: TimelineEvent) => Promise<'done' | 'retry'>,
  countDestroyed: ((destroyed: DestroyedApplication) => Promise<unknown>) | undefined,
): { applicationId: string; eventId?: string; run: () => Promise<'done' | 'retry'> } | undefined => {
  const timelineEvent = insertedTimelineEvent(record);
  if (timelineEvent) return { applicationId: timelineEvent.applicationId, eventId: timelineEvent.id, run: () => notify(timelineEvent) };
  const destroyed = countDestroyed && removedApplication(record);
  if (!destroyed) return undefined;
  const run = async () => {
    await countDestroyed(destroyed);
    return 'done' as const;
  };
  return { applicationId: destroyed.applicationId, run };
};

/**
 * A Lambda handler for a stream batch with partial-batch responses: the first
 * record that must be retried (or that threw) is reported, so the stream
 * re-delivers from it; records before it are checkpointed.
 *
 * Lambda re-delivers a reported record at once. A record that threw (DynamoDB
 * throttling, a transaction conflict, a crash in a dependency) is handed back only
 * after `pauseAfterError(failures)`, with failures counted per record in this
 * instance, so a passing fault cannot use up the mapping's retries in seconds and
 * dead-letter healthy e-mails.
 */
export const createStreamHandler = (
  notify: (event: TimelineEvent) => Promise<'done' | 'retry'>,
  pauseAfterError: (failures: number) => Promise<void> = async () => {},
  countDestroyed?: (destroyed: DestroyedApplication) => Promise<unknown>,
) => {
  const thrown = new Map<string, number>();
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      const work = workOf(record, notify, countDestroyed);
      if (!work) continue;
      const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
      const retry = () => ({ batchItemFailures: [{ itemIdentifier: sequenceNumber }] });
      try {
        const outcome = await work.run();
        thrown.delete(sequenceNumber);
        if (outcome === 'retry') {
          logger.warn('notification will be retried', { applicationId: work.applicationId, eventId: work.eventId });
          return retry();
        }
      } catch (error) {
        const failures = (thrown.get(sequenceNumber) ?? 0) + 1;
        // One shard is read by one invocation at a time: the records failing at once are few.
        if (thrown.size > 1000) thrown.clear();
        thrown.set(sequenceNumber, failures);
        logger.error('notification failed unexpectedly', { applicationId: work.applicationId, attempt: failures, ...errorFields(error) });
        await pauseAfterError(failures);
        return retry();
      }
    }
    return { batchItemFailures: [] };
  };
};
