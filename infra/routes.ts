/**
 * The one route table. The CDK stack builds the HTTP API from it and the local
 * gateway mounts it, so the two cannot drift. Pure data: no CDK imports here,
 * because the local runtime loads this file too.
 */

import type { Role } from '../functions/core/model';
import { workforceScope } from '../functions/core/workforce-identity';
import type { catalogueRoutes } from '../schemas/catalogue-links';
import { referrerKinds } from '../schemas/services';

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
 * An API route, in one place: where it is (method, path), which function answers it (`functions` above: its
 * handler module, table access, indexes and other IAM needs), which sign-in guards it (`audience`), which roles the
 * handler lets through, and what it is for (published in the OpenAPI document). What it takes and answers (body,
 * query and path schemas, the response) is its contract in schemas/api/contracts.ts, under its `routeKey`.
 *
 * Each route is its own constant, which its handler imports for its roles: a bundler keeps only the routes a
 * handler names, so a function does not carry the whole table's prose. The constants below are a data table (same
 * shape on purpose, as the rows of `routes` were before); no template literals or spreads in them, which a bundler
 * would keep in every handler.
 */
export interface ApiRouteDefinition extends RouteDefinition {
  /** Roles the handler lets through once the audience's authorizer accepted the token; `public`: anyone, signed in or not. */
  readonly roles: readonly Role[] | 'public';
  /** English, a few words; the Latvian in `summaryLv` (published as `x-summary-lv`). */
  readonly summary: string;
  readonly summaryLv: string;
  readonly description: string;
}

const citizens = ['citizen'] as const;
/** Officers of the organisations that refer clients, each with the role of its kind. */
const referrers = referrerKinds;
const staff = ['staff'] as const;
const archivists = ['archivist'] as const;

/**
 * Anyone may call the public routes without signing in, so each gets a limit of its own, well below the stage's
 * default (infra/settings.ts): a flood of pre-checks or catalogue reads cannot use up the capacity signed-in people
 * need to apply and staff need to work.
 */
const publicThrottle = { rateLimit: 10, burstLimit: 20 } as const;

/** How every list pages, said once for all the lists' descriptions. */
const pageSize = '`limit` (1–50, default 20) a page; while `nextCursor` is present, pass it as `cursor` for the next page.';
const paged = `At most ${pageSize}`;
const newestFirstPaged = `Newest first, at most ${pageSize}`;

// Data table, not logic (issue 14's copy check): one constant per route (method, path, function, audience, roles,
// summaries, description); routes look alike because each is the same record shape.
export const submitApplicationRoute = {
  method: 'POST', path: '/applications', function: 'submit-application', audience: 'citizen', roles: citizens,
  summary: 'Apply for a service', summaryLv: 'Iesniegt pieteikumu pakalpojumam',
  description: "A citizen applies for themself, or as the legal representative or authorised person of someone else (then `representative` and the person's name and personal code are required). The body is the form of one service and track; `GET /services` publishes each form's JSON Schema. 201 means the application is stored; confirmation e-mails follow.",
} as const satisfies ApiRouteDefinition & (typeof catalogueRoutes)['apply'];

export const listApplicationsRoute = {
  method: 'GET', path: '/applications', function: 'list-applications', audience: 'citizen', roles: citizens,
  summary: "The caller's applications", summaryLv: 'Mani pieteikumi',
  description: 'Applications the caller filed and those filed about them (by a representative, by referral), each marked `filedBy`. ' + newestFirstPaged,
} as const satisfies ApiRouteDefinition;

export const getApplicationRoute = {
  method: 'GET', path: '/applications/{id}', function: 'get-application', audience: 'citizen', roles: citizens,
  summary: 'One application with its timeline', summaryLv: 'Pieteikums un tā virzība',
  description: 'For the citizen who filed it or whom it concerns; for anyone else it does not exist (404).',
} as const satisfies ApiRouteDefinition;

