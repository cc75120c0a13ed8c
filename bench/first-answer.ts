/**
 * Part "first": cold start to the first answer (issue 14). For every function of infra/routes.ts, a fresh `node`
 * process imports the bundle the CDK stack builds and answers one typical request against DynamoDB Local (and SES
 * local and s3rver where the function uses them), so work moved from import to the first call still counts. Its
 * baseline, in a fresh process too, is a bundle holding only the bare AWS SDK clients of the function's kind making
 * the very requests the function just made (recorded at the HTTP level; bench/baseline/replay.ts). The fixtures a
 * request needs (an application, a session, an upload…) are made in this process, outside the clock, fresh for
 * every round where the request changes them. Rounds are interleaved and rotated; the A/A spread comes from each
 * baseline's own alternate halves.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { rigaDate } from '../functions/core/dates';
import { createSessionRepository } from '../functions/adapters/session-repository';
import { createWorkflowRepository } from '../functions/adapters/workflow-repository';
import { retainUntilOf, retentionMonthOf } from '../functions/core/retention';
import { decide as decideWith } from '../functions/core/workflow';
import { createDocumentClient } from '../functions/adapters/dynamo';
import { createS3Client } from '../functions/adapters/evidence-storage';
import { draftKey } from '../functions/adapters/keys';
import type { NotificationKey } from '../functions/core/notifier';
import { newSession, sessionDigest, expiresAtOf } from '../functions/web/session';
import { deadLetterConsumer, functions, type FunctionDefinition, type FunctionName } from '../infra/routes';
import { claimsAsApiGatewayPassesThem, createDevIdentityProvider } from '../local/dev-idp';
import { localCredentials, localDynamoClient, localRegion, startDynamoDbLocal } from '../local/dynamodb';
import { scanResultEvent } from '../local/malware-scanner';
import { Decision } from '../schemas/decision';
import { localBuckets, startS3Local } from '../local/s3';
import { startSesLocal } from '../local/ses';
import { freePort, loadFunctionHandler } from '../local/stack';
import { ensureTable } from '../local/table';
import { apiEvent, lambdaContext } from '../tests/support/api-event';
import { daysBefore, yearsBefore } from '../tests/support/fixtures';
import { freshPersonalCode, referralOf, validForm } from '../tests/support/service-forms';
import { storeSentConfirmation } from '../tests/support/stored-application';
import { mailOf, snsEvent } from '../tests/integration/support/ses-events';
import type { RecordedCall } from './baseline/replay';
import { bundleLikeTheStack, type Bundle, type ReplayBaselineName } from './lib/bundles';
import { handlerEnvironment, offlineAwsEnvironment } from './lib/environment';
import { runPart } from './lib/processes';
import { partTitles, table } from './lib/results';
import { aaSpread, median, ms, outcomeBeyondSpread, percentile, ratioWithSpread, verdictBeyondSpread } from './lib/stats';

/** Bounded: each round is two fresh processes per function. FIRST_ANSWER_ROUNDS overrides it for a quick look. */
const rounds = Number(process.env.FIRST_ANSWER_ROUNDS ?? 7);
const targetRatio = 1.1;
const tableName = 'siva-eservices-first-answer';
const probe = 'bench/lib/first-answer-probe.mjs';

/** One request of a scenario and the answer that shows it went the typical way. */
interface Request {
  readonly event: unknown;
  readonly accept: (result: AnswerSummary) => boolean;
}
interface Scenario {
  /** What the request is, for the table. */
  readonly what: string;
  /** Builds the request of one round (fixtures made here, outside the clock). */
  readonly prepare: () => Promise<Request>;
}
interface AnswerSummary {
  readonly statusCode?: number;
  readonly batchItemFailures?: readonly unknown[];
}
interface Sample {
  readonly importMs: number;
  readonly answerMs: number;
  readonly cpuMs: number;
  readonly importCpuMs: number;
  readonly result: AnswerSummary & { readonly replayErrors?: number };
  readonly calls: readonly RecordedCall[];
}

/** The bare clients a function's baseline holds, from what its definition says it uses. */
const replayBaselineOf = (name: FunctionName): ReplayBaselineName => {
  const definition: FunctionDefinition = functions[name];
  if (name === deadLetterConsumer) return 'bare-dynamodb-streams';
  if (definition.buckets) return 'bare-dynamodb-s3';
  if (definition.sendsEmail) return 'bare-dynamodb-sesv2';
  return 'bare-dynamodb';
};

const status = (code: number) => (result: AnswerSummary) => result.statusCode === code;
const noBatchFailures = (result: AnswerSummary) => (result.batchItemFailures ?? []).length === 0;
const anyAnswer = () => true;

