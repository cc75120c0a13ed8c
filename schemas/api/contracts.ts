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
import {
  Receipt,
  ApplicationPage,
  CitizenApplicationPage,
  ReferralPage,
  ApplicationView,
  StaffApplicationView,
  ReferralView,
  TransitionResult,
  FailedNotificationPage,
  LostBatchPage,
  DueRecordPage,
  DestructionResult,
  ResendAccepted,
  EligibilityAnswer,
  ServiceCatalogue,
  UploadTicket,
  UploadStatus,
  DraftList,
  DraftDocument,
  DraftDeleted,
  Redirect,
  OpenApiDocument,
} from './responses';

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
  /** English; the Latvian in `summaryLv` (published as `x-summary-lv`). */
  readonly summary: string;
  readonly summaryLv: string;
  readonly description: string;
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

const listDescription =
  'Newest first, at most `limit` (1–50, default 20) a page; while `nextCursor` is present, pass it as `cursor` for the next page.';

const uploadDescription =
  'Declare one file (its evidence type from the service\'s catalogue entry, or `other`; name; content type; exact size) and get a presigned POST valid for five minutes, into a quarantine bucket. The file is scanned for malware and its real type and size are checked from its bytes; follow it with the upload\'s status. Limits: 10 MB a file, 30 MB and 20 files an application; PDF, JPEG, PNG, HEIC, DOCX, ODT and EDOC/ASiC-E.';

const uploadContract = (tag: 'Applications' | 'Referrals', summary: string, summaryLv: string) =>
  ({
    tag,
    summary,
    summaryLv,
    description: uploadDescription,
    request: { path: ApplicationIdPath, body: UploadRequest },
    response: { status: 201, description: 'Where and how to POST the file.', schema: UploadTicket, headers: { Location: { description: "The upload's status." } } },
    refusals: [422],
  }) as const satisfies RouteContract;

const uploadStatusContract = (tag: 'Applications' | 'Referrals', description: string) =>
  ({
    tag,
    summary: "An upload's check",
    summaryLv: 'Augšupielādes pārbaude',
    description,
    request: { path: UploadPath },
    response: { status: 200, description: 'The state.', schema: UploadStatus },
  }) as const satisfies RouteContract;
const documentsContract = (tag: 'Applications' | 'Referrals', summary: string, summaryLv: string, description: string) =>
  ({
    tag,
    summary,
    summaryLv,
    description,
    request: { path: ApplicationIdPath, body: DocumentsSubmitted },
    response: { status: 200, description: 'Under review again.', schema: TransitionResult },
    refusals: [409, 422],
  }) as const satisfies RouteContract;
const downloadContract = (tag: 'Staff' | 'Referrals', summary: string, summaryLv: string, whose: string) =>
  ({
    tag,
    summary,
    summaryLv,
    description: `A 303 to a download link that lives 60 seconds. ${whose}`,
    request: { path: AttachmentPath },
    response: { status: 303, description: 'Follow `Location` within 60 seconds.', schema: Redirect, headers: { Location: { description: 'The download link.' } } },
  }) as const satisfies RouteContract;

