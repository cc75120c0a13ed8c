import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { notifyForEvent, retryPauseMs, type NotifierDeps } from '../core/notifier';
import { countDestruction, countForReport } from '../core/report';
import { createReportRepository } from '../adapters/report-repository';
import { createDocumentClient } from '../adapters/dynamo';
import { createSesMailer } from '../adapters/mailer';
import { createNotificationRepository } from '../adapters/notification-repository';
import { createStreamHandler } from '../adapters/stream';
import { readNotifierEnvironment } from './settings';

const env = readNotifierEnvironment();

const client = createDocumentClient();
const reports = createReportRepository(client, env.tableName);

const deps: NotifierDeps = {
  store: createNotificationRepository(client, env.tableName),
  mailer: createSesMailer({ from: env.mailFrom, ...(env.configurationSet && { configurationSet: env.configurationSet }) }),
  clock: () => new Date(),
  newId: randomUUID,
  sleep: (ms) => sleep(ms),
  settings: env.settings,
};

/**
 * Fed by the table's stream: counts each new event for the annual report (exactly once),
 * then sends its e-mails once, reporting records to retry. Counting first means a
 * notification retry never recounts. A destroyed application leaves its status count
 * (exactly once too).
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().handler(
  createStreamHandler(async (event) => {
    // One read of the application per event, shared by the counter and the notifier (and none if neither needs it).
    let application: ReturnType<NotifierDeps['store']['loadApplication']> | undefined;
    const loadApplication = () => (application ??= deps.store.loadApplication(event.applicationId));
    await countForReport({ ...reports, loadApplication }, event);
    return notifyForEvent({ ...deps, store: { ...deps.store, loadApplication } }, event);
  }, (failures) => deps.sleep(retryPauseMs(deps.settings, failures)), (destroyed) => countDestruction(reports, destroyed)),
);
