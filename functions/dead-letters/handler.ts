import { randomUUID } from 'node:crypto';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { recordUndelivered, type NotifierDeps } from '../core/notifier';
import { countForReport } from '../core/report';
import { createReportRepository } from '../adapters/report-repository';
import { createDocumentClient } from '../adapters/dynamo';
import { errorFields, logger } from '../adapters/logger';
import { createSesMailer } from '../adapters/mailer';
import { createNotificationRepository } from '../adapters/notification-repository';
import { insertedTimelineEvent } from '../adapters/stream';
import { readStreamBatch, type StreamBatchInfo } from '../adapters/stream-records';
import { readNotifierEnvironment } from '../notifier/settings';

const env = readNotifierEnvironment();
const streams = new DynamoDBStreamsClient({});

const client = createDocumentClient();
const reports = createReportRepository(client, env.tableName);

const deps: NotifierDeps = {
  store: createNotificationRepository(client, env.tableName),
  // Never sends: it only records what could not be sent, for staff to resend.
  mailer: createSesMailer({ from: env.mailFrom }),
  clock: () => new Date(),
  newId: randomUUID,
  sleep: async () => {},
  settings: env.settings,
};

/**
 * Fed by the notifier's on-failure queue: each message names a stream batch the
 * notifier could not get through after every retry. Its e-mails are recorded as
 * failed on the timeline and on staff's list of failed notifications.
 */
export const handler = middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const message of event.Records) {
    try {
      const batch = (JSON.parse(message.body) as { DDBStreamBatchInfo?: StreamBatchInfo }).DDBStreamBatchInfo;
      if (!batch) continue;
      const region = message.awsRegion ?? (await streams.config.region());
      let recorded = 0;
      for (const record of await readStreamBatch(streams, batch, region)) {
        const timelineEvent = insertedTimelineEvent(record);
        if (!timelineEvent) continue;
        // The notifier counts before it sends; an event it never got through is counted here (exactly once either way).
        await countForReport(reports, timelineEvent);
        recorded += await recordUndelivered(deps, timelineEvent);
      }
      logger.warn('dead-lettered stream batch recorded', { count: recorded });
    } catch (error) {
      logger.error('dead-lettered batch could not be recorded', errorFields(error));
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures };
});
