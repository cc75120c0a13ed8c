/**
 * Evidence uploads: declaring a file (a presigned POST into quarantine), following
 * its check, promoting it once scanned, and reading an attached one. Nothing
 * reaches the evidence store, or staff, before the scanner and the byte checks
 * here have passed it (docs/documents.md). Pure orchestration: storage is passed in.
 */
import { violation, type MessageCode, type Path } from '../../schemas/messages';
import { trackInfo, type ServiceId } from '../../schemas/services';
import { uploadLimits, type DocumentType, type RejectionReason, type UploadRequest, type UploadState } from '../../schemas/uploads';
import { readableOrNotFound, readLink } from './access';
import { DomainError, notEligible, notFound, validationFailed } from './errors';
import type { ApplicationLookup } from './applications/ports';
import { timelineEventId } from './applications/types';
import { ownerOfUpload, quarantineKeyOf } from './promote-upload';
import type { Principal, PrincipalFor, TimelineEvent, WorkforceRole } from './model';

/** Who uploaded: the account, and for referring officers their organisation (their colleagues may read it). */
export interface Uploader {
  readonly role: Principal['role'];
  readonly subject: string;
  readonly organisation?: string;
}

/** What an upload belongs to: an application, or a draft until the draft is submitted (docs/drafts.md). */
export interface UploadOwner {
  readonly kind: 'application' | 'draft';
  readonly id: string;
}

export interface Upload {
  readonly id: string;
  /** The application it belongs to; absent while it belongs to a draft. */
  readonly applicationId?: string;
  /** The draft it belongs to, until the draft is submitted (then it belongs to the application). */
  readonly draftId?: string;
  readonly documentType: DocumentType;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly uploader: Uploader;
  readonly createdAt: string;
  readonly state: UploadState;
  readonly reason?: RejectionReason;
  /** Once clean: where the checked bytes are kept, and their SHA-256 (hex). */
  readonly evidenceKey?: string;
  readonly sha256?: string;
  /** Once attached: the attachment's timeline event. */
  readonly attachedBy?: string;
  /**
   * Declared by the portal's form, which works without script and so cannot know the file before it is sent: the
   * size reserved is the most a file may be, and the real size, type and name come from the bytes when it is
   * promoted (docs/documents.md, "Uploading from the portal").
   */
  readonly fromForm?: true;
}

export {
  checkBytes,
  evidenceKeyOf,
  measureFormBytes,
  ownerOfUpload,
  promoteUpload,
  quarantineKeyOf,
  uploadIdOfQuarantineKey,
  type PromoteOutcome,
  type ScanResult,
} from './promote-upload';

/** An upload known to belong to an application. */
export type ApplicationUpload = Upload & { readonly applicationId: string };

const belongsTo = (upload: Upload, owner: UploadOwner): boolean => {
  const actual = ownerOfUpload(upload);
  return actual.kind === owner.kind && actual.id === owner.id;
};

/** A clean upload attached to an application: what staff can download. */
export interface Attachment {
  readonly applicationId: string;
  /** The upload's id. */
  readonly id: string;
  readonly documentType: DocumentType;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly evidenceKey: string;
  readonly uploader: Uploader;
  readonly attachedAt: string;
  /** The timeline event that attached it. */
  readonly eventId: string;
}

export type Settlement =
  | {
      readonly state: 'clean';
      readonly evidenceKey: string;
      readonly sha256: string;
      /** A form upload's facts, read from its bytes (the quota then counts the real size, not the most reserved). */
      readonly measured?: { readonly size: number; readonly contentType: string; readonly fileName: string };
    }
  | { readonly state: 'rejected'; readonly reason: RejectionReason };

/** The application's quota would be exceeded by this upload. */
export class UploadQuotaExceeded extends Error {
  override readonly name = 'UploadQuotaExceeded';
  constructor(readonly limit: 'files' | 'bytes') {
    super(limit);
  }
}

/** An upload named in a transition was attached or settled otherwise in the meantime. */
export class UploadNotAttachable extends Error {
  override readonly name = 'UploadNotAttachable';
}

export interface UploadStore extends ApplicationLookup {
  /**
   * Stores the pending upload and counts it against its owner's quota, at once; throws UploadQuotaExceeded. Pending
   * uploads whose reservation has lapsed by `now` (`reservationCounts`) no longer count: they are settled as
   * `not_received` to make room.
   */
  reserve(upload: Upload, now: Date): Promise<void>;
  find(uploadId: string): Promise<Upload | undefined>;
  /** Settles a pending upload (a rejection gives its quota back); false when it was no longer pending. */
  settle(upload: Upload, settlement: Settlement, at: string): Promise<boolean>;
  findAttachment(applicationId: string, attachmentId: string): Promise<Attachment | undefined>;
  listAttachments(applicationId: string): Promise<Attachment[]>;
  /** Records a staff member's or an officer's read of an attachment on the application's timeline. */
  appendEvent(event: TimelineEvent): Promise<void>;
}

