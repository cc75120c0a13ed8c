/**
 * The shapes the application use cases hand in and out: who files, what a record and a page of them hold, the
 * receipt a filer is told, and the two identifiers every writer spells the same way.
 */
import type { ReferrerKind } from '../../../schemas/services';
import type { Application, DecisionRecord, NotificationRecord, PrincipalFor, TimelineEvent } from '../model';

export type CitizenPrincipal = PrincipalFor<'citizen'>;
export type ReferrerPrincipal = PrincipalFor<ReferrerKind>;

export interface ApplicationRecord {
  readonly application: Application;
  readonly timeline: readonly TimelineEvent[];
  readonly notifications: readonly NotificationRecord[];
  readonly decisions: readonly DecisionRecord[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/** What the filer is told on acceptance; kept with the idempotency key so a replay answers the same. */
export interface Receipt {
  readonly id: string;
  readonly reference: string;
  readonly status: Application['status'];
  readonly submittedAt: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** The caller's `Idempotency-Key`, when sent, and whose it is. */
export interface IdempotencyRequest {
  readonly key: string;
  /** The caller (idempotencyScope): one caller's key never meets another's. */
  readonly scope: string;
}

/** Issuer and subject: two issuers (eID, the workforce pool) may hand out the same subject. */
export const idempotencyScope = (issuer: string, subject: string): string => `${issuer}|${subject}`;

export interface Submission {
  readonly receipt: Receipt;
  /** True when this answers a repeated request with the first answer. */
  readonly replayed: boolean;
}

export const formatReference = (prefix: string, year: string, sequence: number): string =>
  `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;

export const timelineEventId = (at: string, random: string): string => `${at}#${random.slice(0, 8)}`;
