/**
 * The environment a handler module needs at import (it checks it at cold start),
 * with the values the deployed stack and the local runtime use. Keyed by every
 * name in functions/config.ts, like infra/stack.ts: a variable added there fails
 * type-checking here until the bench sets it too.
 */
import { environmentNames, type EnvironmentKey } from '../../functions/config';
import { defaultSettings } from '../../infra/settings';
import { devIssuers } from '../../local/dev-idp';
import { localCredentials, localRegion } from '../../local/dynamodb';
import { localAgencyInboxes } from '../../local/stack';

export const handlerEnvironment = (tableName: string): Record<string, string> => {
  const values: Record<EnvironmentKey, string> = {
    tableName,
    mailFrom: defaultSettings.mailFrom,
    agencyInboxes: JSON.stringify(localAgencyInboxes),
    sesConfigurationSet: 'siva-eservices-bench',
    portalUrl: defaultSettings.portalUrl,
    staffPortalUrl: defaultSettings.staffPortalUrl,
    pensionAge: String(defaultSettings.pensionAge),
    citizenTokenIssuer: devIssuers.citizen.issuer,
    workforceTokenIssuer: devIssuers.workforce.issuer,
    notificationMaxDeliveries: String(defaultSettings.notificationMaxDeliveries),
    notificationRetryBaseMs: String(defaultSettings.notificationRetryBaseMs),
  };
  return Object.fromEntries((Object.keys(values) as EnvironmentKey[]).map((key) => [environmentNames[key], values[key]]));
};

/** Fake credentials and a region, and never the instance-metadata endpoint: the SDK stays on loopback. */
export const offlineAwsEnvironment: Record<string, string> = {
  AWS_REGION: localRegion,
  AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
  AWS_EC2_METADATA_DISABLED: 'true',
  // Node 20 support notice printed by the SDK; Lambda runs a newer Node and never prints it.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
