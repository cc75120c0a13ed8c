/**
 * The S3 client and the two evidence buckets (quarantine, evidence) with their KMS key, built once per cold start
 * from the checked environment (wiring pattern: ./table.ts). Only functions that touch S3 import this module.
 */
import { createS3Client, type EvidenceBuckets } from '../adapters/evidence-storage';
import { readEnvironment } from '../config';

const env = readEnvironment(['quarantineBucket', 'evidenceBucket', 'uploadKeyArn']);

export const s3Client = createS3Client();
export const evidenceBuckets: EvidenceBuckets = { quarantine: env.quarantineBucket, evidence: env.evidenceBucket, keyArn: env.uploadKeyArn };
