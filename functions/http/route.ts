/**
 * The middy chain every HTTP handler shares, wired once:
 *   negotiate language → map errors to problem+json → authorise by role →
 *   guard and parse the body → validate path, query and body → serialise JSON.
 * Handlers receive typed input and a principal and return `json(...)`.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type * as z from 'zod/mini';
import { describeIssues, echoSafe, violation } from '../../schemas/messages';
import { IdempotencyKey } from '../../schemas/headers';
import type { Language } from '../../schemas/primitives';
import { idempotencyScope, type IdempotencyRequest } from '../core/applications/types';
import { DomainError, forbidden, notFound, validationFailed } from '../core/errors';
import type { Principal, PrincipalFor, Role } from '../core/model';
import { errorFields, logger } from '../adapters/logger';
import { principalFromClaims, type TrustedIssuers } from './auth';
import { negotiateLanguage } from './language';
import { commonHeaders, MalformedJsonError, problemResponse, statusOf } from './problem';

export const maxBodyBytes = 64 * 1024;

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Result = APIGatewayProxyStructuredResultV2;
type Schema<T> = z.ZodMiniType<T>;

/** What the chain has established about the request by the time the handler runs. */
interface RequestState {
  language: Language;
  requestId: string;
  principal?: Principal;
  input: { body?: unknown; query?: unknown; path?: unknown; idempotency?: IdempotencyRequest };
}
/** The chain keeps its state on the Lambda context; callers pass an ordinary context. */
const stateOf = (context: Context): RequestState => (context as Context & { request: RequestState }).request;
type Middleware = MiddlewareObj<Event, Result, Error, Context>;

export interface HttpRequest<Body, Query, Path, P extends Principal> {
  readonly principal: P;
  readonly body: Body;
  readonly query: Query;
  readonly path: Path;
  readonly language: Language;
  readonly requestId: string;
  /** The `Idempotency-Key` header and the caller it belongs to, on routes that honour it. */
  readonly idempotency?: IdempotencyRequest;
  /** The `If-Match` header as sent (the core reads the version it names). */
  readonly ifMatch?: string;
}

/** What the chain reads from a route of the table (infra/routes.ts): who may call it. */
export interface RouteAccess<R extends Role> {
  /** Roles allowed to call, or 'public' for routes anyone may call without signing in. */
  readonly roles: readonly R[] | 'public';
}

export interface RouteSpec<Body, Query, Path, R extends Role> {
  /** The routes of the table this handler answers (a function may serve one under /applications and one under /referrals). */
  readonly routes: readonly RouteAccess<R>[];
  readonly issuers: TrustedIssuers;
  readonly body?: Schema<Body>;
  readonly query?: Schema<Query>;
  /** Path parameters that fail this schema cannot name an existing resource: 404. */
  readonly path?: Schema<Path>;
  /** Accepts an `Idempotency-Key` header (validated here, honoured by the core). */
  readonly idempotent?: boolean;
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}) => ({ statusCode, body, headers });
export type JsonResponse = ReturnType<typeof json>;

/** A body serialised ahead of time (the OpenAPI document, generated at build time): sent as it is, not serialised again. */
export class SerialisedJson {
  constructor(readonly text: string) {}
}

const negotiate = (): Middleware => ({
  before: ({ event, context }) => {
    (context as Context & { request: RequestState }).request = {
      language: negotiateLanguage(event.headers?.['accept-language']),
      requestId: event.requestContext?.requestId ?? context.awsRequestId,
      input: {},
    };
  },
});

const problemDetails = (): Middleware => ({
  onError: (request) => {
    const { language, requestId } = stateOf(request.context) ?? { language: 'lv', requestId: request.context.awsRequestId };
    const status = statusOf(request.error);
    if (status >= 500) {
      logger.error('request failed', { requestId, routeKey: request.event.routeKey, status, ...errorFields(request.error) });
    }
    request.response = problemResponse(request.error, { language, requestId, instance: request.event.rawPath ?? '/' });
  },
});