runPart('first', async (cleanup, measured) => {
  const workdir = mkdtempSync(join(tmpdir(), 'siva-bench-first-'));
  cleanup.add('the bundle folder', () => rmSync(workdir, { recursive: true, force: true }));

  // The local servers, on free loopback ports, and the environment the handlers read at import (here and in children).
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  cleanup.add('DynamoDB Local', dynamo.stop);
  const ses = await startSesLocal(await freePort());
  cleanup.add('SES local', ses.stop);
  const s3 = await startS3Local({ port: await freePort() });
  cleanup.add('s3rver', s3.stop);
  const admin = localDynamoClient(dynamo.endpoint);
  cleanup.add('the admin client', () => admin.destroy());
  await ensureTable(admin, tableName);
  const environment: Record<string, string> = {
    ...offlineAwsEnvironment,
    ...handlerEnvironment(tableName),
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamo.endpoint,
    AWS_ENDPOINT_URL_SESV2: ses.url,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
  };
  Object.assign(process.env, environment);

  console.log('first: bundling every function and the bare-client baselines through the CDK stack …');
  const bundles = await bundleLikeTheStack(workdir, cleanup, { replayBaselines: true });
  const bundleNamed = (name: string): Bundle => {
    const bundle = bundles.find((candidate) => candidate.name === name);
    if (!bundle) throw new Error(`No bundle named ${name}`);
    return bundle;
  };

  // ---- The world: handlers called in this process (warm, outside the clock) make what the requests need.
  const today = rigaDate(new Date());
  const documentClient = createDocumentClient();
  const idp = await createDevIdentityProvider();
  const claimsOf = async (token: string, audience: 'citizen' | 'workforce') => claimsAsApiGatewayPassesThem((await idp.verify(token, audience))!);
  const handlers = new Map<FunctionName, Awaited<ReturnType<typeof loadFunctionHandler>>>();
  const call = async (name: FunctionName, event: unknown): Promise<{ statusCode?: number; body?: string }> => {
    if (!handlers.has(name)) handlers.set(name, await loadFunctionHandler(name));
    return (await handlers.get(name)!(event as never, lambdaContext)) as { statusCode?: number; body?: string };
  };
  const expectAnswer = (what: string, answer: { statusCode?: number; body?: string }, code: number) => {
    if (answer.statusCode !== code) throw new Error(`Fixture "${what}" answered ${answer.statusCode}: ${answer.body?.slice(0, 300)}`);
    return JSON.parse(answer.body ?? '{}') as Record<string, any>;
  };

  const citizen = async (names?: { givenName: string; familyName: string }) => {
    const personalCode = freshPersonalCode();
    return { personalCode, claims: await claimsOf(await idp.citizen(personalCode, names), 'citizen') };
  };
  const staff = await claimsOf(await idp.workforce('staff', 'anna'), 'workforce');
  const municipality = `bench-${Date.now()}`;
  const officer = await claimsOf(await idp.workforce('social-service', municipality), 'workforce');
  const form = () => validForm('social-rehabilitation', 'functional-impairment', today);
  const post = (path: string, body: unknown, claims: Record<string, string> | null, pathParameters?: Record<string, string>) =>
    apiEvent({ method: 'POST', path, body: JSON.stringify(body), claims, ...(pathParameters && { pathParameters }) });
  const get = (path: string, claims: Record<string, string> | null, pathParameters?: Record<string, string>, query?: Record<string, string>) =>
    apiEvent({ method: 'GET', path, claims, ...(pathParameters && { pathParameters }), ...(query && { query }) });

  const newApplication = async () => {
    const person = await citizen();
    const { id } = expectAnswer('an application', await call('submit-application', post('/applications', form(), person.claims)), 201);
    return { person, id: id as string };
  };
  const decide = async (id: string, decision: Record<string, unknown>) =>
    expectAnswer('a decision', await call('decide', post(`/staff/applications/${id}/decisions`, decision, staff, { id })), 200);
  /** Registered, then documents requested: version 3, ready for documents and uploads. */
  const awaitingDocuments = async () => {
    const filed = await newApplication();
    await decide(filed.id, { type: 'register', expectedVersion: 1 });
    await decide(filed.id, { type: 'request-documents', expectedVersion: 2, documents: ['Funkcionēšanas pašnovērtējums'], deadline: daysBefore(today, -14) });
    return filed;
  };
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n% Ģimenes ārsta izziņa\ntrailer <<>>\n%%EOF\n', 'utf8');
  const uploadRequest = { documentType: 'functioning-self-assessment', fileName: 'izzina.pdf', contentType: 'application/pdf', size: pdf.length };
  const s3Client = createS3Client(s3.endpoint);
  cleanup.add('the fixture S3 client', () => s3Client.destroy());
  /** A declared upload whose file lies in quarantine, waiting for the scan's verdict. */
  const quarantinedUpload = async (owner: { id: string; claims: Record<string, string>; base: string }) => {
    // A referral's track asks for no document the application's does: `other` fits every track.
    const declared = owner.base === '/referrals' ? { ...uploadRequest, documentType: 'other' } : uploadRequest;
    const ticket = expectAnswer('an upload', await call('create-upload', post(`${owner.base}/${owner.id}/uploads`, declared, owner.claims, { id: owner.id })), 201);
    await s3Client.send(new PutObjectCommand({ Bucket: localBuckets.quarantine, Key: ticket.uploadId, Body: pdf, ContentType: 'application/pdf' }));
    return ticket.uploadId as string;
  };
  const cleanScan = (uploadId: string) => scanResultEvent(localBuckets.quarantine, uploadId, 'NO_THREATS_FOUND', localRegion);
  /** An upload promoted to evidence and attached to the application or referral (version 3 → 4). */
  const attachedUpload = async (owner: { id: string; claims: Record<string, string>; base: string }) => {
    const uploadId = await quarantinedUpload(owner);
    await call('promote-upload', cleanScan(uploadId));
    const documents = { expectedVersion: 3, documents: [{ sentBy: 'upload', uploadId }] };
    expectAnswer('attached documents', await call('submit-documents', post(`${owner.base}/${owner.id}/documents`, documents, owner.claims, { id: owner.id })), 200);
    return uploadId;
  };
  /** A stored application whose confirmation the notifier has sent (as tests/integration/mail-events.test.ts). */
  const sentConfirmation = () => storeSentConfirmation(documentClient, tableName, `bench-${crypto.randomUUID()}`);
  const bounceOf = (key: NotificationKey, to: string) =>
    snsEvent({
      eventType: 'Bounce',
      bounce: { feedbackId: 'bench-feedback', bounceType: 'Permanent', bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: to, action: 'failed', status: '5.1.1' }], timestamp: new Date().toISOString() },
      mail: mailOf(key, to),
    });
  /** One record of the table's stream, as Lambda hands it to a stream consumer. */
  const streamEvent = (eventName: 'INSERT' | 'REMOVE', dynamodb: Record<string, unknown>) => ({
    Records: [
      {
        eventID: crypto.randomUUID(),
        eventName,
        eventSource: 'aws:dynamodb',
        awsRegion: localRegion,
        eventSourceARN: `arn:aws:dynamodb:${localRegion}:000000000000:table/${tableName}/stream/bench`,
        ...(eventName === 'REMOVE' && { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } }),
        dynamodb,
      },
    ],
  });
  /** The stream record of an application's "submitted" event, as Lambda hands it to the notifier. */
  const submittedStreamRecord = async () => {
    const { id } = await newApplication();
    const { Items = [] } = await documentClient.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `APPLICATION#${id}` } }),
    );
    const item = Items.find((candidate) => candidate.entity === 'event' && candidate.type === 'submitted');
    if (!item) throw new Error('No submitted event stored');
    return streamEvent('INSERT', {
      Keys: marshall({ pk: item.pk, sk: item.sk }),
      NewImage: marshall(item, { removeUndefinedValues: true }),
      SequenceNumber: String(Date.now()),
      StreamViewType: 'NEW_IMAGE',
    });
  };

  /** An SQS message from the notifier's on-failure queue naming the stream batch of one application's "submitted" event. */
  const streams = new DynamoDBStreamsClient({ endpoint: dynamo.endpoint, region: localRegion, credentials: localCredentials });
  cleanup.add('the fixture streams client', () => streams.destroy());
  const streamArn = (await admin.send(new DescribeTableCommand({ TableName: tableName }))).Table?.LatestStreamArn ?? '';
  let reading: { shardId: string; iterator: string | undefined } | undefined;
  const deadLetteredBatch = async () => {
    const { id } = await newApplication();
    for (let attempt = 0; attempt < 100; attempt++) {
      const shard = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription?.Shards?.at(-1);
      if (!shard?.ShardId) throw new Error('The table has no stream shard');
      if (reading?.shardId !== shard.ShardId) {
        const start = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
        reading = { shardId: shard.ShardId, iterator: start.ShardIterator };
      }
      const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: reading.iterator, Limit: 1000 }));
      reading.iterator = NextShardIterator;
      const found = Records.find((record) => record.dynamodb?.NewImage?.pk?.S === `APPLICATION#${id}` && record.dynamodb.NewImage.entity?.S === 'event');
      const sequenceNumber = found?.dynamodb?.SequenceNumber;
      if (sequenceNumber) {
        const batch = { shardId: shard.ShardId, startSequenceNumber: sequenceNumber, endSequenceNumber: sequenceNumber, streamArn, batchSize: 1 };
        const body = JSON.stringify({ version: '1.0', timestamp: new Date().toISOString(), DDBStreamBatchInfo: batch });
        return { Records: [{ messageId: crypto.randomUUID(), receiptHandle: 'bench', body, attributes: {}, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:local:000000000000:notification-failures', awsRegion: localRegion }] };
      }
    }
    throw new Error(`The stream never showed application ${id}`);
  };

  // What every read asks for, made once.
  const own = await awaitingDocuments();
  const ownUpload = await attachedUpload({ ...own, claims: own.person.claims, base: '/applications' });
  const referral = expectAnswer(
    'a referral',
    await call('submit-referral', post('/referrals', referralOf(validForm('coordinated-services', 'trafficking-victims', today), freshPersonalCode(), today), officer)),
    201,
  );
  await decide(referral.id, { type: 'register', expectedVersion: 1 });
  await decide(referral.id, { type: 'request-documents', expectedVersion: 2, documents: ['Sociālā dienesta lēmums'], deadline: daysBefore(today, -14) });
  const referralUpload = await attachedUpload({ id: referral.id, claims: officer, base: '/referrals' });
  const pendingUpload = await (async () => {
    const filed = await awaitingDocuments();
    const { uploadId } = expectAnswer('an upload', await call('create-upload', post(`/applications/${filed.id}/uploads`, uploadRequest, filed.person.claims, { id: filed.id })), 201);
    return { ...filed, uploadId: uploadId as string };
  })();
  const principal = { role: 'citizen' as const, subject: own.person.claims.sub!, personalCode: own.person.personalCode, givenName: 'Jānis', familyName: 'Bērziņš' };
  const session = newSession(Date.now(), { principal });
  await createSessionRepository(documentClient, tableName).save(sessionDigest(session.id), session, expiresAtOf(session) + 3600);
  const failed = await sentConfirmation();
  await call('mail-events', bounceOf(failed.key, failed.application.applicant.email!));
  const year = today.slice(0, 4);

  // The archivist's files: closed (registered, then refused) now, or, to be due for destruction, ten years ago.
  const archivist = await claimsOf(await idp.workforce('archivist', 'liga'), 'workforce');
  const closedAt = async (instant: Date) => {
    const filed = await newApplication();
    const deps = { store: createWorkflowRepository(documentClient, tableName), clock: () => instant, newId: () => crypto.randomUUID() };
    const archivedBy = { role: 'staff', subject: 'bench-retention', name: 'Anna', services: ['social-rehabilitation'] } as const;
    await decideWith(deps, archivedBy, filed.id, Decision.parse({ type: 'register', expectedVersion: 1 }));
    await decideWith(deps, archivedBy, filed.id, Decision.parse({ type: 'refuse', expectedVersion: 2, reason: 'Neatbilst mērķa grupai', appeal: 'Apstrīdēt SIVA direktoram' }));
    return filed;
  };
  const closedToday = await closedAt(new Date());
  const retentionMonth = retentionMonthOf(retainUntilOf(new Date().toISOString()));
  const due = expectAnswer('the retention list', await call('list-retention-due', get('/staff/retention/due', archivist, undefined, { month: retentionMonth })), 200);
  if (!due.items.some((item: { id: string }) => item.id === closedToday.id)) throw new Error(`The file closed today is not listed under ${retentionMonth}`);
  const tenYearsAgo = () => new Date(Date.now() - 11 * 365 * 24 * 60 * 60 * 1000);

  // Drafts: started by a fresh citizen, saved with a whole form where the request needs one.
  const startDraft = async (person?: { personalCode: string; claims: Record<string, string> }) => {
    const owner = person ?? (await citizen());
    const started = expectAnswer('a draft', await call('create-draft', post('/drafts', { serviceId: 'social-rehabilitation', track: 'functional-impairment' }, owner.claims)), 201);
    return { person: owner, id: started.id as string, expiresAt: started.expiresAt as string };
  };
  const draftPath = (draft: { id: string }) => ({ id: draft.id });
  const put = (path: string, body: unknown, claims: Record<string, string>, pathParameters: Record<string, string>, headers: Record<string, string>) =>
    apiEvent({ method: 'PUT', path, body: JSON.stringify(body), claims, pathParameters, headers });
  const savedDraft = async () => {
    const draft = await startDraft();
    expectAnswer('a saved draft', await call('save-draft', put(`/drafts/${draft.id}`, form(), draft.person.claims, draftPath(draft), { 'if-match': '"1"' })), 200);
    return draft;
  };
  const draftUpload = async (draft: { id: string; person: { claims: Record<string, string> } }) => {
    const declared = { ...uploadRequest, documentType: 'other' };
    const ticket = expectAnswer('a draft upload', await call('create-draft-upload', post(`/drafts/${draft.id}/uploads`, declared, draft.person.claims, draftPath(draft))), 201);
    return ticket.uploadId as string;
  };
  const ownDraft = await startDraft();
  const ownDraftUpload = await draftUpload(ownDraft);
  /** The stream record of removing a draft with a file kept as evidence (tests/integration/drafts.test.ts). */
  const removedDraftWithUpload = async () => {
    const draft = await startDraft();
    const uploadId = await draftUpload(draft);
    await s3Client.send(new PutObjectCommand({ Bucket: localBuckets.quarantine, Key: uploadId, Body: pdf, ContentType: 'application/pdf' }));
    await call('promote-upload', cleanScan(uploadId));
    const { Item } = await documentClient.send(new GetCommand({ TableName: tableName, Key: draftKey(draft.id), ConsistentRead: true }));
    if (!Item) throw new Error('The draft is not stored');
    // What DynamoDB's TTL deletion puts on the stream: a REMOVE by the service, with the old image.
    return streamEvent('REMOVE', {
      Keys: marshall(draftKey(draft.id)),
      OldImage: marshall(Item, { removeUndefinedValues: true }),
      SequenceNumber: String(Date.now()),
      StreamViewType: 'OLD_IMAGE',
    });
  };
  const draftReminders = await loadFunctionHandler('draft-reminders');
  const dayMs = 24 * 60 * 60 * 1000;

  const scenarios: Partial<Record<FunctionName, Scenario>> = {
    'submit-application': {
      what: 'POST /applications, a new person',
      prepare: async () => ({ event: post('/applications', form(), (await citizen()).claims), accept: status(201) }),
    },
    'get-application': { what: 'GET /applications/{id}', prepare: async () => ({ event: get(`/applications/${own.id}`, own.person.claims, { id: own.id }), accept: status(200) }) },
    'list-applications': { what: 'GET /applications', prepare: async () => ({ event: get('/applications', own.person.claims), accept: status(200) }) },
    'submit-referral': {
      what: 'POST /referrals, a new client',
      prepare: async () => ({
        event: post('/referrals', referralOf(validForm('coordinated-services', 'trafficking-victims', today), freshPersonalCode(), today), officer),
        accept: status(201),
      }),
    },
    'list-referrals': { what: 'GET /referrals', prepare: async () => ({ event: get('/referrals', officer), accept: status(200) }) },
    'get-referral': { what: 'GET /referrals/{id}', prepare: async () => ({ event: get(`/referrals/${referral.id}`, officer, { id: referral.id }), accept: status(200) }) },
    'check-eligibility': {
      what: 'POST /services/{serviceId}/eligibility',
      prepare: async () => ({
        event: post('/services/social-rehabilitation/eligibility', { dateOfBirth: yearsBefore(today, 35) }, null, { serviceId: 'social-rehabilitation' }),
        accept: status(200),
      }),
    },
    'list-services': { what: 'GET /services', prepare: async () => ({ event: get('/services', null), accept: status(200) }) },
    openapi: { what: 'GET /openapi.json', prepare: async () => ({ event: get('/openapi.json', null), accept: status(200) }) },
    'withdraw-application': {
      what: 'POST /applications/{id}/withdrawal',
      prepare: async () => {
        const filed = await newApplication();
        return { event: post(`/applications/${filed.id}/withdrawal`, { expectedVersion: 1 }, filed.person.claims, { id: filed.id }), accept: status(200) };
      },
    },
    'submit-documents': {
      what: 'POST /applications/{id}/documents, sent by post',
      prepare: async () => {
        const filed = await awaitingDocuments();
        const documents = { expectedVersion: 3, documents: [{ name: 'Izziņa', number: 'IZ-1', sentBy: 'post' }] };
        return { event: post(`/applications/${filed.id}/documents`, documents, filed.person.claims, { id: filed.id }), accept: status(200) };
      },
    },
    'list-work': {
      what: 'GET /staff/applications',
      prepare: async () => ({ event: get('/staff/applications', staff, undefined, { serviceId: 'social-rehabilitation' }), accept: status(200) }),
    },
    'staff-get-application': { what: 'GET /staff/applications/{id}', prepare: async () => ({ event: get(`/staff/applications/${own.id}`, staff, { id: own.id }), accept: status(200) }) },
    decide: {
      what: 'POST /staff/applications/{id}/decisions, register',
      prepare: async () => {
        const filed = await newApplication();
        return { event: post(`/staff/applications/${filed.id}/decisions`, { type: 'register', expectedVersion: 1 }, staff, { id: filed.id }), accept: status(200) };
      },
    },
    'confirm-representative': {
      what: "POST …/representative-confirmation of a representative's filing",
      prepare: async () => {
        const representative = await citizen({ givenName: 'Ilze', familyName: 'Kalna' });
        const filing = form();
        const body = {
          ...filing,
          applicant: { ...filing.applicant, personalCode: freshPersonalCode(), givenName: 'Marta', familyName: 'Kalna' },
          representative: { kind: 'authorised-person', document: { type: 'power-of-attorney', number: 'PA-1', issuedOn: today } },
        };
        const { id } = expectAnswer("a representative's filing", await call('submit-application', post('/applications', body, representative.claims)), 201);
        return { event: post(`/staff/applications/${id}/representative-confirmation`, { expectedVersion: 1 }, staff, { id }), accept: status(200) };
      },
    },
    'list-failed-notifications': {
      what: 'GET /staff/notifications/failed',
      prepare: async () => ({ event: get('/staff/notifications/failed', staff, undefined, { serviceId: 'social-rehabilitation' }), accept: status(200) }),
    },
    'list-lost-batches': { what: 'GET /staff/notifications/lost-batches', prepare: async () => ({ event: get('/staff/notifications/lost-batches', staff), accept: status(200) }) },
    'resend-notification': {
      what: 'POST …/notifications/resend of a bounced confirmation',
      prepare: async () => {
        const { application, key } = await sentConfirmation();
        await call('mail-events', bounceOf(key, application.applicant.email!));
        const id = application.id;
        return { event: post(`/staff/applications/${id}/notifications/resend`, { eventId: key.eventId, kind: key.kind }, staff, { id }), accept: status(202) };
      },
    },
    'staff-report': { what: 'GET /staff/reports/{year}', prepare: async () => ({ event: get(`/staff/reports/${year}`, staff, { year }), accept: status(200) }) },
    web: {
      what: 'GET /pieteikumi/{id}, signed in',
      prepare: async () => ({ event: { ...get(`/pieteikumi/${own.id}`, null), cookies: [`siva_session=${session.id}`] }, accept: status(200) }),
    },
    'mail-events': {
      what: 'an SES bounce through SNS',
      prepare: async () => {
        const { application, key } = await sentConfirmation();
        return { event: bounceOf(key, application.applicant.email!), accept: anyAnswer };
      },
    },
    'dead-letters': { what: "the on-failure queue's message for one stream batch", prepare: async () => ({ event: await deadLetteredBatch(), accept: noBatchFailures }) },
    notifier: { what: 'a stream record: an application submitted (two e-mails)', prepare: async () => ({ event: await submittedStreamRecord(), accept: noBatchFailures }) },
    'workforce-token': {
      what: 'a pre-token-generation trigger for staff',
      prepare: async () => ({
        event: {
          version: '2',
          triggerSource: 'TokenGeneration_HostedAuth',
          region: localRegion,
          userPoolId: `${localRegion}_bench`,
          userName: 'anna',
          callerContext: { awsSdkVersion: 'x', clientId: 'bench' },
          request: { userAttributes: { sub: 'bench-anna', email: 'anna@siva.gov.lv', email_verified: 'true', 'custom:services': 'social-rehabilitation' }, groupConfiguration: { groupsToOverride: ['staff'] } },
          response: { claimsAndScopeOverrideDetails: {} },
        },
        accept: anyAnswer,
      }),
    },
    'create-upload': {
      what: 'POST /applications/{id}/uploads',
      prepare: async () => {
        const filed = await awaitingDocuments();
        return { event: post(`/applications/${filed.id}/uploads`, uploadRequest, filed.person.claims, { id: filed.id }), accept: status(201) };
      },
    },
    'get-upload': {
      what: 'GET /applications/{id}/uploads/{uploadId}',
      prepare: async () => ({
        event: get(`/applications/${pendingUpload.id}/uploads/${pendingUpload.uploadId}`, pendingUpload.person.claims, { id: pendingUpload.id, uploadId: pendingUpload.uploadId }),
        accept: status(200),
      }),
    },
    'promote-upload': {
      what: 'a clean scan result: the file kept as evidence',
      prepare: async () => {
        const filed = await awaitingDocuments();
        return { event: cleanScan(await quarantinedUpload({ id: filed.id, claims: filed.person.claims, base: '/applications' })), accept: anyAnswer };
      },
    },
    'download-attachment': {
      what: 'GET /staff/applications/{id}/attachments/{attachmentId}',
      prepare: async () => ({
        event: get(`/staff/applications/${own.id}/attachments/${ownUpload}`, staff, { id: own.id, attachmentId: ownUpload }),
        accept: status(303),
      }),
    },
    'download-referral-attachment': {
      what: 'GET /referrals/{id}/attachments/{attachmentId}',
      prepare: async () => ({
        event: get(`/referrals/${referral.id}/attachments/${referralUpload}`, officer, { id: referral.id, attachmentId: referralUpload }),
        accept: status(303),
      }),
    },
    'list-retention-due': {
      what: 'GET /staff/retention/due, the month a file closed today is due',
      prepare: async () => ({ event: get('/staff/retention/due', archivist, undefined, { month: retentionMonth }), accept: status(200) }),
    },
    'destroy-applications': {
      what: 'POST /staff/retention/destructions, one file due',
      prepare: async () => {
        const file = await closedAt(tenYearsAgo());
        return { event: post('/staff/retention/destructions', { ids: [file.id], approvalReference: 'LVA-2037-1' }, archivist), accept: status(200) };
      },
    },
    'export-my-data': { what: 'GET /me/data', prepare: async () => ({ event: get('/me/data', own.person.claims), accept: status(200) }) },
    'export-person-data': {
      what: "POST /staff/data-exports, a person's data by personal code",
      prepare: async () => ({ event: post('/staff/data-exports', { personalCode: own.person.personalCode }, archivist), accept: status(200) }),
    },
    'create-draft': {
      what: 'POST /drafts, a new person',
      prepare: async () => ({ event: post('/drafts', { serviceId: 'social-rehabilitation', track: 'functional-impairment' }, (await citizen()).claims), accept: status(201) }),
    },
    'list-drafts': { what: 'GET /drafts', prepare: async () => ({ event: get('/drafts', ownDraft.person.claims), accept: status(200) }) },
    'get-draft': {
      what: 'GET /drafts/{id}',
      prepare: async () => ({ event: get(`/drafts/${ownDraft.id}`, ownDraft.person.claims, draftPath(ownDraft)), accept: status(200) }),
    },
    'save-draft': {
      what: 'PUT /drafts/{id}, a whole form',
      prepare: async () => {
        const draft = await startDraft();
        return { event: put(`/drafts/${draft.id}`, form(), draft.person.claims, draftPath(draft), { 'if-match': '"1"' }), accept: status(200) };
      },
    },
    'delete-draft': {
      what: 'DELETE /drafts/{id}',
      prepare: async () => {
        const draft = await startDraft();
        return { event: apiEvent({ method: 'DELETE', path: `/drafts/${draft.id}`, claims: draft.person.claims, pathParameters: draftPath(draft) }), accept: status(200) };
      },
    },
    'submit-draft': {
      what: 'POST /drafts/{id}/submit, a saved whole form',
      prepare: async () => {
        const draft = await savedDraft();
        return { event: post(`/drafts/${draft.id}/submit`, undefined, draft.person.claims, draftPath(draft)), accept: status(201) };
      },
    },
    'create-draft-upload': {
      what: 'POST /drafts/{id}/uploads',
      prepare: async () => {
        const draft = await startDraft();
        return { event: post(`/drafts/${draft.id}/uploads`, { ...uploadRequest, documentType: 'other' }, draft.person.claims, draftPath(draft)), accept: status(201) };
      },
    },
    'get-draft-upload': {
      what: 'GET /drafts/{id}/uploads/{uploadId}',
      prepare: async () => ({
        event: get(`/drafts/${ownDraft.id}/uploads/${ownDraftUpload}`, ownDraft.person.claims, { id: ownDraft.id, uploadId: ownDraftUpload }),
        accept: status(200),
      }),
    },
    'draft-reminders': {
      what: 'the daily run: one draft due a reminder',
      prepare: async () => {
        // A reminder goes to the address from eID, due 7 days before the draft expires (docs/drafts.md).
        const personalCode = freshPersonalCode();
        const draft = await startDraft({ personalCode, claims: await claimsOf(await idp.citizen(personalCode, { email: `bench-${personalCode}@example.lv` }), 'citizen') });
        const remindAt = Date.parse(draft.expiresAt) - 7 * dayMs;
        // The drafts started before it are reminded here, outside the clock, so the measured run reminds this one alone.
        await draftReminders({ time: new Date(remindAt - 1000).toISOString() } as never, lambdaContext);
        return { event: { time: new Date(remindAt + 60_000).toISOString() }, accept: anyAnswer };
      },
    },
    'draft-cleanup': {
      what: 'a stream REMOVE of a draft with one file kept as evidence',
      prepare: async () => ({ event: await removedDraftWithUpload(), accept: noBatchFailures }),
    },
  };

  // FIRST_ANSWER_FUNCTIONS=a,b measures only those (a quick look at one function, or a check of new scenarios).
  const only = process.env.FIRST_ANSWER_FUNCTIONS?.split(',');
  const measuredNames = (Object.keys(functions) as FunctionName[]).filter((name) => scenarios[name] && (!only || only.includes(name)));
  const unmeasured = (Object.keys(functions) as FunctionName[]).filter((name) => !scenarios[name]);

  let running: ChildProcess | undefined;
  cleanup.add('the probe', () => running?.kill('SIGKILL'));
  let eventFiles = 0;
  const runProbe = (bundle: Bundle, event: unknown) =>
    new Promise<Sample>((resolve, reject) => {
      const eventFile = join(workdir, `event-${(eventFiles += 1)}.json`);
      writeFileSync(eventFile, JSON.stringify(event));
      running = execFile(
        process.execPath,
        [join(process.cwd(), probe), bundle.file, eventFile],
        { env: { PATH: process.env.PATH ?? '', ...environment, NODE_OPTIONS: bundle.nodeOptions }, cwd: workdir, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`The ${bundle.name} bundle failed its first answer: ${stderr || error.message}`));
          // The probe's result is its last line; the handler's log lines come before it.
          else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as Sample);
        },
      );
    });

  const samples = new Map(measuredNames.map((name) => [name, { function: [] as Sample[], bare: [] as Sample[] }]));
  console.log(`first: ${rounds} rounds × ${measuredNames.length} functions, each a fresh process for the function and one for its bare-client baseline …`);
  for (let round = 0; round < rounds; round++) {
    const order = measuredNames.map((_, index) => measuredNames[(index + round) % measuredNames.length]!);
    for (const name of order) {
      const request = await scenarios[name]!.prepare();
      const sample = await runProbe(bundleNamed(name), request.event);
      if (!request.accept(sample.result)) throw new Error(`${name} answered ${JSON.stringify(sample.result)}, not its typical answer`);
      // The baseline makes the very requests the function just made, in a fresh process of its own.
      const bare = await runProbe(bundleNamed(replayBaselineOf(name)), { calls: sample.calls });
      samples.get(name)!.function.push(sample);
      samples.get(name)!.bare.push(bare);
    }
    console.log(`first: round ${round + 1} of ${rounds} done`);
  }

  type Metric = 'answerMs' | 'importMs' | 'cpuMs' | 'importCpuMs';
  const of = (list: readonly Sample[], metric: Metric) => list.map((sample) => sample[metric]);
  const rows = measuredNames.map((name) => {
    const { function: own, bare } = samples.get(name)!;
    // Rounded as printed, so a table never shows "1.10×" next to "missed".
    const ratioOf = (metric: Metric) => Number((median(of(own, metric)) / median(of(bare, metric))).toFixed(2));
    const spreadOf = (metric: Metric) => aaSpread(of(bare, metric));
    const outcomeOf = (metric: Metric) => outcomeBeyondSpread(ratioOf(metric), targetRatio, spreadOf(metric));
    // What stands in the way, in CPU milliseconds, split into the import and the first call.
    const overTarget = (metric: 'cpuMs' | 'importCpuMs') => median(of(own, metric)) - targetRatio * median(of(bare, metric));
    const steps = new Set(own[0]!.calls.map((entry) => entry.group)).size;
    return { name, own, bare, ratioOf, spreadOf, outcomeOf, overTarget, calls: own[0]!.calls.length, steps, replayErrors: median(bare.map((sample) => sample.result.replayErrors ?? 0)) };
  });
  const summary = (metric: Metric, label: string) => {
    const met = rows.filter((row) => row.outcomeOf(metric) === 'met').map((row) => row.name);
    const missed = rows.filter((row) => row.outcomeOf(metric) === 'missed').map((row) => row.name);
    const inconclusive = rows.filter((row) => row.outcomeOf(metric) === 'inconclusive').map((row) => row.name);
    return `${label}: met by ${met.length} of ${rows.length}${missed.length ? `; missed by ${missed.join(', ')}` : ''}${inconclusive.length ? `; within the spread: ${inconclusive.join(', ')}` : ''}`;
  };
  const signed = (value: number) => (value <= 0 ? '—' : `+${ms(value)}`);

  return [
    `## ${partTitles.first}`,
    '',
    measured,
    '',
    table(
      ['function', 'request', 'requests (steps)', 'first answer: median, p25 – p75', 'bare clients, same requests', 'vs bare', 'CPU: function / bare', 'CPU vs bare', `target ≤ ${targetRatio}× (CPU)`, 'CPU over the target: import + first call'],
      rows.map((row) => {
        const overAll = row.overTarget('cpuMs');
        const overImport = row.overTarget('importCpuMs');
        return [
          row.name,
          scenarios[row.name]!.what,
          `${row.calls} (${row.steps})`,
          `${ms(median(of(row.own, 'answerMs')))}, ${ms(percentile(of(row.own, 'answerMs'), 25))} – ${ms(percentile(of(row.own, 'answerMs'), 75))}`,
          `${ms(median(of(row.bare, 'answerMs')))} (${replayBaselineOf(row.name)}${row.replayErrors ? `, ${row.replayErrors} error answer${row.replayErrors === 1 ? '' : 's'}` : ''})`,
          ratioWithSpread(row.ratioOf('answerMs'), row.spreadOf('answerMs')),
          `${ms(median(of(row.own, 'cpuMs')))} / ${ms(median(of(row.bare, 'cpuMs')))}`,
          ratioWithSpread(row.ratioOf('cpuMs'), row.spreadOf('cpuMs')),
          verdictBeyondSpread(row.ratioOf('cpuMs'), targetRatio, row.spreadOf('cpuMs')),
          overAll <= 0 ? '—' : `${signed(overAll)} (${ms(Math.max(0, overImport))} + ${ms(Math.max(0, overAll - overImport))})`,
        ];
      }),
    ),
    '',
    `**First-answer target (median ≤ ${targetRatio}× the bare clients making the same requests, judged outside each baseline's own A/A spread). ${summary('cpuMs', 'On CPU time')}. ${summary('answerMs', 'On wall-clock time')}.${
      unmeasured.length ? ` Not measured: ${unmeasured.join(', ')} (no typical request built for it yet).` : ''
    }**`,
    '',
    'CPU time (user + system of the fresh process, from before the import to the answer) is the verdict here because wall-clock time on a shared 2-core machine is mostly waiting for the cores (compare the load average above): a busy machine stretches every sample and pulls every wall-clock ratio towards 1 or scatters it. "Over the target" is the median CPU time beyond 1.10× the bare side\'s, split into the part spent importing and the part spent answering; docs/cold-start.md says where it goes.',
    '',
    '### How',
    '',
    `- Bundles: as part 1, through the real stack (\`bench/lib/synth-bundles.ts\`), so esbuild runs with the options of \`infra/constructs/service-function.ts\`. The baselines (\`bench/baseline/bare-*.ts\`) go through the same construct and hold only bare clients: DynamoDB, plus SES v2 for the function that sends e-mail, S3 (configured as ours) for the upload functions, DynamoDB Streams for the dead-letter consumer. A function with no AWS client is held against the bare DynamoDB client answering nothing.`,
    `- One sample: a fresh \`node\` (\`bench/lib/first-answer-probe.mjs\`) with the handler's environment, fake credentials and the stack's NODE_OPTIONS; the clock runs from before \`await import(bundle)\` to the handler's answer. The probe records every HTTP request the process sends (all to loopback servers: DynamoDB Local, aws-ses-v2-local, s3rver); the baseline's fresh process then makes the same requests with the bare clients, side by side where the function's ran side by side. A write the function already made comes back as a condition failure to the baseline, which is still the same round trip; presigning sends nothing, so it stays on the function's side.`,
    '- "Requests (steps)": the requests the function sent, and in how many steps: requests of one step were in flight together, and the bare side sends them so too.',
    `- ${rounds} rounds; each round runs every function once (order rotated) with a request built fresh where the request changes something (a new person, application, upload or notification), then its baseline. Medians; the spread is each baseline's alternate halves against each other (A/A).`,
  ].join('\n');
});
