/**
 * Dependencies of the upload functions, built once per cold start: the table's
 * upload repository and the two evidence buckets. Only functions that touch S3
 * import this module, so the others bundle no S3 client.
 */
import { randomUUID } from 'node:crypto';
import type { UploadDeps } from './core/uploads';
import { createEvidenceStorage } from './adapters/evidence-storage';
import { createUploadRepository } from './adapters/upload-repository';
import { evidenceBuckets, s3Client } from './wiring/evidence-buckets';
import { documentClient, tableName } from './wiring/table';

export const uploadDeps: UploadDeps = {
  store: createUploadRepository(documentClient, tableName),
  storage: createEvidenceStorage(s3Client, evidenceBuckets),
  clock: () => new Date(),
  newId: randomUUID,
};
