/**
 * What the API answers: the shape of every response document and of a refusal. Plain (non-strict) objects:
 * clients must tolerate members added later. Request schemas live beside the forms they validate (schemas/*.ts).
 */
import * as z from 'zod/mini';
import { decisionTypes } from '../decision';
import { ResendRequest } from '../staff';
import { ApplicationId, ApplicationStatus, applicationStatuses } from '../lifecycle';
import { Applicant, IsoDate, Representative } from '../primitives';
import { referrerKinds, serviceIds } from '../services';
import { DraftId } from '../drafts';
import { documentTypes, rejectionReasons, UploadId, uploadStates } from '../uploads';
import type { Schema } from './contracts';

const Localised = z.object({ lv: z.string(), en: z.string() });
export const Timestamp = z.iso.datetime();
export const ServiceId = z.enum(serviceIds);
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
    'documents_added',
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
