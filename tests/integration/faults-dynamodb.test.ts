/**
 * Fault drill: DynamoDB throttles or refuses in the middle of a submission.
 * The handler's own DynamoDB client fails one chosen call while every other
 * call reaches DynamoDB Local, so the reference counter before it is really
 * taken. The caller must learn whether to retry (429/503 with Retry-After) or
 * that the data conflicts (409), and nothing may be half-written.
 */
import { ProvisionedThroughputExceededException, ThrottlingException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