export const submitReferralRoute = {
  method: 'POST', path: '/referrals', function: 'submit-referral', audience: 'workforce', roles: referrers,
  summary: 'Refer a client to a service', summaryLv: 'Nosūtīt klientu uz pakalpojumu',
  description: "A municipal social service, the NVA, a medical institution or the armed forces file on their client's behalf: the referral document, the client's consent and the service form. The organisation and officer come from the sign-in; each may refer only to the tracks the catalogue lists for it.",
} as const satisfies ApiRouteDefinition & (typeof catalogueRoutes)['refer'];

export const listReferralsRoute = {
  method: 'GET', path: '/referrals', function: 'list-referrals', audience: 'workforce', roles: referrers,
  summary: "The organisation's referrals", summaryLv: 'Iestādes nosūtījumi',
  description: "Referrals filed by the officer's organisation. " + newestFirstPaged,
} as const satisfies ApiRouteDefinition;

export const getReferralRoute = {
  method: 'GET', path: '/referrals/{id}', function: 'get-referral', audience: 'workforce', roles: referrers,
  summary: 'One referral with its timeline', summaryLv: 'Nosūtījums un tā virzība',
  description: "For the referring organisation, with the files it attached (each `href` answers a 303 to a 60-second download link); another organisation's referral does not exist for the caller (404).",
} as const satisfies ApiRouteDefinition;

export const checkEligibilityRoute = {
  method: 'POST', path: '/services/{serviceId}/eligibility', function: 'check-eligibility', audience: null, roles: 'public', throttle: publicThrottle,
  summary: 'Check eligibility before applying', summaryLv: 'Pārbaudīt atbilstību pirms pieteikšanās',
  description: 'Anonymous: no sign-in and no personal code; nothing is stored. Every answer is optional: the reply says per track whether the person appears eligible, why not, which facts it still needs, the evidence to prepare, and what else may fit.',
} as const satisfies ApiRouteDefinition & (typeof catalogueRoutes)['eligibility'];

export const listServicesRoute = {
  method: 'GET', path: '/services', function: 'list-services', audience: null, roles: 'public', throttle: publicThrottle,
  summary: 'The catalogue of services', summaryLv: 'Pakalpojumu katalogs',
  description: 'Every service in Latvian and English: legal basis, tracks, who may apply, evidence, conditions from configuration (ages, windows, co-payment), links, and the JSON Schema of its application form.',
} as const satisfies ApiRouteDefinition;

export const openapiRoute = {
  method: 'GET', path: '/openapi.json', function: 'openapi', audience: null, roles: 'public', throttle: publicThrottle,
  summary: 'This document', summaryLv: 'Šis API apraksts',
  description: 'The OpenAPI 3.1 description of the whole API, generated from the route table and the schemas the handlers validate with.',
} as const satisfies ApiRouteDefinition;

export const withdrawApplicationRoute = {
  method: 'POST', path: '/applications/{id}/withdrawal', function: 'withdraw-application', audience: 'citizen', roles: citizens,
  summary: 'Withdraw an application', summaryLv: 'Atsaukt pieteikumu',
  description: 'The applicant withdraws before the service starts. Send the `version` you saw as `expectedVersion`: if the application has changed since, the answer is 409; after the start, 422.',
} as const satisfies ApiRouteDefinition;

export const submitApplicationDocumentsRoute = {
  method: 'POST', path: '/applications/{id}/documents', function: 'submit-documents', audience: 'citizen', roles: citizens,
  summary: 'Send documents, or report them as sent', summaryLv: 'Iesniegt dokumentus vai paziņot, ka tie nosūtīti',
  description: 'The applicant says which documents they sent and how, or attaches clean uploads (`sentBy: "upload"`); staff are alerted. After a request for documents (`documents_requested`) the application goes back under review (200, `status: "under_review"`, event `documents_submitted`); before any decision (`submitted` or `registered`) the documents are added and the status stays (200, same status, event `documents_added`). Send the `version` you saw as `expectedVersion`: a stale one gets 409; in any other status, 422 naming the statuses documents may be sent in (`allowedStatuses`).',
} as const satisfies ApiRouteDefinition;

