/**
 * The API contract: for every route of the route table (infra/routes.ts) what
 * it is for, what it takes and what it answers. The OpenAPI document is
 * generated from this and the table; request schemas are the very objects the
 * handlers validate with, response shapes are defined here.
 *
 * Imports every schema of the API, so only the OpenAPI function and tests may
 * import it: a route handler that did would bundle every form.
 */
import * as z from 'zod/mini';
import type { routes } from '../infra/routes';
import { ApplicationSubmission, serviceForms } from './application';
import { Decision, DocumentsSubmitted, RepresentativeConfirmation, Withdrawal, decisionTypes } from './decision';
import { FailedNotificationsQuery, ReportYearPath, ResendRequest, StaffListQuery } from './staff';
import { AnnualReport } from './report';
import { EligibilityQuestion, ServiceIdPath } from './eligibility';
import { ApplicationId, ApplicationIdPath, ApplicationStatus, applicationStatuses, ListApplicationsQuery } from './lifecycle';
import { Applicant, IsoDate, Representative } from './primitives';
import { ReferralSubmission } from './referral';
import { referrerKinds, serviceIds } from './services';
import { PersonalDataExport, MyDataQuery } from './personal-data';
import { DataExportRequest, DestructionRequest, RetentionDueQuery } from './retention';
import { DraftContent, DraftId, DraftIdPath, DraftUploadPath, NewDraft } from './drafts';
import { AttachmentPath, documentTypes, rejectionReasons, UploadId, UploadPath, UploadRequest, uploadStates } from './uploads';

type Schema = z.ZodMiniType;

// ─── Response shapes ────────────────────────────────────────────────────────
// Plain (non-strict) objects: clients must tolerate members added later.

const Localised = z.object({ lv: z.string(), en: z.string() });
const Timestamp = z.iso.datetime();
const ServiceId = z.enum(serviceIds);
const FilerId = z.enum(['citizen', ...referrerKinds]);
const Link = z.object({ method: z.enum(['GET', 'POST']), href: z.string() });

/** One field's problem: where (dotted path for people, JSON Pointer for programs), a stable code and a message. */
export const FieldError = z.object({ field: z.string(), pointer: z.string(), code: z.string(), message: z.string() });

/** RFC 9457 problem details, in the language negotiated from Accept-Language. */
export const ProblemDetails = z.looseObject({
  type: z.url(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  instance: z.string(),
  /** Quote it when contacting the agency. */
  requestId: z.string(),
  errors: z.optional(z.array(FieldError)),
  /** On the person's own duplicate application: the open one, to follow instead. */
  openApplication: z.optional(z.object({ id: ApplicationId, href: z.string(), status: ApplicationStatus })),
  /** On a stale draft save (412): the version stored now, to reload. */
  currentVersion: z.optional(z.int()),
});

/**
 * What API Gateway itself answers when its JWT authorizer refuses a request, before any function runs:
 * `{"message":"Unauthorized"}` (401) or `{"message":"Forbidden"}` (403, a token without the route's scope).
 */
export const GatewayMessage = z.strictObject({ message: z.string() });

/** What a 201 answers: the application's id and human-readable reference, and where to follow it. */
export const Receipt = z.object({
  id: ApplicationId,
  reference: z.string(),
  status: ApplicationStatus,
  submittedAt: Timestamp,
  links: z.object({ self: z.string() }),
});

export const ApplicationSummary = z.object({
  id: ApplicationId,
  reference: z.string(),
  serviceId: ServiceId,
  track: z.string(),
  status: ApplicationStatus,
  /** Send it back as `expectedVersion` with a decision or a withdrawal. */
  version: z.int(),
  submittedAt: Timestamp,
  updatedAt: Timestamp,
});

/**
 * One line of a citizen's list, marked by who filed it. A representative whose authority staff have not
 * confirmed sees only what they filed: no status, version or dates after it (`representation`).
 */
export const CitizenApplicationSummary = z.object({
  ...ApplicationSummary.shape,
  status: z.optional(ApplicationStatus),
  version: z.optional(z.int()),
  updatedAt: z.optional(Timestamp),
  filedBy: z.enum(['self', 'representative', 'referral']),
  representation: z.optional(z.literal('awaiting-confirmation')),
});

export const ReferralSummary = z.object({
  ...ApplicationSummary.shape,
  client: z.object({ givenName: z.string(), familyName: z.string() }),
  referral: z.object({ number: z.optional(z.string()), date: z.optional(IsoDate), officerName: z.optional(z.string()) }),
});

/** A page of a list, newest first; pass `nextCursor` back as `cursor` while it is present. */
const pageOf = <T extends Schema>(item: T) => z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });
export const ApplicationPage = pageOf(ApplicationSummary);
export const CitizenApplicationPage = pageOf(CitizenApplicationSummary);
export const ReferralPage = pageOf(ReferralSummary);
/** Staff's work list: a page, and how many applications of the services in scope stand in each status now. */
export const WorkListPage = z.extend(ApplicationPage, {
  counts: z.object(Object.fromEntries(applicationStatuses.map((status) => [status, z.int().check(z.nonnegative())])) as Record<ApplicationStatus, z.ZodMiniInt>),
});

