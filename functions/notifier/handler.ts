import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { notifyForEvent, type NotifierDeps } from '../core/notifier';
import { createDocumentClient } from '../adapters/dynamo';
import { createSesMailer } from '../adapters/mailer';
import { createNotificationRepository } from '../adapters/notification-repository';
import { createStreamHandler } from '../adapters/stream';
import { readNotifierEnvironment } from './settings';

const env = readNotifierEnvironment();

const deps: NotifierDeps = {
  store: createNotificationRepository(createDocumentClient(), env.tableName),
  mailer: createSesMailer({ from: env.mailFrom, ...(env.configurationSet && { configurationSet: env.configurationSet }) }),
  clock: () => new Date(),
  newId: randomUUID,
  sleep: (ms) => sleep(ms),
  settings: env.settings,
};

/** Fed by the table's stream: sends each new event's e-mails once, reporting records to retry. */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().handler(createStreamHandler((event) => notifyForEvent(deps, event)));
