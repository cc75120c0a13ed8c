/** A dead-lettered stream batch that could no longer be read (core/dead-letters.ts), on staff's list (gsi3). */
import type { LostBatch } from '../../core/dead-letters';
import { lostBatchIndexKeys, lostBatchKey } from '../keys';
import { storedAsItself } from './item';

export const lostBatchItems = storedAsItself<LostBatch>('lost-batch', (batch) => ({
  ...lostBatchKey(batch.shardId, batch.startSequenceNumber),
  // Newest first by approximate arrival; when unknown, by when it was recorded.
  ...lostBatchIndexKeys(batch.approximateArrivalOfFirstRecord ?? batch.recordedAt, batch.shardId, batch.startSequenceNumber),
}));
