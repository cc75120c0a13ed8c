import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import * as z from 'zod/mini';
import { rigaDate } from '../../functions/core/dates';
import { openApiDocument, securitySchemeOf } from '../../functions/http/openapi';
import { functions, routeKey, routes, type ApiRouteDefinition, type RouteDefinition } from '../../infra/routes';
import { routeContracts, type RouteContract } from '../../schemas/api/contracts';
import { api } from '../../schemas/api/document';
import { generatedOpenApiModule, generatedOpenApiPath } from '../../local/build-schemas';
import { apiEvent, lambdaContext, testIssuers } from '../support/api-event';
import { allTracks, freshPersonalCode, referralOf, validForm } from '../support/service-forms';

type Handler = typeof import('../../functions/openapi/handler').handler;
type Json = Record<string, any>;

// ajv-formats is CommonJS with a default export.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

let openapi: Handler;
let checkEligibility: typeof import('../../functions/check-eligibility/handler').handler;
let served: { statusCode?: number; headers?: Record<string, unknown>; body?: string; document: Json };

beforeAll(async () => {
  // The handlers read the trusted issuers when they are loaded.
  vi.stubEnv('CITIZEN_TOKEN_ISSUER', testIssuers.citizen);
  vi.stubEnv('WORKFORCE_TOKEN_ISSUER', testIssuers.workforce);
  ({ handler: openapi } = await import('../../functions/openapi/handler'));
  ({ handler: checkEligibility } = await import('../../functions/check-eligibility/handler'));
  const response = await openapi(apiEvent({ method: 'GET', path: '/openapi.json', claims: null }), lambdaContext);
  served = { ...response, body: response.body as string, document: JSON.parse(response.body as string) };
});
afterAll(() => vi.unstubAllEnvs());

const document = () => served.document;
const contractOf = (route: RouteDefinition): RouteContract => (routeContracts as Record<string, RouteContract>)[routeKey(route)]!;
const operationOf = (route: RouteDefinition): Json => document().paths[route.path]?.[route.method.toLowerCase()];

/** Every `$ref` anywhere in a JSON value. */
const refsIn = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(refsIn)
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner)))
      : [];

const resolve = (root: Json, ref: string): unknown =>
  ref
    .slice(2)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<any>((node, token) => node?.[token], root);

const schemaNameOf = (schema: z.ZodMiniType) => Object.entries(api.namedSchemas).find(([, named]) => named === schema)?.[0];

/** Validates JSON values against the document's component schemas, as a client generator would. */
const componentValidator = () => {
  // Zod publishes a union of primitives as a `type` list: valid JSON Schema that ajv's strict mode wants allowed.
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword('components');
  ajv.addSchema({ $id: 'https://e.siva.test/openapi.json', components: { schemas: document().components.schemas } });
  return (name: string) => ajv.compile({ $ref: `https://e.siva.test/openapi.json#/components/schemas/${name}` });
};

describe('GET /openapi.json', () => {
  it('answers anyone, without signing in, with JSON that shared caches may keep for five minutes', () => {
    expect(served.statusCode).toBe(200);
    expect(served.headers).toMatchObject({ 'cache-control': 'public, max-age=300', 'content-type': 'application/json; charset=utf-8' });
    expect(document()).toMatchObject({ openapi: '3.1.0', info: { title: api.info.title, version: api.info.version } });
  });

  it('is, byte for byte, the document the route table and the schemas produce (generated at build time)', () => {
    expect(served.body, 'run npm run build:schemas').toBe(JSON.stringify(openApiDocument({ routes, functions }, api)));
  });

  it('is generated from the current route table and schemas (npm run build:schemas)', () => {
    expect(readFileSync(generatedOpenApiPath, 'utf8'), 'run npm run build:schemas').toBe(generatedOpenApiModule());
  });

  it('is a valid OpenAPI 3.1 document to an independent validator', async () => {
    const validator = new Validator();
    expect(await validator.validate(structuredClone(document()))).toEqual({ valid: true });
    expect(validator.version).toBe('3.1');
  });

  it('is refused by that validator once broken, so the check above has teeth', async () => {
    const broken = structuredClone(document());
    delete broken.paths['/applications'].post.responses['201'].description;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('resolves every $ref inside the document', () => {
    const refs = [...new Set(refsIn(document()))];
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !ref.startsWith('#/') || resolve(document(), ref) === undefined)).toEqual([]);
  });
});

