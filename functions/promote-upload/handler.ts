/**
 * The scan result of a quarantined upload, as EventBridge delivers GuardDuty
 * Malware Protection for S3's "Object Scan Result" (locally: the ClamAV scanner
 * sends the same event). Logs the outcome only: never a key, a name or a byte.
 */
import { createQuarantineStorage } from '../adapters/evidence-storage';
import { logger } from '../adapters/logger';
import { createUploadSettlementStore } from '../adapters/upload-settlement-repository';
import { promoteUpload, type PromoteDeps, type ScanResult } from '../core/promote-upload';
import { evidenceBuckets, s3Client } from '../wiring/evidence-buckets';
import { documentClient, tableName } from '../wiring/table';

// Only what the promote step uses (not ../upload-wiring.ts): no presigner, application repository or schema is
// bundled or evaluated at a cold start (bench/RESULTS.md, "The upload functions against a bare S3 client").
const deps: PromoteDeps = {
  store: createUploadSettlementStore(documentClient, tableName),
  storage: createQuarantineStorage(s3Client, evidenceBuckets),
  clock: () => new Date(),
};

export interface ObjectScanResultEvent {
  readonly 'detail-type': 'GuardDuty Malware Protection Object Scan Result';
  readonly source: 'aws.guardduty';
  readonly detail: {
    readonly schemaVersion?: string;
    readonly scanStatus: 'COMPLETED' | 'SKIPPED' | 'FAILED';
    readonly resourceType: 'S3_OBJECT';
    readonly s3ObjectDetails: { readonly bucketName: string; readonly objectKey: string };
    readonly scanResultDetails: { readonly scanResultStatus: ScanResult; readonly threats?: readonly { readonly name: string }[] | null };
  };
}

export const handler = async (event: ObjectScanResultEvent): Promise<{ outcome: string }> => {
  const { s3ObjectDetails, scanResultDetails, scanStatus } = event.detail;
  const result: ScanResult = scanStatus === 'COMPLETED' ? scanResultDetails.scanResultStatus : 'FAILED';
  const outcome = await promoteUpload(deps, s3ObjectDetails.objectKey, result);
  logger.info(`upload settled: ${outcome}`);
  return { outcome };
};
