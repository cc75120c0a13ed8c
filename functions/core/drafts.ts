/**
 * Drafts: an application saved unfinished, to be finished later on any device (docs/drafts.md).
 * The citizen who starts a draft owns it (by person key); anyone else, and an expired draft, is a 404.
 * A save is one conditional write against the version the saver read, so two devices cannot overwrite
 * each other (412 with the current version). A submission goes through the very path of
 * `POST /applications` (core/applications/filing.ts), with the draft's removal and its uploads in the same write.
 * Pure orchestration: storage, clock, ids and the person key are passed in.
 */
import { formOf } from '../../schemas/application';
import { draftVersionOf, type DraftContent, type NewDraft } from '../../schemas/drafts';
import { describeIssues, echoSafe, fieldPath, valueAt, violation, type Violation } from '../../schemas/messages';
import type { Language } from '../../schemas/primitives';
import { trackIds, trackInfo, type ServiceId } from '../../schemas/services';
import type { UploadRequest } from '../../schemas/uploads';
import { type CitizenPrincipal, type Submission } from './applications/types';
import { type ApplicationDeps } from './applications/ports';
import { submitApplication } from './applications/filing';
import { DomainError, notFound, validationFailed } from './errors';
import { formVersions } from './generated/form-versions';
import {
  checkAttachable,
  declareUpload,
  documentTypesFor,
  statusOfUpload,
  uploadOf,
  type EvidenceStorage,
  type Upload,
  type UploadDeps,
  type UploadOwner,
  type UploadTicket,
} from './uploads';

/** How long drafts live (configuration: functions/settings.ts, `draftLifetime`; the rules: docs/drafts.md). */
export interface DraftLifetime {
  /** A draft expires this many days after it was last saved… */
  readonly afterSaveDays: number;
  /** …and never later than this many days after it was started. */
  readonly afterCreationDays: number;
  /** The owner is reminded by e-mail this many days before it expires, once per expiry date. */
  readonly reminderDaysBefore: number;
}

/** Where the reminder goes: the signed-in person's e-mail from eID, in the language they used. */
export interface DraftReminder {
  readonly email: string;
  readonly language: Language;
  readonly remindAt: string;
}

export interface Draft {
  readonly id: string;
  /** The person key of the citizen who started it (docs/person-key.md): only they reach it. */
  readonly ownerKey: string;
  readonly serviceId: ServiceId;
  /** Absent until chosen (a service with several tracks, started before choosing one). */
  readonly track?: string;
  /** The form's members as far as filled in, `serviceId` and `track` aside; kept even where wrong. */
  readonly content: Readonly<Record<string, unknown>>;
  /** Incremented by every save: the `If-Match` of the next one. */
  readonly version: number;
  /** A digest of the service form's schema when last saved: a different one means the form changed since. */
  readonly formVersion: string;
  readonly createdAt: string;
  readonly savedAt: string;
  readonly expiresAt: string;
  /** While a reminder is still to be sent for this expiry date. */
  readonly reminder?: DraftReminder;
}

/** The draft's person, service and track already hold a live draft (its id). */
export class DraftSlotTaken extends Error {
  override readonly name = 'DraftSlotTaken';
  constructor(readonly draftId: string) {
    super('draft slot taken');
  }
}

/** A conditional save met something else than the version, owner and service it expected: what is stored now. */
export class DraftChanged extends Error {
  override readonly name = 'DraftChanged';
  constructor(readonly current: Draft | undefined) {
    super('draft changed');
  }
}

export interface DraftStore {
  /**
   * Stores a new draft and takes its person–service–track slot, at once. Throws DraftSlotTaken when the slot
   * names another draft, unless it is `replacing` (a draft that is gone or expired).
   */
  insert(draft: Draft, replacing?: string): Promise<void>;
  find(id: string): Promise<Draft | undefined>;
  listOwned(ownerKey: string): Promise<Draft[]>;
  /**
   * One conditional write of the saved fields (content, track, version, savedAt, expiresAt, formVersion, reminder),
   * only if the stored draft is the owner's, unexpired at `now`, of the same service (and track, once it has one)
   * and at `expectedVersion`, answering the draft as stored by it. Otherwise throws DraftChanged with what is stored.
   */
  save(draft: Draft, expectedVersion: number, now: string): Promise<Draft>;
  remove(draft: Draft): Promise<void>;
  /** The draft's uploads (while they belong to it). */
  listUploads(draftId: string): Promise<Upload[]>;
  /** Drafts whose reminder is due at `now`, soonest first (a sparse index: only drafts still to be reminded). */
  dueReminders(now: string, limit: number): Promise<Draft[]>;
  /** Takes the reminder off the due list if the draft is still as read; false when it changed meanwhile. */
  claimReminder(draft: Draft, at: string): Promise<boolean>;
  /** Puts a claimed reminder back on the due list (sending failed): the next run tries again. */
  releaseReminder(draft: Draft): Promise<void>;
  /** Deletes an upload of a gone draft (unless it has become an application's meanwhile) and, with the last, its quota. */
  discardUpload(upload: Upload): Promise<void>;
  discardQuota(draftId: string): Promise<void>;
}

