/** Helpers for tests that talk to the local stack over loopback. */
import { inject } from 'vitest';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { createDocumentClient } from '../../../functions/adapters/dynamo';
import { devIdentityProviderFromJwk, type DevIdentityProvider } from '../../../local/dev-idp';
import { localCredentials, localDynamoClient, localRegion } from '../../../local/dynamodb';
import { ensureTable } from '../../../local/table';

export const local = {
  apiUrl: inject('apiUrl'),
  inboxUrl: inject('inboxUrl'),
  dynamoEndpoint: inject('dynamoEndpoint'),
  tableName: inject('tableName'),
  s3Endpoint: inject('s3Endpoint'),
};

let idp: Promise<DevIdentityProvider> | undefined;
export const tokens = () => (idp ??= devIdentityProviderFromJwk(inject('idpKey')));

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
  readonly text: string;
}

export interface ApiOptions {
  readonly method?: string;
  readonly token?: string;
  readonly json?: unknown;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

/** `api`, against any gateway (a stack a test file starts for itself). */
export const apiAt =
  (baseUrl: string) =>
  async (path: string, options: ApiOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const hasBody = options.json !== undefined || options.body !== undefined;
    if (hasBody) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method: options.method ?? (hasBody ? 'POST' : 'GET'),
      headers,
      ...(hasBody && { body: options.body ?? JSON.stringify(options.json) }),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, body, text };
  };

/** A request to the shared local stack's gateway. */
export const api = (path: string, options: ApiOptions = {}): Promise<ApiResponse> => apiAt(local.apiUrl)(path, options);

export interface SentEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
}

export const inbox = (): Promise<SentEmail[]> => inboxAt(local.inboxUrl);

export const emailsAbout = async (reference: string) => (await inbox()).filter((email) => email.subject.includes(reference));

/** Resolves once the shared stack's stream poller has handled every record written before the call (global-setup.ts). */
export const streamSettled = async (): Promise<void> => {
  const response = await fetch(inject('streamSettledUrl'));
  if (response.status !== 204) throw new Error(`stream settle answered ${response.status}`);
};

/**
 * Every e-mail about `reference` (optionally to one address), once at least `count` arrived and the stream has been
 * handled since: a late duplicate is in the answer, so `toHaveLength(count)` can catch it.
 */
export const settledEmailsAbout = async (reference: string, count: number, to?: string): Promise<SentEmail[]> => {
  const about = async () => (await emailsAbout(reference)).filter((email) => to === undefined || email.destination.to.includes(to));
  await waitFor(async () => (await about()).length >= count, 15_000);
  await streamSettled();
  return about();
};

export const waitFor = async <T>(probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms in vain`);
    await new Promise((done) => setTimeout(done, 100));
  }
};

export const dynamoClient = () => localDynamoClient(local.dynamoEndpoint);
export const documentClient = () => createDocumentClient(dynamoClient());
export const streamsClient = () =>
  new DynamoDBStreamsClient({ endpoint: local.dynamoEndpoint, region: localRegion, credentials: localCredentials });

/** A fresh table in the same DynamoDB Local, with no poller attached: for tests that drive the stream themselves. */
export const freshTable = async (prefix: string): Promise<string> => {
  const name = `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await ensureTable(dynamoClient(), name);
  return name;
};

/** `inbox`, of another SES local. */
export const inboxAt = async (sesUrl: string): Promise<SentEmail[]> =>
  ((await (await fetch(`${sesUrl}/store`)).json()) as { emails: SentEmail[] }).emails;
