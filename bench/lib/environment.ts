/** The environment a handler module needs at import: the local runtime's (local/stack.ts), with a configuration set. */
import { handlerEnvironment as localHandlerEnvironment } from '../../local/stack';

/** Fake credentials and a region, and never the instance-metadata endpoint: the SDK stays on loopback. */
export { offlineAwsEnvironment } from '../../local/offline-aws';

export const handlerEnvironment = (tableName: string): Record<string, string> =>
  localHandlerEnvironment(tableName, { sesConfigurationSet: 'siva-eservices-bench' });