export interface DraftDeps {
  readonly store: DraftStore;
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly personKey: (personalCode: string) => Promise<string>;
  readonly lifetime: DraftLifetime;
}

const dayMs = 24 * 60 * 60 * 1000;
/** Whole seconds: the table's expiry (TTL) attribute counts seconds, and a read must give back what was written. */
const addDays = (at: string, days: number) => new Date(Math.floor((Date.parse(at) + days * dayMs) / 1000) * 1000).toISOString();

/** 30 days after the last save, never more than 90 days after creation (the defaults; docs/drafts.md). */
export const draftExpiry = (createdAt: string, savedAt: string, lifetime: DraftLifetime): string => {
  const afterSave = addDays(savedAt, lifetime.afterSaveDays);
  const latest = addDays(createdAt, lifetime.afterCreationDays);
  return afterSave < latest ? afterSave : latest;
};

/** Reads treat an expired draft as gone: the table's TTL deletes it some time later. */
export const isLive = (draft: Pick<Draft, 'expiresAt'>, now: Date): boolean => Date.parse(draft.expiresAt) > now.getTime();

/**
 * A draft id is a UUID version 7: its first 48 bits are the creation time (ms), so a save (which must be one
 * write, without reading the draft first) knows the 90-day limit from the id alone. An id nobody issued names
 * no stored draft, so a forged time gains nothing.
 */
export const draftIdAt = (createdAt: Date, random: string): string => {
  const time = createdAt.getTime().toString(16).padStart(12, '0');
  const hex = random.replaceAll('-', '');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const createdAtOfDraftId = (id: string): string | undefined => {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7/i.test(id)) return undefined;
  const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
  return new Date(ms).toISOString();
};

/**
 * A digest of the service form's published schema: changes whenever a field is added, removed or changed.
 * Generated with the schemas (`npm run build:schemas`): converting the form to JSON Schema on a draft route's
 * first call cost it several milliseconds (docs/cold-start.md); a spec fails when the digests are stale.
 */
export const formVersionOf = (serviceId: ServiceId): string => formVersions[serviceId];

/** The form a draft would be with its service and track; without a track yet, the service's first stands in. */
const asForm = (serviceId: ServiceId, track: string | undefined, content: Readonly<Record<string, unknown>>) => ({
  ...content,
  serviceId,
  track: track ?? trackIds(serviceId)[0],
});

/**
 * The draft checked against the service's own form with every field optional: the form's answers, less the
 * ones about what is not filled in yet. Without a track yet, the evidence (which depends on it) is not judged.
 */
export const draftViolations = (serviceId: ServiceId, track: string | undefined, content: Readonly<Record<string, unknown>>): Violation[] => {
  // Nothing filled in under a track the service has: every answer would be about a field not there yet, so there is
  // none to give, and a new draft's first answer need not build its form (docs/cold-start.md).
  if (Object.keys(content).length === 0 && (track === undefined || trackInfo(serviceId, track))) return [];
  const form = asForm(serviceId, track, content);
  const result = formOf(serviceId).safeParse(form);
  if (result.success) return [];
  // Judged only where filled in: nothing is said about a field (a choice, a text) that is not there yet.
  return echoSafe(describeIssues(result.error.issues, form)).filter(
    (found) =>
      found.code !== 'required' &&
      (found.code === 'unknown_field' || valueAt(form, found.path) !== undefined) &&
      (track !== undefined || (found.path[0] !== 'evidence' && found.path[0] !== 'track')),
  );
};

/** Fields the draft holds that the form does not have (any more): reported on resume, never dropped. */
export const unknownFieldsOf = (violations: readonly Violation[]): string[] =>
  violations.filter((found) => found.code === 'unknown_field').map((found) => fieldPath(found.path));

