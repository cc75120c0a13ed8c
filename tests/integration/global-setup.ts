/**
 * Starts the real local stack once for all integration tests (in memory, free
 * ports) and hands its addresses to the test files.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { javaProblem } from '../../local/java';
import { startLocalStack } from '../../local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    inboxUrl: string;
    dynamoEndpoint: string;
    tableName: string;
    s3Endpoint: string;
    /** The dev identity provider's key, so test files can mint tokens the gateway accepts. */
    idpKey: string;
    /** GET answers once the stream poller has handled everything on the stream at the time of the request. */
    streamSettledUrl: string;
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
  project.provide('s3Endpoint', stack.s3Endpoint);
  project.provide('idpKey', stack.idp.privateJwk);
  // Test files run in workers; the poller runs here. A loopback door lets a spec wait for the stream to be handled
  // (then count e-mails exactly, late duplicates included) instead of sleeping for a guessed time.
  const settle = createServer((_request, response) => {
    void stack.poller.idle().then(() => response.writeHead(204).end());
  });
  await new Promise<void>((listening) => settle.listen(0, '127.0.0.1', listening));
  project.provide('streamSettledUrl', `http://127.0.0.1:${(settle.address() as AddressInfo).port}/`);
  return async () => {
    settle.closeAllConnections();
    await new Promise((closed) => settle.close(closed));
    await stack.stop();
  };
}
