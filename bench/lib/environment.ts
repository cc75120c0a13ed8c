/** The environment a handler module needs at import: the local runtime's (local/stack.ts), with a configuration set. */
import { localCredentials, localRegion } from '../../local/dynamodb';
import { handlerEnvironment as localHandlerEnvironment } from '../../local/stack';

export const handlerEnvironment = (tableName: string): Record<string, string> =>
  localHandlerEnvironment(tableName, { sesConfigurationSet: 'siva-eservices-bench' });

/** Fake credentials and a region, and never the instance-metadata endpoint: the SDK stays on loopback. */
export const offlineAwsEnvironment: Record<string, string> = {
  AWS_REGION: localRegion,
  AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
  AWS_EC2_METADATA_DISABLED: 'true',
  // Node 20 support notice printed by the SDK; Lambda runs a newer Node and never prints it.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
