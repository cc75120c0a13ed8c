/**
 * The whole system in one process: DynamoDB Local, SES local, the gateway,
 * the stream poller and the dev identity provider, wired to the same handler
 * modules that run on Lambda. Used by `npm start` and by the integration tests.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { environmentNames, type EnvironmentKey } from '../functions/config';
import type { TrustedIssuers } from '../functions/http/auth';
import { defaultSettings, staffPortalPath } from '../infra/settings';
import { deadLetterConsumer, filteredStreamConsumers, functions, httpRoutes, streamConsumer, type FunctionName } from '../infra/routes';
import type { SQSEvent } from 'aws-lambda';
import type { StreamBatchInfo } from '../functions/adapters/stream-records';
import { serviceIds } from '../schemas/services';
import { buildWeb } from './build-web';
import { citizenIdpClientId, startCitizenIdp, workforceIdpClientId } from './citizen-idp';
import { createDevIdentityProvider, devIssuers, type DevIdentityProvider } from './dev-idp';
import { localDynamoClient, startDynamoDbLocal } from './dynamodb';
import { localCredentials, localRegion, offlineAwsEnvironment } from './offline-aws';
import { startGateway, type LambdaHandler } from './gateway';
import { devKeyFile, repositoryRoot } from './paths';
import { ensurePersonKeyFile, ephemeralPersonKeyFile, personKeyFileIn } from './person-key';
import { startSesLocal } from './ses';
import { scanQuarantine, type MalwareScanner } from './malware-scanner';
import { localBuckets, startS3Local } from './s3';
import { startStreamPoller, type StreamConsumer, type StreamPoller } from './stream-poller';
import { ensureTable } from './table';

export interface LocalStackOptions {
  /** 0 picks a free port (tests). */
  readonly apiPort?: number;
  readonly sesPort?: number;
  readonly dynamoPort?: number;
  readonly s3Port?: number;
  /** The local eID stand-in (citizen OIDC provider) the portal signs in with. */
  readonly citizenIdpPort?: number;
  /** Data folder; in memory when absent. */
  readonly dataDir?: string;
  readonly tableName?: string;
  readonly log?: (line: string) => void;
}

export interface LocalStack {
  readonly apiUrl: string;
  readonly inboxUrl: string;
  /** The portal's address as people open it (localhost: the session cookie is Secure, which browsers accept there). */
  readonly portalUrl: string;
  readonly citizenIdpUrl: string;
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  readonly idp: DevIdentityProvider;
  readonly poller: StreamPoller;
  readonly s3Endpoint: string;
  readonly scanner: MalwareScanner;
  stop(): Promise<void>;
}

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** One inbox per service for the agency's new-application alerts. */
export const localAgencyInboxes = Object.fromEntries(serviceIds.map((id) => [id, `${id}@siva.gov.lv`]));

export interface HandlerSettings {
  readonly issuers?: TrustedIssuers;
  readonly notificationMaxDeliveries?: number;
  readonly notificationRetryBaseMs?: number;
  readonly notificationSendLeaseMs?: number;
  readonly sesConfigurationSet?: string;
  /** The person key file (local stand-in for the KMS HMAC key); a random one per process when absent. */
  readonly personKeyFile?: string;
  readonly representativeDailyLimit?: number;
  /** The portal's OIDC issuer and its public origin (the local citizen IdP and gateway). */
  readonly citizenOidcIssuer?: string;
  readonly webOrigin?: string;
  /** Where e-mails to citizens link to (locally the local portal, so a link in the inbox opens this stack's page). */
  readonly portalUrl?: string;
}

/**
 * What the handlers read at cold start, with the values the CDK stack sets on Lambda (its default
 * settings) and the dev issuers. Keyed by every name in functions/config.ts, like infra/stack.ts:
 * a variable added there fails type-checking here until it is set. Tests and the bench use it too.
 */
