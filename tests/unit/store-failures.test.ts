/**
 * DynamoDB's failures leave the adapters as domain errors: the shared document client translates them, so the HTTP
 * layer maps a throttled store to 503 and a changed record to 409 without knowing DynamoDB's error names.
 */
import {
  ConditionalCheckFailedException,
  ThrottlingException,
  ResourceNotFoundException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamo';
import { isConditionFailure, StoreFailure } from '../../functions/adapters/dynamo-errors';
import { isDomainError } from '../../functions/core/errors';

const $metadata = {};
const cancelled = (...reasons: string[]) =>
  new TransactionCanceledException({ message: 'Transaction cancelled', $metadata, CancellationReasons: reasons.map((Code) => ({ Code })) });

// Fault injection only: the client's own send is stubbed for this file's tests.
const dynamo = mockClient(DynamoDBDocumentClient);
afterEach(() => dynamo.reset());
const transaction = new TransactWriteCommand({ TransactItems: [] });

describe('the shared document client, when DynamoDB fails', () => {
  it('reports throttling as a store that is unavailable for now, naming the cause only in its code', async () => {
    const throttled = new ThrottlingException({ message: 'Throughput exceeds the current capacity of your table', $metadata });
    dynamo.on(UpdateCommand).rejects(throttled);

    const error = await createDocumentClient().send(new UpdateCommand({ TableName: 't', Key: { pk: 'a' } })).catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(StoreFailure);
    expect(error).toMatchObject({ kind: 'service-unavailable', code: 'ThrottlingException', cause: throttled });
    expect(isDomainError(error)).toBe(true);
  });

  it('reports a transaction cancelled only by contention as unavailable, and one whose condition failed as a conflict', async () => {
    const client = createDocumentClient();
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'TransactionConflict')).rejectsOnce(cancelled('None', 'ConditionalCheckFailed'));

    const contended = await client.send(transaction).catch((failure: unknown) => failure);
    const changed = await client.send(transaction).catch((failure: unknown) => failure);

    expect(contended).toMatchObject({ kind: 'service-unavailable' });
    expect(changed).toMatchObject({ kind: 'conflict', code: 'TransactionCanceledException' });
    // The adapters still tell which item's condition failed.
    expect([isConditionFailure(changed, 0), isConditionFailure(changed, 1), isConditionFailure(changed)]).toEqual([false, true, true]);
  });

  it('reports a failed single condition as a conflict', async () => {
    dynamo.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata }));

    const error = await createDocumentClient().send(new UpdateCommand({ TableName: 't', Key: { pk: 'a' } })).catch((failure: unknown) => failure);

    expect(error).toMatchObject({ kind: 'conflict', code: 'ConditionalCheckFailedException' });
    expect(isConditionFailure(error)).toBe(true);
  });

  it('leaves a failure with no domain meaning as it is (a 500 above, never a guess)', async () => {
    const missing = new ResourceNotFoundException({ message: 'Requested resource not found', $metadata });
    dynamo.on(GetCommand).rejects(missing);

    const error = await createDocumentClient().send(new GetCommand({ TableName: 't', Key: { pk: 'a' } })).catch((failure: unknown) => failure);

    expect(error).toBe(missing);
  });
});
