/** First-answer baseline of the functions that send e-mail: the bare DynamoDB and SES v2 clients, making their calls. */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { sendToDynamoDB } from './bare-dynamodb-calls';
import { jsonInputOf, replay, serviceOf, type RecordedCall } from './replay';

const ses = new SESv2Client({});

export const handler = (event: { calls: readonly RecordedCall[] }) =>
  replay(event.calls, (call) => {
    const service = serviceOf(call);
    if (service === 'dynamodb') return sendToDynamoDB(call);
    if (service === 'sesv2' && call.method === 'POST') return ses.send(new SendEmailCommand(jsonInputOf(call) as never));
    throw new Error(`Unexpected ${service} request ${call.method} ${call.path}`);
  });
