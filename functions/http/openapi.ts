/**
 * Builds the OpenAPI 3.1 document from the route table (method, path,
 * audience, function) and the contract (schemas/api/contracts.ts). What the shared
 * chain (route.ts) does to every request is derived here once: which
 * refusals a route can answer follows from what it takes and who may call it.
 */
import type { z } from 'zod/mini';
import type { RouteContract } from '../../schemas/api/contracts';
import { GatewayMessage } from '../../schemas/api/responses';
import { IdempotencyKey } from '../../schemas/headers';
import { routeKey, type ApiRouteDefinition, type Audience, type FunctionDefinition, type FunctionName, type RouteDefinition } from '../../infra/routes';
import { namedJsonSchemas, type JsonSchema } from '../core/json-schema';
import { scopeClaims, workforceRoles, workforceScope } from '../core/workforce-identity';
import { maxBodyBytes } from './route';
import { problemTypeBase } from './problem';

type Schema = z.ZodMiniType;

/** What schemas/api/document.ts exports as `api`; a parameter, like the table, so tests can build documents from altered ones. */
export interface ApiContract {
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  /** Published as components under these names; bodies and answers must be among them. */
  readonly namedSchemas: Readonly<Record<string, Schema>>;
  /** The body of every refusal, published as `ProblemDetails`. */
  readonly problemDetails: Schema;
  readonly routeContracts: Readonly<Record<string, RouteContract>>;
}

export interface RouteTable {
  readonly routes: readonly ApiRouteDefinition[];
  readonly functions: Readonly<Record<FunctionName, FunctionDefinition>>;
}

const schemaRef = '#/components/schemas/';
const problemDetailsName = 'ProblemDetails';

/** The security scheme per audience: both are JWT bearer tokens, from different issuers. */
export const securitySchemeOf: Record<Audience, string> = { citizen: 'citizenEid', workforce: 'workforcePool' };

const securitySchemes = {
  [securitySchemeOf.citizen]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "A citizen's eID (Latvija.lv) token; the name and personal code come from it.",
  },
  [securitySchemeOf.workforce]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      `An access token of the workforce user pool (not an ID token): agency staff and officers of referring organisations. The role is the group (\`cognito:groups\`: ${workforceRoles.map((role) => `\`${role}\``).join(', ')}); the pool's token trigger adds the scope \`${workforceScope}\`, a staff member's services (\`${scopeClaims.services}\`) and an officer's organisation (\`${scopeClaims.organisation}\`), from attributes only administrators can change.`,
  },
};

const gatewayMessageName = 'GatewayMessage';
const problemContent = { 'application/problem+json': { schema: { $ref: `${schemaRef}${problemDetailsName}` } } };

const problem = (description: string, headers: Record<string, { $ref: string }> = {}) => ({
  description,
  ...(Object.keys(headers).length > 0 && { headers }),
  content: problemContent,
});

