/**
 * The parts that call handler modules in this process (latency, portal): DynamoDB Local on a free port, the bench
 * table, and the environment the handlers read at import, as on Lambda.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { functions, type FunctionName } from '../../infra/routes';
import { localDynamoClient, startDynamoDbLocal } from '../../local/dynamodb';
import { repositoryRoot } from '../../local/paths';
import { freePort } from '../../local/stack';
import { ensureTable } from '../../local/table';
import { handlerEnvironment, offlineAwsEnvironment } from './environment';
import type { Cleanup } from './processes';

export type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

export const benchTableName = 'siva-eservices-bench';

/** Starts DynamoDB Local with the bench table and points the handler environment at it. */
export const startBenchTable = async (cleanup: Cleanup): Promise<{ endpoint: string }> => {
  Object.assign(process.env, offlineAwsEnvironment);
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  cleanup.add('DynamoDB Local', dynamo.stop);
  const admin = localDynamoClient(dynamo.endpoint);
  cleanup.add('the admin client', () => admin.destroy());
  await ensureTable(admin, benchTableName);
  // The handlers build their clients at import from the environment, as on Lambda.
  Object.assign(process.env, handlerEnvironment(benchTableName), { AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint });
  return { endpoint: dynamo.endpoint };
};

/** A function's handler module from the route table, imported after `startBenchTable`. */
export const loadHandler = async (name: FunctionName): Promise<Handler> =>
  ((await import(pathToFileURL(join(repositoryRoot, functions[name].entry)).href)) as { handler: Handler }).handler;
