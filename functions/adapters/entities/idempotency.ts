/** The first answer to a request sent with an Idempotency-Key, kept a day (the table's TTL removes it). */
import type { IdempotencyRecord } from '../../core/applications/ports';
import { idempotencyKey, type Entity } from '../keys';
import type { Item } from './item';

/** How long a stored answer to an idempotent request is kept. */
export const idempotencyTtlSeconds = 24 * 60 * 60;

export const idempotencyItem = (record: IdempotencyRecord, nowSeconds: number): Item => ({
  ...idempotencyKey(record.scope, record.key),
  entity: 'idempotency' satisfies Entity,
  fingerprint: record.fingerprint,
  receipt: record.receipt,
  expiresAt: nowSeconds + idempotencyTtlSeconds,
});

/** The record, unless expired: TTL deletion lags, and an expired record no longer counts. */
export const idempotencyOfItem = (
  item: Item,
  { scope, key }: Pick<IdempotencyRecord, 'scope' | 'key'>,
  nowSeconds: number,
): IdempotencyRecord | undefined =>
  typeof item.expiresAt === 'number' && item.expiresAt <= nowSeconds
    ? undefined
    : { scope, key, fingerprint: String(item.fingerprint), receipt: item.receipt as IdempotencyRecord['receipt'] };
