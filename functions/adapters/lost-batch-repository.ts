/**
 * Dead-lettered stream batches that could no longer be read back (core/dead-letters.ts): one
 * item per shard and start sequence number, so a message delivered twice records it once, on
 * staff's list (gsi3, newest first) until someone has looked into it.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LostBatch } from '../core/dead-letters';
import { writtenIfConditionHolds } from './dynamo-errors';
import { lostBatchItems } from './entities/lost-batch';
import { putNew } from './writes';

export interface LostBatchStore {
  recordLostBatch(batch: LostBatch): Promise<boolean>;
}

export const createLostBatchRepository = (client: DynamoDBDocumentClient, tableName: string): LostBatchStore => ({
  recordLostBatch: (batch) => writtenIfConditionHolds(client.send(new PutCommand(putNew(tableName, lostBatchItems.toItem(batch)).Put))),
});