export interface PresignedPost {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** What a presigned POST fixes about the file: its declared type and exact size, or (a portal form) its most size. */
export type PostedFile = { readonly contentType: string; readonly size: number } | { readonly maxSize: number };

export interface EvidenceStorage {
  /**
   * A POST form for exactly this object, encrypted with the upload key; the file as `file` fixes it. With
   * `successRedirect`, S3 answers a successful POST by sending the browser there (303).
   */
  presignPost(request: { key: string; file: PostedFile; successRedirect?: string; expiresSeconds: number }): Promise<PresignedPost>;
  presignDownload(request: { evidenceKey: string; fileName: string; contentType: string; expiresSeconds: number }): Promise<string>;
  /** The quarantined bytes, or undefined when the object is gone. */
  readQuarantined(key: string): Promise<Uint8Array | undefined>;
  /** Stores checked bytes in the evidence bucket. */
  keepEvidence(evidenceKey: string, bytes: Uint8Array, contentType: string, sha256: string): Promise<void>;
  discardQuarantined(key: string): Promise<void>;
  /** Deletes checked bytes that no application will have (a draft's, when the draft goes unsubmitted). */
  discardEvidence(evidenceKey: string): Promise<void>;
}

export interface UploadDeps {
  readonly store: UploadStore;
  readonly storage: EvidenceStorage;
  readonly clock: () => Date;
  readonly newId: () => string;
}

const uploaderOf = (principal: Principal): Uploader => ({
  role: principal.role,
  subject: principal.subject,
  ...(principal.role !== 'citizen' && principal.organisation !== undefined && { organisation: principal.organisation }),
});

/**
 * Who may see an upload or an attachment besides staff: the citizen account that uploaded it, or
 * an officer of the organisation that uploaded it; only while they may still read the application.
 */
const isUploaderOf = (principal: Principal, uploader: Uploader) =>
  principal.role === 'citizen'
    ? uploader.role === 'citizen' && uploader.subject === principal.subject
    : uploader.role === principal.role && uploader.organisation !== undefined && uploader.organisation === principal.organisation;

const readableApplication = async (store: UploadStore, principal: Principal, id: string) =>
  readableOrNotFound(principal, await store.findApplication(id));

/** Evidence the track asks for, and `other` (only `other` while a draft has no track yet). */
export const documentTypesFor = ({ serviceId, track }: { readonly serviceId: ServiceId; readonly track?: string }): readonly DocumentType[] => [
  ...(trackInfo(serviceId, track ?? '')?.evidence ?? []),
  'other',
];

export interface UploadTicket extends PresignedPost {
  readonly uploadId: string;
  readonly expiresAt: string;
}

/**
 * Until when a pending upload counts against its owner's limits (files and bytes): while its presigned POST may still
 * be used, and then while a file posted at its last second may still be scanned and its result delivered
 * (docs/documents.md, "Reservations that lapse"). A browser form that is never used holds its 10 MB only until then.
 */
export const reservationLapsesAt = (upload: Pick<Upload, 'createdAt'>): string =>
  new Date(Date.parse(upload.createdAt) + (uploadLimits.postSeconds + uploadLimits.scanGraceSeconds) * 1000).toISOString();

/** Whether a pending upload's reservation still counts at `now`. */
export const reservationCounts = (lapsesAt: string, now: Date): boolean => now.getTime() < Date.parse(lapsesAt);

/** Stores a pending upload against its owner's limits, once its document type is one the owner's track asks for. */
const reserveUpload = async (
  deps: UploadDeps,
  principal: Principal,
  owner: UploadOwner,
  allowed: readonly DocumentType[],
  declared: Pick<Upload, 'documentType' | 'fileName' | 'contentType' | 'size' | 'fromForm'>,
): Promise<Upload> => {
  if (!allowed.includes(declared.documentType)) {
    throw notEligible([violation(['documentType'], 'document_type_not_for_track', { allowed: allowed.join(', ') })]);
  }
  const now = deps.clock();
  const upload: Upload = {
    id: deps.newId(),
    ...(owner.kind === 'application' ? { applicationId: owner.id } : { draftId: owner.id }),
    ...declared,
    uploader: uploaderOf(principal),
    createdAt: now.toISOString(),
    state: 'pending',
  };
  try {
    await deps.store.reserve(upload, now);
  } catch (error) {
    if (error instanceof UploadQuotaExceeded) {
      const code: MessageCode = error.limit === 'files' ? 'upload_files_limit' : 'upload_bytes_limit';
      throw notEligible([violation([error.limit === 'files' ? 'documentType' : 'size'], code)]);
    }
    throw error;
  }
  return upload;
};

const ticketOf = (upload: Upload, post: PresignedPost): UploadTicket => ({
  uploadId: upload.id,
  ...post,
  expiresAt: new Date(Date.parse(upload.createdAt) + uploadLimits.postSeconds * 1000).toISOString(),
});

/**
 * A presigned POST for one declared file of an owner the caller may use, counted against the owner's limits.
 * `allowed`: the document types the owner's track asks for.
 */
export const declareUpload = async (
  deps: UploadDeps,
  principal: Principal,
  owner: UploadOwner,
  allowed: readonly DocumentType[],
  request: UploadRequest,
): Promise<UploadTicket> => {
  const upload = await reserveUpload(deps, principal, owner, allowed, request);
  const post = await deps.storage.presignPost({
    key: quarantineKeyOf(upload.id),
    file: { contentType: upload.contentType, size: upload.size },
    expiresSeconds: uploadLimits.postSeconds,
  });
  return ticketOf(upload, post);
};

/** A form upload's type until its bytes are read. */
export const unknownContentType = 'application/octet-stream';

/**
 * The portal's document step: a presigned POST an HTML form can use without script, for a file of any accepted
 * type up to the per-file limit, that sends the browser back to `redirectTo(uploadId)` once stored. It reserves
 * the most a file may be against the application's 30 MB until the bytes are measured.
 */
export const createFormUpload = async (
  deps: UploadDeps,
  principal: Principal,
  applicationId: string,
  request: { readonly documentType: DocumentType; readonly redirectTo: (uploadId: string) => string },
): Promise<UploadTicket> => {
  const application = await readableApplication(deps.store, principal, applicationId);
  const upload = await reserveUpload(deps, principal, { kind: 'application', id: applicationId }, documentTypesFor(application), {
    documentType: request.documentType,
    fileName: request.documentType,
    contentType: unknownContentType,
    size: uploadLimits.fileBytes,
    fromForm: true,
  });
  const post = await deps.storage.presignPost({
    key: quarantineKeyOf(upload.id),
    file: { maxSize: uploadLimits.fileBytes },
    successRedirect: request.redirectTo(upload.id),
    expiresSeconds: uploadLimits.postSeconds,
  });
  return ticketOf(upload, post);
};

/** POST /applications/{id}/uploads: a presigned POST for one declared file, counted against the application's limits. */
export const createUpload = async (deps: UploadDeps, principal: Principal, applicationId: string, request: UploadRequest): Promise<UploadTicket> => {
  const application = await readableApplication(deps.store, principal, applicationId);
  return declareUpload(deps, principal, { kind: 'application', id: applicationId }, documentTypesFor(application), request);
};

/** An upload of this owner that the caller uploaded (the caller's right to the owner checked before); else a 404. */
export const uploadOf = async (store: Pick<UploadStore, 'find'>, principal: Principal, owner: UploadOwner, uploadId: string): Promise<Upload> => {
  const upload = await store.find(uploadId);
  if (!upload || !belongsTo(upload, owner) || !isUploaderOf(principal, upload.uploader)) throw notFound();
  return upload;
};

/** An upload the caller may see on this application; anyone else's is a 404. */
const ownUpload = async (deps: Pick<UploadDeps, 'store'>, principal: Principal, applicationId: string, uploadId: string) => {
  await readableApplication(deps.store, principal, applicationId);
  return (await uploadOf(deps.store, principal, { kind: 'application', id: applicationId }, uploadId)) as ApplicationUpload;
};

/** What the uploader is told about an upload's check. */
export const statusOfUpload = (upload: Upload) => ({ uploadId: upload.id, state: upload.state, ...(upload.reason && { reason: upload.reason }) });

/**
 * The form of a form upload again (the page that carries it was reloaded): only its uploader's, only while pending,
 * and only within the five minutes of the first form; `expired` after them (the person starts again).
 */
export const formUploadTicket = async (
  deps: UploadDeps,
  principal: Principal,
  applicationId: string,
  uploadId: string,
  redirectTo: (uploadId: string) => string,
): Promise<{ readonly ticket: UploadTicket; readonly upload: Upload } | 'settled' | 'expired'> => {
  const upload = await ownUpload(deps, principal, applicationId, uploadId);
  if (!upload.fromForm) throw notFound();
  if (upload.state !== 'pending') return 'settled';
  const secondsLeft = Math.floor((Date.parse(upload.createdAt) + uploadLimits.postSeconds * 1000 - deps.clock().getTime()) / 1000);
  if (secondsLeft < 1) return 'expired';
  const post = await deps.storage.presignPost({
    key: quarantineKeyOf(upload.id),
    file: { maxSize: uploadLimits.fileBytes },
    successRedirect: redirectTo(upload.id),
    expiresSeconds: secondsLeft,
  });
  return { ticket: ticketOf(upload, post), upload };
};

/** GET /applications/{id}/uploads/{uploadId} */
export const uploadStatus = async (deps: Pick<UploadDeps, 'store'>, principal: Principal, applicationId: string, uploadId: string) =>
  statusOfUpload(await ownUpload(deps, principal, applicationId, uploadId));

/** Uploads about to be attached, each named at a path of the request: pending is a 409, rejected or attached a 422. */
export const checkAttachable = (uploads: readonly Upload[], paths: readonly Path[]): void => {
  const pending = paths.filter((_, index) => uploads[index]!.state === 'pending');
  if (pending.length > 0) throw new DomainError('conflict', pending.map((path) => violation(path, 'upload_pending')));
  const refused = uploads.flatMap((upload, index) =>
    upload.state === 'rejected'
      ? [violation(paths[index]!, 'upload_rejected')]
      : upload.attachedBy
        ? [violation(paths[index]!, 'upload_already_attached')]
        : [],
  );
  if (refused.length > 0) throw notEligible(refused);
};

/** The clean uploads named in a request, checked: pending is a 409, rejected or attached a 422, another's a 404. */
export const cleanUploads = async (
  deps: Pick<UploadDeps, 'store'>,
  principal: Principal,
  applicationId: string,
  named: readonly { readonly uploadId: string; readonly path: readonly PropertyKey[] }[],
): Promise<ApplicationUpload[]> => {
  const uploads = await Promise.all(named.map(({ uploadId }) => ownUpload(deps, principal, applicationId, uploadId)));
  checkAttachable(uploads, named.map(({ path }) => path));
  if (new Set(named.map(({ uploadId }) => uploadId)).size !== named.length) {
    throw validationFailed([violation(named.at(-1)!.path, 'upload_already_attached')]);
  }
  return uploads;
};

export const attachmentOf = (upload: ApplicationUpload, eventId: string, at: string): Attachment => ({
  applicationId: upload.applicationId,
  id: upload.id,
  documentType: upload.documentType,
  fileName: upload.fileName,
  contentType: upload.contentType,
  size: upload.size,
  sha256: upload.sha256!,
  evidenceKey: upload.evidenceKey!,
  uploader: upload.uploader,
  attachedAt: at,
  eventId,
});

/** An attachment as a workforce reader sees it listed: what it is, and where they download it (GET answers 303). */
const attachmentView = (attachment: Attachment, principal: PrincipalFor<WorkforceRole>) => ({
  id: attachment.id,
  documentType: attachment.documentType,
  fileName: attachment.fileName,
  contentType: attachment.contentType,
  size: attachment.size,
  sha256: attachment.sha256,
  attachedAt: attachment.attachedAt,
  uploadedBy: attachment.uploader.role,
  href: `${principal.role === 'staff' ? `/staff/applications/${attachment.applicationId}` : readLink(principal, attachment.applicationId)}/attachments/${attachment.id}`,
});

/**
 * The attachments of an application the caller may already read, as they may download them: staff every one,
 * a referring officer those their organisation uploaded (docs/documents.md, "Who attaches and downloads what").
 */
export const attachmentsFor = async (store: Pick<UploadStore, 'listAttachments'>, principal: PrincipalFor<WorkforceRole>, applicationId: string) =>
  (await store.listAttachments(applicationId))
    .filter((attachment) => principal.role === 'staff' || isUploaderOf(principal, attachment.uploader))
    .map((attachment) => attachmentView(attachment, principal));

/**
 * GET …/attachments/{attachmentId}: a link valid for a minute. Staff of the service read every attachment; a
 * referring officer reads what their organisation uploaded. Either read goes on the timeline, as opening the
 * record does (docs/documents.md, "Who attaches and downloads what").
 */
export const attachmentLink = async (
  deps: UploadDeps,
  principal: PrincipalFor<WorkforceRole>,
  applicationId: string,
  attachmentId: string,
): Promise<{ url: string; attachment: Attachment }> => {
  await readableApplication(deps.store, principal, applicationId);
  const attachment = await deps.store.findAttachment(applicationId, attachmentId);
  if (!attachment || (principal.role !== 'staff' && !isUploaderOf(principal, attachment.uploader))) throw notFound();
  // Who read which attachment, and when; nothing of its content.
  const at = deps.clock().toISOString();
  await deps.store.appendEvent({
    applicationId,
    id: timelineEventId(at, deps.newId()),
    type: principal.role === 'staff' ? 'viewed_by_staff' : 'viewed_by_referrer',
    at,
    actor: { role: principal.role, subject: principal.subject },
    details: { attachmentId },
  });
  const url = await deps.storage.presignDownload({
    evidenceKey: attachment.evidenceKey,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    expiresSeconds: uploadLimits.downloadSeconds,
  });
  return { url, attachment };
};
