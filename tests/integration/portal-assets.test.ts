/**
 * The deploy step that puts the portal's stylesheets where CloudFront serves them, run against a real S3 (s3rver).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetCacheControl, uploadPortalAssets } from '../../infra/ops/portal-assets';
import { localCredentials, localRegion } from '../../local/dynamodb';
import { startS3Local, type RunningS3 } from '../../local/s3';
import { freePort } from '../../local/stack';

const staticDirectory = new URL('../../functions/web/static', import.meta.url).pathname;
let s3rver: RunningS3;
let s3: S3Client;

beforeAll(async () => {
  s3rver = await startS3Local({ port: await freePort() });
  s3 = new S3Client({ endpoint: s3rver.endpoint, region: localRegion, credentials: localCredentials, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
  await s3.send(new CreateBucketCommand({ Bucket: 'portal-assets' }));
});
afterAll(async () => s3rver?.stop());

describe('uploading the portal assets on deploy', () => {
  it('puts every built file under assets/ with its type and a year-long immutable cache', async () => {
    const written = await uploadPortalAssets(s3, 'portal-assets', staticDirectory);
    const built = readdirSync(staticDirectory);
    expect(built.length).toBeGreaterThan(0);
    expect(written.sort()).toEqual(built.map((name) => `assets/${name}`).sort());
    const css = built.find((name) => name.endsWith('.css'))!;
    const object = await s3.send(new GetObjectCommand({ Bucket: 'portal-assets', Key: `assets/${css}` }));
    expect(object.ContentType).toBe('text/css; charset=utf-8');
    expect(object.CacheControl).toBe(assetCacheControl);
    expect(await object.Body!.transformToString()).toBe(readFileSync(join(staticDirectory, css), 'utf8'));
  });

  it('leaves files already there alone and deletes nothing, so pages cached before a deployment keep their styles', async () => {
    const next = mkdtempSync(join(tmpdir(), 'siva-assets-'));
    writeFileSync(join(next, 'siva-0123456789ab.css'), 'body{}');
    expect(await uploadPortalAssets(s3, 'portal-assets', next)).toEqual(['assets/siva-0123456789ab.css']);
    expect(await uploadPortalAssets(s3, 'portal-assets', next)).toEqual([]);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'portal-assets' }));
    expect(listed.Contents!.map((entry) => entry.Key)).toEqual(expect.arrayContaining([...readdirSync(staticDirectory).map((name) => `assets/${name}`), 'assets/siva-0123456789ab.css']));
  });

  it('refuses a file whose content type it does not know rather than serving it as binary', async () => {
    const odd = mkdtempSync(join(tmpdir(), 'siva-assets-'));
    writeFileSync(join(odd, 'notes.txt'), 'x');
    await expect(uploadPortalAssets(s3, 'portal-assets', odd)).rejects.toThrow(/No content type known for notes.txt/);
  });
});