/** A refusal API Gateway's JWT authorizer may answer itself (plain JSON), or the function (problem+json). */
const gatewayOrProblem = (description: string, headers: Record<string, { $ref: string }> = {}) => ({
  ...problem(description, headers),
  content: { 'application/json': { schema: { $ref: `${schemaRef}${gatewayMessageName}` } }, ...problemContent },
});

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** What the chain answers with each refusal; `type` tells apart refusals that share a status. */
const refusals = {
  400: {
    name: 'BadRequest',
    response: problem(
      `The body is not JSON, or fields, query or headers fail validation: \`errors\` lists each with a JSON Pointer (\`type\` ${problemTypeBase}validation or …/malformed-json).`,
    ),
  },
  401: {
    name: 'Unauthorized',
    response: gatewayOrProblem(
      'Sign-in required. A missing, expired or foreign token is refused by API Gateway\'s JWT authorizer before the API runs: `{"message":"Unauthorized"}` as `application/json`, with `WWW-Authenticate`. A token it accepts whose identity the API cannot use (e.g. an eID token without a valid personal code) is refused as problem+json.',
      { 'WWW-Authenticate': headerRef('WWW-Authenticate') },
    ),
  },
  403: {
    name: 'Forbidden',
    response: gatewayOrProblem(
      'The signed-in role may not do this (problem+json). On workforce routes, a token without the workforce scope (an ID token, say) is refused by API Gateway itself: `{"message":"Forbidden"}` as `application/json`.',
    ),
  },
  404: { name: 'NotFound', response: problem('No such record, or the caller may not see it.') },
  409: {
    name: 'Conflict',
    response: problem(
      `The signed-in person already has an open application of their own for this service and track (\`type\` ${problemTypeBase}duplicate-application; \`openApplication\` links it), or the record changed meanwhile. A representative's or an officer's filing is never refused for this: it is stored and flagged for staff.`,
    ),
  },
  412: {
    name: 'PreconditionFailed',
    response: problem(`The draft was saved elsewhere since the version in If-Match (\`type\` ${problemTypeBase}precondition-failed): \`currentVersion\` is the one stored now.`),
  },
  428: { name: 'PreconditionRequired', response: problem(`Send the version being changed in If-Match (\`type\` ${problemTypeBase}precondition-required).`) },
  413: { name: 'PayloadTooLarge', response: problem(`The body is larger than ${maxBodyBytes / 1024} KB.`) },
  415: { name: 'UnsupportedMediaType', response: problem('The body must be sent as `Content-Type: application/json` in UTF-8.') },
  422: {
    name: 'UnprocessableContent',
    response: problem(
      `The data is valid but the service's conditions are not met: \`errors\` explains each (\`type\` ${problemTypeBase}not-eligible); or the Idempotency-Key was used before with a different body (…/idempotency-key-reused).`,
    ),
  },
  429: {
    name: 'TooManyRequests',
    response: problem(`A representative has filed as many applications today as allowed (\`type\` ${problemTypeBase}too-many-requests); try again tomorrow.`),
  },
  500: { name: 'InternalServerError', response: problem('An unexpected error; it is logged. Quote `requestId` when contacting the agency.') },
  503: {
    name: 'ServiceUnavailable',
    response: problem('Temporarily overloaded; nothing was saved. Retry after the given seconds.', { 'Retry-After': headerRef('Retry-After') }),
  },
} as const;
type RefusalStatus = keyof typeof refusals;

const headers = {
  'X-Request-Id': { description: "The request's id; quote it when contacting the agency.", schema: { type: 'string' } },
  'Content-Language': { description: 'The language of the texts in the answer (`lv` or `en`, from Accept-Language).', schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
  'WWW-Authenticate': {
    description: 'Starts with `Bearer`; API Gateway adds `error="invalid_token"` and a description when a token was sent but refused.',
    schema: { type: 'string', pattern: '^Bearer' },
  },
};

/** The refusals a route can answer: those its shape implies through the chain, plus those its contract names. */
const refusalsOf = (route: RouteDefinition, fn: FunctionDefinition, contract: RouteContract): RefusalStatus[] => {
  const request = contract.request ?? {};
  const statuses = new Set<number>(contract.refusals ?? []);
  if (request.body || request.query || request.idempotent) statuses.add(400);
  if (route.audience) [401, 403].forEach((status) => statuses.add(status));
  if (request.path) statuses.add(404);
  if (request.body) [413, 415].forEach((status) => statuses.add(status));
  // AWS throttling becomes a retryable 503 (problem.ts): only functions that call AWS meet it.
  if (fn.tableAccess !== 'none' || fn.sendsEmail) statuses.add(503);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b).map((status) => {
    if (!(status in refusals)) throw new Error(`No problem response is described for ${status}`);
    return status as RefusalStatus;
  });
};

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

