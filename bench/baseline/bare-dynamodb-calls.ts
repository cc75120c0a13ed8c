/** The bare DynamoDB client of the first-answer baselines: the recorded JSON requests as low-level commands. */
import {
  BatchGetItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { jsonInputOf, operationOf, type RecordedCall } from './replay';

const client = new DynamoDBClient({});

/** Each operation a function of ours may send, from the request's JSON input. */
const operations: Record<string, (input: never) => Promise<unknown>> = {
  BatchGetItem: (input) => client.send(new BatchGetItemCommand(input)),
  DeleteItem: (input) => client.send(new DeleteItemCommand(input)),
  GetItem: (input) => client.send(new GetItemCommand(input)),
  PutItem: (input) => client.send(new PutItemCommand(input)),
  Query: (input) => client.send(new QueryCommand(input)),
  Scan: (input) => client.send(new ScanCommand(input)),
  TransactGetItems: (input) => client.send(new TransactGetItemsCommand(input)),
  TransactWriteItems: (input) => client.send(new TransactWriteItemsCommand(input)),
  UpdateItem: (input) => client.send(new UpdateItemCommand(input)),
};

export const sendToDynamoDB = (call: RecordedCall): Promise<unknown> => {
  const send = operations[operationOf(call)];
  if (!send) throw new Error(`No bare DynamoDB command for ${call.target}`);
  return send(jsonInputOf(call) as never);
};
