/**
 * Uploads the portal's fingerprinted static files (functions/web/static, built by `npm run build:web`) to the assets
 * bucket under `assets/`, where CloudFront serves them (infra/constructs/portal-edge.ts). A file already there is left
 * alone: its name carries its content hash, so the same name means the same bytes. Nothing is deleted, because a page
 * a browser cached before a deployment still names the previous files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A year, immutable: a changed file gets a new name (local/build-web.ts). */
export const assetCacheControl = 'public, max-age=31536000, immutable';

const exists = async (s3: S3Client, bucket: string, key: string): Promise<boolean> => {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return false;
    throw error;
  }
};

/** Uploads what is missing; answers the keys it wrote. */
export const uploadPortalAssets = async (s3: S3Client, bucket: string, directory: string): Promise<string[]> => {
  const written: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    const contentType = contentTypes[extname(name)];
    if (!contentType) throw new Error(`No content type known for ${name}: add it to infra/ops/portal-assets.ts`);
    const key = `assets/${name}`;
    if (await exists(s3, bucket, key)) continue;
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: readFileSync(join(directory, name)), ContentType: contentType, CacheControl: assetCacheControl }),
    );
    written.push(key);
  }
  return written;
};
