import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { recordMailEvent, type MailEventDeps } from '../core/mail-events';
import { createDocumentClient } from '../adapters/dynamo';
import { logger } from '../adapters/logger';
import { createNotificationRepository } from '../adapters/notification-repository';
import { readEnvironment } from '../config';

const env = readEnvironment(['tableName']);

const deps: MailEventDeps = {
  store: createNotificationRepository(createDocumentClient(), env.tableName),
  clock: () => new Date(),
  newId: randomUUID,
};

/** The SNS message is SES's event record as JSON; anything else is not ours to record. */
const parse = (message: string): unknown => {
  try {
    return JSON.parse(message);
  } catch {
    return undefined;
  }
};

/**
 * Fed (asynchronously, through SNS) by the SES configuration set's bounce and complaint events.
 * A failure to record throws: Lambda retries, then puts the event on this function's dead-letter queue.
 */
export const handler = middy<SNSEvent, void>().handler(async (event) => {
  for (const record of event.Records) {
    const outcome = await recordMailEvent(deps, parse(record.Sns.Message));
    logger[outcome === 'not-ours' ? 'warn' : 'info'](`mail event ${outcome}`);
  }
});
