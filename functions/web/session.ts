/**
 * Portal sessions, kept server-side: the browser holds only an opaque random id (an HttpOnly, Secure, SameSite=Lax
 * cookie); the table holds the session under a digest of that id. A session ends after 30 minutes without a request
 * (15 for staff and officers) or 12 hours after it began, whichever comes first. Every session carries a CSRF token that each form echoes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Language } from '../../schemas/primitives';
import type { CitizenPrincipal, Receipt } from '../core/applications/types';
import type { WorkforcePrincipal } from '../core/model';

export const idleTimeoutMs = 30 * 60 * 1000;
/** Staff and officers read many people's records: their session ends sooner when left alone (docs/identity.md). */
export const workforceIdleTimeoutMs = 15 * 60 * 1000;
export const absoluteTimeoutMs = 12 * 60 * 60 * 1000;
/** A request within this long of the last one does not rewrite the session just to move its idle clock. */
const touchIntervalMs = 60 * 1000;

/** An application being filled in: the answers so far (as typed), and the receipt once sent. */
export interface Draft {
  /** Also the Idempotency-Key of the submission: sending the same draft twice files one application. */
  readonly key: string;
  readonly answers: Record<string, string>;
  readonly receipt?: Receipt;
  /** Once saved for later: the server draft and the version this browser last saved or read. */
  saved?: { readonly id: string; readonly version: number };
}

export interface SessionData {
  readonly csrf: string;
  principal?: CitizenPrincipal;
  /** A signed-in member of the workforce (staff or an officer): role and services or organisation from the pool. */
  workforce?: WorkforcePrincipal;
  /** While signing in: what the callback must see again. */
  login?: { readonly state: string; readonly nonce: string; readonly verifier: string; readonly returnTo: string; readonly language: Language };
  /** While a member of the workforce signs in (their own issuer, their own callback). */
  workforceLogin?: { readonly state: string; readonly nonce: string; readonly verifier: string; readonly returnTo: string; readonly language: Language };
  /** By service id. */
  drafts?: Record<string, Draft>;
  /** Pre-check answers by service id (nothing of them is personal enough to need a sign-in). */
  prechecks?: Record<string, Record<string, string>>;
  /** Uploads from the document step not yet sent to SIVA, by application id: "Send to SIVA" attaches them together. */
  uploads?: Record<string, string[]>;
}

export interface Session {
  readonly id: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  readonly data: SessionData;
}

export interface StoredSession {
  readonly createdAt: number;
  readonly lastSeenAt: number;
  readonly data: SessionData;
}

export interface SessionStore {
  find(idDigest: string): Promise<StoredSession | undefined>;
  /** Kept until `expiresAt` (epoch seconds) at most; the table's TTL removes it after. */
  save(idDigest: string, session: StoredSession, expiresAt: number): Promise<void>;
  remove(idDigest: string): Promise<void>;
}

export const sessionDigest = (id: string) => createHash('sha256').update(`siva-session-v1:${id}`).digest('base64url');
const randomToken = () => randomBytes(32).toString('base64url');

export const newSession = (now: number, data: Omit<SessionData, 'csrf'> = {}): Session => ({
  id: randomToken(),
  createdAt: now,
  lastSeenAt: now,
  data: { ...data, csrf: randomToken() },
});

/** Why a session named by a cookie cannot be used. */
export type Lapse = 'idle' | 'absolute' | 'unknown';

const idleTimeoutOf = (data: SessionData) => (data.workforce ? workforceIdleTimeoutMs : idleTimeoutMs);

export const lapseOf = (stored: StoredSession | undefined, now: number): Lapse | undefined => {
  if (!stored) return 'unknown';
  if (now - stored.createdAt >= absoluteTimeoutMs) return 'absolute';
  if (now - stored.lastSeenAt >= idleTimeoutOf(stored.data)) return 'idle';
  return undefined;
};

export const expiresAtOf = (session: Pick<Session, 'createdAt' | 'lastSeenAt' | 'data'>) =>
  Math.ceil(Math.min(session.createdAt + absoluteTimeoutMs, session.lastSeenAt + idleTimeoutOf(session.data)) / 1000);

export const needsTouch = (session: Session, now: number) => now - session.lastSeenAt >= touchIntervalMs;

/** Constant-time comparison of the token a form sent with the session's. */
export const csrfMatches = (session: Session, sent: string | undefined): boolean => {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(session.data.csrf);
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

export const cookieName = 'siva_session';

/** The cookie: HttpOnly (no script reads it), Secure (browsers accept it on http://localhost too), Lax, whole site. */
export const sessionCookie = (id: string) => `${cookieName}=${id}; Path=/; HttpOnly; Secure; SameSite=Lax`;
export const clearedSessionCookie = () => `${cookieName}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
