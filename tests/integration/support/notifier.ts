/**
 * The notifier as the table's stream runs it, for specs on a fresh table: the real handler module imported with
 * the environment Lambda would give it, fed by the local stream poller.
 */
import { vi } from 'vitest';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { localAgencyInboxes } from '../../../local/stack';
import { startStreamPoller, type StreamPoller } from '../../../local/stream-poller';
import { dynamoClient, local, streamsClient } from './local';

/** Imports the real notifier handler with the environment Lambda would give it; keeps every batch it was given. */
export const notifierHandler = async (environment: { tableName: string; sesEndpoint: string; maxDeliveries?: number }) => {
  Object.assign(process.env, {
    TABLE_NAME: environment.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: local.dynamoEndpoint,
    AWS_ENDPOINT_URL_SESV2: environment.sesEndpoint,
    MAIL_FROM: 'SIVA e-pakalpojumi <e-pakalpojumi@siva.gov.lv>',
    AGENCY_INBOXES: JSON.stringify(localAgencyInboxes),
    PORTAL_URL: 'https://e.siva.gov.lv',
    STAFF_PORTAL_URL: 'https://darbs.siva.gov.lv',
    NOTIFICATION_MAX_DELIVERIES: String(environment.maxDeliveries ?? 3),
    NOTIFICATION_RETRY_BASE_MS: '0',
  });
  vi.resetModules();
  const module = await import('../../../functions/notifier/handler');
  const deliveries: DynamoDBStreamEvent[] = [];
  const handler = async (event: DynamoDBStreamEvent) => {
    deliveries.push(event);
    return module.handler(event, {} as never);
  };
  return { handler, deliveries };
};

/** A stream poller on the table handing each batch to `consume`; its stop goes on `cleanups`. */
export const pollerFor = async (
  tableName: string,
  consume: Parameters<typeof startStreamPoller>[0]['consume'],
  cleanups: (() => Promise<void>)[],
): Promise<StreamPoller> => {
  const poller = await startStreamPoller({
    dynamo: dynamoClient(),
    streams: streamsClient(),
    tableName,
    consume,
    retryAttempts: 5,
    backoff: { initialMs: 10, maxMs: 50 },
    pollIntervalMs: 50,
    log: () => {},
  });
  cleanups.push(() => poller.stop());
  return poller;
};
