/**
 * Fuzz requests as plain data (so fast-check can shrink and print them), the
 * identities they are sent as, and their invocation: in process, through the
 * real handler module, with the API Gateway v2 event the route would get.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Role } from '../../../functions/core/model';
import { routeKey, type RouteDefinition } from '../../../infra/routes';
import { serviceIds } from '../../../schemas/services';
import type { LambdaHandler } from '../../../local/gateway';
import { loadFunctionHandler } from '../../../local/stack';
import { scopeAttributes } from '../../../functions/core/workforce-identity';
import { apiEvent, citizenClaims, lambdaContext, workforceClaims } from '../../support/api-event';
import { canary, uniquePersonalCode } from '../../support/fixtures';

export type Route = Pick<RouteDefinition, 'method' | 'path' | 'function' | 'audience'>;
export type Claims = Record<string, string>;

/** Someone a request is sent as: the subject decides what they own, the claims what they may do. */
export interface Identity {
  readonly role: Role;
  readonly subject: string;
  readonly personalCode: string;
  /** The municipality, office or institution an officer acts for. */
  readonly organisation: string;
}

let issued = 0;
const runTag = Math.random().toString(36).slice(2, 8);

/**
 * A new identity for every fuzz run, with an organisation and a personal code
 * of its own: it owns nothing, sees nothing of anyone else's, and is clear of
 * the one-open-application-per-person rule. Names and e-mail are canaries.
 */
export const freshIdentity = (role: Role, label = 'fuzz'): Identity => {
  issued += 1;
  const subject = `${label}-${runTag}-${issued}`;
  return { role, subject, personalCode: uniquePersonalCode(), organisation: `org-${subject}` };
};

export const claimsOf = ({ role, subject, personalCode, organisation }: Identity): Claims =>
  role === 'citizen'
    ? citizenClaims({ sub: subject, personal_code: personalCode, given_name: canary.givenName, family_name: canary.familyName, email: canary.email })
    : workforceClaims(role, subject, {
        ...(role === 'staff' ? { [scopeAttributes.services]: serviceIds.join(',') } : { [scopeAttributes.organisation]: organisation }),
        name: `${canary.givenName} ${canary.familyName}`,
        email: canary.email,
        email_verified: 'true',
      });

/** What the claims of a request are, relative to the identity it is sent as. */
export type ClaimsCase =
  | { readonly kind: 'right' }
  /** No authorizer context at all, as on a public route. */
  | { readonly kind: 'none' }
  | { readonly kind: 'wrong-issuer'; readonly issuer: string }
  /** A valid identity of a role the route does not serve. */
  | { readonly kind: 'other-role'; readonly role: Role }
  /** The right claims with one of them replaced (an empty, malformed or missing value). */
  | { readonly kind: 'broken'; readonly claim: string; readonly value: string | null }
  | { readonly kind: 'random'; readonly claims: Claims };

export const claimsFor = (claimsCase: ClaimsCase, identity: Identity): Claims | undefined => {
  switch (claimsCase.kind) {
    case 'right':
      return claimsOf(identity);
    case 'none':
      return undefined;
    case 'wrong-issuer':
      return { ...claimsOf(identity), iss: claimsCase.issuer };
    case 'other-role':
      return claimsOf({ ...identity, role: claimsCase.role });
    case 'broken': {
      const { [claimsCase.claim]: _dropped, ...rest } = claimsOf(identity);
      return claimsCase.value === null ? rest : { ...rest, [claimsCase.claim]: claimsCase.value };
    }
    case 'random':
      return claimsCase.claims;
  }
};

/** Who sends a request: a fresh identity of the route's first role, or one of the world's people. */
export type Caller = 'fresh' | 'owner' | 'referrer' | 'staff';

export interface FuzzRequest {
  readonly as: Caller;
  readonly claims: ClaimsCase;
  /** All headers; a missing content-type is a missing key. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
  readonly query?: Readonly<Record<string, string>>;
  readonly path?: Readonly<Record<string, string>>;
}

/** The body as the handler will read it (decoded when base64). */
export const bodyBytes = (request: Pick<FuzzRequest, 'body' | 'isBase64Encoded'>): Buffer =>
  Buffer.from(request.body ?? '', request.isBase64Encoded ? 'base64' : 'utf8');

/** The API Gateway HTTP API (payload 2.0) event for a request on a route. */
export const eventFor = (route: Route, request: FuzzRequest, claims: Claims | undefined): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const key = routeKey(route);
  // A URL cannot carry a lone surrogate; the path parameter itself still does.
  const wellFormed = (value: string) => value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const rawPath = route.path.replace(/\{(\w+)\+?\}/g, (_, name: string) => encodeURIComponent(wellFormed(request.path?.[name] ?? '')));
  const base = apiEvent({
    method: route.method,
    path: rawPath,
    ...(request.body !== undefined && { body: request.body }),
    ...(request.query && { query: { ...request.query } }),
    ...(request.path && { pathParameters: { ...request.path } }),
    claims: claims ?? null,
  });
  const { authorizer, ...context } = base.requestContext;
  return {
    ...base,
    routeKey: key,
    // The request's headers replace apiEvent's default content type: a missing header is a case of its own.
    headers: { ...request.headers },
    isBase64Encoded: request.isBase64Encoded ?? false,
    requestContext: { ...context, routeKey: key, requestId: randomUUID(), ...(claims && { authorizer }) } as typeof base.requestContext,
  };
};

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  readonly json: any;
}

const handlers = new Map<string, Promise<LambdaHandler>>();
const handlerOf = (route: Route) => {
  if (!handlers.has(route.function)) handlers.set(route.function, loadFunctionHandler(route.function));
  return handlers.get(route.function)!;
};

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Calls the route's handler as Lambda would; a handler that throws is API Gateway's bare 500. */
export const invoke = async (route: Route, event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<Answer> => {
  const handler = await handlerOf(route);
  let result: APIGatewayProxyStructuredResultV2;
  try {
    result = (await handler(event as never, lambdaContext)) as APIGatewayProxyStructuredResultV2;
  } catch (error) {
    const text = `the handler threw ${error instanceof Error ? error.name : typeof error}`;
    return { status: 500, headers: {}, text, json: undefined };
  }
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  const text = result.body ?? '';
  return { status: result.statusCode ?? 200, headers, text, json: parsed(text) };
};

/** Sends a request as an identity with its right claims (arranging and counting, not fuzzing). */
export const send = (route: Route, identity: Identity, request: Partial<FuzzRequest> = {}) => {
  const full: FuzzRequest = {
    as: 'fresh',
    claims: { kind: 'right' },
    headers: request.body !== undefined ? { 'content-type': 'application/json' } : {},
    ...request,
  };
  return invoke(route, eventFor(route, full, claimsFor(full.claims, identity)));
};
