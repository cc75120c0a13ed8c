/**
 * The DynamoDB document client, built once per cold start and shared by the
 * repositories. The endpoint comes from AWS_ENDPOINT_URL_DYNAMODB when set
 * (local runtime, tests); on AWS the SDK's defaults apply.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { asStoreFailure } from './dynamo-errors';

/**
 * Every failure the client reports leaves it as a domain error where it has one (./dynamo-errors.ts), so the layers
 * above the adapters never read DynamoDB's error names. Wrapped around `send` itself, not as SDK middleware, so that a
 * failure raised anywhere in the send is translated too; the prototype's `send` is looked up per call.
 */
export const createDocumentClient = (client = new DynamoDBClient({})): DynamoDBDocumentClient => {
  const documents = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  type Command = Parameters<DynamoDBDocumentClient['send']>[0];
  const send = (command: Command) =>
    (DynamoDBDocumentClient.prototype.send as (this: DynamoDBDocumentClient, command: Command) => Promise<unknown>)
      .call(documents, command)
      .catch((error: unknown) => {
        throw asStoreFailure(error);
      });
  return Object.assign(documents, { send: send as DynamoDBDocumentClient['send'] });
};
