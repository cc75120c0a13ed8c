/**
 * The one route table. The CDK stack builds the HTTP API from it and the local
 * gateway mounts it, so the two cannot drift. Pure data: no CDK imports here,
 * because the local runtime loads this file too.
 */

import { workforceScope } from '../functions/core/workforce-identity';
import { catalogueRoutes } from '../schemas/catalogue-links';

/** Which JWT authorizer guards a route: citizens sign in with eID (external
 * OIDC issuer); staff and referring organisations with the Cognito user pool. */
export type Audience = 'citizen' | 'workforce';

/**
 * OAuth scopes a route's token must carry, per audience (the JWT authorizer answers 403 without one).
 * Workforce routes take only access tokens the pool's trigger built (docs/identity.md).
 */
export const authorizationScopes: Record<Audience, readonly string[]> = { citizen: [], workforce: [workforceScope] };

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
  /** Whether it MACs personal codes into person keys (kms:GenerateMac on the person key; docs/person-key.md). */
  readonly macsPersonalCodes?: boolean;
  /** What the function may do with the evidence upload buckets; absent: nothing. */
  readonly buckets?: BucketAccess;
}

/**
 * Evidence uploads: `quarantine` is where browsers POST (a presigned POST carries the
 * signing function's rights, so signing needs `put`); `evidence` holds checked files only.
 */
export interface BucketAccess {
  readonly quarantine?: readonly ('put' | 'read' | 'delete')[];
  /** `list` and `delete` only for destroying a file at the end of its retention (docs/retention.md). */
  readonly evidence?: readonly ('put' | 'read' | 'list' | 'delete')[];
}