/** What the owner reads of a draft: the content with its field errors, and what changed in the form since. */
export interface DraftView {
  readonly id: string;
  readonly serviceId: ServiceId;
  readonly track?: string;
  readonly version: number;
  readonly createdAt: string;
  readonly savedAt: string;
  readonly expiresAt: string;
  readonly content: Readonly<Record<string, unknown>>;
  readonly errors: readonly Violation[];
  readonly unknownFields: readonly string[];
  /** The service's form has changed since the last save. */
  readonly formChanged: boolean;
}

export const draftView = (draft: Draft): DraftView => {
  const errors = draftViolations(draft.serviceId, draft.track, draft.content);
  return {
    id: draft.id,
    serviceId: draft.serviceId,
    ...(draft.track !== undefined && { track: draft.track }),
    version: draft.version,
    createdAt: draft.createdAt,
    savedAt: draft.savedAt,
    expiresAt: draft.expiresAt,
    content: draft.content,
    errors,
    unknownFields: unknownFieldsOf(errors),
    formChanged: draft.formVersion !== formVersionOf(draft.serviceId),
  };
};

/** A reminder for this expiry date, when the person has an e-mail address to send it to. */
const reminderFor = (principal: CitizenPrincipal, language: Language, expiresAt: string, lifetime: DraftLifetime): DraftReminder | undefined =>
  principal.email ? { email: principal.email, language, remindAt: addDays(expiresAt, -lifetime.reminderDaysBefore) } : undefined;

const checkedTrack = (serviceId: ServiceId, track: string | undefined): string | undefined => {
  if (track === undefined) {
    // A service with one track has nothing to choose.
    const tracks = trackIds(serviceId);
    return tracks.length === 1 ? tracks[0] : undefined;
  }
  if (!trackInfo(serviceId, track)) throw validationFailed([violation(['track'], 'unknown_track')]);
  return track;
};

/** The caller's live draft; anyone else's, a missing one and an expired one are the same 404. */
const ownedDraft = async (deps: Pick<DraftDeps, 'store' | 'clock' | 'personKey'>, principal: CitizenPrincipal, id: string): Promise<Draft> => {
  const [draft, ownerKey] = await Promise.all([deps.store.find(id), deps.personKey(principal.personalCode)]);
  if (!draft || draft.ownerKey !== ownerKey || !isLive(draft, deps.clock())) throw notFound();
  return draft;
};

/**
 * A draft as created or saved at `savedAt`: its owner's key, the form's version, and the expiry and reminder that
 * follow from when it was created and last saved.
 */
const draftAsWritten = async (
  deps: Pick<DraftDeps, 'personKey' | 'lifetime'>,
  principal: CitizenPrincipal,
  language: Language,
  written: Pick<Draft, 'id' | 'serviceId' | 'content' | 'version' | 'createdAt' | 'savedAt'> & { readonly track: string | undefined },
): Promise<Draft> => {
  const { id, serviceId, track, content, version, createdAt, savedAt } = written;
  const ownerKey = await deps.personKey(principal.personalCode);
  const expiresAt = draftExpiry(createdAt, savedAt, deps.lifetime);
  const reminder = reminderFor(principal, language, expiresAt, deps.lifetime);
  return {
    id,
    ownerKey,
    serviceId,
    ...(track !== undefined && { track }),
    content,
    version,
    formVersion: formVersionOf(serviceId),
    createdAt,
    savedAt,
    expiresAt,
    ...(reminder && { reminder }),
  };
};

/**
 * POST /drafts. One draft per person, service and track: asked again, the answer is the live draft already
 * there (`created: false`), so a second device resumes it instead of starting over.
 */
export const createDraft = async (
  deps: DraftDeps,
  principal: CitizenPrincipal,
  request: NewDraft,
  language: Language,
): Promise<{ draft: DraftView; created: boolean }> => {
  const track = checkedTrack(request.serviceId, request.track);
  const now = deps.clock();
  const createdAt = now.toISOString();
  const draft = await draftAsWritten(deps, principal, language, {
    id: draftIdAt(now, deps.newId()),
    serviceId: request.serviceId,
    track,
    content: {},
    version: 1,
    createdAt,
    savedAt: createdAt,
  });
  const { ownerKey } = draft;
  try {
    await deps.store.insert(draft);
  } catch (error) {
    if (!(error instanceof DraftSlotTaken)) throw error;
    const existing = await deps.store.find(error.draftId);
    if (existing && existing.ownerKey === ownerKey && isLive(existing, now)) return { draft: draftView(existing), created: false };
    // The slot names a draft that is gone (submitted, deleted or expired): this one takes it over.
    await deps.store.insert(draft, error.draftId);
  }
  return { draft: draftView(draft), created: true };
};

