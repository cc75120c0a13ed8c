/**
 * A loopback HTTP proxy between the handlers' AWS_ENDPOINT_URL_DYNAMODB and
 * DynamoDB Local, for fault drills at the wire: a request of a chosen
 * operation (its X-Amz-Target) and occurrence is answered with the error
 * DynamoDB itself would send (HTTP 400/500 and its JSON body), or its
 * connection is dropped; either BEFORE it is forwarded (DynamoDB never saw it)
 * or AFTER (DynamoDB did the work, the answer is lost). Nothing in the
 * handlers' process is patched: the SDK's own retries, tokens and error
 * parsing run as they do on AWS. A drill may also run an action while one
 * request is held back, to make a race happen in a chosen order.
 */
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a faulted request gets instead of DynamoDB's answer. */
export type DynamoFault =
  | { readonly kind: 'throttling' }
  | { readonly kind: 'provisioned-throughput' }
  /** A TransactWriteItems cancelled for these reasons, one per item of the transaction ('None' for the items that were fine). */
  | { readonly kind: 'cancelled'; readonly reasons: readonly string[] }
  | { readonly kind: 'internal-server-error' }
  /** The connection is destroyed without an answer (a reset, a dead load balancer). */
  | { readonly kind: 'drop' };

export interface DynamoFaultRule {
  /** The operation, as in `X-Amz-Target: DynamoDB_20120810.<operation>`. */
  readonly operation: string;
  /** Only requests whose JSON body contains this text (or each of these texts) count (e.g. an application id). */
  readonly containing?: string | readonly string[];
  /** Which matching request is the first to fault, counting from 1 when the rule is added (default 1). */
  readonly nth?: number;
  /** How many matching requests in a row fault, from the nth (default: all, until the rule is removed). */
  readonly times?: number;
  /** Before forwarding (DynamoDB never sees the request) or after (it commits; the answer is lost). */
  readonly when: 'before' | 'after';
  readonly fault: DynamoFault;
  /**
   * The caller dies with the fault: once the rule has faulted, every later request (any operation) is dropped
   * before forwarding until the rule is removed, as nothing more leaves a crashed function.
   */
  readonly thenCutOff?: boolean;
}

export interface Injection {
  /** Requests this rule has faulted so far. */
  hits(): number;
  remove(): void;
}

export interface DynamoFaultProxy {
  readonly url: string;
  inject(rule: DynamoFaultRule): Injection;
  /**
   * Holds back the nth request of `operation` (optionally containing a text) until `action` has finished, then
   * forwards it: whatever the action does reaches DynamoDB first. Resolves `ran` with whether it was reached.
   */
  holdWhile(match: Pick<DynamoFaultRule, 'operation' | 'containing' | 'nth'>, action: () => Promise<void>): { ran(): boolean; done: Promise<void> };
  /** Requests of an operation forwarded to DynamoDB so far (all operations when none is named). */
  forwarded(operation?: string): number;
  /** Removes every rule and hold. */
  clear(): void;
  stop(): Promise<void>;
}

const errorType = {
  throttling: 'com.amazon.coral.availability#ThrottlingException',
  'provisioned-throughput': 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  cancelled: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
  'internal-server-error': 'com.amazonaws.dynamodb.v20120810#InternalServerError',
} as const;

