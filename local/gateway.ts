/**
 * The local stand-in for API Gateway's HTTP API: mounts the one route table,
 * verifies JWTs per route audience as the JWT authorizer does, builds payload
 * v2.0 events and calls the same handler modules Lambda runs. Answers of its
 * own (404, 401, 413, 500) are API Gateway's.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { authorizationScopes, type Audience, type RouteDefinition } from '../infra/routes';
import { claimList } from '../functions/http/auth';
import { claimsAsApiGatewayPassesThem, type DevIdentityProvider } from './dev-idp';

/** API Gateway's payload limit for HTTP APIs. */
export const maxPayloadBytes = 10 * 1024 * 1024;

export type LambdaHandler = (event: never, context: Context) => Promise<unknown>;

export interface GatewayOptions {
  readonly routes: readonly Pick<RouteDefinition, 'method' | 'path' | 'function' | 'audience'>[];
  /** Loads the handler of a function by name (lazily; cached by the caller or here). */
  readonly loadHandler: (functionName: string) => Promise<LambdaHandler>;
  readonly verify: DevIdentityProvider['verify'];
  readonly port: number;
  readonly log?: (line: string) => void;
}

interface CompiledRoute {
  readonly route: GatewayOptions['routes'][number];
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
}

/** `/applications/{id}` → a pattern capturing one path segment per parameter (`{proxy+}` takes the rest). */
export const compileRoute = (route: CompiledRoute['route']): CompiledRoute => {
  const parameterNames: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)(\+?)\}$/.exec(segment);
      if (!parameter) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      parameterNames.push(parameter[1]!);
      return parameter[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), parameterNames };
};

/** A malformed escape (`%E0%A4%A`) stays as sent: the handler's path schema then refuses it, never a 500. */
const decodedOrRaw = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

const isGreedy = (candidate: CompiledRoute) => candidate.route.path.includes('+}');

/** API Gateway prefers the most specific route: a greedy `{proxy+}` route only takes what no other route matches. */
export const compileRoutes = (routes: readonly CompiledRoute['route'][]): CompiledRoute[] => {
  const compiled = routes.map(compileRoute);
  return [...compiled.filter((candidate) => !isGreedy(candidate)), ...compiled.filter(isGreedy)];
};

export const matchRoute = (compiled: readonly CompiledRoute[], method: string, path: string) => {
  for (const candidate of compiled) {
    if (candidate.route.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const pathParameters = Object.fromEntries(
      candidate.parameterNames.map((name, index) => [name, decodedOrRaw(match[index + 1]!)]),
    );
    return { route: candidate.route, pathParameters };
  }
  return undefined;
};

const textContentType = /^(text\/|application\/(?:[\w.+-]+\+)?(?:json|xml|javascript|x-www-form-urlencoded))/i;

const readBody = (request: IncomingMessage): Promise<Buffer | 'too-large'> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxPayloadBytes) chunks.push(chunk);
    });
    request.on('end', () => done(size > maxPayloadBytes ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', fail);
  });

const gatewayAnswer = (response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify({ message }));
};

const lambdaContext = (functionName: string, requestId: string): Context => {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-north-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
};

export interface RunningGateway {
  readonly url: string;
  stop(): Promise<void>;
}

export const startGateway = async (options: GatewayOptions): Promise<RunningGateway> => {
  const compiled = compileRoutes(options.routes);
  const log = options.log ?? ((line: string) => console.log(line));

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = (request.method ?? 'GET').toUpperCase();
    const matched = matchRoute(compiled, method, url.pathname);
    const routeKey = matched ? `${matched.route.method} ${matched.route.path}` : '$default';
    // Route templates only: concrete paths and query strings may carry personal data.
    const finish = (status: number) =>
      log(`${matched ? routeKey : `${method} (no route)`} ${status} ${Math.round(performance.now() - started)}ms ${requestId}`);

    if (!matched) {
      request.resume();
      gatewayAnswer(response, 404, 'Not Found');
      return finish(404);
    }

    let claims: Record<string, string> = {};
    const audience: Audience | null = matched.route.audience;
    if (audience) {
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const payload = token ? await options.verify(token, audience) : undefined;
      if (!payload) {
        request.resume();
        gatewayAnswer(response, 401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
        return finish(401);
      }
      // A valid token without one of the route's scopes: API Gateway answers 403 itself.
      const scopes = claimList(payload.scope as string | undefined);
      const required = authorizationScopes[audience];
      if (required.length > 0 && !required.some((scope) => scopes.includes(scope))) {
        request.resume();
        gatewayAnswer(response, 403, 'Forbidden');
        return finish(403);
      }
      claims = claimsAsApiGatewayPassesThem(payload);
    }

    const body = await readBody(request);
    if (body === 'too-large') {
      gatewayAnswer(response, 413, 'Request Entity Too Large');
      return finish(413);
    }

    const headers = Object.fromEntries(
      Object.entries(request.headers)
        .filter(([name]) => name !== 'cookie')
        .map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]),
    );
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
    const cookies = request.headers.cookie?.split(';').map((cookie) => cookie.trim()).filter(Boolean);
    const isText = textContentType.test(headers['content-type'] ?? '');
    const now = new Date();

    const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
      version: '2.0',
      routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      ...(cookies && cookies.length > 0 && { cookies }),
      headers,
      ...(Object.keys(query).length > 0 && { queryStringParameters: query }),
      ...(Object.keys(matched.pathParameters).length > 0 && { pathParameters: matched.pathParameters }),
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
        http: {
          method,
          path: url.pathname,
          protocol: `HTTP/${request.httpVersion}`,
          sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId,
        routeKey,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: null as unknown as string[] } },
      },
      ...(body.length > 0 && { body: isText ? body.toString('utf8') : body.toString('base64') }),
      isBase64Encoded: body.length > 0 && !isText,
    };

    let result: unknown;
    try {
      const handler = await options.loadHandler(matched.route.function);
      result = await handler(event as never, lambdaContext(matched.route.function, requestId));
    } catch (error) {
      log(`handler ${matched.route.function} threw ${error instanceof Error ? error.name : typeof error} (request ${requestId})`);
      gatewayAnswer(response, 500, 'Internal Server Error');
      return finish(500);
    }

    const structured =
      result !== null && typeof result === 'object' && 'statusCode' in result
        ? (result as APIGatewayProxyStructuredResultV2)
        : { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
    const status = structured.statusCode ?? 200;
    const responseHeaders: Record<string, string | string[]> = { ...(structured.headers as Record<string, string>) };
    if (structured.cookies?.length) responseHeaders['set-cookie'] = structured.cookies;
    responseHeaders['apigw-requestid'] = requestId;
    response.writeHead(status, responseHeaders);
    response.end(structured.body === undefined ? undefined : Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8'));
    finish(status);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) gatewayAnswer(response, 500, 'Internal Server Error');
      else response.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
};
