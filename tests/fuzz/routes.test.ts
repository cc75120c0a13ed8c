/**
 * Hostile input on every route of the route table, in process against DynamoDB
 * Local: whatever is sent, the answer is never a 5xx, a refusal is a clean
 * problem+json document, nobody sees other people's things, and a refused
 * request writes nothing (every write of the handlers' DynamoDB client is
 * watched; a reference number taken on the way is the only exception).
 * FUZZ_RUNS sets the cases per route (500; `npm run fuzz`: 10 000).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../infra/routes';
import { publishedContract } from './support/published-contract';
import { watchDynamo, type DynamoWatch, type Write } from '../support/dynamo-spy';
import { fuzzRegistry } from './registry';
import { casesFor, regressionCasesFor, requestOf, type FuzzCase } from './support/cases';
import { expectNoPrototypePollution, expectNothingOfOthers, expectSafeAnswer, isSuccess } from './support/checks';
import { claimsFor, eventFor, invoke, type Answer, type FuzzRequest } from './support/requests';
import { currentVersion, type RouteFuzz, type World } from './support/route-fuzz';
import { fuzzParameters, fuzzRuns, testTimeout } from './support/runs';
import { fuzzTableName, identityOf, routeFor, scanTable, seedWorld, versionOf } from './support/world';

let world: World;
let dynamo: DynamoWatch;
/** Applications the accepted requests stored, for the final look at the whole table. */
const applicationsStored = new Set<unknown>();

/** Each route's body contract as published (GET /openapi.json), judged by Ajv. */
let publishedBodyOf: ReturnType<typeof publishedContract>['body'];

beforeAll(async () => {
  const openapi = await invoke(routeFor('GET /openapi.json'), eventFor(routeFor('GET /openapi.json'), { as: 'fresh', claims: { kind: 'none' }, headers: {} }, undefined));
  publishedBodyOf = publishedContract(openapi.json).body;
  dynamo = watchDynamo();
  const mark = dynamo.mark();
  world = await seedWorld();
  newApplications(dynamo.writesSince(mark));
}, 60_000);
afterAll(() => dynamo?.restore());

/** For an id that names no application: a version like any other, which the route refuses for the missing application. */
const noApplication = 1;

const freshRole = (entry: RouteFuzz) => (entry.roles === 'public' ? 'citizen' : entry.roles[0]);
/** Reference numbers are taken before anything is stored and never reused: the one write a refusal may leave. */
const lasting = (writes: readonly Write[]) => writes.filter(({ pk }) => !String(pk).startsWith('COUNTER#'));
/** Applications a request stored that were not there before (a change to one may write it again). */
const newApplications = (writes: readonly Write[]) => {
  const added = [...new Set(writes.filter(({ item, pk }) => item?.entity === 'application' && !applicationsStored.has(pk)).map(({ pk }) => pk))];
  for (const pk of added) applicationsStored.add(pk);
  return added.length;
};

/** The request with `currentVersion` in its body replaced by the version its application has now (read, not guessed). */
const withCurrentVersion = async (request: FuzzRequest): Promise<FuzzRequest> => {
  const placeholder = `"expectedVersion":${currentVersion}`;
  const id = request.path?.id;
  if (!request.body?.includes(placeholder) || request.isBase64Encoded || !id) return request;
  const version = (await versionOf(id)) ?? noApplication;
  return { ...request, body: request.body.replaceAll(placeholder, `"expectedVersion":${version}`) };
};

/** Sends a case as its caller; returns the answer and what it wrote. */
const sendCase = async (route: (typeof routes)[number], entry: RouteFuzz, { request: planned }: Pick<FuzzCase, 'request'>) => {
  const request = await withCurrentVersion(planned);
  const identity = identityOf(request.as, world, freshRole(entry));
  const mark = dynamo.mark();
  const answer: Answer = await invoke(route, eventFor(route, request, claimsFor(request.claims, identity)));
  return { identity, answer, writes: dynamo.writesSince(mark) };
};

describe('the fuzz registry', () => {
  it('has an entry for every route in the table and none for a route that is gone', () => {
    expect(Object.keys(fuzzRegistry).sort(), 'add the missing routes to tests/fuzz/registry.ts').toEqual(routes.map(routeKey).sort());
  });
});

for (const route of routes) {
  const key = routeKey(route);
  const registered = fuzzRegistry[key];
  // Judged by the published contract once it is read (in beforeAll); `entry` is read only inside the tests.
  let withContract: RouteFuzz | undefined;
  const entryNow = () => (withContract ??= registered && { ...registered, ...(registered.body && { publishedBody: publishedBodyOf(route) }) });

  describe(key, () => {
    // The classification below is only as good as the valid requests it starts from.
    it.skipIf(!registered)('answers every valid request its fuzz entry generates as the entry says', async () => {
      const entry = entryNow();
      expect(entry!.publishedBody !== undefined, 'a route that reads a body publishes its schema').toBe(entry!.body !== undefined);
      const statuses: number[] = [];
      for (const parts of fc.sample(entry!.valid(world), Math.min(fuzzRuns, 20))) {
        if (entry!.publishedBody) expect(entry!.publishedBody(parts.body), 'the valid body meets the published contract').toBe(true);
        const { answer, writes } = await sendCase(route, entry!, { request: requestOf(entry!, parts) });
        if (entry!.validAnswers) expect(entry!.validAnswers, answer.text.slice(0, 300)).toContain(answer.status);
        else expect(isSuccess(answer.status), `${answer.status}: ${answer.text.slice(0, 300)}`).toBe(true);
        statuses.push(answer.status);
        newApplications(writes);
      }
      // A route sent the current version most of the time got past the version check at least once.
      if (entry!.validAnswers?.includes(409) && entry!.validAnswers.length > 1) expect(statuses.filter((status) => status !== 409)).not.toEqual([]);
    }, 60_000);

    it.skipIf(!registered)(
      `answers ${fuzzRuns} hostile requests with 4xx problems, never a 5xx, shows nobody else's data, and writes nothing for a refused one`,
      async () => {
        const fuzz = entryNow()!;
        const property = fc.asyncProperty(casesFor(fuzz, world), async (fuzzCase) => {
          const { identity, answer, writes } = await sendCase(route, fuzz, fuzzCase);

          expectSafeAnswer(answer, fuzzCase, fuzzTableName());
          expectNoPrototypePollution();
          expectNothingOfOthers(answer, fuzzCase.request, identity, world);
          if (isSuccess(answer.status)) {
            fuzz.accepted?.(answer, fuzzCase.request, world);
            expect(newApplications(writes), 'applications stored by an accepted request').toBe(fuzz.creates ?? 0);
          } else {
            expect(lasting(writes), `written for a ${answer.status} answer`).toEqual([]);
          }
        });
        await fc.assert(property, fuzzParameters(fuzzRuns, regressionCasesFor(fuzz, world).map((fuzzCase) => [fuzzCase] as [FuzzCase])));
      },
      testTimeout(fuzzRuns),
    );
  });
}

describe('after the fuzzing', () => {
  it('holds only what accepted requests stored: no stray application, no orphaned timeline event', async () => {
    const items = await scanTable();
    const applications = new Set(items.filter((item) => item.entity === 'application').map((item) => item.pk));

    const orphans = items.filter((item) => (item.entity === 'event' || item.entity === 'notification') && !applications.has(item.pk));

    expect(applications).toEqual(applicationsStored);
    expect(orphans, 'timeline items without their application').toEqual([]);
  }, testTimeout(fuzzRuns));
});
