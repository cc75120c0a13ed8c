/**
 * How the OpenAPI document follows from a route table and its contracts (functions/http/openapi.ts), on small
 * tables made for each rule: the refusals a route's shape implies, its parameters, ids, answers and the errors that
 * stop a document from being built with a gap. tests/unit/openapi.test.ts checks the real table's document.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { openApiDocument, type RouteTable } from '../../functions/http/openapi';
import { functions, routeKey, type ApiRouteDefinition, type FunctionName, type RouteDefinition } from '../../infra/routes';
import { api } from '../../schemas/api/document';
import { GatewayMessage } from '../../schemas/api/responses';
import type { RouteContract } from '../../schemas/api/contracts';

type Json = Record<string, any>;

const Thing = z.object({ name: z.string() });
const ThingPath = z.object({ id: z.string(), part: z.string() });
const ThingQuery = z.object({ limit: z.optional(z.string()), sort: z.string() });

const contract = (request?: RouteContract['request'], extra: Partial<RouteContract> = {}): RouteContract => ({
  tag: 'API',
  ...(request && { request }),
  response: { status: 200, description: 'The thing.', schema: Thing },
  ...extra,
});

const route = (fn: FunctionName, path = '/things', method: RouteDefinition['method'] = 'GET', audience: RouteDefinition['audience'] = null): ApiRouteDefinition => ({
  method,
  path,
  function: fn,
  audience,
  roles: 'public',
  summary: 'Reads a thing',
  summaryLv: 'Nolasa lietu',
  description: 'The thing, as stored.',
});

const build = (entries: ReadonlyArray<readonly [ApiRouteDefinition, RouteContract]>, table: Partial<RouteTable> = {}, namedSchemas: Record<string, z.ZodMiniType> = { Thing }) =>
  JSON.parse(
    JSON.stringify(
      openApiDocument(
        { routes: entries.map(([definition]) => definition), functions, ...table },
        { info: api.info, namedSchemas, problemDetails: api.problemDetails, routeContracts: Object.fromEntries(entries.map(([definition, terms]) => [routeKey(definition), terms])) },
      ),
    ),
  ) as Json;

/** The answers one route lists, for a route of a function that touches no table and sends no mail unless told. */
const statusesOf = (request: RouteContract['request'] | undefined, options: { audience?: RouteDefinition['audience']; refusals?: RouteContract['refusals']; fn?: FunctionName } = {}) => {
  const definition = route(options.fn ?? 'list-services', '/things/{id}/{part}', 'POST', options.audience ?? null);
  const document = build([[definition, contract(request, options.refusals ? { refusals: options.refusals } : {})]]);
  return Object.keys(document.paths['/things/{id}/{part}'].post.responses);
};

describe('the refusals a route lists', () => {
  it('are only its answer and 500 for a public route that takes nothing and calls no AWS service', () => {
    expect(functions['list-services']).toMatchObject({ tableAccess: 'none', sendsEmail: false });
    expect(statusesOf(undefined)).toEqual(['200', '500']);
  });

  it('add 400 for a body, a query or an Idempotency-Key; 413 and 415 for a body only', () => {
    expect(statusesOf({ body: Thing })).toEqual(['200', '400', '413', '415', '500']);
    expect(statusesOf({ query: ThingQuery })).toEqual(['200', '400', '500']);
    expect(statusesOf({ idempotent: true })).toEqual(['200', '400', '500']);
  });

  it('add 404 for path parameters, 401 and 403 for a signed-in audience', () => {
    expect(statusesOf({ path: ThingPath })).toEqual(['200', '404', '500']);
    expect(statusesOf(undefined, { audience: 'workforce' })).toEqual(['200', '401', '403', '500']);
  });

  it('add 503 for a function that uses the table or sends e-mail, since AWS may throttle either', () => {
    expect(functions['get-upload'].tableAccess).not.toBe('none');
    expect(statusesOf(undefined, { fn: 'get-upload' })).toEqual(['200', '500', '503']);
    const mailing = build([[route('list-services'), contract()]], { functions: { ...functions, 'list-services': { ...functions['list-services'], sendsEmail: true } } });
    expect(Object.keys(mailing.paths['/things'].get.responses)).toEqual(['200', '500', '503']);
  });

  it('add those its contract names, each a reference to the shared answer', () => {
    expect(statusesOf(undefined, { refusals: [429, 409] })).toEqual(['200', '409', '429', '500']);
    const document = build([[route('list-services'), contract(undefined, { refusals: [412] })]]);
    expect(document.paths['/things'].get.responses['412']).toEqual({ $ref: '#/components/responses/PreconditionFailed' });
    expect(document.components.responses.PreconditionFailed.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
    });
  });

  it('cannot name a refusal the document does not describe', () => {
    expect(() => statusesOf(undefined, { refusals: [418 as 409] })).toThrow('No problem response is described for 418');
  });
});

