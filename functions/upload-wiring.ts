/**
 * Dependencies of the upload functions, built once per cold start: the table's
 * upload repository and the two evidence buckets. Only functions that touch S3
 * import this module, so the others bundle no S3 client.
 */
import { randomUUID } from 'node:crypto';
import type { UploadDeps } from './core/uploads';
import { createEvidenceStorage, createS3Client } from './adapters/evidence-storage';
import { createUploadRepository } from './adapters/upload-repository';
import { readEnvironment } from './config';
import { documentClient, tableName } from './wiring/table';

const env = readEnvironment(['quarantineBucket', 'evidenceBucket', 'uploadKeyArn']);

export const uploadDeps: UploadDeps = {
  store: createUploadRepository(documentClient, tableName),
  storage: createEvidenceStorage(createS3Client(), { quarantine: env.quarantineBucket, evidence: env.evidenceBucket, keyArn: env.uploadKeyArn }),
  clock: () => new Date(),
  newId: randomUUID,
};
