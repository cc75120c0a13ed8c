/**
 * The promote step of an evidence upload (docs/documents.md): after the scan, the bytes themselves are checked and
 * either kept as evidence or refused. Kept apart from the rest of ./uploads.ts, which declares, attaches and reads
 * uploads, because the promote-upload function runs only this: its bundle then holds no schema, catalogue or
 * access rule, and its cold start evaluates none (bench/RESULTS.md, "The upload functions against a bare S3 client").
 */
import { createHash } from 'node:crypto';
import { contentTypesOf, uploadLimits, type FileKind, type RejectionReason } from '../../schemas/upload-limits';
import { kindOfContentType, sniff } from './file-type';
import type { EvidenceStorage, Settlement, Upload, UploadDeps, UploadOwner, UploadStore } from './uploads';

export const ownerOfUpload = (upload: Upload): UploadOwner =>
  upload.draftId !== undefined ? { kind: 'draft', id: upload.draftId } : { kind: 'application', id: upload.applicationId ?? '' };

/** The quarantine object of an upload: its random id only, nothing a person typed. */
export const quarantineKeyOf = (uploadId: string) => uploadId;
export const uploadIdOfQuarantineKey = (key: string): string | undefined =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(key) ? key : undefined;
/**
 * Evidence is kept under `applications/`, each owner's under its own prefix; a draft's (`draft-<id>`) stays where
 * it is when the draft becomes an application (the attachment names the key), so only applications' files exist.
 */
export const evidenceKeyOf = (owner: UploadOwner, uploadId: string) =>
  `applications/${owner.kind === 'application' ? owner.id : `draft-${owner.id}`}/${uploadId}`;

/** The checks of the promote step, on the bytes themselves: the scanner looks for malware, not for lies about the file. */
export const checkBytes = (upload: Pick<Upload, 'size' | 'contentType'>, bytes: Uint8Array): RejectionReason | undefined => {
  if (bytes.byteLength !== upload.size || bytes.byteLength > uploadLimits.fileBytes) return 'size_mismatch';
  const sniffed = sniff(bytes);
  if (sniffed.kind !== kindOfContentType(upload.contentType)) return 'type_mismatch';
  if ('encrypted' in sniffed) return 'encrypted_pdf';
  return undefined;
};

/** The file name staff see for a form upload (the browser does not tell S3 the person's own): its type and kind. */
const fileExtensions: Readonly<Record<FileKind, string>> = { pdf: 'pdf', jpeg: 'jpg', png: 'png', heic: 'heic', docx: 'docx', odt: 'odt', asice: 'edoc' };

/**
 * A form upload's checks: the bytes say what the file is and how big. Anything but an accepted kind, or
 * more than the per-file limit, is refused with what to do; otherwise its measured facts.
 */
export const measureFormBytes = (upload: Pick<Upload, 'documentType'>, bytes: Uint8Array): RejectionReason | NonNullable<Extract<Settlement, { state: 'clean' }>['measured']> => {
  if (bytes.byteLength === 0 || bytes.byteLength > uploadLimits.fileBytes) return 'size_mismatch';
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'unknown') return 'type_mismatch';
  if ('encrypted' in sniffed) return 'encrypted_pdf';
  return { size: bytes.byteLength, contentType: contentTypesOf[sniffed.kind][0]!, fileName: `${upload.documentType}.${fileExtensions[sniffed.kind]}` };
};

/** The scanner's verdict on a quarantined object, as GuardDuty reports it. */
export type ScanResult = 'NO_THREATS_FOUND' | 'THREATS_FOUND' | 'UNSUPPORTED' | 'ACCESS_DENIED' | 'FAILED';

export type PromoteOutcome = 'clean' | RejectionReason | 'unknown-upload' | 'already-settled';

/**
 * After the scan: threats → deleted and recorded; clean → size and type re-checked, kept with
 * its SHA-256; unsupported or failed → rejected with what to do. The quarantine copy always goes.
 */
/** What the promote step reads and writes: the upload's item, and the quarantined and evidence objects. */
export interface PromoteDeps {
  readonly store: Pick<UploadStore, 'find' | 'settle'>;
  readonly storage: Pick<EvidenceStorage, 'readQuarantined' | 'keepEvidence' | 'discardQuarantined'>;
  readonly clock: UploadDeps['clock'];
}

export const promoteUpload = async (deps: PromoteDeps, quarantineKey: string, result: ScanResult): Promise<PromoteOutcome> => {
  const uploadId = uploadIdOfQuarantineKey(quarantineKey);
  const upload = uploadId ? await deps.store.find(uploadId) : undefined;
  if (!upload) {
    // Nobody declared this object: it cannot be attached, so it is only removed.
    await deps.storage.discardQuarantined(quarantineKey);
    return 'unknown-upload';
  }
  if (upload.state !== 'pending') {
    // Settled before its file was handled (its reservation lapsed, or a repeated event): the file has no use.
    await deps.storage.discardQuarantined(quarantineKey);
    return 'already-settled';
  }
  const at = deps.clock().toISOString();
  const reject = async (reason: RejectionReason): Promise<PromoteOutcome> => {
    await deps.storage.discardQuarantined(quarantineKey);
    return (await deps.store.settle(upload, { state: 'rejected', reason }, at)) ? reason : 'already-settled';
  };
  switch (result) {
    case 'THREATS_FOUND':
      return reject('malware');
    case 'UNSUPPORTED':
      return reject('unsupported');
    case 'NO_THREATS_FOUND':
      break;
    default:
      return reject('scan_failed');
  }
  const bytes = await deps.storage.readQuarantined(quarantineKey);
  if (!bytes) return reject('scan_failed');
  const measured = upload.fromForm ? measureFormBytes(upload, bytes) : undefined;
  const problem = typeof measured === 'string' ? measured : measured ? undefined : checkBytes(upload, bytes);
  if (problem) return reject(problem);
  const facts = typeof measured === 'object' ? measured : undefined;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const evidenceKey = evidenceKeyOf(ownerOfUpload(upload), upload.id);
  await deps.storage.keepEvidence(evidenceKey, bytes, facts?.contentType ?? upload.contentType, sha256);
  await deps.storage.discardQuarantined(quarantineKey);
  return (await deps.store.settle(upload, { state: 'clean', evidenceKey, sha256, ...(facts && { measured: facts }) }, at)) ? 'clean' : 'already-settled';
};

