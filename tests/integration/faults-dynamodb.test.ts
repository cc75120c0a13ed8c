/**
 * Fault drill: DynamoDB throttles, fails, drops the connection or cancels a
 * transaction in the middle of a submission or a decision. Every fault is
 * injected at the wire, by a proxy between the handlers and DynamoDB Local
 * (support/dynamo-fault-proxy.ts): the SDK's own retries, its error parsing
 * and DynamoDB's transactions run for real. The caller must learn whether to
 * retry (503 with Retry-After) or that the data conflicts (409), and the
 * table, read afterwards, holds nothing half-written. A write whose answer
 * was lost after DynamoDB committed it, sent again, is stored once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { functionalImpairmentApplication } from '../support/fixtures';
import { newCitizen, orphans, storedBy, tableItems, type Citizen } from './support/applicants';
import type { DynamoFault, DynamoFaultRule } from './support/dynamo-fault-proxy';
import { startFaultStack, type FaultStack } from './support/fault-stack';
import { tokens, type ApiResponse } from './support/local';

const today = rigaDate(new Date());

let stack: FaultStack;
beforeAll(async () => {
  // The submission path alone: no notifier writing to the table meanwhile.
  stack = await startFaultStack({ notifier: false });
});
afterEach(() => stack?.dynamo.clear());
afterAll(async () => {
  await stack?.stop();
});

const submit = (citizen: Citizen, headers: Record<string, string> = {}) =>
  stack.api('/applications', { token: citizen.token, json: functionalImpairmentApplication(today), headers });
const sequenceOf = (reference: string) => Number(reference.split('-').at(-1));
/** Items other than the reference counters (taking a number is the one write a refused submission may leave). */
const lastingItems = async () => (await tableItems(stack.tableName)).filter((item) => !String(item.pk).startsWith('COUNTER#'));
const keysOf = (items: readonly Record<string, unknown>[]) => items.map((item) => `${item.pk} ${item.sk}`).sort();

const expectRetryProblem = (refused: ApiResponse, internals: readonly string[]) => {
  expect(refused.status, refused.text).toBe(503);
  expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(refused.body).toMatchObject({ status: 503, title: expect.any(String), detail: expect.any(String) });
  for (const internal of [...internals, stack.tableName, 'DynamoDB', 'socket']) expect(refused.text).not.toContain(internal);
};

const throttled: DynamoFault = { kind: 'throttling' };
const faults: { when: string; rule: DynamoFaultRule; internals: string[]; takesAReference: boolean }[] = [
  {
    when: 'the reference counter is throttled on every attempt the SDK makes',
    rule: { operation: 'UpdateItem', when: 'before', fault: { kind: 'provisioned-throughput' } },
    internals: ['ProvisionedThroughputExceeded'],
    takesAReference: false,
  },
  {
    when: 'the transaction is throttled on every attempt',
    rule: { operation: 'TransactWriteItems', when: 'before', fault: throttled },
    internals: ['ThrottlingException'],
    takesAReference: true,
  },
  {
    when: 'DynamoDB answers 500 on every attempt',
    rule: { operation: 'TransactWriteItems', when: 'before', fault: { kind: 'internal-server-error' } },
    internals: ['InternalServerError'],
    takesAReference: true,
  },
  {
    when: 'the transaction is cancelled by throttling (DynamoDB cancels per item)',
    rule: { operation: 'TransactWriteItems', when: 'before', fault: { kind: 'cancelled', reasons: ['ThrottlingError', 'None', 'None'] } },
    internals: ['TransactionCanceled', 'ThrottlingError'],
    takesAReference: true,
  },
  {
    when: 'the transaction is cancelled by a concurrent transaction on one of its items',
    rule: { operation: 'TransactWriteItems', when: 'before', fault: { kind: 'cancelled', reasons: ['None', 'None', 'TransactionConflict'] } },
    internals: ['TransactionCanceled', 'TransactionConflict'],
    takesAReference: true,
  },
  {
    when: 'the connection drops before the transaction reaches DynamoDB, on every attempt',
    rule: { operation: 'TransactWriteItems', when: 'before', fault: { kind: 'drop' } },
    internals: ['ECONNRESET', 'hang up'],
    takesAReference: true,
  },
];

describe('a submission when DynamoDB fails at the wire', () => {
  for (const { when, rule, internals, takesAReference } of faults) {
    it(`when ${when}: answers 503 with Retry-After and writes nothing`, async () => {
      const earlier = await submit(await newCitizen());
      expect(earlier.status).toBe(201);
      const citizen = await newCitizen();
      const before = keysOf(await lastingItems());
      const injection = stack.dynamo.inject(rule);

      const refused = await submit(citizen);
      injection.remove();

      expect(injection.hits(), 'the fault was reached').toBeGreaterThanOrEqual(1);
      expectRetryProblem(refused, internals);
      // Read back from the table: nothing but the reference counter changed.
      const items = await tableItems(stack.tableName);
      expect(keysOf(items.filter((item) => !String(item.pk).startsWith('COUNTER#')))).toEqual(before);
      expect(storedBy(items, citizen.subject)).toEqual({ applications: [], events: [] });
      expect(orphans(items)).toEqual([]);

      // Once the fault has passed, the same submission is stored, once; a number the failed attempt took is not reused.
      const retried = await submit(citizen);
      expect(retried.status).toBe(201);
      expect(sequenceOf(retried.body.reference) - sequenceOf(earlier.body.reference)).toBe(takesAReference ? 2 : 1);
      const stored = storedBy(await tableItems(stack.tableName), citizen.subject);
      expect([stored.applications.length, stored.events.length]).toEqual([1, 1]);
    });
  }

  it('a throttle the SDK retries past (first attempt only) costs the caller nothing: 201, stored once', async () => {
    const citizen = await newCitizen();
    const injection = stack.dynamo.inject({ operation: 'TransactWriteItems', when: 'before', times: 1, fault: throttled });
    const answer = await submit(citizen);
    expect(injection.hits()).toBe(1);
    expect(answer.status, answer.text).toBe(201);
    const stored = storedBy(await tableItems(stack.tableName), citizen.subject);
    expect(stored.applications.map((application) => application.id)).toEqual([answer.body.id]);
    expect(stored.events).toHaveLength(1);
  });
});

