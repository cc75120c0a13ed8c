/**
 * S3 on loopback: `s3rver`, in this process, with the two upload buckets. It
 * verifies request signatures (the local credentials are registered with it) but
 * not POST policies, so the promote step's own checks are what stop an oversized
 * or mistyped file locally. Handlers reach it through AWS_ENDPOINT_URL_S3 only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEmitter } from 'node:events';
import { localCredentials } from './dynamodb';

const require = createRequire(import.meta.url);

interface S3rverInstance extends EventEmitter {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

/** The bucket names the local handlers are given (functions/config.ts), and the key ARN s3rver ignores. */
export const localBuckets = {
  quarantine: 'siva-uploads-quarantine',
  evidence: 'siva-evidence',
  keyArn: 'arn:aws:kms:eu-north-1:000000000000:key/local-upload-key',
} as const;

/** What s3rver emits for each object written (the S3 event notification shape). */
export interface S3ObjectEvent {
  readonly Records: readonly { readonly eventName: string; readonly s3: { readonly bucket: { readonly name: string }; readonly object: { readonly key: string } } }[];
}

export interface RunningS3 {
  readonly endpoint: string;
  /** Emits `event` with an S3ObjectEvent for every object created or removed. */
  readonly events: EventEmitter;
  stop(): Promise<void>;
}

export const startS3Local = async (options: { port: number; dataDir?: string }): Promise<RunningS3> => {
  const S3rver = require('s3rver') as S3rverClass;
  // s3rver checks every signature (presigned links' expiry included): it knows the local credentials, and those of
  // this process's environment when set (test workers sign with their own).
  const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account') as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } };
  DUMMY_ACCOUNT.createKeyPair(localCredentials.accessKeyId, localCredentials.secretAccessKey);
  const { AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: secret } = process.env;
  if (keyId && secret) DUMMY_ACCOUNT.createKeyPair(keyId, secret);

  const directory = options.dataDir ? join(options.dataDir, 's3') : mkdtempSync(join(tmpdir(), 'siva-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: localBuckets.quarantine }, { name: localBuckets.evidence }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    events: server,
    stop: async () => {
      await server.close();
      if (!options.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
};
