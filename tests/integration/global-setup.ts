/**
 * Starts the real local stack once for all integration tests (in memory, free
 * ports) and hands its addresses to the test files.
 */
import type { TestProject } from 'vitest/node';
import { javaProblem } from '../../local/java';
import { startLocalStack } from '../../local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    inboxUrl: string;
    dynamoEndpoint: string;
    tableName: string;
    /** The dev identity provider's key, so test files can mint tokens the gateway accepts. */
    idpKey: string;
    /** The portal as people open it (http://localhost:<port>). */
    portalUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  // The stack's access and stream lines are quiet unless asked for: LOCAL_STACK_LOG=1 npm run test:integration
  const stack = await startLocalStack({ log: process.env.LOCAL_STACK_LOG ? (line) => console.error(line) : () => {} });
  project.provide('apiUrl', stack.apiUrl);
  project.provide('portalUrl', stack.portalUrl);
  project.provide('inboxUrl', stack.inboxUrl);
  project.provide('dynamoEndpoint', stack.dynamoEndpoint);
  project.provide('tableName', stack.tableName);
  project.provide('idpKey', stack.idp.privateJwk);
  return async () => {
    await stack.stop();
  };
}