describe('an operation', () => {
  it('lists path parameters as required and query parameters as their schema says, then the Idempotency-Key', () => {
    const document = build([[route('list-services', '/things/{id}/{part}'), contract({ path: ThingPath, query: ThingQuery, idempotent: true })]]);
    expect(document.paths['/things/{id}/{part}'].get.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'part', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'sort', in: 'query', required: true, schema: { type: 'string' } },
      { $ref: '#/components/parameters/IdempotencyKey' },
    ]);
    expect(Object.keys(document.components.schemas).filter((name) => name.startsWith('provisional'))).toEqual([]);
  });

  it('lists a path parameter as required even when its schema lets it be left out, as a path cannot lack one', () => {
    const LaxPath = z.object({ id: z.optional(z.string()) });
    const document = build([[route('list-services', '/things/{id}'), contract({ path: LaxPath, query: LaxPath })]]);
    expect(document.paths['/things/{id}'].get.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'id', in: 'query', required: false, schema: { type: 'string' } },
    ]);
  });

  it('may answer with the problem document or the gateway message, which are published without being named', () => {
    const answering = (schema: z.ZodMiniType) => contract(undefined, { response: { status: 200, description: 'x', schema } });
    const document = build([
      [route('list-services', '/problem'), answering(api.problemDetails)],
      [route('list-services', '/gateway'), answering(GatewayMessage)],
    ]);
    expect(document.paths['/problem'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ProblemDetails' });
    expect(document.paths['/gateway'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/GatewayMessage' });
  });

  it('has no parameters member when it takes none, and no request body without a body schema', () => {
    const operation = build([[route('list-services'), contract()]]).paths['/things'].get;
    expect(operation).not.toHaveProperty('parameters');
    expect(operation).not.toHaveProperty('requestBody');
  });

  it('describes itself, its body and its answer with the headers every answer carries and those the contract adds', () => {
    const terms = contract(
      { body: Thing },
      { response: { status: 201, description: 'Made.', schema: Thing, headers: { Location: { description: 'Where it is.' } } } },
    );
    const document = build([[route('list-services', '/things', 'POST', 'citizen'), terms]]);
    const operation = document.paths['/things'].post;
    expect(operation).toMatchObject({
      operationId: 'listServices',
      tags: ['API'],
      summary: 'Reads a thing',
      'x-summary-lv': 'Nolasa lietu',
      description: 'The thing, as stored.',
      security: [{ citizenEid: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
    });
    expect(operation.responses['201']).toEqual({
      description: 'Made.',
      headers: {
        'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
        'Content-Language': { $ref: '#/components/headers/Content-Language' },
        Location: { description: 'Where it is.', schema: { type: 'string' } },
      },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
    });
    expect(Object.keys(document.components.headers)).toEqual(['X-Request-Id', 'Content-Language', 'Retry-After', 'WWW-Authenticate']);
  });

  it('is secured by the workforce pool for workforce routes, and by nothing for public ones', () => {
    const document = build([
      [route('list-services', '/a', 'GET', 'workforce'), contract()],
      [route('check-eligibility', '/b'), contract()],
    ]);
    expect(document.paths['/a'].get.security).toEqual([{ workforcePool: [] }]);
    expect(document.paths['/b'].get.security).toEqual([]);
  });

  it('is named after its function, and after the first path segment too when the function serves several routes', () => {
    const document = build([
      [route('get-upload', '/applications/{id}'), contract()],
      [route('get-upload', '/referrals/{id}'), contract()],
      [route('list-services', '/services/list'), contract()],
    ]);
    expect(document.paths['/applications/{id}'].get.operationId).toBe('getUploadApplications');
    expect(document.paths['/referrals/{id}'].get.operationId).toBe('getUploadReferrals');
    expect(document.paths['/services/list'].get.operationId).toBe('listServices');
  });

  it('shares the path item with the other methods at the same path', () => {
    const document = build([
      [route('list-services', '/things', 'GET'), contract()],
      [route('check-eligibility', '/things', 'POST'), contract({ body: Thing })],
    ]);
    expect(Object.keys(document.paths['/things'])).toEqual(['get', 'post']);
  });
});

describe('a document that cannot be built', () => {
  it('names the route whose body or answer is not a published schema', () => {
    const Unnamed = z.object({ other: z.string() });
    expect(() => build([[route('list-services', '/things', 'POST'), contract({ body: Unnamed })]])).toThrow(
      'POST /things body: name the schema in namedSchemas so it is published as a component',
    );
    const answer = contract(undefined, { response: { status: 200, description: 'x', schema: Unnamed } });
    expect(() => build([[route('list-services'), answer]])).toThrow('GET /things response: name the schema');
  });

  it('refuses path or query parameters that are not an object of properties', () => {
    expect(() => build([[route('list-services', '/things/{id}'), contract({ path: z.string() })]])).toThrow('path schema must be an object');
    expect(() => build([[route('list-services'), contract({ query: z.string() })]])).toThrow('query schema must be an object');
  });
});

describe('the document around the operations', () => {
  const document = () => build([
    [route('list-services', '/a'), contract(undefined, { tag: 'Services' })],
    [route('list-services', '/b'), contract(undefined, { tag: 'API' })],
    [route('list-services', '/c'), contract(undefined, { tag: 'Services' })],
  ]);

  it('is OpenAPI 3.1 on the same origin, with each tag listed once in the order first used', () => {
    expect(document()).toMatchObject({ openapi: '3.1.0', info: api.info, servers: [{ url: '/' }], tags: [{ name: 'Services' }, { name: 'API' }] });
  });

  it('publishes the Idempotency-Key header as optional, with what it does and its schema', () => {
    const { IdempotencyKey } = document().components.parameters;
    expect(IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false, schema: { $ref: '#/components/schemas/IdempotencyKey' } });
    expect(IdempotencyKey.description).toContain('same key and body');
  });

  it('publishes the problem, the gateway message and the key schema beside the named ones', () => {
    expect(Object.keys(document().components.schemas)).toEqual(expect.arrayContaining(['Thing', 'ProblemDetails', 'IdempotencyKey', 'GatewayMessage']));
    expect(Object.keys(document().components.securitySchemes)).toEqual(['citizenEid', 'workforcePool']);
  });
});
