/**
 * Dead-lettered stream batches that could no longer be read back (core/dead-letters.ts): one
 * item per shard and start sequence number, so a message delivered twice records it once, on
 * staff's list (gsi3, newest first) until someone has looked into it.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LostBatch } from '../core/dead-letters';
import { withoutKeys } from './application-repository';
import { isConditionFailure } from './dynamo-errors';
import { type Entity, lostBatchKey, lostBatchesPartition } from './keys';

export interface LostBatchStore {
  recordLostBatch(batch: LostBatch): Promise<boolean>;
}

export const createLostBatchRepository = (client: DynamoDBDocumentClient, tableName: string): LostBatchStore => ({
  async recordLostBatch(batch) {
    const listedAt = batch.approximateArrivalOfFirstRecord ?? batch.recordedAt;
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...lostBatchKey(batch.shardId, batch.startSequenceNumber),
            entity: 'lost-batch' satisfies Entity,
            ...batch,
            gsi3pk: lostBatchesPartition,
            gsi3sk: `${listedAt}#${batch.shardId}#${batch.startSequenceNumber}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
});

/** A lost-batch item as read back from the table (or the index). */
export const lostBatchOf = (item: Record<string, unknown>): LostBatch => withoutKeys<LostBatch>(item);