describe('the document and the route table', () => {
  it('has a contract for every route of the table, and no contract without a route', () => {
    expect(Object.keys(routeContracts).sort()).toEqual(routes.map(routeKey).sort());
  });

  it('cannot be built for a route that has no contract', () => {
    const extra: ApiRouteDefinition = {
      method: 'DELETE',
      path: '/applications/{id}',
      function: 'get-application',
      audience: 'citizen',
      roles: ['citizen'],
      summary: 'Delete an application',
      summaryLv: 'Dzēst pieteikumu',
      description: 'No such route exists.',
    };
    expect(() => openApiDocument({ routes: [...routes, extra], functions }, api)).toThrow('DELETE /applications/{id} has no contract');
  });

  it('describes every route, and only those, as an operation at its path and method', () => {
    const operations = Object.entries(document().paths as Json).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(routes.map(routeKey).sort());
  });

  it('declares exactly the path parameters the path template names, each required', () => {
    for (const route of routes) {
      const templated = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operationOf(route).parameters ?? []).filter((parameter: Json) => parameter.in === 'path');
      expect(declared.map((parameter: Json) => parameter.name), routeKey(route)).toEqual(templated);
      expect(declared.every((parameter: Json) => parameter.required === true)).toBe(true);
    }
  });

  it("secures routes by their audience's bearer token and leaves public ones open", () => {
    const schemes = document().components.securitySchemes;
    for (const route of routes) {
      const expected = route.audience ? [{ [securitySchemeOf[route.audience]]: [] }] : [];
      expect(operationOf(route).security, routeKey(route)).toEqual(expected);
    }
    for (const audience of ['citizen', 'workforce'] as const) {
      expect(schemes[securitySchemeOf[audience]]).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    }
    expect(securitySchemeOf.citizen).not.toBe(securitySchemeOf.workforce);
  });

  it('gives every operation a unique id, a tag and summaries in English and Latvian', () => {
    const operations = routes.map(operationOf);
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(routes.length);
    for (const operation of operations) {
      expect(operation).toMatchObject({ tags: [expect.any(String)], summary: expect.any(String), 'x-summary-lv': expect.any(String) });
    }
  });
});

