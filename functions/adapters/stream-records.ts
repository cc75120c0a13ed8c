/**
 * DynamoDB stream records as Lambda delivers them, and reading a dead-lettered
 * batch back from the stream: the event source mapping's failure record names
 * the shard and the sequence range, never the records themselves.
 */
import {
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/** The record as Lambda delivers it: AttributeValue JSON images, creation time in epoch seconds. */
export const toLambdaRecord = (record: StreamRecord, streamArn: string, region: string): DynamoDBRecord => {
  const change = record.dynamodb ?? {};
  const created = change.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(created && { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) }),
      ...(change.Keys && { Keys: change.Keys as never }),
      ...(change.NewImage && { NewImage: change.NewImage as never }),
      ...(change.OldImage && { OldImage: change.OldImage as never }),
      SequenceNumber: change.SequenceNumber,
      SizeBytes: change.SizeBytes,
      StreamViewType: change.StreamViewType as never,
    },
  };
};

/** What a stream event source mapping sends its on-failure destination (the part we read). */
export interface StreamBatchInfo {
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  readonly streamArn: string;
}

const sequence = (value: string | undefined) => BigInt(value ?? '0');

/** The records of a dead-lettered batch, read again from the stream (within its 24-hour retention). */
export const readStreamBatch = async (client: DynamoDBStreamsClient, batch: StreamBatchInfo, region: string): Promise<DynamoDBRecord[]> => {
  const records: DynamoDBRecord[] = [];
  let iterator = (
    await client.send(
      new GetShardIteratorCommand({
        StreamArn: batch.streamArn,
        ShardId: batch.shardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        SequenceNumber: batch.startSequenceNumber,
      }),
    )
  ).ShardIterator;
  const end = sequence(batch.endSequenceNumber);
  // A bounded walk: a batch is at most a few records; empty pages mean the shard has nothing more yet.
  for (let page = 0; iterator && page < 100; page++) {
    const result = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
    for (const record of result.Records ?? []) {
      if (sequence(record.dynamodb?.SequenceNumber) > end) return records;
      records.push(toLambdaRecord(record, batch.streamArn, region));
    }
    if ((result.Records ?? []).length === 0 && records.length > 0) return records;
    iterator = result.NextShardIterator;
  }
  return records;
};

/**
 * What the stream says when a batch can no longer be read: its records were trimmed (older
 * than the 24-hour retention), the iterator expired, the stream (or shard) is gone, or the
 * shard does not hold the sequence number (ValidationException); asking again cannot help.
 */
const unreadableErrorNames = new Set(['TrimmedDataAccessException', 'ExpiredIteratorException', 'ResourceNotFoundException', 'ValidationException']);

/**
 * A dead-lettered batch's records, or why they cannot be read any more (an error name, or
 * `no_records` when the stream returns nothing for the range). Other errors (throttling,
 * network) are thrown, so the message is tried again.
 */
export const readDeadLetteredRecords = async (
  client: DynamoDBStreamsClient,
  batch: StreamBatchInfo,
  region: string,
): Promise<{ readable: true; records: DynamoDBRecord[] } | { readable: false; reason: string }> => {
  let records: DynamoDBRecord[];
  try {
    records = await readStreamBatch(client, batch, region);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (unreadableErrorNames.has(name)) return { readable: false, reason: name };
    throw error;
  }
  return records.length === 0 ? { readable: false, reason: 'no_records' } : { readable: true, records };
};
