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

type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;

/**
 * One stack for every project that asks (the integration and browser specs run at once in `npm test`). Two stacks
 * in this one process would share the handler modules, whose configuration is read once at import: the second
 * stack's gateway would then serve the first stack's table and issuer. Kept on globalThis so that both projects'
 * setup files find it whichever way they load this module; stopped when the last project is done.
 */
const shared = globalThis as typeof globalThis & { sivaLocalStack?: { stack: Promise<LocalStack>; users: number } };
const acquireStack = (): Promise<LocalStack> => {
  shared.sivaLocalStack ??= {
    // The stack's access and stream lines are quiet unless asked for: LOCAL_STACK_LOG=1 npm run test:integration
    stack: startLocalStack({ log: process.env.LOCAL_STACK_LOG ? (line) => console.error(line) : () => {} }),
    users: 0,
  };
  shared.sivaLocalStack.users += 1;
  return shared.sivaLocalStack.stack;
};
const releaseStack = async (stack: LocalStack) => {
  if (!shared.sivaLocalStack || --shared.sivaLocalStack.users > 0) return;
  shared.sivaLocalStack = undefined;
  await stack.stop();
};

export default async function setup(project: TestProject) {
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  const stack = await acquireStack();
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
    await releaseStack(stack);
  };
}
