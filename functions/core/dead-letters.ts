/**
 * A stream batch the notifier could not get through (after every retry, or because it grew
 * older than the mapping's maximum record age) reaches the on-failure queue as a message that
 * names the shard and the sequence range, never the records. Its e-mails are recorded as
 * failed when the records can still be read back from the stream; when they cannot (trimmed
 * after the stream's 24-hour retention, iterator expired, nothing returned), the message itself
 * is recorded as a lost batch on staff's list, so it is never silent and never retried for the
 * queue's 14 days.
 */
import type { TimelineEvent } from './model';
import type { DestroyedApplication } from './status-counts';

/** What the event source mapping writes to its on-failure destination for a stream batch (the parts we keep). */
export interface DeadLetteredBatch {
  readonly streamArn: string;
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  readonly approximateArrivalOfFirstRecord?: string;
  readonly approximateArrivalOfLastRecord?: string;
  readonly batchSize?: number;
  /** Why Lambda gave up: `RetryAttemptsExhausted`, `MaximumRecordAgeExceeded`, … */
  readonly condition?: string;
}

/** A dead-lettered batch whose records could no longer be read: what staff see of it. */
export interface LostBatch extends DeadLetteredBatch {
  /** Why it could not be read: the stream's error name, or `no_records`. */
  readonly reason: string;
  readonly recordedAt: string;
}

export type BatchContents =
  | { readonly readable: true; readonly events: readonly TimelineEvent[]; readonly destroyed: readonly DestroyedApplication[] }
  | { readonly readable: false; readonly reason: string };

export interface DeadLetterDeps {
  readBatch(batch: DeadLetteredBatch): Promise<BatchContents>;
  /** Counts an event for the annual report (exactly once, whoever counts first). */
  count(event: TimelineEvent): Promise<unknown>;
  /** Takes a destroyed application off its status count (exactly once, whoever counts first). */
  countDestroyed(destroyed: DestroyedApplication): Promise<unknown>;
  /** Records the event's e-mails not yet settled as failed; returns how many. */
  recordUndelivered(event: TimelineEvent): Promise<number>;
  /** Records the batch on staff's list of lost batches; false when it was already recorded. */
  recordLostBatch(batch: LostBatch): Promise<boolean>;
  readonly clock: () => Date;
}

export type DeadLetterOutcome = { readonly kind: 'recorded'; readonly count: number } | { readonly kind: 'lost'; readonly reason: string };

/** Records one dead-lettered batch. Throws only when recording itself fails (the message is then redelivered). */
export const recordDeadLetteredBatch = async (deps: DeadLetterDeps, batch: DeadLetteredBatch): Promise<DeadLetterOutcome> => {
  const contents = await deps.readBatch(batch);
  if (!contents.readable) {
    await deps.recordLostBatch({ ...batch, reason: contents.reason, recordedAt: deps.clock().toISOString() });
    return { kind: 'lost', reason: contents.reason };
  }
  let count = 0;
  for (const event of contents.events) {
    // The notifier counts before it sends; an event it never got through is counted here (exactly once either way).
    await deps.count(event);
    count += await deps.recordUndelivered(event);
  }
  // A destruction the notifier never got through still leaves its status count; it sends no e-mail.
  for (const destroyed of contents.destroyed) await deps.countDestroyed(destroyed);
  return { kind: 'recorded', count };
};

/** The batch named by an on-failure message body, or undefined when the body names none. */
export const deadLetteredBatchOf = (body: string): DeadLetteredBatch | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const message = parsed as { DDBStreamBatchInfo?: Record<string, unknown>; requestContext?: { condition?: unknown } };
  const info = message?.DDBStreamBatchInfo;
  if (!info || typeof info !== 'object') return undefined;
  const text = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : undefined);
  const [streamArn, shardId, startSequenceNumber, endSequenceNumber] = ['streamArn', 'shardId', 'startSequenceNumber', 'endSequenceNumber'].map(text);
  if (!streamArn || !shardId || !startSequenceNumber || !endSequenceNumber) return undefined;
  const first = text('approximateArrivalOfFirstRecord');
  const last = text('approximateArrivalOfLastRecord');
  const condition = message.requestContext?.condition;
  return {
    streamArn,
    shardId,
    startSequenceNumber,
    endSequenceNumber,
    ...(first && { approximateArrivalOfFirstRecord: first }),
    ...(last && { approximateArrivalOfLastRecord: last }),
    ...(typeof info.batchSize === 'number' && { batchSize: info.batchSize }),
    ...(typeof condition === 'string' && { condition }),
  };
};