describe('a transaction DynamoDB really cancels', () => {
  it('two filings of one person at once: the one whose condition fails is cancelled whole, 409 naming the other', async () => {
    const citizen = await newCitizen();
    let interloper: ApiResponse | undefined;
    // The first filing's transaction waits at the proxy, after its own checks passed, while a twin is filed and stored.
    const held = stack.dynamo.holdWhile({ operation: 'TransactWriteItems' }, async () => {
      interloper = await submit(citizen);
    });

    const late = await submit(citizen);

    expect(held.ran(), 'the first transaction was held while the twin was filed').toBe(true);
    expect(interloper?.status, interloper?.text).toBe(201);
    expect(late.status, late.text).toBe(409);
    expect(late.text).toContain(interloper!.body.id);
    const items = await tableItems(stack.tableName);
    const stored = storedBy(items, citizen.subject);
    expect(stored.applications.map((application) => application.id)).toEqual([interloper!.body.id]);
    expect(stored.events.map((event) => event.applicationId ?? String(event.pk).split('#')[1])).toEqual([interloper!.body.id]);
    expect(orphans(items)).toEqual([]);
  });

  it('two staff members registering one version at once: the later transaction is cancelled whole, 409, one change stored', async () => {
    const citizen = await newCitizen();
    const filed = await submit(citizen);
    expect(filed.status).toBe(201);
    const id: string = filed.body.id;
    const { version } = (await stack.api(`/applications/${id}`, { token: citizen.token })).body as { version: number };
    const [annaName, peterisName] = ['anna', 'peteris'].map((name) => `${name}-${crypto.randomUUID().slice(0, 8)}`);
    const [anna, peteris] = [await (await tokens()).workforce('staff', annaName!), await (await tokens()).workforce('staff', peterisName!)];
    const register = (token: string) => stack.api(`/staff/applications/${id}/decisions`, { token, json: { type: 'register', expectedVersion: version } });
    let first: ApiResponse | undefined;
    // Pēteris's transaction waits at the proxy, after his version check passed, while Anna registers the same version.
    const held = stack.dynamo.holdWhile({ operation: 'TransactWriteItems', containing: id }, async () => {
      first = await register(anna);
    });

    const second = await register(peteris);

    expect(held.ran(), 'the second transaction was held while the first committed').toBe(true);
    expect(first?.status, first?.text).toBe(200);
    expect(second.status, second.text).toBe(409);
    const items = (await tableItems(stack.tableName)).filter((item) => item.pk === `APPLICATION#${id}`);
    const application = items.find((item) => item.entity === 'application')!;
    expect(application.version).toBe(first!.body.version);
    expect(application.version).toBe(version + 1);
    // One event for the filing, one for Anna's registration; none of Pēteris's.
    const events = items.filter((item) => item.entity === 'event');
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).toContain(annaName);
    expect(JSON.stringify(events)).not.toContain(peterisName);
  });
});

describe('an answer lost after DynamoDB committed the submission', () => {
  const expectStoredOnce = async (citizen: Citizen, answer: ApiResponse) => {
    expect(answer.status, answer.text).toBe(201);
    const stored = storedBy(await tableItems(stack.tableName), citizen.subject);
    expect(stored.applications.map((application) => application.id)).toEqual([answer.body.id]);
    expect(stored.events).toHaveLength(1);
  };

  it('the SDK’s retry sends the same transaction token: DynamoDB answers it as done, 201 once, not 409', async () => {
    const citizen = await newCitizen();
    const lost = stack.dynamo.inject({ operation: 'TransactWriteItems', when: 'after', times: 1, fault: { kind: 'drop' } });
    const answer = await submit(citizen);
    expect(lost.hits(), 'an answer was lost').toBe(1);
    expect(stack.dynamo.forwarded('TransactWriteItems')).toBeGreaterThanOrEqual(2);
    await expectStoredOnce(citizen, answer);
  });

  it('lost on every attempt: 503, and the caller’s retry with the same Idempotency-Key gets the committed application', async () => {
    const citizen = await newCitizen();
    const key = crypto.randomUUID();
    const lost = stack.dynamo.inject({ operation: 'TransactWriteItems', when: 'after', fault: { kind: 'drop' } });
    const refused = await submit(citizen, { 'idempotency-key': key });
    lost.remove();
    expect(lost.hits()).toBeGreaterThanOrEqual(2);
    expectRetryProblem(refused, ['ECONNRESET', 'hang up']);
    // DynamoDB did commit the first attempt: the table holds it once.
    const committed = storedBy(await tableItems(stack.tableName), citizen.subject);
    expect([committed.applications.length, committed.events.length]).toEqual([1, 1]);

    const retried = await submit(citizen, { 'idempotency-key': key });
    await expectStoredOnce(citizen, retried);
    expect(retried.body.id).toBe(committed.applications[0]!.id);
  });
});
