/**
 * Fault drill: DynamoDB throttles or refuses in the middle of a submission.
 * The handler's own DynamoDB client fails one chosen call while every other
 * call reaches DynamoDB Local, so the reference counter before it is really
 * taken. The caller must learn whether to retry (429/503 with Retry-After) or
 * that the data conflicts (409), and nothing may be half-written. And the answer
 * to a committed write is lost: the write sent again must answer 201, not 409.
 */
import {
  IdempotentParameterMismatchException,
  ProvisionedThroughputExceededException,
  ThrottlingException,
  TransactionCanceledException,
  TransactionInProgressException,
} from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/lib-dynamodb';
import type { DeserializeMiddleware, InitializeMiddleware } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { watchDynamo, type DynamoWatch } from '../support/dynamo-spy';
import { functionalImpairmentApplication } from '../support/fixtures';
import { newCitizen, orphans, storedBy, tableItems, type Citizen } from './support/applicants';
import { startFaultStack, type FaultStack } from './support/fault-stack';

const today = rigaDate(new Date());
const $metadata = {};

const cancelled = (...reasons: string[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.join(', ')}]`,
    $metadata,
    CancellationReasons: reasons.map((Code) => ({ Code })),
  });

const faults = [
  {
    when: 'the reference counter is throttled',
    command: UpdateCommand,
    error: new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded.', $metadata }),
    retry: true,
    takesAReference: false,
  },
  {
    when: 'the write is throttled',
    command: TransactWriteCommand,
    error: new ThrottlingException({ message: 'Throughput exceeds the current capacity of your table or index.', $metadata }),
    retry: true,
    takesAReference: true,
  },
  { when: 'the transaction is cancelled by throttling', command: TransactWriteCommand, error: cancelled('ThrottlingError', 'None'), retry: true, takesAReference: true },
  { when: 'the transaction is cancelled by a concurrent one', command: TransactWriteCommand, error: cancelled('None', 'TransactionConflict'), retry: true, takesAReference: true },
  {
    when: 'an earlier send of the same transaction is still being committed',
    command: TransactWriteCommand,
    error: new TransactionInProgressException({ message: 'Transaction request cannot include multiple operations on one item', $metadata }),
    retry: true,
    takesAReference: true,
  },
  {
    when: "the transaction's token was used for another write",
    command: TransactWriteCommand,
    error: new IdempotentParameterMismatchException({ message: 'Request parameters do not match an earlier request with the same token', $metadata }),
    retry: true,
    takesAReference: true,
  },
  { when: "the transaction's condition fails", command: TransactWriteCommand, error: cancelled('ConditionalCheckFailed', 'None'), retry: false, takesAReference: true },
];

let stack: FaultStack;
let dynamo: DynamoWatch;
beforeAll(async () => {
  // The submission path alone: no notifier writing to the table meanwhile.
  stack = await startFaultStack({ notifier: false });
  dynamo = watchDynamo();
});
afterAll(async () => {
  dynamo?.restore();
  await stack?.stop();
});

const submit = (citizen: Citizen) => stack.api('/applications', { token: citizen.token, json: functionalImpairmentApplication(today) });
const sequenceOf = (reference: string) => Number(reference.split('-').at(-1));

describe('a submission when DynamoDB fails in the middle', () => {
  for (const { when, command, error, retry, takesAReference } of faults) {
    it(`when ${when}: tells the caller ${retry ? 'to retry' : 'of the conflict'} and writes nothing half`, async () => {
      const earlier = await submit(await newCitizen());
      expect(earlier.status).toBe(201);
      const citizen = await newCitizen();
      dynamo.failNext(command, error);
      const mark = dynamo.mark();

      const refused = await submit(citizen);

      if (retry) {
        expect([429, 503]).toContain(refused.status);
        expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      } else {
        expect(refused.status).toBe(409);
      }
      expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(refused.body).toMatchObject({ status: refused.status, title: expect.any(String), detail: expect.any(String) });
      for (const internal of [error.name, error.message, stack.tableName]) expect(refused.text).not.toContain(internal);
      expect(dynamo.pending(), 'the fault was reached').toBe(0);
      // At most the reference number was taken; the counter is the only item written.
      expect(dynamo.writesSince(mark).map(({ pk }) => String(pk)).filter((pk) => !pk.startsWith('COUNTER#'))).toEqual([]);
      const items = await tableItems(stack.tableName);
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
});

describe('a response lost after DynamoDB committed the submission', () => {
  /** The handlers' client, as the fault stack loaded it (imported only now: it reads the environment the stack set). */
  const handlersClient = async () => (await import('../../functions/wiring')).documentClient;

  /**
   * Lets the transaction reach DynamoDB Local and commit, then loses its answer as a reset connection would:
   * `retryable` as the SDK's retry strategy sees a reset (ECONNRESET), or not, for a retry above the SDK to make.
   */
  const losingFirstCommittedAnswer = (retryable: boolean) => {
    const lost = { count: 0 };
    const middleware: DeserializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
      const result = await next(args);
      const target = (args.request as { headers?: Record<string, string> }).headers?.['x-amz-target'];
      if (lost.count === 0 && target?.endsWith('.TransactWriteItems')) {
        lost.count += 1;
        throw Object.assign(new Error('socket hang up'), retryable ? { code: 'ECONNRESET' } : {});
      }
      return result;
    };
    return { lost, middleware };
  };

  const expectStoredOnce = async (citizen: Citizen, answer: Awaited<ReturnType<typeof submit>>) => {
    expect(answer.status).toBe(201);
    const stored = storedBy(await tableItems(stack.tableName), citizen.subject);
    expect(stored.applications.map((application) => application.id)).toEqual([answer.body.id]);
    expect(stored.events).toHaveLength(1);
  };

  it('the SDK’s own retry of the write gets the committed answer: 201 once, not 409', async () => {
    const client = await handlersClient();
    const { lost, middleware } = losingFirstCommittedAnswer(true);
    // Inside the SDK's retry loop, which sends the same serialised request again.
    client.middlewareStack.add(middleware, { step: 'deserialize', priority: 'high', name: 'loseAnswer' });
    try {
      const citizen = await newCitizen();
      const answer = await submit(citizen);
      expect(lost.count, 'an answer was lost').toBe(1);
      await expectStoredOnce(citizen, answer);
    } finally {
      client.middlewareStack.remove('loseAnswer');
    }
  });

  it('a retry that sends the same write anew (serialised again) also gets the committed answer', async () => {
    const client = await handlersClient();
    const { lost, middleware } = losingFirstCommittedAnswer(false);
    // Above the serialiser: the command's input is serialised again, so only a token in the input itself (not one the
    // serialiser makes up) tells DynamoDB it is the same write.
    const sendAgainOnce: InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (lost.count !== 1 || (error as Error).message !== 'socket hang up') throw error;
        lost.count += 1;
        return next(args);
      }
    };
    client.middlewareStack.add(middleware, { step: 'deserialize', priority: 'high', name: 'loseAnswer' });
    client.middlewareStack.add(sendAgainOnce, { step: 'initialize', priority: 'low', name: 'sendAgainOnce' });
    try {
      const citizen = await newCitizen();
      const answer = await submit(citizen);
      expect(lost.count, 'an answer was lost and the write sent again').toBe(2);
      await expectStoredOnce(citizen, answer);
    } finally {
      client.middlewareStack.remove('loseAnswer');
      client.middlewareStack.remove('sendAgainOnce');
    }
  });
});
