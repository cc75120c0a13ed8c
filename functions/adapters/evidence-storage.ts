/**
 * The two buckets of evidence uploads: quarantine (where browsers POST, scanned
 * before anything reads it further) and evidence (checked files only). Owns the
 * S3 calls, the presigned POST policy and the SSE-KMS settings.
 * The endpoint comes from AWS_ENDPOINT_URL_S3 when set (local s3rver, which
 * serves path-style addresses only); on AWS the SDK's defaults apply.
 */
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { EvidenceStorage } from '../core/uploads';

export interface EvidenceBuckets {
  readonly quarantine: string;
  readonly evidence: string;
  /** The customer-managed key both buckets encrypt with (SSE-KMS). */
  readonly keyArn: string;
}

export const createS3Client = (endpoint = process.env.AWS_ENDPOINT_URL_S3) =>
  new S3Client({
    // s3rver answers path-style requests only; AWS gets virtual-hosted ones.
    forcePathStyle: endpoint !== undefined,
    // Checksums only where S3 demands them: s3rver rejects the default CRC32 trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

const kms = (keyArn: string) => ({ 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': keyArn });

/** RFC 6266: the person's file name for the browser, safely quoted. */
export const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

const isMissing = (error: unknown) => error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound');

/**
 * What the promote step does with the buckets: read the quarantined bytes, keep the checked ones, drop the
 * quarantined copy. Apart from the presigning below, so the promote function's bundle holds no presigner.
 */
export const createQuarantineStorage = (
  client: S3Client,
  buckets: EvidenceBuckets,
): Pick<EvidenceStorage, 'readQuarantined' | 'keepEvidence' | 'discardQuarantined'> => ({
  async readQuarantined(key) {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: buckets.quarantine, Key: key }));
      return object.Body ? await object.Body.transformToByteArray() : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  },

  async keepEvidence(evidenceKey, bytes, contentType, sha256) {
    await client.send(
      new PutObjectCommand({
        Bucket: buckets.evidence,
        Key: evidenceKey,
        Body: bytes,
        ContentType: contentType,
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: buckets.keyArn,
        Metadata: { sha256 },
      }),
    );
  },

  async discardQuarantined(key) {
    await client.send(new DeleteObjectCommand({ Bucket: buckets.quarantine, Key: key }));
  },
});

export const createEvidenceStorage = (client: S3Client, buckets: EvidenceBuckets): EvidenceStorage => ({
  ...createQuarantineStorage(client, buckets),

  async presignPost({ key, file, successRedirect, expiresSeconds }) {
    // S3 refuses a POST with a field its policy does not name: each field below is also a condition.
    const encryption = kms(buckets.keyArn);
    const redirect = successRedirect ? { success_action_redirect: successRedirect } : undefined;
    const declared = 'contentType' in file;
    return createPresignedPost(client, {
      Bucket: buckets.quarantine,
      Key: key,
      Expires: expiresSeconds,
      Fields: { ...(declared && { 'Content-Type': file.contentType }), ...redirect, ...encryption },
      Conditions: [
        declared ? ['content-length-range', file.size, file.size] : ['content-length-range', 1, file.maxSize],
        ...(declared ? [['eq', '$Content-Type', file.contentType] as ['eq', string, string]] : []),
        ...Object.entries({ ...redirect, ...encryption }).map(([name, value]) => ({ [name]: value })),
      ],
    });
  },

  presignDownload: ({ evidenceKey, fileName, contentType, expiresSeconds }) =>
    getSignedUrl(
      client,
      new GetObjectCommand({
        Bucket: buckets.evidence,
        Key: evidenceKey,
        ResponseContentDisposition: contentDisposition(fileName),
        ResponseContentType: contentType,
      }),
      { expiresIn: expiresSeconds },
    ),

  async discardEvidence(evidenceKey) {
    await client.send(new DeleteObjectCommand({ Bucket: buckets.evidence, Key: evidenceKey }));
  },
});

/**
 * Destroying a file's evidence (core/retention.ts): every object under the application's prefix, listed
 * and deleted one by one (a multi-object delete needs a checksum s3rver refuses). The bucket is versioned:
 * a delete leaves the bytes as a noncurrent version, which the bucket's lifecycle expires (docs/retention.md).
 */
export const createEvidenceDisposal = (client: S3Client, evidenceBucket: string) => ({
  /** Deletes every object under the prefix; answers their keys. */
  async deleteUnder(prefix: string): Promise<string[]> {
    const deleted: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: evidenceBucket, Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        await client.send(new DeleteObjectCommand({ Bucket: evidenceBucket, Key: object.Key }));
        deleted.push(object.Key);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  },
});
export type EvidenceDisposal = ReturnType<typeof createEvidenceDisposal>;
