/**
 * The application wired as local/stack.ts wires it (the same gateway, handler
 * modules and stream poller), but inside the test worker, for fault drills:
 *  - on a fresh table of the shared DynamoDB Local (no second JVM);
 *  - sending e-mail to an SES local of its own through a switch that can take
 *    SES down (startLocalStack points the handlers at its own SES, with no way
 *    to put a proxy between);
 *  - reaching DynamoDB Local through a fault proxy (dynamo-fault-proxy.ts), so a
 *    drill can fail a chosen request at the wire; the stream poller reads the
 *    stream directly, as Lambda's event source mapping would.
 * Handler modules read their environment once, so: one fault stack per file.
 * The stream's on-failure consumer is not wired: a drill here expects no dead
 * letter and checks there is none.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { routes, streamConsumer, type FunctionName } from '../../../infra/routes';
import { scanQuarantine } from '../../../local/malware-scanner';
import { startS3Local } from '../../../local/s3';
import { devIssuers } from '../../../local/dev-idp';
import { startGateway, type LambdaHandler } from '../../../local/gateway';
import { startSesLocal } from '../../../local/ses';
import { freePort, loadFunctionHandler } from '../../../local/stack';
import { startStreamPoller, type StreamConsumer, type StreamPoller } from '../../../local/stream-poller';
import { useHandlerEnvironment } from '../../support/handler-environment';
import { apiAt, dynamoClient, freshTable, inboxAt, local, streamsClient, tokens, type SentEmail } from './local';
import { startDynamoFaultProxy, type DynamoFaultProxy } from './dynamo-fault-proxy';
import { startSesSwitch, type SesSwitch } from './ses-switch';

export interface FaultStackOptions {
  /** Whether the notifier runs, fed by the stream (drills of the submission path alone leave it out). */
  readonly notifier?: boolean;
  readonly notificationMaxDeliveries?: number;
  readonly notificationRetryBaseMs?: number;
  /** Re-deliveries of a failing stream batch before it is dead-lettered. */
  readonly streamRetryAttempts?: number;
  /** Where the gateway's access lines and the poller's lines go (default: nowhere). */
  readonly log?: (line: string) => void;
}

export interface FaultStack {
  readonly tableName: string;
  readonly ses: SesSwitch;
  /** Between the handlers and DynamoDB Local: faults injected at the wire. */
  readonly dynamo: DynamoFaultProxy;
  readonly api: ReturnType<typeof apiAt>;
  inbox(): Promise<SentEmail[]>;
  /** Stream deliveries the notifier handed back for a retry so far. */
  retriesRequested(): number;
  /** Resolves once the notifier has caught up with the stream. */
  idle(): Promise<void>;
  readonly deadLetters: StreamPoller['deadLetters'];
  stop(): Promise<void>;
}

let started = false;

export const startFaultStack = async (options: FaultStackOptions = {}): Promise<FaultStack> => {
  if (started) throw new Error('one fault stack per test file: handler modules keep the environment of their first import');
  started = true;
  const log = options.log ?? (() => {});
  const stops: (() => Promise<void>)[] = [];
  // A drill that failed half-way may leave SES down and the notifier in a long pause: stopping must not wait on it.
  const stop = async () => {
    for (const stopOne of stops.splice(0).reverse()) await Promise.race([stopOne(), new Promise((done) => setTimeout(done, 5_000))]);
  };

  const tableName = await freshTable('faults');
  const sesLocal = await startSesLocal(await freePort());
  stops.push(sesLocal.stop);
  const ses = await startSesSwitch(sesLocal.url);
  stops.push(ses.stop);
  const dynamo = await startDynamoFaultProxy(local.dynamoEndpoint);
  stops.push(dynamo.stop);
  // S3 and the scanner of its own: the shared stack's scanner would settle uploads against the shared table.
  const s3 = await startS3Local({ port: await freePort() });
  stops.push(s3.stop);
  useHandlerEnvironment({
    tableName,
    dynamoEndpoint: dynamo.url,
    sesEndpoint: ses.url,
    s3Endpoint: s3.endpoint,
    issuers: { citizen: devIssuers.citizen.issuer, workforce: devIssuers.workforce.issuer },
    notificationMaxDeliveries: options.notificationMaxDeliveries ?? 8,
    notificationRetryBaseMs: options.notificationRetryBaseMs ?? 20,
  });

  const handlers = new Map<string, Promise<LambdaHandler>>();
  const loadHandler = (name: string) => {
    if (!handlers.has(name)) handlers.set(name, loadFunctionHandler(name as FunctionName));
    return handlers.get(name)!;
  };

  let retries = 0;
  let poller: StreamPoller | undefined;
  if (options.notifier ?? true) {
    const notifier = (await loadHandler(streamConsumer)) as unknown as StreamConsumer;
    const counted: StreamConsumer = async (event: DynamoDBStreamEvent) => {
      const response = (await notifier(event)) as DynamoDBBatchResponse | undefined;
      if (response?.batchItemFailures?.length) retries += 1;
      return response;
    };
    poller = await startStreamPoller({
      dynamo: dynamoClient(),
      streams: streamsClient(),
      tableName,
      consume: counted,
      retryAttempts: options.streamRetryAttempts ?? 10,
      backoff: { initialMs: 10, maxMs: 100 },
      pollIntervalMs: 50,
      log,
    });
    stops.push(poller.stop);
  }

  const scanner = await scanQuarantine(s3, loadHandler, log);
  stops.push(scanner.stop);

  const idp = await tokens();
  const gateway = await startGateway({ routes, loadHandler, verify: idp.verify, port: 0, log });
  stops.push(gateway.stop);

  return {
    tableName,
    ses,
    dynamo,
    api: apiAt(gateway.url),
    inbox: () => inboxAt(sesLocal.url),
    retriesRequested: () => retries,
    idle: async () => poller?.idle(),
    deadLetters: poller?.deadLetters ?? [],
    stop: async () => {
      ses.up();
      dynamo.clear();
      await stop();
    },
  };
};
