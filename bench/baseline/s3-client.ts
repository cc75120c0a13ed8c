/**
 * The cold-import baseline of the upload functions: a function that only creates
 * the bare S3 client, configured as ours is (functions/adapters/evidence-storage.ts).
 * Bundled exactly like the real functions, so the ratio shows what our code adds.
 */
import { S3Client } from '@aws-sdk/client-s3';

export const client = new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });

export const handler = async (): Promise<void> => {};
