/**
 * Part 2: warm latency of a submission through the real handler (middy chain,
 * Zod, core, repository), called in process with API Gateway v2 events, against
 * a bare path making the same DynamoDB calls with a bare document client and
 * items of the same size. Both talk to the same DynamoDB Local, interleaved in
 * blocks so drift (JIT, GC, the Java side) hits both alike.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { applicationKey, eventKey, filerIndexKeys, openNeedKey, ownerPartition, referenceCounterKey } from '../functions/adapters/keys';
import { rigaDate } from '../functions/core/dates';
import { devIssuers } from '../local/dev-idp';
import { apiEvent, citizenClaims, lambdaContext } from '../tests/support/api-event';
import { distinctCitizens, type Citizen } from './lib/citizens';
import { benchTableName, loadHandler, startBenchTable } from './lib/in-process';
import { runPart } from './lib/processes';
import { partTitles, table } from './lib/results';
import { describeRoundTrip, recordRoundTrips, signature, type RoundTrip } from './lib/round-trips';
import { aaSpread, mean, ms, percentile, ratioWithSpread, verdictBeyondSpread } from './lib/stats';

const warmUp = 50;
const iterations = 500;
const blockSize = 50;
const countedSubmissions = 10;
const targetP50Ratio = 1.3;
const tableName = benchTableName;

type Item = Record<string, unknown>;

/**
 * Why each write of a submission exists, by the shape of the item it touches
 * (see describeRoundTrip). A shape missing here shows up in RESULTS.md as
 * unexplained: the repository changed, and this bench must follow.
 */
const reasons: Record<string, string> = {
  'UpdateItem COUNTER#…/COUNTER':
    "Atomic `ADD` on the year's counter gives the next number of the reference (SIVA-YYYY-NNNNNN). It is a round trip of its own, before the transaction, because the number is part of the application item and TransactWriteItems returns no values. Never reused: a failed transaction leaves a gap.",
  'Put APPLICATION#…/APPLICATION':
    'The application item, with the filer index keys (gsi1: the citizen\'s or the referring organisation\'s list); `attribute_not_exists(pk)` so a generated id can never overwrite an existing application.',
  'Put APPLICATION#…/EVENT#…':
    'The first timeline event, "submitted": in the same transaction, so an application never exists without it. Its stream record is what the notifier turns into the e-mails (storing and notifying are decoupled).',
  'Put OPEN#…/OPEN':
    'The open-need marker: one open application per person, service and track. Its condition makes a duplicate (or a concurrent twin) cancel the whole transaction.',
  // Only with an Idempotency-Key header, which the bench does not send (see "How").
  'GetItem IDEMPOTENCY#…/IDEMPOTENCY': 'The answer stored for an earlier request with the same Idempotency-Key, if any (a replay is answered from it).',
  'Put IDEMPOTENCY#…/IDEMPOTENCY': 'The first answer to a request with an Idempotency-Key, kept for replays (expires by TTL).',
};

