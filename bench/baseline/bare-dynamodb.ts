/** First-answer baseline of the functions that use only the table: the bare DynamoDB client, making their calls. */
import { sendToDynamoDB } from './bare-dynamodb-calls';
import { replay, serviceOf, type RecordedCall } from './replay';

export const handler = (event: { calls: readonly RecordedCall[] }) =>
  replay(event.calls, (call) => {
    if (serviceOf(call) !== 'dynamodb') throw new Error(`Unexpected ${serviceOf(call)} request in a table-only replay`);
    return sendToDynamoDB(call);
  });
