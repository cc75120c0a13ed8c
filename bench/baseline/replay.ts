/**
 * The bare side of the cold-start-to-first-answer part (bench/first-answer.ts): replays, with bare AWS SDK clients,
 * the requests a function's bundle sent while it answered (recorded by bench/lib/first-answer-probe.mjs). No SDK
 * import here, so each baseline bundle holds exactly the clients its entry imports (bench/baseline/bare-*.ts).
 * Requests the function sent side by side are replayed side by side; an error answer (a condition the recorded
 * write no longer meets, since the function's own write got there first) is still the same round trip, and counted.
 */

/** One request as the probe recorded it; `body` is base64. */
export interface RecordedCall {
  readonly group: number;
  readonly method: string;
  readonly path: string;
  /** `DynamoDB_20120810.GetItem` and the like; empty for REST protocols (SES, S3). */
  readonly target: string;
  readonly contentType: string;
  readonly body: string;
}

export type Service = 'dynamodb' | 'dynamodb-streams' | 'sesv2' | 's3';

export const serviceOf = (call: RecordedCall): Service =>
  call.target.startsWith('DynamoDBStreams_')
    ? 'dynamodb-streams'
    : call.target.startsWith('DynamoDB_')
      ? 'dynamodb'
      : call.path.startsWith('/v2/email/')
        ? 'sesv2'
        : 's3';

/** The operation of a JSON-protocol request (DynamoDB, DynamoDB Streams): `GetItem`, … */
export const operationOf = (call: RecordedCall): string => call.target.split('.').pop() ?? '';

const bytesOf = (call: RecordedCall): Buffer => Buffer.from(call.body, 'base64');

/** DynamoDB's JSON protocol sends binary attributes as base64; the SDK's commands take bytes. */
const withBinaryAttributes = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withBinaryAttributes);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [
      key,
      key === 'B' && typeof member === 'string'
        ? Buffer.from(member, 'base64')
        : key === 'BS' && Array.isArray(member)
          ? member.map((item) => Buffer.from(String(item), 'base64'))
          : withBinaryAttributes(member),
    ]),
  );
};

/** The input of a JSON-protocol (or REST-JSON) request, as the command that sent it took it. */
export const jsonInputOf = (call: RecordedCall): Record<string, unknown> =>
  withBinaryAttributes(JSON.parse(bytesOf(call).toString('utf8') || '{}')) as Record<string, unknown>;

/** A path-style S3 request (`/bucket/key`), as the command's input. */
export const s3InputOf = (call: RecordedCall) => {
  const [bucket, ...key] = call.path.split('?')[0]!.slice(1).split('/');
  return { Bucket: decodeURIComponent(bucket ?? ''), Key: key.map(decodeURIComponent).join('/'), Body: bytesOf(call), ContentType: call.contentType || undefined };
};

/** What a baseline's handler answers: how many replayed requests came back with an error (still a round trip). */
export interface ReplayAnswer {
  readonly statusCode: 200;
  readonly replayErrors: number;
}

/** Sends every recorded call through `send`, group after group, the calls of one group side by side. */
export const replay = async (calls: readonly RecordedCall[], send: (call: RecordedCall) => Promise<unknown>): Promise<ReplayAnswer> => {
  let replayErrors = 0;
  const groups = [...new Set(calls.map((call) => call.group))];
  for (const group of groups) {
    const results = await Promise.allSettled(calls.filter((call) => call.group === group).map(send));
    replayErrors += results.filter((result) => result.status === 'rejected').length;
  }
  return { statusCode: 200, replayErrors };
};
