/**
 * Reading DynamoDB's failures, in one place. By name, not class: the document
 * client may carry its own copy of the DynamoDB client package. The shared
 * document client (./dynamo.ts) turns every failure it reports into a domain
 * error here, so no layer above the adapters reads DynamoDB's error names.
 */
import { DomainError } from '../core/errors';

/** DynamoDB errors that mean "try again shortly": nothing was written (writes are conditional/transactional). */
const retryableErrors = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  // The same transaction token is still being committed by an earlier send, or (never expected: tokens are per
  // submission) was used for another write: this request wrote nothing of its own.
  'TransactionInProgressException',
  'IdempotentParameterMismatchException',
  'InternalServerError',
  'ServiceUnavailable',
]);

/**
 * No answer came: the SDK names a reset connection or a socket timeout `TimeoutError` once its own retries are spent.
 * The write may have been done; trying again is still right: a submission sent again with its Idempotency-Key gets
 * the committed answer, without one it meets the open application (409), and a decision its changed version (409).
 */
const unansweredErrors = new Set(['TimeoutError']);

/** Reasons a cancelled transaction may be retried for (one reason per item; 'None' for the items that were fine). */
const retryableCancellations = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'TransactionConflict', 'RequestLimitExceeded']);

/**
 * A DynamoDB failure as the domain sees it: `service-unavailable` (nothing was written; retry shortly) or `conflict`
 * (a write met data that changed under it). Keeps DynamoDB's error as its cause, for the adapters that tell failed
 * conditions apart by item, and its name as `code`, which the logger records (never the message).
 */
export class StoreFailure extends DomainError {
  readonly code: string;
  constructor(kind: 'service-unavailable' | 'conflict', override readonly cause: Error) {
    super(kind);
    this.name = 'StoreFailure';
    this.code = cause.name;
  }
}

/** The error DynamoDB itself reported, also when the shared client already wrapped it in a StoreFailure. */
const reported = (error: unknown): unknown => (error instanceof StoreFailure ? error.cause : error);

/** The item a failed condition handed back (ReturnValuesOnConditionCheckFailure: ALL_OLD), through the wrapping. */
export const itemOnConditionFailure = (error: unknown): Record<string, unknown> | undefined =>
  (reported(error) as { Item?: Record<string, unknown> } | undefined)?.Item;

/** A cancelled transaction's reason per item, in item order ('None' for the items that were fine); undefined for any other error. */
export const cancellationCodes = (failure: unknown): string[] | undefined => {
  const error = reported(failure);
  return error instanceof Error && error.name === 'TransactionCanceledException'
    ? ((error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((reason) => reason.Code ?? 'None')
    : undefined;
};

/** A write whose condition failed: a single conditional write, or a transaction item (the given one, or any). */
export const isConditionFailure = (failure: unknown, item?: number): boolean => {
  const error = reported(failure);
  if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return true;
  const codes = cancellationCodes(error);
  if (!codes) return false;
  return item === undefined ? codes.includes('ConditionalCheckFailed') : codes[item] === 'ConditionalCheckFailed';
};

/** DynamoDB's failure as a domain error where it has a domain meaning; any other error unchanged (a 500 above). */
export const asStoreFailure = (error: unknown): unknown => {
  if (!(error instanceof Error) || error instanceof DomainError) return error;
  if (retryableErrors.has(error.name) || unansweredErrors.has(error.name)) return new StoreFailure('service-unavailable', error);
  // A throttled or contended transaction wrote nothing; a write whose condition failed met data that changed under it.
  const reasons = cancellationCodes(error)?.filter((code) => code !== 'None');
  if (reasons && reasons.length > 0 && reasons.every((reason) => retryableCancellations.has(reason))) {
    return new StoreFailure('service-unavailable', error);
  }
  if (isConditionFailure(error)) return new StoreFailure('conflict', error);
  return error;
};

/**
 * Whether a conditional write was done: true once written, false when its condition (the given transaction item's,
 * or any) did not hold, so nothing was written; any other failure is thrown.
 */
export const writtenIfConditionHolds = async (write: Promise<unknown>, item?: number): Promise<boolean> => {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error, item)) return false;
    throw error;
  }
};
