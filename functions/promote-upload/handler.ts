/**
 * The scan result of a quarantined upload, as EventBridge delivers GuardDuty
 * Malware Protection for S3's "Object Scan Result" (locally: the ClamAV scanner
 * sends the same event). Logs the outcome only: never a key, a name or a byte.
 */
import { logger } from '../adapters/logger';
import { promoteUpload, type ScanResult } from '../core/uploads';
import { uploadDeps } from '../upload-wiring';

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
  const outcome = await promoteUpload(uploadDeps, s3ObjectDetails.objectKey, result);
  logger.info(`upload settled: ${outcome}`);
  return { outcome };
};