export const listWorkRoute = {
  method: 'GET', path: '/staff/applications', function: 'list-work', audience: 'workforce', roles: staff,
  summary: 'Work list', summaryLv: 'Darba saraksts',
  description: "All of the services the staff member works on, or the one named by `serviceId`, filtered by track, status and submission dates; newest first (each service is queried and the results merged, never scanned), or one service's queue of one track in queue order with `sort=queue` (needs `serviceId` and `track`). " + newestFirstPaged,
} as const satisfies ApiRouteDefinition;

export const staffGetApplicationRoute = {
  method: 'GET', path: '/staff/applications/{id}', function: 'staff-get-application', audience: 'workforce', roles: staff,
  summary: 'The full application for staff', summaryLv: 'Pilns pieteikums darbiniekam',
  description: 'Timeline with actors, decisions, notifications and the decisions allowed now. The read itself is recorded on the timeline (who and when).',
} as const satisfies ApiRouteDefinition;

export const decideRoute = {
  method: 'POST', path: '/staff/applications/{id}/decisions', function: 'decide', audience: 'workforce', roles: staff,
  summary: 'Take a decision', summaryLv: 'Pieņemt lēmumu',
  description: 'Register, request documents, review, admit to the queue, grant, refuse, record the start, not started or postponed, complete. `expectedVersion` is the version you saw: a stale one gets 409 (two people deciding at once cannot both win); a decision the status does not allow gets 422 naming the allowed ones.',
} as const satisfies ApiRouteDefinition;

export const confirmRepresentativeRoute = {
  method: 'POST', path: '/staff/applications/{id}/representative-confirmation', function: 'confirm-representative', audience: 'workforce', roles: staff,
  summary: "Confirm a representative's authority", summaryLv: 'Apstiprināt pārstāvja tiesības',
  description: 'After checking the document the representative named: from now on the representative reads the whole application and may withdraw it or send documents. Until then they read back only what they filed. A stale `expectedVersion` gets 409; an application not filed by a representative 422.',
} as const satisfies ApiRouteDefinition;

export const listFailedNotificationsRoute = {
  method: 'GET', path: '/staff/notifications/failed', function: 'list-failed-notifications', audience: 'workforce', roles: staff,
  summary: 'Notifications that could not be delivered', summaryLv: 'Nepiegādātie paziņojumi',
  description: "A service's e-mails that failed after every retry, for staff to resend. " + newestFirstPaged,
} as const satisfies ApiRouteDefinition;

export const listLostBatchesRoute = {
  method: 'GET', path: '/staff/notifications/lost-batches', function: 'list-lost-batches', audience: 'workforce', roles: staff,
  summary: 'Stream batches whose e-mails could not be recorded', summaryLv: 'Pazaudētās paziņojumu partijas',
  description: 'Batches of table changes the notifier could not get through and the stream no longer held when they were dead-lettered: their e-mails are unknown, so each names the shard, sequence range and arrival times to look into (applications changed in that window). ' + newestFirstPaged,
} as const satisfies ApiRouteDefinition;

export const resendNotificationRoute = {
  method: 'POST', path: '/staff/applications/{id}/notifications/resend', function: 'resend-notification', audience: 'workforce', roles: staff,
  summary: 'Resend a failed notification', summaryLv: 'Sūtīt nepiegādāto paziņojumu vēlreiz',
  description: 'Puts the notification back to pending; the notifier sends it again (once) and records the outcome on the timeline.',
} as const satisfies ApiRouteDefinition;

export const staffReportRoute = {
  method: 'GET', path: '/staff/reports/{year}', function: 'staff-report', audience: 'workforce', roles: staff,
  summary: "The year's report figures", summaryLv: 'Gada pārskata rādītāji',
  description: "Applications, decisions by category, recipients, withdrawals and the year-end queue, per service and track and in total, for the caller's services. Kept from the table stream, so new events show after a few seconds.",
} as const satisfies ApiRouteDefinition;

