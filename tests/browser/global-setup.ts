/**
 * The browser specs' own local stack (in memory, free ports), with the portal on http://localhost:<port> as people
 * open it, and the same addresses the integration helpers read, so the specs can check what a journey stored with
 * the API and what it mailed with the SES store.
 */
import type { TestProject } from 'vitest/node';
import { javaProblem } from '../../local/java';
import { buildWeb } from '../../local/build-web';
import { startLocalStack } from '../../local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  // The pages render the templates as built: build them from the sources the spec run sees.
  buildWeb();
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
