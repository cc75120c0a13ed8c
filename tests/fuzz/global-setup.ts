/**
 * A DynamoDB Local of the fuzz suite's own (in memory, free port): the suite
 * runs the handlers in process against it, each test file in a fresh table.
 * Only the database: the fuzzed routes send no e-mail themselves.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb';
import { javaProblem } from '../../local/java';
import { freePort } from '../../local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzDynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  // Known: the SDK's Node 20 end-of-support notice, printed once per process; noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  project.provide('fuzzDynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
