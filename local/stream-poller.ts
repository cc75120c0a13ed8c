/**
 * The local stand-in for Lambda's DynamoDB stream event source mapping: reads
 * the table's stream from DynamoDB Local and invokes the consumer with the
 * records Lambda would deliver (batches of up to 10), honouring partial batch
 * responses, retrying with backoff and dead-lettering after the last retry.
 * It checkpoints per shard, so a restart does not re-deliver the whole stream.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { toLambdaRecord, type StreamBatchInfo } from '../functions/adapters/stream-records';


export type StreamConsumer = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPollerOptions {
  readonly dynamo: DynamoDBClient;
  readonly streams: DynamoDBStreamsClient;
  readonly tableName: string;
  readonly consume: StreamConsumer;
  readonly batchSize?: number;
  /** Re-deliveries of a failing batch before it is dead-lettered (the deployed mapping's retryAttempts). */
  readonly retryAttempts?: number;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly pollIntervalMs?: number;
  /** Where checkpoints and dead letters are kept; in memory when absent. */
  readonly checkpointFile?: string;
  readonly deadLetterFile?: string;
  readonly log?: (line: string) => void;
  /** Called with each dead-lettered batch as Lambda's on-failure destination receives it (shard and sequence range). */
  readonly onDeadLetter?: (batch: StreamBatchInfo) => Promise<void>;
}

/** What is kept of a dead-lettered batch: where it was, never the images (they hold personal data). */
export interface DeadLetter {
  readonly at: string;
  readonly shardId: string;
  readonly eventIds: readonly string[];
  readonly firstSequenceNumber: string;
  readonly lastSequenceNumber: string;
}

export interface StreamPoller {
  /** Resolves once the poller has read everything on the stream at the time of the call. */
  idle(): Promise<void>;
  readonly deadLetters: readonly DeadLetter[];
  stop(): Promise<void>;
}