export const handlerEnvironment = (tableName: string, settings: HandlerSettings = {}): Record<string, string> => {
  const issuers = settings.issuers ?? { citizen: devIssuers.citizen.issuer, workforce: devIssuers.workforce.issuer };
  const values: Record<EnvironmentKey, string | undefined> = {
    tableName,
    mailFrom: defaultSettings.mailFrom,
    agencyInboxes: JSON.stringify(localAgencyInboxes),
    sesConfigurationSet: settings.sesConfigurationSet,
    portalUrl: settings.portalUrl ?? defaultSettings.portalUrl,
    // Locally the workforce pages are on the local portal, so the links in agency alerts open this stack's pages.
    staffPortalUrl: settings.portalUrl ? `${settings.portalUrl.replace(/\/$/, '')}${staffPortalPath}` : defaultSettings.staffPortalUrl,
    pensionAge: String(defaultSettings.pensionAge),
    citizenTokenIssuer: issuers.citizen,
    workforceTokenIssuer: issuers.workforce,
    citizenOidcIssuer: settings.citizenOidcIssuer ?? 'http://localhost:8010',
    citizenOidcClientId: citizenIdpClientId,
    workforceOidcIssuer: settings.citizenOidcIssuer ?? 'http://localhost:8010',
    workforceOidcClientId: workforceIdpClientId,
    webOrigin: settings.webOrigin ?? 'http://localhost:3000',
    notificationMaxDeliveries: String(settings.notificationMaxDeliveries ?? defaultSettings.notificationMaxDeliveries),
    notificationRetryBaseMs: String(settings.notificationRetryBaseMs ?? defaultSettings.notificationRetryBaseMs),
    // Deployed it is the notifier's timeout; locally nothing times out, and one send takes seconds at most.
    notificationSendLeaseMs: String(settings.notificationSendLeaseMs ?? 30_000),
    // No local KMS: the handlers MAC with a key file instead (docs/person-key.md).
    personKeyId: undefined,
    personKeyFile: settings.personKeyFile ?? ephemeralPersonKeyFile(),
    representativeDailyLimit: String(settings.representativeDailyLimit ?? defaultSettings.representativeDailyLimit),
    quarantineBucket: localBuckets.quarantine,
    evidenceBucket: localBuckets.evidence,
    uploadKeyArn: localBuckets.keyArn,
  };
  return Object.fromEntries(
    (Object.keys(values) as EnvironmentKey[]).flatMap((key) => (values[key] === undefined ? [] : [[environmentNames[key], values[key]]])),
  );
};

/** The SQS event Lambda gives the on-failure queue's consumer for one failed stream batch. */
const sqsMessageOf = (batch: StreamBatchInfo, region: string): SQSEvent => ({
  Records: [
    {
      messageId: `local-${batch.startSequenceNumber}`,
      receiptHandle: 'local',
      body: JSON.stringify({ version: '1.0', timestamp: new Date().toISOString(), DDBStreamBatchInfo: { ...batch, batchSize: 1 } }),
      attributes: {} as SQSEvent['Records'][number]['attributes'],
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:local:000000000000:notification-failures',
      awsRegion: region,
    },
  ],
});

export const loadFunctionHandler = async (name: FunctionName): Promise<LambdaHandler> => {
  const module = (await import(pathToFileURL(join(repositoryRoot, functions[name].entry)).href)) as { handler?: LambdaHandler };
  if (typeof module.handler !== 'function') throw new Error(`${functions[name].entry} exports no handler`);
  return module.handler;
};

