/**
 * Dead-lettered stream batches that could no longer be read back (core/dead-letters.ts): one
 * item per shard and start sequence number, so a message delivered twice records it once, on
 * staff's list (gsi3, newest first) until someone has looked into it.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LostBatch } from '../core/dead-letters';
import { isConditionFailure } from './dynamo-errors';
import { lostBatchItems } from './entities/lost-batch';

export interface LostBatchStore {
  recordLostBatch(batch: LostBatch): Promise<boolean>;
}

export const createLostBatchRepository = (client: DynamoDBDocumentClient, tableName: string): LostBatchStore => ({
  async recordLostBatch(batch) {
    try {
      await client.send(new PutCommand({ TableName: tableName, Item: lostBatchItems.toItem(batch), ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
});
