/**
 * First-answer baseline of the functions that use the upload buckets: the bare DynamoDB client and an S3 client
 * configured as ours is (functions/adapters/evidence-storage.ts), making their calls. Presigning sends nothing, so
 * a function's presigning stays on its own side of the ratio.
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { sendToDynamoDB } from './bare-dynamodb-calls';
import { replay, s3InputOf, serviceOf, type RecordedCall } from './replay';

const s3 = new S3Client({
  forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

const sendToS3 = async (call: RecordedCall): Promise<unknown> => {
  const { Bucket, Key, Body, ContentType } = s3InputOf(call);
  switch (call.method) {
    case 'GET': {
      const object = await s3.send(new GetObjectCommand({ Bucket, Key }));
      return object.Body?.transformToByteArray();
    }
    case 'HEAD':
      return s3.send(new HeadObjectCommand({ Bucket, Key }));
    case 'PUT':
      return s3.send(new PutObjectCommand({ Bucket, Key, Body, ContentType }));
    case 'DELETE':
      return s3.send(new DeleteObjectCommand({ Bucket, Key }));
    default:
      throw new Error(`Unexpected S3 request ${call.method} ${call.path}`);
  }
};

export const handler = (event: { calls: readonly RecordedCall[] }) =>
  replay(event.calls, (call) => (serviceOf(call) === 'dynamodb' ? sendToDynamoDB(call) : sendToS3(call)));