const staleIteratorErrors = new Set(['TrimmedDataAccessException', 'ExpiredIteratorException']);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export const startStreamPoller = async (options: StreamPollerOptions): Promise<StreamPoller> => {
  const batchSize = options.batchSize ?? 10;
  const retryAttempts = options.retryAttempts ?? 10;
  const backoff = options.backoff ?? { initialMs: 500, maxMs: 8_000 };
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const log = options.log ?? ((line: string) => console.log(line));
  const region = (await options.dynamo.config.region()) ?? 'local';

  const table = await options.dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);

  const checkpoints: Record<string, string> =
    options.checkpointFile && existsSync(options.checkpointFile) ? JSON.parse(readFileSync(options.checkpointFile, 'utf8')) : {};
  const saveCheckpoint = (shardId: string, sequenceNumber: string) => {
    checkpoints[shardId] = sequenceNumber;
    if (options.checkpointFile) {
      mkdirSync(dirname(options.checkpointFile), { recursive: true });
      writeFileSync(options.checkpointFile, JSON.stringify(checkpoints));
    }
  };
  const deadLetters: DeadLetter[] = [];
  const deadLetter = (shardId: string, records: readonly DynamoDBRecord[]) => {
    const letter: DeadLetter = {
      at: new Date().toISOString(),
      shardId,
      eventIds: records.map((record) => record.eventID ?? ''),
      firstSequenceNumber: records[0]?.dynamodb?.SequenceNumber ?? '',
      lastSequenceNumber: records[records.length - 1]?.dynamodb?.SequenceNumber ?? '',
    };
    deadLetters.push(letter);
    if (options.deadLetterFile) {
      mkdirSync(dirname(options.deadLetterFile), { recursive: true });
      appendFileSync(options.deadLetterFile, `${JSON.stringify(letter)}\n`);
    }
    log(`stream: ${records.length} record(s) dead-lettered after ${retryAttempts} retries (shard ${shardId})`);
    return options
      .onDeadLetter?.({ shardId, startSequenceNumber: letter.firstSequenceNumber, endSequenceNumber: letter.lastSequenceNumber, streamArn })
      .catch((error: unknown) => log(`stream: dead-letter consumer failed: ${error instanceof Error ? error.name : String(error)}`));
  };

  /**
   * Delivers one batch like the event source mapping (bisectBatchOnError, partial batch responses):
   * a reported failure is retried from that record; a batch whose invocation throws is split in
   * halves, each delivered on its own, so one bad record cannot hold its neighbours back; a single
   * record that still fails after the last retry is dead-lettered.
   */
  const deliver = async (shardId: string, batch: DynamoDBRecord[]): Promise<void> => {
    let remaining = batch;
    for (let retries = 0; remaining.length > 0; retries++) {
      let failedFrom: string | undefined;
      try {
        const response = await options.consume({ Records: remaining });
        failedFrom = response?.batchItemFailures?.[0]?.itemIdentifier;
      } catch {
        if (remaining.length > 1) {
          const half = Math.ceil(remaining.length / 2);
          await deliver(shardId, remaining.slice(0, half));
          return deliver(shardId, remaining.slice(half));
        }
        failedFrom = remaining[0]?.dynamodb?.SequenceNumber;
      }
      if (failedFrom === undefined) return;
      const index = remaining.findIndex((record) => record.dynamodb?.SequenceNumber === failedFrom);
      remaining = remaining.slice(Math.max(0, index));
      if (retries >= retryAttempts) return deadLetter(shardId, remaining);
      await sleep(Math.min(backoff.maxMs, backoff.initialMs * 2 ** retries));
    }
  };

  const iterators = new Map<string, string | null>();
  let stopped = false;
  let waiters: { requestedAt: number; resolve: () => void }[] = [];

  const cycle = async (): Promise<number> => {
    const described = await options.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    let read = 0;
    for (const shard of described.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      if (!iterators.has(shardId)) {
        const after = checkpoints[shardId];
        const started = await options.streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ...(after
              ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
              : { ShardIteratorType: 'TRIM_HORIZON' }),
          }),
        );
        iterators.set(shardId, started.ShardIterator ?? null);
      }
      const iterator = iterators.get(shardId);
      if (!iterator) continue;
      let page;
      try {
        page = await options.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      } catch (error) {
        // An iterator can go stale (expired, or pointing at trimmed data); take a fresh one from the checkpoint next cycle.
        if (error instanceof Error && staleIteratorErrors.has(error.name)) {
          iterators.delete(shardId);
          log(`stream: shard iterator went stale (${error.name}); resuming from the checkpoint`);
          continue;
        }
        throw error;
      }
      iterators.set(shardId, page.NextShardIterator ?? null);
      const records = (page.Records ?? []).map((record) => toLambdaRecord(record, streamArn, region));
      read += records.length;
      for (let start = 0; start < records.length && !stopped; start += batchSize) {
        const batch = records.slice(start, start + batchSize);
        await deliver(shardId, batch);
        saveCheckpoint(shardId, batch[batch.length - 1]!.dynamodb!.SequenceNumber!);
      }
    }
    return read;
  };

  const loop = (async () => {
    while (!stopped) {
      const cycleStarted = Date.now();
      let read = 0;
      try {
        read = await cycle();
      } catch (error) {
        if (!stopped) log(`stream: polling failed (${error instanceof Error ? error.name : 'error'}), retrying`);
      }
      if (read === 0) {
        const ready = waiters.filter((waiter) => waiter.requestedAt < cycleStarted);
        waiters = waiters.filter((waiter) => waiter.requestedAt >= cycleStarted);
        ready.forEach((waiter) => waiter.resolve());
        if (!stopped) await sleep(pollIntervalMs);
      }
    }
    waiters.forEach((waiter) => waiter.resolve());
  })();

  return {
    deadLetters,
    idle: () => new Promise<void>((resolve) => waiters.push({ requestedAt: Date.now(), resolve })),
    async stop() {
      stopped = true;
      await loop;
    },
  };
};
