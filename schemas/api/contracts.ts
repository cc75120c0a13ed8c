/**
 * The API contract per route of the route table (infra/routes.ts): what it is for, what it takes and what it
 * answers. Request schemas are the very objects the handlers validate with; response shapes are in responses.ts.
 * Imports every request schema, so only the OpenAPI function and tests may import it.
 */
import * as z from 'zod/mini';
import { ApplicationSubmission } from '../application';
import { Decision, DocumentsSubmitted, RepresentativeConfirmation, Withdrawal } from '../decision';
import { FailedNotificationsQuery, ReportYearPath, ResendRequest, StaffListQuery } from '../staff';
import { AnnualReport } from '../report';
import { EligibilityQuestion, ServiceIdPath } from '../eligibility';
import { ApplicationIdPath, ListApplicationsQuery } from '../lifecycle';
import { ReferralSubmission } from '../referral';
import { PersonalDataExport, MyDataQuery } from '../personal-data';
import { DataExportRequest, DestructionRequest, RetentionDueQuery } from '../retention';
import { DraftContent, DraftIdPath, DraftUploadPath, NewDraft } from '../drafts';
import { AttachmentPath, UploadPath, UploadRequest } from '../uploads';
import type { routes } from '../../infra/routes';
import { Receipt, WorkListPage, CitizenApplicationPage, ReferralPage, ApplicationView, StaffApplicationView, ReferralView, TransitionResult, FailedNotificationPage, LostBatchPage, DueRecordPage, DestructionResult, ResendAccepted, EligibilityAnswer, ServiceCatalogue, UploadTicket, UploadStatus, DraftList, DraftDocument, DraftDeleted, Redirect, OpenApiDocument } from './responses';

export type Schema = z.ZodMiniType;

// ─── Routes ─────────────────────────────────────────────────────────────────

type KeyOf<R> = R extends { readonly method: infer M extends string; readonly path: infer P extends string } ? `${M} ${P}` : never;
/** `POST /applications` …: the keys of the route table, as `routeKey` spells them. */
export type RouteKey = KeyOf<(typeof routes)[number]>;

/** A response header (all are strings). */
export interface ResponseHeader {
  readonly description: string;
}

export interface RouteContract {
  readonly tag: 'Applications' | 'Drafts' | 'Referrals' | 'Services' | 'Staff' | 'API';
  readonly request?: {
    readonly body?: Schema;
    readonly query?: Schema;
    readonly path?: Schema;
    /** The handler honours an `Idempotency-Key` header. */
    readonly idempotent?: boolean;
  };
  readonly response: {
    readonly status: 200 | 201 | 202 | 303;
    readonly description: string;
    readonly schema: Schema;
    readonly headers?: Readonly<Record<string, ResponseHeader>>;
  };
  /** Refusals the route's business rules add to those its shape implies (validation, sign-in, size…). */
  readonly refusals?: readonly (409 | 412 | 422 | 428 | 429)[];
}

const receiptHeaders = {
  Location: { description: 'Where the caller reads the application.' },
  'Idempotent-Replayed': { description: '`true` when this answers a repeated request (same Idempotency-Key and body) with the first answer.' },
} satisfies Record<string, ResponseHeader>;

const publicCache = {
  'Cache-Control': { description: 'The document is static per deployment: `public, max-age=300`.' },
} satisfies Record<string, ResponseHeader>;

/** A person's data, as `GET /me/data` and the archivist's export answer it (the header says when it is a file). */
const personalDataResponse = (disposition: string) =>
  ({ status: 200, description: "The person's data.", schema: PersonalDataExport, headers: { 'Content-Disposition': { description: disposition } } }) as const;

/** What a submission answers: the receipt, where to read the application, and whether this was a replay. */
const receiptResponse = { status: 201, description: 'Stored; the receipt.', schema: Receipt, headers: receiptHeaders } as const;

/** A presigned POST for one declared file of what `path` names (an application, a referral, a draft). */
const uploadContract = (tag: 'Applications' | 'Referrals' | 'Drafts', path: Schema = ApplicationIdPath) =>
  ({
    tag,
    request: { path, body: UploadRequest },
    response: { status: 201, description: 'Where and how to POST the file.', schema: UploadTicket, headers: { Location: { description: "The upload's status." } } },
    refusals: [422],
  }) as const satisfies RouteContract;