export const createApplicationUploadRoute = {
  method: 'POST', path: '/applications/{id}/uploads', function: 'create-upload', audience: 'citizen', roles: citizens,
  summary: 'Upload a document', summaryLv: 'Augšupielādēt dokumentu',
  description: "Declare one file (its evidence type from the service's catalogue entry, or `other`; name; content type; exact size) and get a presigned POST valid for five minutes, into a quarantine bucket. The file is scanned for malware and its real type and size are checked from its bytes; follow it with the upload's status. Limits: 10 MB a file, 30 MB and 20 files an application; PDF, JPEG, PNG, HEIC, DOCX, ODT and EDOC/ASiC-E.",
} as const satisfies ApiRouteDefinition;

export const getApplicationUploadRoute = {
  method: 'GET', path: '/applications/{id}/uploads/{uploadId}', function: 'get-upload', audience: 'citizen', roles: citizens,
  summary: "An upload's check", summaryLv: 'Augšupielādes pārbaude',
  description: 'Pending while scanned; clean once it may be attached (`POST /applications/{id}/documents` with `sentBy: "upload"`); rejected with the reason and what to do, in the negotiated language.',
} as const satisfies ApiRouteDefinition;

export const createReferralUploadRoute = {
  method: 'POST', path: '/referrals/{id}/uploads', function: 'create-upload', audience: 'workforce', roles: referrers,
  summary: 'Upload a document to a referral', summaryLv: 'Augšupielādēt dokumentu nosūtījumam',
  description: "Declare one file (its evidence type from the service's catalogue entry, or `other`; name; content type; exact size) and get a presigned POST valid for five minutes, into a quarantine bucket. The file is scanned for malware and its real type and size are checked from its bytes; follow it with the upload's status. Limits: 10 MB a file, 30 MB and 20 files an application; PDF, JPEG, PNG, HEIC, DOCX, ODT and EDOC/ASiC-E.",
} as const satisfies ApiRouteDefinition;

export const getReferralUploadRoute = {
  method: 'GET', path: '/referrals/{id}/uploads/{uploadId}', function: 'get-upload', audience: 'workforce', roles: referrers,
  summary: "An upload's check", summaryLv: 'Augšupielādes pārbaude',
  description: 'For the organisation that uploaded it: pending, clean or rejected with what to do.',
} as const satisfies ApiRouteDefinition;

export const downloadAttachmentRoute = {
  method: 'GET', path: '/staff/applications/{id}/attachments/{attachmentId}', function: 'download-attachment', audience: 'workforce', roles: staff,
  summary: 'Download an attachment', summaryLv: 'Lejupielādēt pielikumu',
  description: 'A 303 to a download link that lives 60 seconds. Only scanned, checked files are ever attached. The read is recorded on the timeline (who, when, which attachment).',
} as const satisfies ApiRouteDefinition;

export const submitReferralDocumentsRoute = {
  method: 'POST', path: '/referrals/{id}/documents', function: 'submit-documents', audience: 'workforce', roles: referrers,
  summary: 'Send documents for a referral', summaryLv: 'Iesniegt nosūtījuma dokumentus',
  description: 'The referring organisation reports documents as sent, or attaches files it uploaded (`sentBy: "upload"` with an `uploadId` from `POST /referrals/{id}/uploads`, once clean; another\'s upload does not exist for the caller, 404); staff are alerted. Right after filing (`submitted`) or once registered, this is how the referral document reaches SIVA: the documents are added and the status stays (200, event `documents_added`). After a request for documents (`documents_requested`) the referral goes back under review (200, `status: "under_review"`, event `documents_submitted`). Send the `version` you saw as `expectedVersion`: a stale one gets 409; in any other status, 422 naming the statuses documents may be sent in (`allowedStatuses`).',
} as const satisfies ApiRouteDefinition;

export const downloadReferralAttachmentRoute = {
  method: 'GET', path: '/referrals/{id}/attachments/{attachmentId}', function: 'download-referral-attachment', audience: 'workforce', roles: referrers,
  summary: 'Download an attachment the organisation uploaded', summaryLv: 'Lejupielādēt iestādes augšupielādēto pielikumu',
  description: "A 303 to a download link that lives 60 seconds. Only files the caller's organisation uploaded and attached; any other attachment does not exist for the caller (404). The read is recorded on the timeline (who, when, which attachment).",
} as const satisfies ApiRouteDefinition;