describe('requests', () => {
  it('publishes each body as the schema the contract names, which is the one the handler validates with', () => {
    for (const route of routes) {
      const body = contractOf(route).request?.body;
      const published = operationOf(route).requestBody;
      if (!body) {
        expect(published, routeKey(route)).toBeUndefined();
        continue;
      }
      expect(published).toEqual({ required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaNameOf(body)}` } } } });
    }
  });

  it('lists the query parameters of the list routes, none of them required', () => {
    const listApplications = routes.find((route) => route.function === 'list-applications')!;
    const query = (operationOf(listApplications).parameters as Json[]).filter((parameter) => parameter.in === 'query');
    expect(query.map((parameter) => [parameter.name, parameter.required])).toEqual([
      ['limit', false],
      ['cursor', false],
    ]);
  });

  it('takes an Idempotency-Key header exactly on the routes whose handler honours one', () => {
    for (const route of routes) {
      const takesKey = (operationOf(route).parameters ?? []).some((parameter: Json) => parameter.$ref === '#/components/parameters/IdempotencyKey');
      expect(takesKey, routeKey(route)).toBe(contractOf(route).request?.idempotent === true);
    }
    expect(document().components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false });
  });

  it('types ids as UUIDs and dates as dates', () => {
    const getApplication = routes.find((route) => route.function === 'get-application')!;
    const idSchema = operationOf(getApplication).parameters[0].schema;
    expect(resolve(document(), idSchema.$ref)).toMatchObject({ type: 'string', format: 'uuid' });
    expect(document().components.schemas.IsoDate).toMatchObject({ type: 'string', format: 'date' });
    expect(document().components.schemas.Applicant.properties.dateOfBirth).toEqual({ $ref: '#/components/schemas/IsoDate' });
  });

  it('accepts a valid form of every track as an application and, wrapped, as a referral', () => {
    const today = rigaDate(new Date());
    const schema = componentValidator();
    const application = schema('ApplicationSubmission');
    const referral = schema('ReferralSubmission');
    for (const [serviceId, track] of allTracks()) {
      const form = validForm(serviceId, track, today);
      expect(application(form), `${serviceId}/${track}: ${JSON.stringify(application.errors)}`).toBe(true);
      expect(referral(referralOf(form, freshPersonalCode(), today))).toBe(true);
    }
    expect(application({ ...validForm('driving-training', 'category-b', today), serviceId: 'space-travel' })).toBe(false);
  });
});

describe('responses', () => {
  it('publishes each success with its status and the schema the contract names', () => {
    for (const route of routes) {
      const { status, schema } = contractOf(route).response;
      expect(operationOf(route).responses[status].content, routeKey(route)).toEqual({
        'application/json': { schema: { $ref: `#/components/schemas/${schemaNameOf(schema)}` } },
      });
    }
  });

  it("answers every refusal as problem+json with per-field errors; 401 and 403 also as API Gateway's own message", () => {
    const { responses, schemas } = document().components;
    const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
    const gateway = { 'application/json': { schema: { $ref: '#/components/schemas/GatewayMessage' } } };
    for (const route of routes) {
      for (const [status, response] of Object.entries(operationOf(route).responses as Json)) {
        if (status === String(contractOf(route).response.status)) continue;
        const shared = resolve(document(), response.$ref) as Json;
        const authorizerMayAnswer = status === '401' || status === '403';
        expect(shared.content, `${routeKey(route)} ${status}`).toEqual(authorizerMayAnswer ? { ...gateway, ...problem } : problem);
      }
    }
    expect(schemas.GatewayMessage).toMatchObject({ type: 'object', required: ['message'] });
    expect(Object.keys(responses).length).toBeGreaterThan(0);
    expect(schemas.ProblemDetails.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
    expect(schemas.ProblemDetails.properties.errors).toEqual({ type: 'array', items: { $ref: '#/components/schemas/FieldError' } });
    expect(schemas.FieldError.required).toEqual(['field', 'pointer', 'code', 'message']);
  });

  it('lists the refusals each route can meet, from what it takes and who may call it', () => {
    const statuses = (fn: string) => Object.keys(operationOf(routes.find((route) => route.function === fn)!).responses);
    expect(statuses('submit-application')).toEqual(['201', '400', '401', '403', '409', '413', '415', '422', '429', '500', '503']);
    expect(statuses('submit-referral')).toEqual(['201', '400', '401', '403', '409', '413', '415', '422', '500', '503']);
    expect(statuses('list-applications')).toEqual(['200', '400', '401', '403', '500', '503']);
    expect(statuses('get-referral')).toEqual(['200', '401', '403', '404', '500', '503']);
    // Public and touching no table: no sign-in refusals, no throttling.
    expect(statuses('check-eligibility')).toEqual(['200', '400', '404', '413', '415', '500']);
    expect(statuses('list-services')).toEqual(['200', '500']);
  });

  it('describes what the API really answers: a pre-check, its validation problems and its 404', async () => {
    const schema = componentValidator();
    const ask = async (serviceId: string, body: unknown) => {
      const event = apiEvent({ path: `/services/${serviceId}/eligibility`, pathParameters: { serviceId }, body: JSON.stringify(body), claims: null });
      const response = await checkEligibility(event, lambdaContext);
      return { status: response.statusCode, body: JSON.parse(response.body as string) };
    };
    const answer = await ask('social-rehabilitation', { dateOfBirth: '1980-05-01' });
    const invalid = await ask('social-rehabilitation', { dateOfBirth: '1980-02-30', shoeSize: 44 });
    const unknown = await ask('space-travel', {});

    expect(answer.status).toBe(200);
    const eligibilityAnswer = schema('EligibilityAnswer');
    expect(eligibilityAnswer(answer.body), JSON.stringify(eligibilityAnswer.errors)).toBe(true);
    const problem = schema('ProblemDetails');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toHaveLength(2);
    expect(problem(invalid.body), JSON.stringify(problem.errors)).toBe(true);
    expect(unknown.status).toBe(404);
    expect(problem(unknown.body)).toBe(true);
  });

  it('describes itself', () => {
    expect(componentValidator()('OpenApiDocument')(document())).toBe(true);
  });
});

describe('the published schemas', () => {
  it('are complete: no named schema has a part JSON Schema cannot express', () => {
    // Production converts leniently so a new unrepresentable type cannot break a cold start; this catches it here.
    for (const [name, schema] of Object.entries(api.namedSchemas)) {
      expect(() => z.toJSONSchema(schema, { unrepresentable: 'throw' }), name).not.toThrow();
    }
  });
});
