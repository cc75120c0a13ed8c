/**
 * What the application use cases need from the outside: the store (with the refusals it reports as errors) and
 * the dependencies a handler passes in (clock, ids, rules, hashing).
 */
import type { Application, TimelineEvent } from '../model';
import type { ReferrerKind } from '../../../schemas/services';
import type { EligibilityRules } from '../rules';
import type { Upload } from '../uploads';
import type { ApplicationRecord, Page, PageRequest, Receipt } from './types';

export interface IdempotencyRecord {
  /** Keys are per caller: one caller's key never meets another's. */
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly receipt: Receipt;
}

/** The person already has an open application for this service and track. */
export class OpenApplicationExists extends Error {
  constructor(readonly applicationId: string) {
    super('open application exists');
    this.name = 'OpenApplicationExists';
  }
}

/** The representative has filed as many applications today as the daily limit allows. */
export class DailyFilingLimitReached extends Error {
  override readonly name = 'DailyFilingLimitReached';
}

/** A representative's filings of one day, counted in the same write as the application. */
export interface FilingQuota {
  readonly filer: string;
  readonly day: string;
  readonly limit: number;
}

/** A concurrent request with the same idempotency key stored first. */
export class IdempotencyKeyTaken extends Error {
  override readonly name = 'IdempotencyKeyTaken';
}

/**
 * A submission from a saved draft (core/drafts.ts): in the same write as the application, the draft (at the
 * version read) is deleted and its clean uploads become the application's attachments, or nothing happens.
 */
export interface DraftHandover {
  readonly draftId: string;
  readonly draftVersion: number;
  readonly uploads: readonly Upload[];
}

/** Reads one application by id: the port every use case that checks who may read or change it starts from. */
export interface ApplicationLookup {
  /** The application alone (one item read): enough for a decision or an authorisation check. */
  findApplication(id: string): Promise<Application | undefined>;
}

export interface ApplicationStore extends ApplicationLookup {
  /** The next number of the year's reference sequence (atomic, never reused). */
  nextReferenceNumber(year: string): Promise<number>;
  /**
   * Stores the application, its first timeline event, the person's open-need
   * marker (unless it is flagged as a possible duplicate), the idempotency
   * record and the filer's daily count together, or nothing. Throws
   * OpenApplicationExists, IdempotencyKeyTaken or DailyFilingLimitReached. From a draft, the handover is part
   * of the same write.
   */
  insertSubmitted(
    application: Application,
    event: TimelineEvent,
    idempotency?: IdempotencyRecord,
    quota?: FilingQuota,
    handover?: DraftHandover,
  ): Promise<void>;
  findWithTimeline(id: string): Promise<ApplicationRecord | undefined>;
  findIdempotencyRecord(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** What the account filed and what is filed about the person (by person key), newest first, each once. */
  listForPerson(ownerSubject: string, personKey: string, page: PageRequest): Promise<Page<Application>>;
  listByReferrer(kind: ReferrerKind, organisation: string, page: PageRequest): Promise<Page<Application>>;
}

export interface ApplicationDeps {
  readonly store: ApplicationStore;
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly rules: EligibilityRules;
  readonly referencePrefix: string;
  /** A keyed MAC of a personal code (the code itself never becomes a key; docs/person-key.md). */
  readonly personKey: (personalCode: string) => Promise<string>;
  /** Applications one representative may file per day (docs/access.md). */
  readonly representativeDailyLimit: number;
  /** A digest of a request body, to tell a replay from a different request under the same key. */
  readonly fingerprint: (body: unknown) => string;
}
