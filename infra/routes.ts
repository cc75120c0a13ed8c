/**
 * The one route table. The CDK stack builds the HTTP API from it and the local
 * gateway mounts it, so the two cannot drift. Pure data: no CDK imports here,
 * because the local runtime loads this file too.
 */

/** Which JWT authorizer guards a route: citizens sign in with eID (external
 * OIDC issuer); staff and referring organisations with the Cognito user pool. */
export type Audience = 'citizen' | 'workforce';

/** What a function may do with the table; the stack turns this into IAM
 * statements naming exact actions and resources. */
export type TableAccess = 'none' | 'read' | 'write' | 'read-write';

export interface FunctionDefinition {
  /** Path from the repository root to the module exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly tableAccess: TableAccess;
  /** Secondary indexes the function queries (least privilege per index). */
  readonly indexes: readonly string[];
  /** Whether the function sends e-mail through SES. */
  readonly sendsEmail: boolean;
}

export const functions = {
  'submit-application': {
    entry: 'functions/submit-application/handler.ts',
    description: 'Validates and stores a citizen application (POST /applications)',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
  },
  'get-application': {
    entry: 'functions/get-application/handler.ts',
    description: "Returns one of the caller's applications with its timeline",
    tableAccess: 'read',
    indexes: [],
    sendsEmail: false,
  },
  'list-applications': {
    entry: 'functions/list-applications/handler.ts',
    description: "Lists the caller's applications, newest first, with a cursor",
    tableAccess: 'read',
    indexes: ['gsi1'],
    sendsEmail: false,
  },
  'submit-referral': {
    entry: 'functions/submit-referral/handler.ts',
    description: 'Validates and stores a referral filed by a social service, the NVA, a medical institution or the armed forces',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
  },
  'list-referrals': {
    entry: 'functions/list-referrals/handler.ts',
    description: "Lists the officer's organisation's referrals, newest first, with a cursor",
    tableAccess: 'read',
    indexes: ['gsi1'],
    sendsEmail: false,
  },
  'get-referral': {
    entry: 'functions/get-referral/handler.ts',
    description: "Returns one of the organisation's referrals with its timeline",
    tableAccess: 'read',
    indexes: [],
    sendsEmail: false,
  },
  'check-eligibility': {
    entry: 'functions/check-eligibility/handler.ts',
    description: 'Public eligibility pre-check for a service; stores nothing',
    tableAccess: 'none',
    indexes: [],
    sendsEmail: false,
  },
  'list-services': {
    entry: 'functions/list-services/handler.ts',
    description: 'Public catalogue of services, tracks, evidence and form JSON Schemas',
    tableAccess: 'none',
    indexes: [],
    sendsEmail: false,
  },
  openapi: {
    entry: 'functions/openapi/handler.ts',
    description: 'The OpenAPI 3.1 document of the whole API, generated from the route table and the schemas',
    tableAccess: 'none',
    indexes: [],
    sendsEmail: false,
  },
  notifier: {
    entry: 'functions/notifier/handler.ts',
    description: 'Sends the e-mails for timeline events read from the table stream',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: true,
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof functions;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `{name}` for a path parameter. */
  readonly path: string;
  readonly function: FunctionName;
  /** `null` only for deliberately public routes. */
  readonly audience: Audience | null;
}

export const routes = [
  { method: 'POST', path: '/applications', function: 'submit-application', audience: 'citizen' },
  { method: 'GET', path: '/applications', function: 'list-applications', audience: 'citizen' },
  { method: 'GET', path: '/applications/{id}', function: 'get-application', audience: 'citizen' },
  { method: 'POST', path: '/referrals', function: 'submit-referral', audience: 'workforce' },
  { method: 'GET', path: '/referrals', function: 'list-referrals', audience: 'workforce' },
  { method: 'GET', path: '/referrals/{id}', function: 'get-referral', audience: 'workforce' },
  { method: 'POST', path: '/services/{serviceId}/eligibility', function: 'check-eligibility', audience: null },
  { method: 'GET', path: '/services', function: 'list-services', audience: null },
  { method: 'GET', path: '/openapi.json', function: 'openapi', audience: null },
] as const satisfies readonly RouteDefinition[];

/** The function fed by the table's stream rather than by a route. */
export const streamConsumer: FunctionName = 'notifier';

/** `POST /applications/{id}` style key, as API Gateway names routes. */
export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>): string =>
  `${route.method} ${route.path}`;
