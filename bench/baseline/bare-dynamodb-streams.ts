/** First-answer baseline of the dead-letter consumer: the bare DynamoDB and DynamoDB Streams clients, making its calls. */
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { sendToDynamoDB } from './bare-dynamodb-calls';
import { jsonInputOf, operationOf, replay, serviceOf, type RecordedCall } from './replay';

const streams = new DynamoDBStreamsClient({});
const operations: Record<string, (input: never) => Promise<unknown>> = {
  DescribeStream: (input) => streams.send(new DescribeStreamCommand(input)),
  GetRecords: (input) => streams.send(new GetRecordsCommand(input)),
  GetShardIterator: (input) => streams.send(new GetShardIteratorCommand(input)),
};

export const handler = (event: { calls: readonly RecordedCall[] }) =>
  replay(event.calls, (call) => {
    if (serviceOf(call) === 'dynamodb') return sendToDynamoDB(call);
    const send = operations[operationOf(call)];
    if (!send) throw new Error(`No bare DynamoDB Streams command for ${call.target}`);
    return send(jsonInputOf(call) as never);
  });
