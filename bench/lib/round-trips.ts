/**
 * Round trips to DynamoDB, seen at the HTTP level: every request this process
 * sends to the endpoint while an action runs (retries included), with its
 * operation and body. Works on any client, the handler's included, without
 * reaching into its wiring: `ClientRequest.prototype.end` is wrapped for the
 * duration of the action only (the SDK sends each body with one `end(body)`).
 */
import { ClientRequest } from 'node:http';

export interface RoundTrip {
  /** `UpdateItem`, `TransactWriteItems`, … (from the X-Amz-Target header). */
  readonly operation: string;
  readonly bytes: number;
  readonly body: string;
}

export const recordRoundTrips = async (endpoint: string, action: () => Promise<unknown>): Promise<RoundTrip[]> => {
  const host = new URL(endpoint).host;
  const seen: RoundTrip[] = [];
  const end = ClientRequest.prototype.end;
  ClientRequest.prototype.end = function (this: ClientRequest, ...args: unknown[]) {
    const [chunk] = args;
    if (this.getHeader('host') === host) {
      const body = typeof chunk === 'string' || Buffer.isBuffer(chunk) ? chunk.toString() : '';
      const target = String(this.getHeader('x-amz-target') ?? '');
      seen.push({ operation: target.split('.').pop() || this.method, bytes: Buffer.byteLength(body), body });
    }
    return (end as (...rest: unknown[]) => ClientRequest).apply(this, args);
  } as typeof end;
  try {
    await action();
  } finally {
    ClientRequest.prototype.end = end;
  }
  return seen;
};

type Json = Record<string, any>;

/** `APPLICATION#1f…` → `APPLICATION#…`: the kind of key, not its value. */
const keyShape = (value: unknown): string => (typeof value === 'string' ? value.replace(/#.*$/, '#…') : '?');
const itemShape = (key: Json | undefined): string => `${keyShape(key?.pk?.S)}/${keyShape(key?.sk?.S)}`;

/**
 * One line per item a round trip touches: `UpdateItem COUNTER#…/COUNTER`, or in a
 * transaction `Put APPLICATION#…/EVENT#… if attribute_not_exists(pk)`.
 */
export const describeRoundTrip = (roundTrip: RoundTrip): string[] => {
  const request = JSON.parse(roundTrip.body || '{}') as Json;
  const condition = (part: Json) => (part.ConditionExpression ? ` if ${part.ConditionExpression}` : '');
  if (Array.isArray(request.TransactItems)) {
    return (request.TransactItems as Json[]).flatMap((entry) =>
      Object.entries(entry).map(([action, part]: [string, Json]) => `${action} ${itemShape(part.Item ?? part.Key)}${condition(part)}`),
    );
  }
  if (request.Item || request.Key) return [`${roundTrip.operation} ${itemShape(request.Item ?? request.Key)}${condition(request)}`];
  return [`${roundTrip.operation} ${request.IndexName ?? ''} ${request.KeyConditionExpression ?? ''}`.trim()];
};

/** What a submission does, comparable between two paths: the items of each round trip, in order. */
export const signature = (roundTrips: readonly RoundTrip[]): string =>
  roundTrips.map((roundTrip) => `[${describeRoundTrip(roundTrip).join('; ')}]`).join(' → ');
