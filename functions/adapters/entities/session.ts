/** A portal session under a digest of its id (keys.ts), removed by the table's TTL once `expiresAt` has passed. */
import type { SessionData, StoredSession } from '../../web/session';
import { sessionKey, type Entity } from '../keys';
import type { Item } from './item';

export const sessionItem = (idDigest: string, session: StoredSession, expiresAt: number): Item => ({
  ...sessionKey(idDigest),
  entity: 'session' satisfies Entity,
  createdAt: session.createdAt,
  lastSeenAt: session.lastSeenAt,
  data: session.data,
  expiresAt,
});

export const sessionOfItem = (item: Item): StoredSession => ({
  createdAt: Number(item.createdAt),
  lastSeenAt: Number(item.lastSeenAt),
  data: item.data as SessionData,
});