/** GET /drafts: the caller's live drafts, newest first, without their content. */
export const listDrafts = async (deps: Pick<DraftDeps, 'store' | 'clock' | 'personKey'>, principal: CitizenPrincipal) => {
  const now = deps.clock();
  const drafts = await deps.store.listOwned(await deps.personKey(principal.personalCode));
  return drafts
    .filter((draft) => isLive(draft, now))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .map(({ id, serviceId, track, version, createdAt, savedAt, expiresAt }) => ({
      id,
      serviceId,
      ...(track !== undefined && { track }),
      version,
      createdAt,
      savedAt,
      expiresAt,
    }));
};

/** GET /drafts/{id}: resuming; fields the form no longer has are listed in `unknownFields`, and kept. */
export const getDraft = async (deps: Pick<DraftDeps, 'store' | 'clock' | 'personKey'>, principal: CitizenPrincipal, id: string): Promise<DraftView> =>
  draftView(await ownedDraft(deps, principal, id));

/** A stale `If-Match`: 412 with the version stored now, so the client can reload it. */
const staleDraft = (currentVersion: number) =>
  new DomainError('precondition-failed', [violation(['If-Match'], 'draft_stale', { currentVersion })], { currentVersion });

/** A save without `If-Match`: 428, since it would overwrite whatever another device saved. */
export const versionRequired = () => new DomainError('precondition-required', [violation(['If-Match'], 'if_match_required')]);

/** The version an `If-Match` names: none is a 428, one that names no version a 400. */
export const expectedVersionOf = (ifMatch: string | undefined): number => {
  if (ifMatch === undefined) throw versionRequired();
  const version = draftVersionOf(ifMatch);
  if (version === undefined) throw validationFailed([violation(['If-Match'], 'if_match_required')]);
  return version;
};

/**
 * PUT /drafts/{id} with `If-Match: <version>`: one conditional write. Field errors are answered with the new
 * version but do not stop the save; only the service (and a chosen track) may not change.
 */
export const saveDraft = async (
  deps: DraftDeps,
  principal: CitizenPrincipal,
  id: string,
  ifMatch: string | undefined,
  body: DraftContent,
  language: Language,
): Promise<DraftView> => {
  const expectedVersion = expectedVersionOf(ifMatch);
  const createdAt = createdAtOfDraftId(id);
  if (!createdAt) throw notFound();
  const { serviceId, track: requestedTrack, ...content } = body;
  const track = requestedTrack === undefined ? undefined : checkedTrack(serviceId, requestedTrack);
  const now = deps.clock();
  const savedAt = now.toISOString();
  const draft = await draftAsWritten(deps, principal, language, { id, serviceId, track, content, version: expectedVersion + 1, createdAt, savedAt });
  const { ownerKey } = draft;
  try {
    return draftView(await deps.store.save(draft, expectedVersion, savedAt));
  } catch (error) {
    if (!(error instanceof DraftChanged)) throw error;
    const { current } = error;
    if (!current || current.ownerKey !== ownerKey || !isLive(current, now)) throw notFound();
    if (current.serviceId !== serviceId || (track !== undefined && current.track !== undefined && current.track !== track)) {
      throw validationFailed([violation([current.serviceId !== serviceId ? 'serviceId' : 'track'], 'draft_service_fixed')]);
    }
    throw staleDraft(current.version);
  }
};

/** DELETE /drafts/{id}. Its uploads go with it (the table stream's removal of the draft; discardDraftUploads). */
export const deleteDraft = async (deps: Pick<DraftDeps, 'store' | 'clock' | 'personKey'>, principal: CitizenPrincipal, id: string): Promise<void> => {
  await deps.store.remove(await ownedDraft(deps, principal, id));
};

/** The idempotency record of a draft's submission: a repeated submit answers the same application. */
const submissionKey = (ownerKey: string, draftId: string) => ({ scope: `draft|${ownerKey}`, key: draftId });

/**
 * POST /drafts/{id}/submit: the draft as an application, through the same checks and write as
 * `POST /applications` (submitApplication). In that one write the draft is deleted and its clean uploads become
 * the application's attachments; a pending upload is a 409, a rejected one a 422. Asked again (the draft now
 * gone), the answer is the same application, for as long as idempotency records are kept (24 hours).
 */
