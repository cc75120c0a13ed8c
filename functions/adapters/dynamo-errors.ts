/**
 * Reading DynamoDB's failures, in one place. By name, not class: the document
 * client may carry its own copy of the DynamoDB client package.
 */

/** A cancelled transaction's reason per item, in item order ('None' for the items that were fine); undefined for any other error. */
export const cancellationCodes = (error: unknown): string[] | undefined =>
  error instanceof Error && error.name === 'TransactionCanceledException'
    ? ((error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((reason) => reason.Code ?? 'None')
    : undefined;

/** A write whose condition failed: a single conditional write, or a transaction item (the given one, or any). */
export const isConditionFailure = (error: unknown, item?: number): boolean => {
  if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return true;
  const codes = cancellationCodes(error);
  if (!codes) return false;
  return item === undefined ? codes.includes('ConditionalCheckFailed') : codes[item] === 'ConditionalCheckFailed';
};