const uploadStatusContract = (tag: 'Applications' | 'Referrals' | 'Drafts', path: Schema = UploadPath) =>
  ({
    tag,
    request: { path },
    response: { status: 200, description: 'The state.', schema: UploadStatus },
  }) as const satisfies RouteContract;
/** A step of an application's lifecycle: the change asked for, answered with the application's new state. */
const transitionContract = (tag: 'Applications' | 'Referrals' | 'Staff', body: Schema, description: string) =>
  ({
    tag,
    request: { path: ApplicationIdPath, body },
    response: { status: 200, description, schema: TransitionResult },
    refusals: [409, 422],
  }) as const satisfies RouteContract;
const documentsContract = (tag: 'Applications' | 'Referrals') =>
  transitionContract(
    tag,
    DocumentsSubmitted,
    'Sent: under review again after a request for documents (`documents_submitted`), or added with the status unchanged before any decision (`documents_added`).',
  );
const downloadContract = (tag: 'Staff' | 'Referrals') =>
  ({
    tag,
    request: { path: AttachmentPath },
    response: { status: 303, description: 'Follow `Location` within 60 seconds.', schema: Redirect, headers: { Location: { description: 'The download link.' } } },
  }) as const satisfies RouteContract;

// Data table, not logic (issue 14's copy check): one contract per route (summary, request, response, refusals);
// contracts look alike because each is the same record shape.
export const routeContracts = {
  'POST /applications': {
    tag: 'Applications',
    request: { body: ApplicationSubmission, idempotent: true },
    response: receiptResponse,
    refusals: [409, 422, 429],
  },
  'GET /applications': {
    tag: 'Applications',
    request: { query: ListApplicationsQuery },
    response: { status: 200, description: 'A page of applications.', schema: CitizenApplicationPage },
  },
  'GET /applications/{id}': {
    tag: 'Applications',
    request: { path: ApplicationIdPath },
    response: { status: 200, description: 'The application.', schema: ApplicationView },
  },
  'POST /referrals': {
    tag: 'Referrals',
    request: { body: ReferralSubmission, idempotent: true },
    response: receiptResponse,
    refusals: [409, 422],
  },
  'GET /referrals': {
    tag: 'Referrals',
    request: { query: ListApplicationsQuery },
    response: { status: 200, description: 'A page of referrals.', schema: ReferralPage },
  },
  'GET /referrals/{id}': {
    tag: 'Referrals',
    request: { path: ApplicationIdPath },
    response: { status: 200, description: 'The referral.', schema: ReferralView },
  },
  'POST /services/{serviceId}/eligibility': {
    tag: 'Services',
    request: { path: ServiceIdPath, body: EligibilityQuestion, idempotent: true },
    response: { status: 200, description: 'The answer, in the negotiated language.', schema: EligibilityAnswer },
  },
  'GET /services': {
    tag: 'Services',
    response: { status: 200, description: 'The catalogue.', schema: ServiceCatalogue, headers: publicCache },
  },
  'GET /openapi.json': {
    tag: 'API',
    response: { status: 200, description: 'The OpenAPI document.', schema: OpenApiDocument, headers: publicCache },
  },
  'POST /applications/{id}/withdrawal': transitionContract('Applications', Withdrawal, 'Withdrawn.'),
  'POST /applications/{id}/documents': documentsContract('Applications'),
  'GET /staff/applications': {
    tag: 'Staff',
    request: { query: StaffListQuery },
    response: {
      status: 200,
      description:
        'A page of applications, and `counts`: how many applications of the services in scope (the one named by `serviceId`, or all of the caller\'s) stand in each status now, whatever the other filters; kept from the table stream, one item read per service (docs/workforce-officers.md).',
      schema: WorkListPage,
    },
  },
  'GET /staff/applications/{id}': {
    tag: 'Staff',
    request: { path: ApplicationIdPath },
    response: { status: 200, description: 'The application.', schema: StaffApplicationView },
  },
  'POST /staff/applications/{id}/decisions': transitionContract('Staff', Decision, 'Decided.'),
  'POST /staff/applications/{id}/representative-confirmation': transitionContract('Staff', RepresentativeConfirmation, 'Confirmed.'),
  'GET /staff/notifications/failed': {
    tag: 'Staff',
    request: { query: FailedNotificationsQuery },
    response: { status: 200, description: 'A page of failed notifications.', schema: FailedNotificationPage },
  },
  'GET /staff/notifications/lost-batches': {
    tag: 'Staff',
    request: { query: ListApplicationsQuery },
    response: { status: 200, description: 'A page of lost batches.', schema: LostBatchPage },
  },
  'POST /staff/applications/{id}/notifications/resend': {
    tag: 'Staff',
    request: { path: ApplicationIdPath, body: ResendRequest },
    response: { status: 202, description: 'Accepted; the e-mail follows.', schema: ResendAccepted },
    refusals: [409],
  },
  'GET /staff/reports/{year}': {
    tag: 'Staff',
    request: { path: ReportYearPath },
    response: { status: 200, description: 'The figures.', schema: AnnualReport },
  },
  'POST /drafts': {
    tag: 'Drafts',
    request: { body: NewDraft },
    response: { status: 201, description: 'Started (or 200: the draft already there).', schema: DraftDocument, headers: { Location: { description: 'The draft.' }, ETag: { description: 'The version, for If-Match.' } } },
  },
  'GET /drafts': {
    tag: 'Drafts',
    response: { status: 200, description: 'The drafts.', schema: DraftList },
  },
  'GET /drafts/{id}': {
    tag: 'Drafts',
    request: { path: DraftIdPath },
    response: { status: 200, description: 'The draft.', schema: DraftDocument, headers: { ETag: { description: 'The version, for If-Match.' } } },
  },
  'PUT /drafts/{id}': {
    tag: 'Drafts',
    request: { path: DraftIdPath, body: DraftContent },
    response: { status: 200, description: 'Saved: the new version and the field errors.', schema: DraftDocument, headers: { ETag: { description: 'The new version.' } } },
    refusals: [412, 428],
  },
  'DELETE /drafts/{id}': {
    tag: 'Drafts',
    request: { path: DraftIdPath },
    response: { status: 200, description: 'Deleted.', schema: DraftDeleted },
  },
  'POST /drafts/{id}/submit': {
    tag: 'Drafts',
    request: { path: DraftIdPath },
    response: receiptResponse,
    refusals: [409, 422, 429],
  },
  'POST /drafts/{id}/uploads': uploadContract('Drafts', DraftIdPath),
  'GET /drafts/{id}/uploads/{uploadId}': uploadStatusContract('Drafts', DraftUploadPath),
  'POST /applications/{id}/uploads': uploadContract('Applications'),
  'GET /applications/{id}/uploads/{uploadId}': uploadStatusContract('Applications'),
  'POST /referrals/{id}/uploads': uploadContract('Referrals'),
  'GET /referrals/{id}/uploads/{uploadId}': uploadStatusContract('Referrals'),
  'GET /staff/applications/{id}/attachments/{attachmentId}': downloadContract('Staff'),
  'POST /referrals/{id}/documents': documentsContract('Referrals'),
  'GET /referrals/{id}/attachments/{attachmentId}': downloadContract('Referrals'),
  'GET /staff/retention/due': {
    tag: 'Staff',
    request: { query: RetentionDueQuery },
    response: { status: 200, description: 'A page of due files.', schema: DueRecordPage },
  },
  'POST /staff/retention/destructions': {
    tag: 'Staff',
    request: { body: DestructionRequest },
    response: { status: 200, description: 'Destroyed.', schema: DestructionResult },
    refusals: [422],
  },
  'GET /me/data': {
    tag: 'Applications',
    request: { query: MyDataQuery },
    response: personalDataResponse('With `download=true`: `attachment; filename="siva-dati-<date>.json"`.'),
  },
  'POST /staff/data-exports': {
    tag: 'Staff',
    request: { body: DataExportRequest },
    response: personalDataResponse('`attachment; filename="siva-dati-<date>.json"`.'),
  },
} as const satisfies Record<RouteKey, RouteContract>;