export const functions = {
  'submit-application': {
    entry: 'functions/submit-application/handler.ts',
    description: 'Validates and stores a citizen application (POST /applications)',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'get-application': {
    entry: 'functions/get-application/handler.ts',
    description: "Returns one of the caller's applications with its timeline and queue position",
    tableAccess: 'read',
    indexes: ['gsi2'],
    sendsEmail: false,
  },
  'list-applications': {
    entry: 'functions/list-applications/handler.ts',
    description: "Lists what the caller filed and what was filed about them, newest first, with a cursor",
    tableAccess: 'read',
    indexes: ['gsi1', 'gsi4'],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'submit-referral': {
    entry: 'functions/submit-referral/handler.ts',
    description: 'Validates and stores a referral filed by a social service, the NVA, a medical institution or the armed forces',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    macsPersonalCodes: true,
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
    description: "Returns one of the organisation's referrals with its timeline and queue position; records the read",
    tableAccess: 'read-write',
    indexes: ['gsi2'],
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
  'withdraw-application': {
    entry: 'functions/withdraw-application/handler.ts',
    description: 'The applicant withdraws their application before the service starts',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
  },
  'submit-documents': {
    entry: 'functions/submit-documents/handler.ts',
    description: 'The applicant or the referring officer reports the requested documents as sent or attaches uploads; staff are alerted',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
  },
  'list-work': {
    entry: 'functions/list-work/handler.ts',
    description: "Staff work list of one of the caller's services: filters, date or queue order, cursor",
    tableAccess: 'read',
    indexes: ['gsi2', 'gsi3'],
    sendsEmail: false,
  },
  'staff-get-application': {
    entry: 'functions/staff-get-application/handler.ts',
    description: 'The full application for staff, with timeline, decisions and notifications; records the read',
    tableAccess: 'read-write',
    indexes: ['gsi2'],
    sendsEmail: false,
  },
  decide: {
    entry: 'functions/decide/handler.ts',
    description: 'Records a staff decision against the version seen (lifecycle, queue, need closed)',
    tableAccess: 'read-write',
    indexes: ['gsi2'],
    sendsEmail: false,
  },
  'confirm-representative': {
    entry: 'functions/confirm-representative/handler.ts',
    description: "Staff confirm a representative's authority; from then on the representative reads everything and may act",
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
  },
  'list-failed-notifications': {
    entry: 'functions/list-failed-notifications/handler.ts',
    description: "Lists a service's notifications that could not be delivered",
    tableAccess: 'read',
    indexes: ['gsi3'],
    sendsEmail: false,
  },
  'list-lost-batches': {
    entry: 'functions/list-lost-batches/handler.ts',
    description: 'Lists dead-lettered stream batches the stream no longer held, whose e-mails are unknown',
    tableAccess: 'read',
    indexes: ['gsi3'],
    sendsEmail: false,
  },
  'resend-notification': {
    entry: 'functions/resend-notification/handler.ts',
    description: 'Puts a failed notification back to pending so the notifier sends it again',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
  },
  'staff-report': {
    entry: 'functions/staff-report/handler.ts',
    description: "The year's report figures for the staff member's services, from counters kept off the stream",
    tableAccess: 'read',
    indexes: [],
    sendsEmail: false,
  },
  'dead-letters': {
    entry: 'functions/dead-letters/handler.ts',
    description: 'Records as failed (for staff to resend) the e-mails of stream batches the notifier could not get through',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
  },
  web: {
    entry: 'functions/web/handler.ts',
    description: 'The portal: server-rendered pages on the same core as the API, signed in by its own session cookie',
    tableAccess: 'read-write',
    // gsi3: the staff work list; gsi4: a person's filings.
    indexes: ['gsi1', 'gsi2', 'gsi3', 'gsi4'],
    // The document step signs presigned POSTs into quarantine, as create-upload does; staff's 60-second download
    // links read the evidence bucket.
    buckets: { quarantine: ['put'], evidence: ['read'] },
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'mail-events': {
    entry: 'functions/mail-events/handler.ts',
    description: "Records SES bounces and complaints as failed notifications, on the application's timeline and staff's failed list",
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
  },
  notifier: {
    entry: 'functions/notifier/handler.ts',
    description: 'Keeps the report counters and sends the e-mails for timeline events read from the table stream',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: true,
  },
  'workforce-token': {
    entry: 'functions/workforce-token/handler.ts',
    description: "Cognito pre-token-generation trigger: puts the workforce role's services or organisation into the access token",
    tableAccess: 'none',
    indexes: [],
    sendsEmail: false,
  },
  'create-upload': {
    entry: 'functions/create-upload/handler.ts',
    description: 'Counts a declared evidence file against the application and answers a presigned POST into quarantine',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    buckets: { quarantine: ['put'] },
  },
  'get-upload': {
    entry: 'functions/get-upload/handler.ts',
    description: "An upload's check: pending, clean, or rejected with what to do",
    tableAccess: 'read',
    indexes: [],
    sendsEmail: false,
  },
  'promote-upload': {
    entry: 'functions/promote-upload/handler.ts',
    description: 'After the malware scan: deletes threats, re-checks size and type, keeps clean files in the evidence bucket',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    buckets: { quarantine: ['read', 'delete'], evidence: ['put'] },
  },
  'download-attachment': {
    entry: 'functions/download-attachment/handler.ts',
    description: 'Redirects staff to a 60-second download link of an attachment; the read is recorded',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    buckets: { evidence: ['read'] },
  },
  'download-referral-attachment': {
    entry: 'functions/download-referral-attachment/handler.ts',
    description: "Redirects a referring officer to a 60-second download link of a file their organisation attached; the read is recorded",
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    buckets: { evidence: ['read'] },
  },
  'list-retention-due': {
    entry: 'functions/list-retention-due/handler.ts',
    description: "The archivist's list of closed files whose retention ends in a month (a sparse index, no Scan)",
    tableAccess: 'read',
    indexes: ['gsi5'],
    sendsEmail: false,
  },
  'destroy-applications': {
    entry: 'functions/destroy-applications/handler.ts',
    description: "Destroys due files (items and evidence objects) under the archive's approval and leaves tombstones",
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    buckets: { evidence: ['list', 'delete'] },
  },
  'export-my-data': {
    entry: 'functions/export-my-data/handler.ts',
    description: "Everything held about the signed-in person, as one JSON document (GDPR Art. 15 and 20)",
    tableAccess: 'read',
    indexes: ['gsi4'],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'export-person-data': {
    entry: 'functions/export-person-data/handler.ts',
    description: "The archivist's export of a person's data by personal code, for requests on paper; the export is audited",
    tableAccess: 'read-write',
    indexes: ['gsi4'],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'create-draft': {
    entry: 'functions/create-draft/handler.ts',
    description: "Starts a citizen's draft for a service and track, or answers the live one already there",
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'list-drafts': {
    entry: 'functions/list-drafts/handler.ts',
    description: "Lists the caller's live drafts, newest first",
    tableAccess: 'read',
    indexes: ['gsi1'],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'get-draft': {
    entry: 'functions/get-draft/handler.ts',
    description: "Returns one of the caller's drafts with its field errors and the fields its form no longer has",
    tableAccess: 'read',
    indexes: [],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'save-draft': {
    entry: 'functions/save-draft/handler.ts',
    description: 'Saves a draft against the version the caller read (If-Match): one conditional write',
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'delete-draft': {
    entry: 'functions/delete-draft/handler.ts',
    description: "Deletes one of the caller's drafts",
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'submit-draft': {
    entry: 'functions/submit-draft/handler.ts',
    description: 'Submits a draft as an application (the same checks as POST /applications); deletes the draft and attaches its uploads in one write',
    tableAccess: 'read-write',
    indexes: ['gsi1'],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'create-draft-upload': {
    entry: 'functions/create-draft-upload/handler.ts',
    description: "Counts a declared evidence file against the caller's draft and answers a presigned POST into quarantine",
    tableAccess: 'read-write',
    indexes: [],
    sendsEmail: false,
    macsPersonalCodes: true,
    buckets: { quarantine: ['put'] },
  },
  'get-draft-upload': {
    entry: 'functions/get-draft-upload/handler.ts',
    description: "An upload of the caller's draft: pending, clean, or rejected with what to do",
    tableAccess: 'read',
    indexes: [],
    sendsEmail: false,
    macsPersonalCodes: true,
  },
  'draft-reminders': {
    entry: 'functions/draft-reminders/handler.ts',
    description: 'Scheduled: e-mails the owners of drafts that expire in 7 days, once per expiry date (a sparse index, no Scan)',
    tableAccess: 'read-write',
    indexes: ['gsi3'],
    sendsEmail: true,
  },
  'draft-cleanup': {
    entry: 'functions/draft-cleanup/handler.ts',
    description: 'Deletes the uploads (items and files) of drafts removed unsubmitted, read from the table stream',
    tableAccess: 'read-write',
    indexes: ['gsi1'],
    sendsEmail: false,
    buckets: { quarantine: ['delete'], evidence: ['delete'] },
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
  /** The route's own limit, below the stage's default (requests per second, and burst). */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}

/**
 * Anyone may call the public routes without signing in, so each gets a limit of its own, well below the stage's
 * default (infra/settings.ts): a flood of pre-checks or catalogue reads cannot use up the capacity signed-in people
 * need to apply and staff need to work.
 */
const publicThrottle = { rateLimit: 10, burstLimit: 20 } as const;

export const routes = [
  { ...catalogueRoutes.apply, function: 'submit-application', audience: 'citizen' },
  { method: 'GET', path: '/applications', function: 'list-applications', audience: 'citizen' },
  { method: 'GET', path: '/applications/{id}', function: 'get-application', audience: 'citizen' },
  { ...catalogueRoutes.refer, function: 'submit-referral', audience: 'workforce' },
  { method: 'GET', path: '/referrals', function: 'list-referrals', audience: 'workforce' },
  { method: 'GET', path: '/referrals/{id}', function: 'get-referral', audience: 'workforce' },
  { ...catalogueRoutes.eligibility, function: 'check-eligibility', audience: null, throttle: publicThrottle },
  { method: 'GET', path: '/services', function: 'list-services', audience: null, throttle: publicThrottle },
  { method: 'GET', path: '/openapi.json', function: 'openapi', audience: null, throttle: publicThrottle },
  { method: 'POST', path: '/applications/{id}/withdrawal', function: 'withdraw-application', audience: 'citizen' },
  { method: 'POST', path: '/applications/{id}/documents', function: 'submit-documents', audience: 'citizen' },
  { method: 'GET', path: '/staff/applications', function: 'list-work', audience: 'workforce' },
  { method: 'GET', path: '/staff/applications/{id}', function: 'staff-get-application', audience: 'workforce' },
  { method: 'POST', path: '/staff/applications/{id}/decisions', function: 'decide', audience: 'workforce' },
  { method: 'POST', path: '/staff/applications/{id}/representative-confirmation', function: 'confirm-representative', audience: 'workforce' },
  { method: 'GET', path: '/staff/notifications/failed', function: 'list-failed-notifications', audience: 'workforce' },
  { method: 'GET', path: '/staff/notifications/lost-batches', function: 'list-lost-batches', audience: 'workforce' },
  { method: 'POST', path: '/staff/applications/{id}/notifications/resend', function: 'resend-notification', audience: 'workforce' },
  { method: 'GET', path: '/staff/reports/{year}', function: 'staff-report', audience: 'workforce' },
  { method: 'POST', path: '/applications/{id}/uploads', function: 'create-upload', audience: 'citizen' },
  { method: 'GET', path: '/applications/{id}/uploads/{uploadId}', function: 'get-upload', audience: 'citizen' },
  { method: 'POST', path: '/referrals/{id}/uploads', function: 'create-upload', audience: 'workforce' },
  { method: 'GET', path: '/referrals/{id}/uploads/{uploadId}', function: 'get-upload', audience: 'workforce' },
  { method: 'GET', path: '/staff/applications/{id}/attachments/{attachmentId}', function: 'download-attachment', audience: 'workforce' },
  { method: 'POST', path: '/referrals/{id}/documents', function: 'submit-documents', audience: 'workforce' },
  { method: 'GET', path: '/referrals/{id}/attachments/{attachmentId}', function: 'download-referral-attachment', audience: 'workforce' },
  { method: 'GET', path: '/staff/retention/due', function: 'list-retention-due', audience: 'workforce' },
  { method: 'POST', path: '/staff/retention/destructions', function: 'destroy-applications', audience: 'workforce' },
  { method: 'GET', path: '/me/data', function: 'export-my-data', audience: 'citizen' },
  { method: 'POST', path: '/staff/data-exports', function: 'export-person-data', audience: 'workforce' },
  { method: 'POST', path: '/drafts', function: 'create-draft', audience: 'citizen' },
  { method: 'GET', path: '/drafts', function: 'list-drafts', audience: 'citizen' },
  { method: 'GET', path: '/drafts/{id}', function: 'get-draft', audience: 'citizen' },
  { method: 'PUT', path: '/drafts/{id}', function: 'save-draft', audience: 'citizen' },
  { method: 'DELETE', path: '/drafts/{id}', function: 'delete-draft', audience: 'citizen' },
  { method: 'POST', path: '/drafts/{id}/submit', function: 'submit-draft', audience: 'citizen' },
  { method: 'POST', path: '/drafts/{id}/uploads', function: 'create-draft-upload', audience: 'citizen' },
  { method: 'GET', path: '/drafts/{id}/uploads/{uploadId}', function: 'get-draft-upload', audience: 'citizen' },
] as const satisfies readonly RouteDefinition[];

/**
 * The portal's pages, on the same HTTP API (same origin, no CORS). No JWT authorizer: the web function signs people
 * in itself (OIDC) and keeps a server-side session. Greedy routes rank below every API route on API Gateway (and in
 * the local gateway), so they never shadow one; page paths are chosen not to coincide with an API path.
 */
export const pageRoutes = [
  { method: 'GET', path: '/', function: 'web', audience: null },
  { method: 'GET', path: '/{proxy+}', function: 'web', audience: null },
  { method: 'POST', path: '/{proxy+}', function: 'web', audience: null },
] as const satisfies readonly RouteDefinition[];

/** Everything the HTTP API serves: the API's routes and the portal's pages. */
export const httpRoutes: readonly RouteDefinition[] = [...routes, ...pageRoutes];

/** The function fed by the table's stream rather than by a route. */
export const streamConsumer: FunctionName = 'notifier';

/**
 * Functions fed by the table's stream besides the notifier, each given only the records it acts on (the event
 * source mapping's filter: the stream record's event name and the old image's entity tag).
 */
export const filteredStreamConsumers = {
  'draft-cleanup': { eventName: 'REMOVE', entity: 'draft' },
} as const satisfies Partial<Record<FunctionName, { eventName: 'INSERT' | 'MODIFY' | 'REMOVE'; entity: string }>>;

/** Functions run on a schedule (EventBridge Scheduler-style expressions, UTC). */
export const scheduledFunctions = {
  // 07:00 UTC: 09:00 or 10:00 in Riga, so reminders arrive in the morning.
  'draft-reminders': 'cron(0 7 * * ? *)',
} as const satisfies Partial<Record<FunctionName, string>>;

/** The function fed by the stream consumer's on-failure queue. */
export const deadLetterConsumer: FunctionName = 'dead-letters';

/** The function the workforce user pool calls before it issues tokens (pre-token generation, V2_0 event). */
export const workforceTokenTrigger: FunctionName = 'workforce-token';
/** The function fed by the SES configuration set's bounce and complaint events (through SNS). */
export const mailEventConsumer: FunctionName = 'mail-events';
/** The function fed by the malware scanner's result events (EventBridge; locally the ClamAV scanner). */
export const scanResultConsumer: FunctionName = 'promote-upload';

/** `POST /applications/{id}` style key, as API Gateway names routes. */
export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>): string =>
  `${route.method} ${route.path}`;
