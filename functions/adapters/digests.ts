/**
 * A request fingerprint: the digest the core compares to tell a replay from
 * another request under the same idempotency key. (The person key, a keyed
 * MAC, is in person-key.ts.)
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same body always gives the same digest. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

export const fingerprint = (body: unknown): string => createHash('sha256').update(canonical(body)).digest('base64url');