runPart('latency', async (cleanup, measured) => {
  console.log('latency: starting DynamoDB Local …');
  const dynamo = await startBenchTable(cleanup);
  const handler = await loadHandler('submit-application');
  // The bare path: the same SDK, configured from the same environment, and nothing of ours.
  const bare = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  cleanup.add('the bare client', () => bare.destroy());

  const citizens = distinctCitizens(warmUp + countedSubmissions + iterations);
  let nextCitizen = 0;
  const takeCitizen = (): Citizen => {
    const citizen = citizens[nextCitizen++];
    if (!citizen) throw new Error('Ran out of distinct citizens');
    return citizen;
  };

  /** One submission through the handler; the event is built before the clock starts. */
  const viaHandler = async () => {
    const citizen = takeCitizen();
    const event = apiEvent({
      body: citizen.body,
      claims: citizenClaims({ iss: devIssuers.citizen.issuer, sub: `bench-${citizen.personalCode}`, personal_code: citizen.personalCode, email: citizen.email }),
    });
    const started = performance.now();
    const result = await handler(event, lambdaContext);
    const elapsed = performance.now() - started;
    if (result.statusCode !== 201) throw new Error(`The handler answered ${result.statusCode}: ${result.body}`);
    return { elapsed, id: (JSON.parse(result.body ?? '{}') as { id: string }).id };
  };

  console.log(`latency: warming up the handler (${warmUp} submissions) …`);
  let lastId = '';
  for (let i = 0; i < warmUp; i++) lastId = (await viaHandler()).id;

  // The bare path writes copies of what the handler really wrote, so items are the same size.
  const written = await bare.send(
    new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': applicationKey(lastId).pk } }),
  );
  const application = written.Items?.find((item) => item.entity === 'application');
  const event = written.Items?.find((item) => item.entity === 'event');
  if (!application || !event) throw new Error(`Could not read back application ${lastId} and its event`);
  const openNeed = (
    await bare.send(
      new GetCommand({ TableName: tableName, Key: openNeedKey(application.serviceId, application.track, application.personKey) }),
    )
  ).Item;
  if (!openNeed) throw new Error(`Could not read back the open-need marker of application ${lastId}`);
  const year = rigaDate(new Date()).slice(0, 4);

  /** What the repository sends for one submission, with fresh keys; items are built before the clock starts. */
  const viaBareClient = async () => {
    const id = randomUUID();
    const at = new Date().toISOString();
    const subject = `bare-${id}`;
    // A person key of the same length as the repository's (a SHA-256 digest), new for every submission.
    const personKey = createHash('sha256').update(id).digest('base64url');
    const items: Item[] = [
      {
        ...application,
        ...applicationKey(id),
        ...filerIndexKeys(ownerPartition(subject), at, id),
        id,
        ownerSubject: subject,
        personKey,
        submittedAt: at,
        updatedAt: at,
      },
      { ...event, ...eventKey(id, `${at}#${id.slice(0, 8)}`), applicationId: id, at },
      { ...openNeed, ...openNeedKey(application.serviceId, application.track, personKey), applicationId: id, since: at },
    ];
    const started = performance.now();
    await bare.send(
      new UpdateCommand({
        TableName: tableName,
        Key: referenceCounterKey(year),
        UpdateExpression: 'ADD #value :one',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    await bare.send(
      new TransactWriteCommand({
        TransactItems: items.map((item) => ({ Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } })),
      }),
    );
    return { elapsed: performance.now() - started };
  };

  console.log(`latency: warming up the bare path (${warmUp}) and recording round trips …`);
  for (let i = 0; i < warmUp; i++) await viaBareClient();
  const roundTripsOf = async (submit: () => Promise<unknown>) => {
    const perSubmission: RoundTrip[][] = [];
    for (let i = 0; i < countedSubmissions; i++) perSubmission.push(await recordRoundTrips(dynamo.endpoint, submit));
    const signatures = new Set(perSubmission.map(signature));
    if (signatures.size !== 1) throw new Error(`Submissions differ in their DynamoDB calls:\n${[...signatures].join('\n')}`);
    return perSubmission[0]!;
  };
  const handlerTrips = await roundTripsOf(viaHandler);
  const bareTrips = await roundTripsOf(viaBareClient);
  const mirrored = signature(handlerTrips) === signature(bareTrips);

  console.log(`latency: ${iterations} submissions per path, alternating blocks of ${blockSize} …`);
  const handlerPath = { name: 'handler (submit-application)', submit: viaHandler, samples: [] as number[] };
  const barePath = { name: 'bare DynamoDBDocumentClient', submit: viaBareClient, samples: [] as number[] };
  const paths = [handlerPath, barePath];
  for (let block = 0; block < iterations / blockSize; block++) {
    for (const path of block % 2 === 0 ? paths : [...paths].reverse()) {
      for (let i = 0; i < blockSize; i++) path.samples.push((await path.submit()).elapsed);
    }
  }

  const p50Ratio = percentile(handlerPath.samples, 50) / percentile(barePath.samples, 50);
  const p99Ratio = percentile(handlerPath.samples, 99) / percentile(barePath.samples, 99);
  // The bare path against itself (alternate samples, taken interleaved): the noise a ratio carries on this machine.
  const p50Spread = aaSpread(barePath.samples, (samples) => percentile(samples, 50));
  const p99Spread = aaSpread(barePath.samples, (samples) => percentile(samples, 99));
  const roundTripRows = handlerTrips.flatMap((trip, index) =>
    describeRoundTrip(trip).map((item, itemIndex) => {
      const shape = item.replace(/ if .*$/, '');
      return [
        itemIndex === 0 ? String(index + 1) : '',
        itemIndex === 0 ? trip.operation : '',
        `\`${item}\``,
        itemIndex === 0 ? `${trip.bytes} B / ${bareTrips[index]?.bytes ?? '—'} B` : '',
        reasons[shape] ?? '**unexplained: the repository changed; update `reasons` in bench/warm-latency.ts**',
      ];
    }),
  );

  return [
    `## ${partTitles.latency}`,
    '',
    measured,
    '',
    table(
      ['path', 'samples', 'p50', 'p90', 'p99', 'mean'],
      paths.map((path) => [
        path.name,
        path.samples.length,
        ms(percentile(path.samples, 50)),
        ms(percentile(path.samples, 90)),
        ms(percentile(path.samples, 99)),
        ms(mean(path.samples)),
      ]),
    ),
    '',
    table(
      ['ratio handler / bare', 'value ± A/A spread', 'target'],
      [
        ['p50', ratioWithSpread(p50Ratio, p50Spread), verdictBeyondSpread(Number(p50Ratio.toFixed(2)), targetP50Ratio, p50Spread)],
        ['p99', ratioWithSpread(p99Ratio, p99Spread), '(reported)'],
      ],
    ),
    '',
    `**Round trips per submission: ${handlerTrips.length}** (handler), ${bareTrips.length} (bare path). ${
      mirrored
        ? 'The bare path makes the same calls on the same kinds of items with the same conditions.'
        : `**The bare path no longer mirrors the handler** — handler: \`${signature(handlerTrips)}\`; bare: \`${signature(bareTrips)}\`. Update \`viaBareClient\` in bench/warm-latency.ts.`
    }`,
    '',
    table(['#', 'DynamoDB call', 'item', 'request body (handler / bare)', 'why it is needed'], roundTripRows),
    '',
    '### How',
    '',
    `- DynamoDB Local (in memory, table from the same design as the stack, stream on) in this process's tree; \`functions/submit-application/handler.ts\` imported in process with the environment the stack sets and \`AWS_ENDPOINT_URL_DYNAMODB\` pointing at it, so its client is built exactly as at a cold start.`,
    '- Handler path: `handler(event, context)` with an API Gateway v2.0 event (tests/support/api-event.ts) carrying JWT claims of the citizen issuer, and a valid application (tests/support/fixtures.ts); every request is a distinct citizen (new-format personal code, own `sub` and e-mail), as one person may hold one open application per service and track. Timed from the call to the 201 answer; building the event is outside the clock.',
    '- Bare path: the calls the repository makes (functions/adapters/application-repository.ts), sent with `DynamoDBDocumentClient.from(new DynamoDBClient({}))`, with copies of the items the handler wrote (fresh keys), so sizes match; building items is outside the clock. The bench compares the two paths\' calls item by item (operation, key kinds, conditions) and says so above when they drift apart.',
    '- Requests carry no `Idempotency-Key`. With one, a submission first reads the stored answer for that key (a GetItem: one more round trip) and the transaction writes a fourth item, the answer to keep.',
    `- ${warmUp} warm-up submissions per path, then ${iterations} each in alternating blocks of ${blockSize}. Round trips are counted at the HTTP level (every request to the DynamoDB endpoint, retries included) over ${countedSubmissions} further submissions per path (bench/lib/round-trips.ts). Percentiles are nearest-rank.`,
  ].join('\n');
});
