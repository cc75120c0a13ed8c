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
import { lambdaContext } from '../../tests/support/api-event';

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

/** Server time of one call, which must answer 200. */
export const timed = async (handler: Handler, event: unknown): Promise<number> => {
  const started = performance.now();
  const result = await handler(event, lambdaContext);
  const elapsed = performance.now() - started;
  if (result.statusCode !== 200) throw new Error(`answered ${result.statusCode}`);
  return elapsed;
};

/**
 * A page against the API call it is built on: warmed up, then sampled alternating (the API first on even rounds,
 * after on odd ones), so drift on a busy machine falls on both alike.
 */
export const samplePageAgainstApi = async (
  api: { handler: Handler; event: unknown },
  page: { handler: Handler; event: unknown },
  warmUp: number,
  iterations: number,
) => {
  for (let i = 0; i < warmUp; i++) {
    await timed(api.handler, api.event);
    await timed(page.handler, page.event);
  }
  const apiSamples: number[] = [];
  const pageSamples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) apiSamples.push(await timed(api.handler, api.event));
    pageSamples.push(await timed(page.handler, page.event));
    if (i % 2 === 1) apiSamples.push(await timed(api.handler, api.event));
  }
  return { apiSamples, pageSamples };
};