export const listRetentionDueRoute = {
  method: 'GET', path: '/staff/retention/due', function: 'list-retention-due', audience: 'workforce', roles: archivists,
  summary: 'Files due for destruction in a month', summaryLv: 'Mēnesī iznīcināmās lietas',
  description: "For the archivist: closed applications whose retention (10 years after closing, the agency's file plan) ends in `month` (Riga dates), earliest first; nothing about the person. Records are never deleted by a timer: this list goes to the archive for approval. " + paged,
} as const satisfies ApiRouteDefinition;

export const destroyApplicationsRoute = {
  method: 'POST', path: '/staff/retention/destructions', function: 'destroy-applications', audience: 'workforce', roles: archivists,
  summary: 'Destroy due files', summaryLv: 'Iznīcināt lietas, kuru glabāšanas termiņš beidzies',
  description: "For the archivist, with the archive's approval: deletes every item and evidence object of each application and leaves a tombstone (reference, service, dates, approval; no personal data). All named files must be due, or nothing is destroyed (422 naming each one that is not); one already destroyed answers with its tombstone. The report's figures are unaffected.",
} as const satisfies ApiRouteDefinition;

export const exportMyDataRoute = {
  method: 'GET', path: '/me/data', function: 'export-my-data', audience: 'citizen', roles: citizens,
  summary: 'Everything held about me', summaryLv: 'Visi par mani glabātie dati',
  description: "Every application, referral and representative filing about the signed-in person, with timelines, decisions, the e-mails sent to them and the documents attached, as one JSON document (GDPR Art. 15 and 20). `download=true` answers it as a file (`Content-Disposition: attachment`). Nothing about anyone else: not what the person filed for someone else, not a representative's or an officer's own code or contacts.",
} as const satisfies ApiRouteDefinition;

export const exportPersonDataRoute = {
  method: 'POST', path: '/staff/data-exports', function: 'export-person-data', audience: 'workforce', roles: archivists,
  summary: "A person's data, for a request on paper", summaryLv: 'Personas dati pēc papīra pieprasījuma',
  description: 'For the archivist: the same document as `GET /me/data`, for the person with this personal code (in the body, so it never reaches an access log). The export is recorded first (who, when, which person); the person sees when in their own export.',
} as const satisfies ApiRouteDefinition;

export const createDraftRoute = {
  method: 'POST', path: '/drafts', function: 'create-draft', audience: 'citizen', roles: citizens,
  summary: 'Start a draft', summaryLv: 'Sākt melnrakstu',
  description: 'Starts saving an application unfinished, for a service (and track, when chosen; a service with one track gets it). One draft per person, service and track: asked again, the answer is the live draft already there (200, not 201), so another device resumes it. `ETag` carries the version for the first save.',
} as const satisfies ApiRouteDefinition;

export const listDraftsRoute = {
  method: 'GET', path: '/drafts', function: 'list-drafts', audience: 'citizen', roles: citizens,
  summary: "The caller's drafts", summaryLv: 'Mani melnraksti',
  description: 'Live drafts of the signed-in person, newest first, without their content. Expired drafts are gone even before the table deletes them.',
} as const satisfies ApiRouteDefinition;

export const getDraftRoute = {
  method: 'GET', path: '/drafts/{id}', function: 'get-draft', audience: 'citizen', roles: citizens,
  summary: 'Resume a draft', summaryLv: 'Atvērt melnrakstu',
  description: "The draft with its field errors and `unknownFields`: what it holds that the service's form no longer has (kept, not dropped; `formChanged` says the form changed since the last save). Another person's draft, and an expired one, are 404.",
} as const satisfies ApiRouteDefinition;