export const openApiDocument = (table: RouteTable, api: ApiContract) => {
  const nameOf = new Map<Schema, string>([
    ...Object.entries(api.namedSchemas).map(([name, schema]) => [schema, name] as const),
    [api.problemDetails, problemDetailsName],
    [IdempotencyKey, 'IdempotencyKey'],
    [GatewayMessage, gatewayMessageName],
  ]);
  const refTo = (schema: Schema, where: string) => {
    const name = nameOf.get(schema);
    if (!name) throw new Error(`${where}: name the schema in namedSchemas so it is published as a component`);
    return { $ref: `${schemaRef}${name}` };
  };

  // Path and query schemas are objects whose properties become parameters: they are converted together
  // with the named schemas (so they may refer to them) under provisional names, then unpacked.
  const parameterObjects = new Map<Schema, string>();
  for (const contract of Object.values(api.routeContracts)) {
    for (const schema of [contract.request?.path, contract.request?.query]) {
      if (schema && !parameterObjects.has(schema)) parameterObjects.set(schema, `provisional-parameters-${parameterObjects.size}`);
    }
  }
  const provisional = new Set(parameterObjects.values());
  const converted = namedJsonSchemas(
    {
      ...api.namedSchemas,
      [problemDetailsName]: api.problemDetails,
      IdempotencyKey,
      [gatewayMessageName]: GatewayMessage,
      ...Object.fromEntries([...parameterObjects].map(([schema, name]) => [name, schema])),
    },
    schemaRef,
  );
  const componentSchemas = Object.fromEntries(Object.entries(converted).filter(([name]) => !provisional.has(name)));

  const parametersOf = (schema: Schema | undefined, location: 'path' | 'query') => {
    if (!schema) return [];
    const object = converted[parameterObjects.get(schema)!]!;
    const properties = object.properties as Record<string, JsonSchema> | undefined;
    if (!properties) throw new Error(`${location} schema must be an object`);
    const required = new Set((object.required as string[] | undefined) ?? []);
    return Object.entries(properties).map(([name, schema]) => ({
      name,
      in: location,
      required: location === 'path' || required.has(name),
      schema,
    }));
  };

  // A function mounted on several routes (e.g. under /applications and /referrals) is named after each route's first segment too.
  const shared = new Set(table.routes.filter((route, index) => table.routes.findIndex((other) => other.function === route.function) !== index).map((route) => route.function));
  const operationIdOf = (route: RouteDefinition) =>
    camelCase(shared.has(route.function) ? `${route.function}-${route.path.split('/')[1]}` : route.function);

  const operation = (route: ApiRouteDefinition, contract: RouteContract) => {
    const key = routeKey(route);
    const request = contract.request ?? {};
    const parameters = [
      ...parametersOf(request.path, 'path'),
      ...parametersOf(request.query, 'query'),
      ...(request.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
    ];
    const { response } = contract;
    return {
      operationId: operationIdOf(route),
      tags: [contract.tag],
      summary: route.summary,
      'x-summary-lv': route.summaryLv,
      description: route.description,
      security: route.audience ? [{ [securitySchemeOf[route.audience]]: [] }] : [],
      ...(parameters.length > 0 && { parameters }),
      ...(request.body && {
        requestBody: { required: true, content: { 'application/json': { schema: refTo(request.body, `${key} body`) } } },
      }),
      responses: {
        [response.status]: {
          description: response.description,
          headers: {
            'X-Request-Id': headerRef('X-Request-Id'),
            'Content-Language': headerRef('Content-Language'),
            ...Object.fromEntries(
              Object.entries(response.headers ?? {}).map(([name, { description }]) => [name, { description, schema: { type: 'string' } }]),
            ),
          },
          content: { 'application/json': { schema: refTo(response.schema, `${key} response`) } },
        },
        ...Object.fromEntries(
          refusalsOf(route, table.functions[route.function], contract).map((status) => [
            status,
            { $ref: `#/components/responses/${refusals[status].name}` },
          ]),
        ),
      },
    };
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of table.routes) {
    const key = routeKey(route);
    const contract = api.routeContracts[key];
    if (!contract) throw new Error(`${key} has no contract in schemas/api/contracts.ts`);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, contract);
  }

  return {
    openapi: '3.1.0',
    info: api.info,
    servers: [{ url: '/' }],
    tags: [...new Set(Object.values(api.routeContracts).map((contract) => contract.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas,
      responses: Object.fromEntries(Object.values(refusals).map(({ name, response }) => [name, response])),
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'A token the client chooses per request (a UUID, say): a repeat with the same key and body answers the first answer instead of acting twice; the same key with another body is refused.',
          schema: refTo(IdempotencyKey, 'Idempotency-Key'),
        },
      },
      headers,
      securitySchemes,
    },
  };
};