/** Who may call a handler: anyone when its routes are public, else any role one of its routes lets through. */
export const rolesOf = (routes: readonly RouteAccess<Role>[]): readonly Role[] | 'public' => {
  const publicRoutes = routes.filter((route) => route.roles === 'public').length;
  if (routes.length === 0 || (publicRoutes > 0 && publicRoutes < routes.length)) {
    throw new Error('A handler serves public routes only or signed-in routes only, and at least one');
  }
  return publicRoutes > 0 ? 'public' : [...new Set(routes.flatMap((route) => (route.roles === 'public' ? [] : route.roles)))];
};

const authorise = (roles: readonly Role[] | 'public', issuers: TrustedIssuers): Middleware => ({
  before: ({ event, context }) => {
    if (roles === 'public') return;
    const principal = principalFromClaims(event.requestContext?.authorizer?.jwt?.claims, issuers);
    if (!roles.includes(principal.role)) throw forbidden();
    stateOf(context).principal = principal;
  },
});

const jsonContentType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Size first (cheap, and a huge body must not be decoded), then media type, then strict UTF-8 JSON. */
export const readJsonBody = (event: Pick<Event, 'body' | 'isBase64Encoded' | 'headers'>): unknown => {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > maxBodyBytes) throw new DomainError('payload-too-large');
  if (!jsonContentType.test(event.headers?.['content-type'] ?? '')) throw new DomainError('unsupported-media-type');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new MalformedJsonError();
  }
};

const parseWith = <T>(schema: Schema<T>, input: unknown): T => {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(echoSafe(describeIssues(result.error.issues, input)));
  return result.data;
};

const validateInput = ({
  body,
  query,
  path,
  idempotent,
}: Pick<RouteSpec<unknown, unknown, unknown, Role>, 'body' | 'query' | 'path' | 'idempotent'>): Middleware => ({
  before: ({ event, context }) => {
    const input = stateOf(context).input;
    const key = event.headers?.['idempotency-key'];
    if (idempotent && key !== undefined) {
      if (!IdempotencyKey.safeParse(key).success) throw validationFailed([violation(['Idempotency-Key'], 'idempotency_key')]);
      const claims = event.requestContext?.authorizer?.jwt?.claims;
      input.idempotency = { key, scope: idempotencyScope(String(claims?.iss ?? ''), String(claims?.sub ?? '')) };
    }
    if (path) {
      const parsed = path.safeParse(event.pathParameters ?? {});
      if (!parsed.success) throw notFound();
      input.path = parsed.data;
    }
    if (query) input.query = parseWith(query, event.queryStringParameters ?? {});
    if (body) input.body = parseWith(body, readJsonBody(event));
  },
});

export const httpRoute = <Body = undefined, Query = undefined, Path = undefined, R extends Role = Role>(
  spec: RouteSpec<Body, Query, Path, R>,
  handle: (request: HttpRequest<Body, Query, Path, PrincipalFor<R>>) => Promise<JsonResponse>,
) =>
  middy<Event, Result, Error, Context>()
    .use(negotiate())
    .use(problemDetails())
    .use(authorise(rolesOf(spec.routes), spec.issuers))
    .use(validateInput(spec))
    .handler(async (event, context): Promise<Result> => {
      const { language, requestId, principal, input } = stateOf(context);
      const response = await handle({
        principal: principal as PrincipalFor<R>,
        body: input.body as Body,
        query: input.query as Query,
        path: input.path as Path,
        language,
        requestId,
        ...(input.idempotency && { idempotency: input.idempotency }),
        ...(event.headers?.['if-match'] !== undefined && { ifMatch: event.headers['if-match'] }),
      });
      return {
        statusCode: response.statusCode,
        headers: { ...commonHeaders(language, requestId), 'content-type': 'application/json; charset=utf-8', ...response.headers },
        body: response.body instanceof SerialisedJson ? response.body.text : JSON.stringify(response.body),
      };
    });
