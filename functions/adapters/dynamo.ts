/**
 * The DynamoDB document client, built once per cold start and shared by the
 * repositories. The endpoint comes from AWS_ENDPOINT_URL_DYNAMODB when set
 * (local runtime, tests); on AWS the SDK's defaults apply.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const createDocumentClient = (client = new DynamoDBClient({})): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