export const startLocalStack = async (options: LocalStackOptions = {}): Promise<LocalStack> => {
  // The SDK warns on every start that Node 20 support ends in 2027; known, and noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const log = options.log ?? ((line: string) => console.log(line));
  // The portal's templates and CSS are build output (not kept in git): built from the current sources before the
  // web function is imported.
  buildWeb();
  const tableName = options.tableName ?? 'siva-eservices';
  const [apiPort, sesPort, dynamoPort, s3Port, citizenIdpPort] = await Promise.all(
    [options.apiPort, options.sesPort, options.dynamoPort, options.s3Port, options.citizenIdpPort].map((port) => (port ? Promise.resolve(port) : freePort())),
  );
  const portalUrl = `http://localhost:${apiPort}`;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.splice(0).reverse()) await stopOne().catch(() => {});
  };

  try {
    const dynamo = await startDynamoDbLocal({ port: dynamoPort!, ...(options.dataDir && { dataDir: options.dataDir }) });
    stops.push(dynamo.stop);
    const ses = await startSesLocal(sesPort!);
    stops.push(ses.stop);
    const s3 = await startS3Local({ port: s3Port!, ...(options.dataDir && { dataDir: options.dataDir }) });
    stops.push(s3.stop);

    // Handlers find the local servers through the SDK's standard endpoint variables, nothing else.
    for (const [name, value] of Object.entries(offlineAwsEnvironment)) process.env[name] ??= value;
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamo.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.url,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
    });
    const personKeyFile = options.dataDir ? ensurePersonKeyFile(personKeyFileIn(options.dataDir)) : undefined;
    const citizenIdp = await startCitizenIdp({
      port: citizenIdpPort!,
      redirectUris: [`${portalUrl}/auth/callback`, `http://127.0.0.1:${apiPort}/auth/callback`],
      workforceRedirectUris: [`${portalUrl}${staffPortalPath}/auth/callback`, `http://127.0.0.1:${apiPort}${staffPortalPath}/auth/callback`],
    });
    stops.push(citizenIdp.stop);
    const environment = handlerEnvironment(tableName, { ...(personKeyFile && { personKeyFile }), citizenOidcIssuer: citizenIdp.issuer, webOrigin: portalUrl, portalUrl });
    for (const [name, value] of Object.entries(environment)) process.env[name] ??= value;

    const client = localDynamoClient(dynamo.endpoint);
    await ensureTable(client, tableName);

    const idp = await createDevIdentityProvider(options.dataDir ? devKeyFile(options.dataDir) : undefined);
    const handlers = new Map<string, Promise<LambdaHandler>>();
    const loadHandler = (name: string) => {
      if (!handlers.has(name)) handlers.set(name, loadFunctionHandler(name as FunctionName));
      return handlers.get(name)!;
    };

    const notifier = (await loadHandler(streamConsumer)) as unknown as StreamConsumer;
    const deadLetters = (await loadHandler(deadLetterConsumer)) as unknown as (event: SQSEvent) => Promise<unknown>;
    // On AWS each filtered consumer has its own mapping on the stream; locally one poller hands each batch to all.
    const filteredConsumers = await Promise.all(Object.keys(filteredStreamConsumers).map(async (name) => (await loadHandler(name)) as unknown as StreamConsumer));
    const consume: StreamConsumer = async (event) => {
      const notified = await notifier(event);
      if (notified && notified.batchItemFailures.length > 0) return notified;
      for (const consumer of filteredConsumers) {
        const answer = await consumer(event);
        if (answer && answer.batchItemFailures.length > 0) return answer;
      }
      return notified;
    };
    const streams = new DynamoDBStreamsClient({ endpoint: dynamo.endpoint, region: localRegion, credentials: localCredentials });
    const poller = await startStreamPoller({
      dynamo: client,
      streams,
      tableName,
      consume,
      log,
      // As on AWS: the failed batch's shard and sequence range go to the on-failure queue, whose consumer records them.
      onDeadLetter: async (batch) => {
        await deadLetters(sqsMessageOf(batch, localRegion));
      },
      ...(options.dataDir && {
        checkpointFile: join(options.dataDir, 'stream-checkpoints.json'),
        deadLetterFile: join(options.dataDir, 'dead-letters.jsonl'),
      }),
    });
    stops.push(async () => {
      await poller.stop();
      client.destroy();
      streams.destroy();
    });

    // As GuardDuty + EventBridge on AWS: each object created in quarantine is scanned, the result goes to promote-upload.
    const scanner = await scanQuarantine(s3, loadHandler, log);
    stops.push(scanner.stop);

    const gateway = await startGateway({ routes: httpRoutes, loadHandler, verify: idp.verify, port: apiPort!, log });
    stops.push(gateway.stop);

    return { apiUrl: gateway.url, inboxUrl: ses.url, portalUrl, citizenIdpUrl: citizenIdp.issuer, dynamoEndpoint: dynamo.endpoint, tableName, idp, poller, s3Endpoint: s3.endpoint, scanner, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
