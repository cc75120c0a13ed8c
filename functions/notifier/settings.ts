/** The notifier's configuration, read and checked once at cold start. */
import { serviceIds, type ServiceId } from '../../schemas/services';
import { environmentNames, readEnvironment } from '../config';
import { tunedValue } from '../tunables';
import type { NotifierSettings } from '../core/notifier';

const positiveInteger = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${name} must be a whole number`);
  return number;
};

const inboxes = (json: string): Partial<Record<ServiceId, string>> => {
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== 'object') throw new Error('AGENCY_INBOXES must be a JSON object');
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [ServiceId, string] =>
        (serviceIds as readonly string[]).includes(entry[0]) && typeof entry[1] === 'string' && entry[1].includes('@'),
    ),
  );
};

export const readNotifierEnvironment = (source: NodeJS.ProcessEnv = process.env) => {
  const env = readEnvironment(
    ['tableName', 'mailFrom', 'agencyInboxes', 'portalUrl', 'staffPortalUrl'],
    ['sesConfigurationSet', 'notificationMaxDeliveries', 'notificationRetryBaseMs', 'notificationSendLeaseMs'],
    source,
  );
  const settings: NotifierSettings = {
    agencyInboxes: inboxes(env.agencyInboxes),
    portalUrl: env.portalUrl,
    staffPortalUrl: env.staffPortalUrl,
    maxDeliveries: tunedValue('notificationMaxDeliveries', env.notificationMaxDeliveries, environmentNames.notificationMaxDeliveries),
    retryBaseMs: tunedValue('notificationRetryBaseMs', env.notificationRetryBaseMs, environmentNames.notificationRetryBaseMs),
    // The stack sets it to the notifier's timeout (infra/stack.ts); 15 minutes is Lambda's longest timeout.
    sendLeaseMs: positiveInteger(env.notificationSendLeaseMs, 15 * 60_000, 'NOTIFICATION_SEND_LEASE_MS'),
  };
  return { tableName: env.tableName, mailFrom: env.mailFrom, configurationSet: env.sesConfigurationSet, settings };
};
