/**
 * Digests the core uses as opaque keys: a person key from a personal code
 * (so no code is ever part of a table key) and a request fingerprint.
 */
import { createHash } from 'node:crypto';

/** Versioned, so a later move to a keyed HMAC can coexist with stored keys. */
export const personKey = (personalCode: string): string =>
  createHash('sha256').update(`siva-person-v1:${personalCode}`).digest('base64url');

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
