import { randomUUID } from 'node:crypto';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { deadLetteredBatchOf, recordDeadLetteredBatch, type DeadLetterDeps } from '../core/dead-letters';
import type { TimelineEvent } from '../core/model';
import { MailError, recordUndelivered, type Mailer, type NotifierDeps } from '../core/notifier';
import { countDestruction, countForReport } from '../core/report';
import { createReportRepository } from '../adapters/report-repository';
import { createDocumentClient } from '../adapters/dynamo';
import { createLostBatchRepository } from '../adapters/lost-batch-repository';
import { errorFields, logger } from '../adapters/logger';
import { createNotificationRepository } from '../adapters/notification-repository';
import { insertedTimelineEvent, removedApplication } from '../adapters/stream';
import { readDeadLetteredRecords } from '../adapters/stream-records';
import { readNotifierEnvironment } from '../notifier/settings';

const env = readNotifierEnvironment();
const streams = new DynamoDBStreamsClient({});

const client = createDocumentClient();
const reports = createReportRepository(client, env.tableName);

/** The dead-letter consumer records undelivered e-mails and never sends one (its role may not: infra/routes.ts). */
const neverSends: Mailer = {
  send: async () => {
    throw new MailError('dead_letters_do_not_send', true);
  },
};

const notifierDeps: NotifierDeps = {
  store: createNotificationRepository(client, env.tableName),
  // Never sends: it only records what could not be sent, for staff to resend. No SES client either: its import cost
  // this function's cold start several milliseconds for a client it never used (docs/cold-start.md).
  mailer: neverSends,
  clock: () => new Date(),
  newId: randomUUID,
  sleep: async () => {},
  settings: env.settings,
};

const depsFor = (region: string): DeadLetterDeps => ({
  async readBatch(batch) {
    const contents = await readDeadLetteredRecords(streams, batch, region);
    if (!contents.readable) return contents;
    const events = contents.records.map(insertedTimelineEvent).filter((event): event is TimelineEvent => event !== undefined);
    const destroyed = contents.records.map(removedApplication).filter((application) => application !== undefined);
    return { readable: true, events, destroyed };
  },
  count: (event) => countForReport(reports, event),
  countDestroyed: (destroyed) => countDestruction(reports, destroyed),
  recordUndelivered: (event) => recordUndelivered(notifierDeps, event),
  recordLostBatch: createLostBatchRepository(client, env.tableName).recordLostBatch,
  clock: notifierDeps.clock,
});

/**
 * Fed by the notifier's on-failure queue: each message names a stream batch the
 * notifier could not get through. Its e-mails are recorded as failed on the timeline
 * and on staff's list; a batch the stream no longer holds is recorded as lost, from
 * the message alone. Only a failure to record is handed back to the queue.
 */
export const handler = middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const message of event.Records) {
    const batch = deadLetteredBatchOf(message.body);
    if (!batch) {
      // Not an on-failure record of a stream mapping: nothing to record, and retrying cannot change that.
      logger.error('dead-letter message names no stream batch');
      continue;
    }
    try {
      const outcome = await recordDeadLetteredBatch(depsFor(message.awsRegion ?? (await streams.config.region())), batch);
      if (outcome.kind === 'lost') logger.error('dead-lettered stream batch could not be read back; recorded as lost', { errorName: outcome.reason });
      else logger.warn('dead-lettered stream batch recorded', { count: outcome.count });
    } catch (error) {
      logger.error('dead-lettered batch could not be recorded', errorFields(error));
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures };
});