const TimelineEntry = z.object({
  id: z.string(),
  type: z.enum([
    'submitted',
    'decision',
    'withdrawn',
    'documents_submitted',
    'representative_confirmed',
    'viewed_by_staff',
    'viewed_by_referrer',
    'notification_resend_requested',
    'notification_sent',
    'notification_failed',
  ]),
  at: Timestamp,
  status: z.optional(ApplicationStatus),
  details: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
});

/** An application as its filer reads it: the form's facts as stored, status and timeline. */
export const ApplicationView = z.object({
  ...ApplicationSummary.shape,
  channel: z.enum(['self', 'representative', 'referral']),
  applicant: z.object({ ...Applicant.shape, givenName: z.string(), familyName: z.string(), personalCode: z.string() }),
  representative: z.optional(
    z.object({ ...Representative.shape, givenName: z.string(), familyName: z.string(), personalCode: z.string() }),
  ),
  referral: z.optional(
    z.object({
      kind: z.enum(referrerKinds),
      organisation: z.string(),
      officerName: z.string(),
      officerEmail: z.optional(z.string()),
      officerPhone: z.optional(z.string()),
      doctorName: z.optional(z.string()),
      number: z.string(),
      date: IsoDate,
      clientConsent: z.literal(true),
    }),
  ),
  /** The track's evidence as submitted; its shape is the track's `evidence` in the service form. */
  evidence: z.record(z.string(), z.unknown()),
  /** Early intervention only: the window that runs from the acute event. */
  earlyInterventionWindow: z.optional(z.object({ from: IsoDate, closesOn: IsoDate })),
  /** While queued: the place now, at admission, and how far it has moved up. */
  queue: z.optional(z.object({ position: z.int(), positionAtAdmission: z.int(), movedUp: z.int(), admittedAt: Timestamp })),
  /** Every decision as the letter it is: type, date, author's name and its content (reason, deadline, appeal…). */
  decisions: z.array(
    z.looseObject({ eventId: z.string(), type: z.enum(decisionTypes), at: Timestamp, author: z.string(), from: ApplicationStatus, to: ApplicationStatus }),
  ),
  timeline: z.array(TimelineEntry),
});

/** Staff's view: the applicant's, plus who did what, the notifications and the decisions possible now. */
/** A document uploaded, scanned, checked and attached; `href` answers a 303 to a 60-second download link. */
const AttachmentEntry = z.object({
  id: UploadId,
  documentType: z.enum(documentTypes),
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  sha256: z.string(),
  attachedAt: Timestamp,
  uploadedBy: z.string(),
  href: z.string(),
});

export const StaffApplicationView = z.looseObject({
  ...ApplicationView.shape,
  timeline: z.array(z.object({ ...TimelineEntry.shape, actor: z.object({ role: z.string(), subject: z.string() }) })),
  notifications: z.array(
    z.object({
      eventId: z.string(),
      kind: ResendRequest.shape.kind,
      state: z.enum(['pending', 'sent', 'failed']),
      deliveries: z.int(),
      updatedAt: Timestamp,
      failure: z.optional(z.object({ code: z.string(), permanent: z.boolean() })),
    }),
  ),
  allowedDecisions: z.array(z.enum(decisionTypes)),
  attachments: z.array(AttachmentEntry),
});

/** A referral as its organisation reads it, with the files the organisation attached. */
export const ReferralView = z.object({ ...ApplicationView.shape, attachments: z.array(AttachmentEntry) });

/** The answer to a decision, a withdrawal or documents sent: the new status and version, and what may come next. */
export const TransitionResult = z.object({
  id: ApplicationId,
  reference: z.string(),
  status: ApplicationStatus,
  version: z.int(),
  event: z.object({ id: z.string(), type: z.string(), at: Timestamp, details: z.optional(z.record(z.string(), z.unknown())) }),
  allowedDecisions: z.array(z.enum(decisionTypes)),
});

export const FailedNotificationPage = pageOf(
  z.object({
    applicationId: ApplicationId,
    eventId: z.string(),
    kind: ResendRequest.shape.kind,
    updatedAt: Timestamp,
    failure: z.optional(z.object({ code: z.string(), permanent: z.boolean() })),
    links: z.object({ application: z.string(), resend: z.string() }),
  }),
);

