/**
 * The portal's static files under `/assets/<fingerprinted name>`. Deployed, CloudFront serves them from the assets
 * bucket and never reaches this function; locally (and in the tests) the function serves them from
 * functions/web/static, compressed when the browser accepts it, cacheable for a year since a change renames them.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { WebResponse } from './app';

const types: Record<string, string> = { css: 'text/css; charset=utf-8', svg: 'image/svg+xml', png: 'image/png', ico: 'image/x-icon' };
const cache = new Map<string, Buffer | null>();

const fileOf = (name: string): Buffer | null => {
  if (!cache.has(name)) {
    try {
      cache.set(name, readFileSync(new URL(`./static/${name}`, import.meta.url)));
    } catch {
      cache.set(name, null);
    }
  }
  return cache.get(name)!;
};

export const assetPrefix = '/assets/';

export const serveAsset = (event: APIGatewayProxyEventV2): WebResponse | undefined => {
  const path = event.rawPath ?? '';
  if (!path.startsWith(assetPrefix)) return undefined;
  const name = path.slice(assetPrefix.length);
  const type = types[name.split('.').pop() ?? ''];
  const content = /^[\w.-]+$/.test(name) && type ? fileOf(name) : null;
  if (!content) return { statusCode: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: 'Not found' };
  const gzip = /\bgzip\b/.test(event.headers?.['accept-encoding'] ?? '');
  return {
    statusCode: 200,
    headers: {
      'content-type': type!,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(gzip && { 'content-encoding': 'gzip' }),
    },
    body: (gzip ? gzipSync(content) : content).toString('base64'),
    isBase64Encoded: true,
  };
};