// Data table, not logic (issue 14's copy check): one contract per route (summary, request, response, refusals);
// contracts look alike because each is the same record shape.
export const routeContracts = {
  'POST /applications': {
    tag: 'Applications',
    summary: 'Apply for a service',
    summaryLv: 'Iesniegt pieteikumu pakalpojumam',
    description:
      'A citizen applies for themself, or as the legal representative or authorised person of someone else (then `representative` and the person\'s name and personal code are required). The body is the form of one service and track; `GET /services` publishes each form\'s JSON Schema. 201 means the application is stored; confirmation e-mails follow.',
    request: { body: ApplicationSubmission, idempotent: true },
    response: { status: 201, description: 'Stored; the receipt.', schema: Receipt, headers: receiptHeaders },
    refusals: [409, 422, 429],
  },
  'GET /applications': {
    tag: 'Applications',
    summary: "The caller's applications",
    summaryLv: 'Mani pieteikumi',
    description: `Applications the caller filed and those filed about them (by a representative, by referral), each marked \`filedBy\`. ${listDescription}`,
    request: { query: ListApplicationsQuery },
    response: { status: 200, description: 'A page of applications.', schema: CitizenApplicationPage },
  },
  'GET /applications/{id}': {
    tag: 'Applications',
    summary: 'One application with its timeline',
    summaryLv: 'Pieteikums un tā virzība',
    description: 'For the citizen who filed it or whom it concerns; for anyone else it does not exist (404).',
    request: { path: ApplicationIdPath },
    response: { status: 200, description: 'The application.', schema: ApplicationView },
  },
  'POST /referrals': {
    tag: 'Referrals',
    summary: 'Refer a client to a service',
    summaryLv: 'Nosūtīt klientu uz pakalpojumu',
    description:
      "A municipal social service, the NVA, a medical institution or the armed forces file on their client's behalf: the referral document, the client's consent and the service form. The organisation and officer come from the sign-in; each may refer only to the tracks the catalogue lists for it.",
    request: { body: ReferralSubmission, idempotent: true },
    response: { status: 201, description: 'Stored; the receipt.', schema: Receipt, headers: receiptHeaders },
    refusals: [409, 422],
  },
  'GET /referrals': {
    tag: 'Referrals',
    summary: "The organisation's referrals",
    summaryLv: 'Iestādes nosūtījumi',
    description: `Referrals filed by the officer's organisation. ${listDescription}`,
    request: { query: ListApplicationsQuery },
    response: { status: 200, description: 'A page of referrals.', schema: ReferralPage },
  },
  'GET /referrals/{id}': {
    tag: 'Referrals',
    summary: 'One referral with its timeline',
    summaryLv: 'Nosūtījums un tā virzība',
    description:
      "For the referring organisation, with the files it attached (each `href` answers a 303 to a 60-second download link); another organisation's referral does not exist for the caller (404).",
    request: { path: ApplicationIdPath },
    response: { status: 200, description: 'The referral.', schema: ReferralView },
  },
  'POST /services/{serviceId}/eligibility': {
    tag: 'Services',
    summary: 'Check eligibility before applying',
    summaryLv: 'Pārbaudīt atbilstību pirms pieteikšanās',
    description:
      'Anonymous: no sign-in and no personal code; nothing is stored. Every answer is optional: the reply says per track whether the person appears eligible, why not, which facts it still needs, the evidence to prepare, and what else may fit.',
    request: { path: ServiceIdPath, body: EligibilityQuestion, idempotent: true },
    response: { status: 200, description: 'The answer, in the negotiated language.', schema: EligibilityAnswer },
  },
  'GET /services': {
    tag: 'Services',
    summary: 'The catalogue of services',
    summaryLv: 'Pakalpojumu katalogs',
    description:
      'Every service in Latvian and English: legal basis, tracks, who may apply, evidence, conditions from configuration (ages, windows, co-payment), links, and the JSON Schema of its application form.',
    response: { status: 200, description: 'The catalogue.', schema: ServiceCatalogue, headers: publicCache },
  },
  'GET /openapi.json': {
    tag: 'API',
    summary: 'This document',
    summaryLv: 'Šis API apraksts',
    description: 'The OpenAPI 3.1 description of the whole API, generated from the route table and the schemas the handlers validate with.',
    response: { status: 200, description: 'The OpenAPI document.', schema: OpenApiDocument, headers: publicCache },
  },
  'POST /applications/{id}/withdrawal': {
    tag: 'Applications',
    summary: 'Withdraw an application',
    summaryLv: 'Atsaukt pieteikumu',
    description:
      'The applicant withdraws before the service starts. Send the `version` you saw as `expectedVersion`: if the application has changed since, the answer is 409; after the start, 422.',
    request: { path: ApplicationIdPath, body: Withdrawal },
    response: { status: 200, description: 'Withdrawn.', schema: TransitionResult },
    refusals: [409, 422],
  },
  'POST /applications/{id}/documents': documentsContract(
    'Applications',
    'Report the requested documents as sent',
    'Paziņot, ka pieprasītie dokumenti nosūtīti',
    'After a request for documents: the applicant says which documents they sent and how; staff are alerted and the application goes back under review.',
  ),
  'GET /staff/applications': {
    tag: 'Staff',
    summary: 'Work list',
    summaryLv: 'Darba saraksts',
    description: `All of the services the staff member works on, or the one named by \`serviceId\`, filtered by track, status and submission dates; newest first (each service is queried and the results merged, never scanned), or one service's queue of one track in queue order with \`sort=queue\` (needs \`serviceId\` and \`track\`). ${listDescription}`,
    request: { query: StaffListQuery },
    response: { status: 200, description: 'A page of applications.', schema: ApplicationPage },
  },
  'GET /staff/applications/{id}': {
    tag: 'Staff',
    summary: 'The full application for staff',
    summaryLv: 'Pilns pieteikums darbiniekam',
    description: 'Timeline with actors, decisions, notifications and the decisions allowed now. The read itself is recorded on the timeline (who and when).',
    request: { path: ApplicationIdPath },
    response: { status: 200, description: 'The application.', schema: StaffApplicationView },
  },
  'POST /staff/applications/{id}/decisions': {
    tag: 'Staff',
    summary: 'Take a decision',
    summaryLv: 'Pieņemt lēmumu',
    description:
      'Register, request documents, review, admit to the queue, grant, refuse, record the start, not started or postponed, complete. `expectedVersion` is the version you saw: a stale one gets 409 (two people deciding at once cannot both win); a decision the status does not allow gets 422 naming the allowed ones.',
    request: { path: ApplicationIdPath, body: Decision },
    response: { status: 200, description: 'Decided.', schema: TransitionResult },
    refusals: [409, 422],
  },
  'POST /staff/applications/{id}/representative-confirmation': {
    tag: 'Staff',
    summary: "Confirm a representative's authority",
    summaryLv: 'Apstiprināt pārstāvja tiesības',
    description:
      'After checking the document the representative named: from now on the representative reads the whole application and may withdraw it or send documents. Until then they read back only what they filed. A stale `expectedVersion` gets 409; an application not filed by a representative 422.',
    request: { path: ApplicationIdPath, body: RepresentativeConfirmation },
    response: { status: 200, description: 'Confirmed.', schema: TransitionResult },
    refusals: [409, 422],
  },
  'GET /staff/notifications/failed': {
    tag: 'Staff',
    summary: 'Notifications that could not be delivered',
    summaryLv: 'Nepiegādātie paziņojumi',
    description: `A service's e-mails that failed after every retry, for staff to resend. ${listDescription}`,
    request: { query: FailedNotificationsQuery },
    response: { status: 200, description: 'A page of failed notifications.', schema: FailedNotificationPage },
  },
  'GET /staff/notifications/lost-batches': {
    tag: 'Staff',
    summary: 'Stream batches whose e-mails could not be recorded',
    summaryLv: 'Pazaudētās paziņojumu partijas',
    description: `Batches of table changes the notifier could not get through and the stream no longer held when they were dead-lettered: their e-mails are unknown, so each names the shard, sequence range and arrival times to look into (applications changed in that window). ${listDescription}`,
    request: { query: ListApplicationsQuery },
    response: { status: 200, description: 'A page of lost batches.', schema: LostBatchPage },
  },
  'POST /staff/applications/{id}/notifications/resend': {
    tag: 'Staff',
    summary: 'Resend a failed notification',
    summaryLv: 'Sūtīt nepiegādāto paziņojumu vēlreiz',
    description: 'Puts the notification back to pending; the notifier sends it again (once) and records the outcome on the timeline.',
    request: { path: ApplicationIdPath, body: ResendRequest },
    response: { status: 202, description: 'Accepted; the e-mail follows.', schema: ResendAccepted },
    refusals: [409],
  },
  'GET /staff/reports/{year}': {
    tag: 'Staff',
    summary: "The year's report figures",
    summaryLv: 'Gada pārskata rādītāji',
    description:
      "Applications, decisions by category, recipients, withdrawals and the year-end queue, per service and track and in total, for the caller's services. Kept from the table stream, so new events show after a few seconds.",
    request: { path: ReportYearPath },
    response: { status: 200, description: 'The figures.', schema: AnnualReport },
  },
  'POST /drafts': {
    tag: 'Drafts',
    summary: 'Start a draft',
    summaryLv: 'Sākt melnrakstu',
    description:
      'Starts saving an application unfinished, for a service (and track, when chosen; a service with one track gets it). One draft per person, service and track: asked again, the answer is the live draft already there (200, not 201), so another device resumes it. `ETag` carries the version for the first save.',
    request: { body: NewDraft },
    response: { status: 201, description: 'Started (or 200: the draft already there).', schema: DraftDocument, headers: { Location: { description: 'The draft.' }, ETag: { description: 'The version, for If-Match.' } } },
  },
  'GET /drafts': {
    tag: 'Drafts',
    summary: "The caller's drafts",
    summaryLv: 'Mani melnraksti',
    description: 'Live drafts of the signed-in person, newest first, without their content. Expired drafts are gone even before the table deletes them.',
    response: { status: 200, description: 'The drafts.', schema: DraftList },
  },
  'GET /drafts/{id}': {
    tag: 'Drafts',
    summary: 'Resume a draft',
    summaryLv: 'Atvērt melnrakstu',
    description:
      "The draft with its field errors and `unknownFields`: what it holds that the service's form no longer has (kept, not dropped; `formChanged` says the form changed since the last save). Another person's draft, and an expired one, are 404.",
    request: { path: DraftIdPath },
    response: { status: 200, description: 'The draft.', schema: DraftDocument, headers: { ETag: { description: 'The version, for If-Match.' } } },
  },
  'PUT /drafts/{id}': {
    tag: 'Drafts',
    summary: 'Save a draft',
    summaryLv: 'Saglabāt melnrakstu',
    description:
      "The form as far as filled in, with its `serviceId` (and `track`), sent with `If-Match: \"<version>\"` (the ETag last read). Field errors are answered but do not stop the save. A stale version is 412 with `currentVersion` (two devices cannot overwrite each other); no If-Match is 428. Each save keeps the draft 30 more days, at most 90 days after it was started.",
    request: { path: DraftIdPath, body: DraftContent },
    response: { status: 200, description: 'Saved: the new version and the field errors.', schema: DraftDocument, headers: { ETag: { description: 'The new version.' } } },
    refusals: [412, 428],
  },
  'DELETE /drafts/{id}': {
    tag: 'Drafts',
    summary: 'Delete a draft',
    summaryLv: 'Dzēst melnrakstu',
    description: 'The draft and its uploads are deleted.',
    request: { path: DraftIdPath },
    response: { status: 200, description: 'Deleted.', schema: DraftDeleted },
  },
  'POST /drafts/{id}/submit': {
    tag: 'Drafts',
    summary: 'Submit a draft',
    summaryLv: 'Iesniegt melnrakstu',
    description:
      'The draft becomes an application exactly as `POST /applications` would take it (the same checks and answers); in the same write the draft is deleted and its clean uploads become attachments. A pending upload is 409, a rejected one 422. Asked again, the answer is the same application (`Idempotent-Replayed: true`) for 24 hours.',
    request: { path: DraftIdPath },
    response: { status: 201, description: 'Stored; the receipt.', schema: Receipt, headers: receiptHeaders },
    refusals: [409, 422, 429],
  },
  'POST /drafts/{id}/uploads': {
    tag: 'Drafts',
    summary: 'Upload a document to a draft',
    summaryLv: 'Augšupielādēt dokumentu melnrakstam',
    description: `${uploadDescription} The file becomes an attachment when the draft is submitted.`,
    request: { path: DraftIdPath, body: UploadRequest },
    response: { status: 201, description: 'Where and how to POST the file.', schema: UploadTicket, headers: { Location: { description: "The upload's status." } } },
    refusals: [422],
  },
  'GET /drafts/{id}/uploads/{uploadId}': {
    tag: 'Drafts',
    summary: "A draft upload's check",
    summaryLv: 'Melnraksta augšupielādes pārbaude',
    description: 'Pending while scanned; clean once the draft may be submitted with it; rejected with the reason and what to do.',
    request: { path: DraftUploadPath },
    response: { status: 200, description: 'The state.', schema: UploadStatus },
  },
  'POST /applications/{id}/uploads': uploadContract('Applications', 'Upload a document', 'Augšupielādēt dokumentu'),
  'GET /applications/{id}/uploads/{uploadId}': uploadStatusContract(
    'Applications',
    'Pending while scanned; clean once it may be attached (`POST /applications/{id}/documents` with `sentBy: "upload"`); rejected with the reason and what to do, in the negotiated language.',
  ),
  'POST /referrals/{id}/uploads': uploadContract('Referrals', 'Upload a document to a referral', 'Augšupielādēt dokumentu nosūtījumam'),
  'GET /referrals/{id}/uploads/{uploadId}': uploadStatusContract('Referrals', 'For the organisation that uploaded it: pending, clean or rejected with what to do.'),
  'GET /staff/applications/{id}/attachments/{attachmentId}': downloadContract(
    'Staff',
    'Download an attachment',
    'Lejupielādēt pielikumu',
    'Only scanned, checked files are ever attached. The read is recorded on the timeline (who, when, which attachment).',
  ),
  'POST /referrals/{id}/documents': documentsContract(
    'Referrals',
    'Send the requested documents for a referral',
    'Iesniegt nosūtījumam pieprasītos dokumentus',
    'After a request for documents: the referring organisation reports documents as sent, or attaches files it uploaded (`sentBy: "upload"` with an `uploadId` from `POST /referrals/{id}/uploads`, once clean; another\'s upload does not exist for the caller, 404). Staff are alerted and the referral goes back under review. Send the `version` you saw as `expectedVersion`: a stale one gets 409; in any other status than `documents_requested`, 422.',
  ),
  'GET /referrals/{id}/attachments/{attachmentId}': downloadContract(
    'Referrals',
    'Download an attachment the organisation uploaded',
    'Lejupielādēt iestādes augšupielādēto pielikumu',
    "Only files the caller's organisation uploaded and attached; any other attachment does not exist for the caller (404). The read is recorded on the timeline (who, when, which attachment).",
  ),
  'GET /staff/retention/due': {
    tag: 'Staff',
    summary: 'Files due for destruction in a month',
    summaryLv: 'Mēnesī iznīcināmās lietas',
    description: `For the archivist: closed applications whose retention (10 years after closing, the agency's file plan) ends in \`month\` (Riga dates), earliest first; nothing about the person. Records are never deleted by a timer: this list goes to the archive for approval. ${listDescription.replace('Newest first, a', 'A')}`,
    request: { query: RetentionDueQuery },
    response: { status: 200, description: 'A page of due files.', schema: DueRecordPage },
  },
  'POST /staff/retention/destructions': {
    tag: 'Staff',
    summary: 'Destroy due files',
    summaryLv: 'Iznīcināt lietas, kuru glabāšanas termiņš beidzies',
    description:
      "For the archivist, with the archive's approval: deletes every item and evidence object of each application and leaves a tombstone (reference, service, dates, approval; no personal data). All named files must be due, or nothing is destroyed (422 naming each one that is not); one already destroyed answers with its tombstone. The report's figures are unaffected.",
    request: { body: DestructionRequest },
    response: { status: 200, description: 'Destroyed.', schema: DestructionResult },
    refusals: [422],
  },
  'GET /me/data': {
    tag: 'Applications',
    summary: 'Everything held about me',
    summaryLv: 'Visi par mani glabātie dati',
    description:
      'Every application, referral and representative filing about the signed-in person, with timelines, decisions, the e-mails sent to them and the documents attached, as one JSON document (GDPR Art. 15 and 20). `download=true` answers it as a file (`Content-Disposition: attachment`). Nothing about anyone else: not what the person filed for someone else, not a representative\'s or an officer\'s own code or contacts.',
    request: { query: MyDataQuery },
    response: personalDataResponse('With `download=true`: `attachment; filename="siva-dati-<date>.json"`.'),
  },
  'POST /staff/data-exports': {
    tag: 'Staff',
    summary: "A person's data, for a request on paper",
    summaryLv: 'Personas dati pēc papīra pieprasījuma',
    description:
      "For the archivist: the same document as `GET /me/data`, for the person with this personal code (in the body, so it never reaches an access log). The export is recorded first (who, when, which person); the person sees when in their own export.",
    request: { body: DataExportRequest },
    response: personalDataResponse('`attachment; filename="siva-dati-<date>.json"`.'),
  },
} as const satisfies Record<RouteKey, RouteContract>;