/** DynamoDB's own answer for a fault, as its JSON 1.0 protocol sends it. */
const answerOf = (fault: Exclude<DynamoFault, { kind: 'drop' }>): { status: number; body: Record<string, unknown> } => {
  switch (fault.kind) {
    case 'throttling':
      return { status: 400, body: { __type: errorType.throttling, message: 'Rate of requests exceeds the allowed throughput.' } };
    case 'provisioned-throughput':
      return {
        status: 400,
        body: {
          __type: errorType['provisioned-throughput'],
          message: 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
        },
      };
    case 'cancelled':
      return {
        status: 400,
        body: {
          __type: errorType.cancelled,
          CancellationReasons: fault.reasons.map((Code) =>
            Code === 'None' ? { Code } : { Code, Message: Code === 'ThrottlingError' ? 'Throughput exceeds the current capacity of your table or index.' : Code },
          ),
          Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${fault.reasons.join(', ')}]`,
        },
      };
    case 'internal-server-error':
      return { status: 500, body: { __type: errorType['internal-server-error'], message: 'Internal server error' } };
  }
};

const operationOf = (incoming: IncomingMessage) => String(incoming.headers['x-amz-target'] ?? '').split('.').at(-1) ?? '';

const readBody = (incoming: IncomingMessage): Promise<Buffer> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => done(Buffer.concat(chunks)));
    incoming.on('error', fail);
  });

interface Counted {
  readonly operation: string;
  readonly containing?: string | readonly string[];
  readonly nth: number;
  seen: number;
}

const matches = (counted: Counted, operation: string, body: string) =>
  counted.operation === operation && [counted.containing ?? []].flat().every((text) => body.includes(text));

export const startDynamoFaultProxy = async (dynamoUrl: string): Promise<DynamoFaultProxy> => {
  const target = new URL(dynamoUrl);
  type Rule = Counted & { readonly rule: DynamoFaultRule; readonly last: number; hits: number };
  type Hold = Counted & { readonly action: () => Promise<void>; ran: boolean; finish: () => void };
  let rules: Rule[] = [];
  let holds: Hold[] = [];
  let stopped = false;
  const forwardedBy = new Map<string, number>();

  /** The rule that faults this request, counting it against every rule it matches. */
  const faultFor = (operation: string, body: string): Pick<Rule, 'rule'> | undefined => {
    const cutOff = rules.find((rule) => rule.rule.thenCutOff && rule.hits > 0);
    if (cutOff) return { rule: { operation, when: 'before', fault: { kind: 'drop' } } };
    let chosen: Rule | undefined;
    for (const rule of rules) {
      if (!matches(rule, operation, body)) continue;
      rule.seen += 1;
      if (!chosen && rule.seen >= rule.nth && rule.seen <= rule.last) chosen = rule;
    }
    if (chosen) chosen.hits += 1;
    return chosen;
  };

  const holdFor = (operation: string, body: string): Hold | undefined => {
    for (const hold of holds) {
      if (!matches(hold, operation, body) || hold.ran) continue;
      hold.seen += 1;
      if (hold.seen === hold.nth) return hold;
    }
    return undefined;
  };

  /** Sends the request on to DynamoDB and resolves with its whole answer. */
  const send = (incoming: IncomingMessage, body: Buffer, operation: string) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((done, fail) => {
      forwardedBy.set(operation, (forwardedBy.get(operation) ?? 0) + 1);
      const upstream = forward(
        { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
        async (response) => done({ status: response.statusCode ?? 502, headers: response.headers, body: await readBody(response) }),
      );
      upstream.on('error', fail);
      upstream.end(body);
    });

  const server: Server = createServer(async (incoming, outgoing) => {
    try {
      const body = await readBody(incoming);
      const operation = operationOf(incoming);
      const text = body.toString('utf8');
      const hold = holdFor(operation, text);
      if (hold) {
        hold.ran = true;
        try {
          await hold.action();
        } finally {
          hold.finish();
        }
        // Held until the proxy stopped: the caller was let go (a killed function); nothing reaches DynamoDB.
        if (stopped) return void outgoing.socket?.destroy();
      }
      const faulting = faultFor(operation, text);
      const fault = faulting?.rule.fault;
      const answer = faulting?.rule.when === 'before' ? undefined : await send(incoming, body, operation);
      if (fault?.kind === 'drop') {
        outgoing.socket?.destroy();
        return;
      }
      if (fault) {
        const { status, body: errorBody } = answerOf(fault);
        outgoing.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': crypto.randomUUID() });
        outgoing.end(JSON.stringify(errorBody));
        return;
      }
      outgoing.writeHead(answer!.status, answer!.headers);
      outgoing.end(answer!.body);
    } catch {
      outgoing.socket?.destroy();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inject: (rule) => {
      const nth = rule.nth ?? 1;
      const added: Rule = { ...rule, rule, nth, last: rule.times === undefined ? Infinity : nth + rule.times - 1, seen: 0, hits: 0 };
      rules.push(added);
      return { hits: () => added.hits, remove: () => void (rules = rules.filter((other) => other !== added)) };
    },
    holdWhile: (match, action) => {
      let finish = () => {};
      const done = new Promise<void>((resolve) => (finish = resolve));
      const hold: Hold = { ...match, nth: match.nth ?? 1, seen: 0, action, ran: false, finish };
      holds.push(hold);
      return { ran: () => hold.ran, done };
    },
    forwarded: (operation) =>
      operation === undefined ? [...forwardedBy.values()].reduce((sum, count) => sum + count, 0) : (forwardedBy.get(operation) ?? 0),
    clear: () => {
      rules = [];
      for (const hold of holds) hold.finish();
      holds = [];
    },
    stop: () =>
      new Promise((done) => {
        stopped = true;
        for (const hold of holds) hold.finish();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
};
