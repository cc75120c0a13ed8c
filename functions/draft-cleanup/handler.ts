import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createDraftRepository } from '../adapters/draft-repository';
import { createDocumentClient } from '../adapters/dynamo';
import { createEvidenceStorage, createS3Client } from '../adapters/evidence-storage';
import { errorFields, logger } from '../adapters/logger';
import { readEnvironment } from '../config';
import { discardDraftUploads } from '../core/drafts';

// No sign-in and no person key here: only the table and the buckets.
const env = readEnvironment(['tableName', 'quarantineBucket', 'evidenceBucket', 'uploadKeyArn']);
const deps = {
  store: createDraftRepository(createDocumentClient(), env.tableName),
  storage: createEvidenceStorage(createS3Client(), { quarantine: env.quarantineBucket, evidence: env.evidenceBucket, keyArn: env.uploadKeyArn }),
};

/** The id of a draft the stream saw removed (deleted, submitted, or expired by TTL); nothing for any other record. */
export const removedDraftId = (record: DynamoDBStreamEvent['Records'][number]): string | undefined => {
  const image = record.dynamodb?.OldImage;
  if (record.eventName !== 'REMOVE' || !image || image.entity?.S !== 'draft') return undefined;
  const { id } = unmarshall(image as Record<string, AttributeValue>);
  return typeof id === 'string' ? id : undefined;
};

/**
 * Fed by the table's stream (REMOVE records of drafts only, by the event source mapping's filter): a draft that
 * went unsubmitted leaves uploads nobody owns; they are deleted, items and files. A submitted draft's uploads are
 * the application's by then and are left alone. A record that fails is retried from there.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    const draftId = removedDraftId(record);
    if (!draftId) continue;
    try {
      const discarded = await discardDraftUploads(deps, draftId);
      if (discarded > 0) logger.info('uploads of a removed draft discarded', { draftId, count: discarded });
    } catch (error) {
      logger.error('discarding the uploads of a removed draft failed', { draftId, ...errorFields(error) });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};