export const submitDraft = async (
  deps: DraftDeps & { readonly applications: ApplicationDeps },
  principal: CitizenPrincipal,
  id: string,
): Promise<Submission> => {
  const ownerKey = await deps.personKey(principal.personalCode);
  const idempotency = submissionKey(ownerKey, id);
  const earlier = await deps.applications.store.findIdempotencyRecord(idempotency.scope, idempotency.key);
  if (earlier) return { receipt: earlier.receipt, replayed: true };

  const draft = await ownedDraft(deps, principal, id);
  const form = asForm(draft.serviceId, draft.track, draft.content);
  const parsed = formOf(draft.serviceId).safeParse(form);
  if (!parsed.success) throw validationFailed(echoSafe(describeIssues(parsed.error.issues, form)));

  const uploads = await deps.store.listUploads(draft.id);
  checkAttachable(uploads, uploads.map((_, index) => ['uploads', index]));
  return submitApplication(deps.applications, principal, parsed.data, idempotency, { draftId: draft.id, draftVersion: draft.version, uploads });
};

const draftOwner = (draft: Draft): UploadOwner => ({ kind: 'draft', id: draft.id });

/** POST /drafts/{id}/uploads: a file for the draft, as for an application (core/uploads.ts). */
export const createDraftUpload = async (
  deps: Pick<DraftDeps, 'store' | 'clock' | 'personKey'> & { readonly uploads: UploadDeps },
  principal: CitizenPrincipal,
  id: string,
  request: UploadRequest,
): Promise<UploadTicket> => {
  const draft = await ownedDraft(deps, principal, id);
  return declareUpload(deps.uploads, principal, draftOwner(draft), documentTypesFor(draft), request);
};

/** GET /drafts/{id}/uploads/{uploadId}: pending, clean, or rejected with the reason. */
export const draftUploadStatus = async (
  deps: Pick<DraftDeps, 'store' | 'clock' | 'personKey'> & { readonly uploads: Pick<UploadDeps, 'store'> },
  principal: CitizenPrincipal,
  id: string,
  uploadId: string,
) => {
  const draft = await ownedDraft(deps, principal, id);
  return statusOfUpload(await uploadOf(deps.uploads.store, principal, draftOwner(draft), uploadId));
};

/**
 * A draft has gone without being submitted (deleted, or expired and removed by the table's TTL): its uploads
 * belong to nobody, so their items and files go too. Uploads that became an application's are not the draft's
 * any more and are left alone.
 */
export const discardDraftUploads = async (
  deps: { readonly store: Pick<DraftStore, 'listUploads' | 'discardUpload' | 'discardQuota'>; readonly storage: Pick<EvidenceStorage, 'discardQuarantined' | 'discardEvidence'> },
  draftId: string,
): Promise<number> => {
  const uploads = await deps.store.listUploads(draftId);
  for (const upload of uploads) {
    // The files first: an item left behind is found again on a retry, a file without its item never would be.
    if (upload.evidenceKey) await deps.storage.discardEvidence(upload.evidenceKey);
    if (upload.state === 'pending') await deps.storage.discardQuarantined(upload.id);
    await deps.store.discardUpload(upload);
  }
  await deps.store.discardQuota(draftId);
  return uploads.length;
};

/** The reminder e-mail's facts: no service, no content, only that a draft exists and until when (docs/drafts.md). */
export interface DraftReminderEmail {
  readonly to: string;
  readonly language: Language;
  readonly expiresAt: string;
  readonly draftId: string;
}

/**
 * The scheduled reminder run at `now` (the event's time): every draft whose reminder is due gets one e-mail,
 * once per expiry date. The reminder is claimed before it is sent, so two runs never both send it; a failed
 * send puts it back for the next run.
 */
export const remindDueDrafts = async (
  deps: { readonly store: DraftStore; readonly send: (email: DraftReminderEmail) => Promise<void> },
  now: Date,
  limit = 100,
): Promise<{ sent: number; failed: number }> => {
  const at = now.toISOString();
  let sent = 0;
  let failed = 0;
  for (const draft of await deps.store.dueReminders(at, limit)) {
    if (!draft.reminder || !isLive(draft, now) || !(await deps.store.claimReminder(draft, at))) continue;
    try {
      await deps.send({ to: draft.reminder.email, language: draft.reminder.language, expiresAt: draft.expiresAt, draftId: draft.id });
      sent += 1;
    } catch {
      await deps.store.releaseReminder(draft);
      failed += 1;
    }
  }
  return { sent, failed };
};