/** A dead-lettered stream batch the stream no longer held: which shard and range, when, and why (no application data: it is gone). */
export const LostBatchPage = pageOf(
  z.object({
    streamArn: z.string(),
    shardId: z.string(),
    startSequenceNumber: z.string(),
    endSequenceNumber: z.string(),
    approximateArrivalOfFirstRecord: z.optional(z.string()),
    approximateArrivalOfLastRecord: z.optional(z.string()),
    batchSize: z.optional(z.number()),
    condition: z.optional(z.string()),
    reason: z.string(),
    recordedAt: Timestamp,
  }),
);

/** One closed file due for destruction: nothing about the person, only what the archive's approval needs. */
const DueRecord = z.object({
  id: ApplicationId,
  reference: z.string(),
  serviceId: ServiceId,
  track: z.string(),
  status: ApplicationStatus,
  submittedAt: Timestamp,
  closedAt: Timestamp,
  /** The Riga date from which the file may be destroyed. */
  retainUntil: IsoDate,
});
export const DueRecordPage = pageOf(DueRecord);
/** What is left of a destroyed file. */
const Tombstone = z.object({ ...DueRecord.shape, destroyedAt: Timestamp, destroyedBy: z.string(), approvalReference: z.string() });
export const DestructionResult = z.object({ destroyed: z.array(Tombstone) });

export const ResendAccepted = z.object({
  event: z.object({ id: z.string(), type: z.literal('notification_resend_requested'), at: Timestamp, details: z.optional(z.record(z.string(), z.unknown())) }),
});

/** The pre-check's answer, in the caller's language: per track an outcome, reasons, missing facts and evidence to prepare. */
export const EligibilityAnswer = z.object({
  serviceId: ServiceId,
  serviceName: z.string(),
  appearsEligible: z.boolean(),
  track: z.optional(z.string()),
  trackName: z.optional(z.string()),
  tracks: z.array(
    z.object({
      track: z.string(),
      name: z.string(),
      outcome: z.enum(['eligible', 'not-eligible', 'needs-information']),
      reasons: z.array(FieldError),
      missing: z.array(z.object({ field: z.string() })),
      evidence: z.array(z.object({ id: z.string(), name: z.string() })),
      courseDays: z.optional(z.int()),
    }),
  ),
  alternatives: z.array(
    z.object({
      serviceId: ServiceId,
      name: z.string(),
      track: z.optional(z.string()),
      trackName: z.optional(z.string()),
      href: z.string(),
    }),
  ),
});

/** A condition or figure an applicant should know, from configuration (ages, windows, co-payment). */
export const Term = z.object({
  id: z.string(),
  value: z.union([z.number(), z.array(z.string())]),
  unit: z.optional(z.enum(['years', 'months', 'working-days', 'EUR'])),
  text: Localised,
});

/** The public catalogue, in Latvian and English at once (it is cached publicly). */
export const ServiceCatalogue = z.object({
  services: z.array(
    z.object({
      id: ServiceId,
      name: Localised,
      description: Localised,
      legalBasis: z.string(),
      /** Who may file, and on which tracks: the person (or their representative) or a referring organisation. */
      whoMayApply: z.array(z.object({ id: FilerId, name: Localised, tracks: z.array(z.string()) })),
      tracks: z.array(
        z.object({
          id: z.string(),
          name: Localised,
          courseDays: z.optional(z.int()),
          filedBy: z.array(z.object({ id: FilerId, name: Localised })),
          evidence: z.array(z.object({ id: z.string(), name: Localised })),
          terms: z.array(Term),
        }),
      ),
      links: z.object({ eligibility: Link, apply: z.optional(Link), refer: z.optional(Link) }),
      /** JSON Schema (draft 2020-12) of the service's application form: the `application` of a referral, the body of an application. */
      form: z.record(z.string(), z.unknown()),
      /**
       * How to ask for the form, for any front end: pages in order, each field's path in the form, input kind,
       * lv/en label and hint, choices with their names, and the tracks a person may apply for themself.
       */
      ui: z.object({
        tracks: z.array(z.object({ value: z.string(), label: Localised })),
        pages: z.array(
          z.object({
            id: z.string(),
            title: Localised,
            when: z.optional(z.literal('representative')),
            fields: z.array(
              z.object({
                path: z.string(),
                input: z.enum(['text', 'date', 'email', 'tel', 'radios', 'select', 'yes-no', 'checkbox', 'lines']),
                required: z.boolean(),
                label: Localised,
                hint: z.optional(Localised),
                options: z.optional(z.array(z.object({ value: z.string(), label: Localised }))),
                maxLength: z.optional(z.int()),
                autocomplete: z.optional(z.string()),
                tracks: z.optional(z.array(z.string())),
              }),
            ),
          }),
        ),
      }),
    }),
  ),
});