export const saveDraftRoute = {
  method: 'PUT', path: '/drafts/{id}', function: 'save-draft', audience: 'citizen', roles: citizens,
  summary: 'Save a draft', summaryLv: 'Saglabāt melnrakstu',
  description: 'The form as far as filled in, with its `serviceId` (and `track`), sent with `If-Match: "<version>"` (the ETag last read). Field errors are answered but do not stop the save. A stale version is 412 with `currentVersion` (two devices cannot overwrite each other); no If-Match is 428. Each save keeps the draft 30 more days, at most 90 days after it was started.',
} as const satisfies ApiRouteDefinition;

export const deleteDraftRoute = {
  method: 'DELETE', path: '/drafts/{id}', function: 'delete-draft', audience: 'citizen', roles: citizens,
  summary: 'Delete a draft', summaryLv: 'Dzēst melnrakstu',
  description: 'The draft and its uploads are deleted.',
} as const satisfies ApiRouteDefinition;

export const submitDraftRoute = {
  method: 'POST', path: '/drafts/{id}/submit', function: 'submit-draft', audience: 'citizen', roles: citizens,
  summary: 'Submit a draft', summaryLv: 'Iesniegt melnrakstu',
  description: 'The draft becomes an application exactly as `POST /applications` would take it (the same checks and answers); in the same write the draft is deleted and its clean uploads become attachments. A pending upload is 409, a rejected one 422. Asked again, the answer is the same application (`Idempotent-Replayed: true`) for 24 hours.',
} as const satisfies ApiRouteDefinition;

export const createDraftUploadRoute = {
  method: 'POST', path: '/drafts/{id}/uploads', function: 'create-draft-upload', audience: 'citizen', roles: citizens,
  summary: 'Upload a document to a draft', summaryLv: 'Augšupielādēt dokumentu melnrakstam',
  description: "Declare one file (its evidence type from the service's catalogue entry, or `other`; name; content type; exact size) and get a presigned POST valid for five minutes, into a quarantine bucket. The file is scanned for malware and its real type and size are checked from its bytes; follow it with the upload's status. Limits: 10 MB a file, 30 MB and 20 files an application; PDF, JPEG, PNG, HEIC, DOCX, ODT and EDOC/ASiC-E. The file becomes an attachment when the draft is submitted.",
} as const satisfies ApiRouteDefinition;

export const getDraftUploadRoute = {
  method: 'GET', path: '/drafts/{id}/uploads/{uploadId}', function: 'get-draft-upload', audience: 'citizen', roles: citizens,
  summary: "A draft upload's check", summaryLv: 'Melnraksta augšupielādes pārbaude',
  description: 'Pending while scanned; clean once the draft may be submitted with it; rejected with the reason and what to do.',
} as const satisfies ApiRouteDefinition;

/** Every API route, in the order the API Gateway and the OpenAPI document list them. */
export const routes = [
  submitApplicationRoute,
  listApplicationsRoute,
  getApplicationRoute,
  submitReferralRoute,
  listReferralsRoute,
  getReferralRoute,
  checkEligibilityRoute,
  listServicesRoute,
  openapiRoute,
  withdrawApplicationRoute,
  submitApplicationDocumentsRoute,
  listWorkRoute,
  staffGetApplicationRoute,
  decideRoute,
  confirmRepresentativeRoute,
  listFailedNotificationsRoute,
  listLostBatchesRoute,
  resendNotificationRoute,
  staffReportRoute,
  createApplicationUploadRoute,
  getApplicationUploadRoute,
  createReferralUploadRoute,
  getReferralUploadRoute,
  downloadAttachmentRoute,
  submitReferralDocumentsRoute,
  downloadReferralAttachmentRoute,
  listRetentionDueRoute,
  destroyApplicationsRoute,
  exportMyDataRoute,
  exportPersonDataRoute,
  createDraftRoute,
  listDraftsRoute,
  getDraftRoute,
  saveDraftRoute,
  deleteDraftRoute,
  submitDraftRoute,
  createDraftUploadRoute,
  getDraftUploadRoute,
] as const;

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
// Marked pure: a spread may run iterators, so a bundler would otherwise keep the whole table (and its prose) in
// every handler that imports just its own route.
export const httpRoutes: readonly RouteDefinition[] = /* @__PURE__ */ [routes, pageRoutes].flat();

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