/** A presigned POST: send `fields` and then the file (last, as `file`) as multipart/form-data to `url` within five minutes. */
export const UploadTicket = z.object({
  uploadId: UploadId,
  url: z.url(),
  fields: z.record(z.string(), z.string()),
  expiresAt: Timestamp,
});

/** An upload's check: `pending` while scanned, `clean` once it may be attached, `rejected` with what to do. */
export const UploadStatus = z.object({
  uploadId: UploadId,
  state: z.enum(uploadStates),
  reason: z.optional(z.object({ code: z.enum(rejectionReasons), message: z.string() })),
});

/** A draft in the caller's list: what it is for and until when it is kept. */
export const DraftSummary = z.object({
  id: DraftId,
  serviceId: ServiceId,
  track: z.optional(z.string()),
  /** Send it back as `If-Match` with the next save. */
  version: z.int(),
  createdAt: Timestamp,
  savedAt: Timestamp,
  /** 30 days after the last save, never more than 90 days after creation; a reminder goes 7 days before. */
  expiresAt: Timestamp,
});
export const DraftList = z.object({ items: z.array(DraftSummary) });

/** A draft as its owner resumes it: the content as saved, what is wrong with it, and what its form no longer has. */
export const DraftDocument = z.object({
  ...DraftSummary.shape,
  /** The form's members as far as filled in (`serviceId` and `track` aside), kept even where wrong. */
  content: z.record(z.string(), z.unknown()),
  /** Field errors against the form with every field optional: reported, never blocking a save. */
  errors: z.array(FieldError),
  /** Fields the draft holds that the service's form does not have (any more): kept, not dropped. */
  unknownFields: z.array(z.string()),
  /** The service's form has changed since the draft was last saved. */
  formChanged: z.boolean(),
});
export const DraftDeleted = z.object({ id: DraftId, deleted: z.literal(true) });

/** A redirect carries no document: follow `Location`. */
export const Redirect = z.null();

export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

// ─── Named schemas ──────────────────────────────────────────────────────────

const pascalCase = (id: string) => id.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Every schema a request or response names, published under these names (OpenAPI components). */
export const namedSchemas: Readonly<Record<string, Schema>> = {
  ApplicationId,
  ApplicationStatus,
  ServiceId,
  Timestamp,
  ApplicationSubmission,
  ...Object.fromEntries(serviceIds.map((id) => [`${pascalCase(id)}Application`, serviceForms[id]])),
  ReferralSubmission,
  EligibilityQuestion,
  Receipt,
  ApplicationSummary,
  ApplicationPage,
  WorkListPage,
  CitizenApplicationSummary,
  CitizenApplicationPage,
  ApplicationView,
  ReferralView,
  ReferralSummary,
  ReferralPage,
  EligibilityAnswer,
  StaffListQuery,
  Decision,
  Withdrawal,
  DocumentsSubmitted,
  RepresentativeConfirmation,
  ResendRequest,
  StaffApplicationView,
  TransitionResult,
  FailedNotificationPage,
  LostBatchPage,
  ResendAccepted,
  RetentionDueQuery,
  DueRecordPage,
  DestructionRequest,
  DestructionResult,
  MyDataQuery,
  PersonalDataExport,
  DataExportRequest,
  AnnualReport,
  ServiceCatalogue,
  Term,
  OpenApiDocument,
  UploadRequest,
  UploadTicket,
  UploadStatus,
  NewDraft,
  DraftContent,
  DraftSummary,
  DraftList,
  DraftDocument,
  DraftDeleted,
  Redirect,
  FieldError,
  ProblemDetails,
};

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
    response: {
      status: 200,
      description:
        'A page of applications, and `counts`: how many applications of the services in scope (the one named by `serviceId`, or all of the caller\'s) stand in each status now, whatever the other filters; kept from the table stream, one item read per service (docs/workforce-officers.md).',
      schema: WorkListPage,
    },
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

export const apiInfo = {
  title: 'SIVA e-services API',
  /** The contract's own version: raise it with every incompatible change. */
  version: '0.1.0',
  description:
    'Applications, referrals and the public catalogue and eligibility pre-check of the Social Integration State Agency (SIVA). Answers are in Latvian or English by `Accept-Language` (Latvian by default). Errors are RFC 9457 problem details with an `errors` entry per field. POSTs that create something honour an `Idempotency-Key` header.',
} as const;

/** Everything the OpenAPI document is generated from, besides the route table. */
export const api = { info: apiInfo, namedSchemas, problemDetails: ProblemDetails, routeContracts };
