/**
 * Evidence documents uploaded to an application: what a client declares before
 * uploading, and the limits (docs/documents.md). The bytes themselves are checked
 * after upload (functions/core/file-type.ts); these are only the declared facts.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { ApplicationId } from './lifecycle';
import { evidenceDocuments } from './services';
import { text } from './primitives';

export const fileKinds = ['pdf', 'jpeg', 'png', 'heic', 'docx', 'odt', 'asice'] as const;
export type FileKind = (typeof fileKinds)[number];

/** The content types a client may declare for each kind (the presigned POST fixes the one declared). */
export const contentTypesOf: Readonly<Record<FileKind, readonly string[]>> = {
  pdf: ['application/pdf'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
  heic: ['image/heic', 'image/heif'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  odt: ['application/vnd.oasis.opendocument.text'],
  // eDoc (.edoc) is the Latvian name of an ASiC-E container.
  asice: ['application/vnd.etsi.asic-e+zip', 'application/x-edoc'],
};
export const acceptedContentTypes = Object.values(contentTypesOf).flat() as [string, ...string[]];

export const uploadLimits = {
  fileBytes: 10 * 1024 * 1024,
  applicationBytes: 30 * 1024 * 1024,
  applicationFiles: 20,
  /** How long the presigned POST may be used. */
  postSeconds: 5 * 60,
  /** How long a staff download link lives. */
  downloadSeconds: 60,
} as const;

export const documentTypes = [...(Object.keys(evidenceDocuments) as (keyof typeof evidenceDocuments)[]), 'other'] as const;
export type DocumentType = (typeof documentTypes)[number];

/** A file name as people see it: no folders, no control characters. */
const FileName = builtOnFirstUse(() => text(200).check(z.refine((name) => !/[/\\]/.test(name), { error: 'file_name' })));

export const UploadRequest = builtOnFirstUse(() => z.strictObject({
  documentType: z.enum(documentTypes),
  fileName: FileName,
  contentType: z.enum(acceptedContentTypes),
  size: z.number().check(
    z.int(),
    z.minimum(1),
    z.refine((size) => size <= uploadLimits.fileBytes, { error: 'file_too_large' }),
  ),
}));
export type UploadRequest = z.infer<typeof UploadRequest>;

export const UploadId = builtOnFirstUse(() => z.uuid());
export const UploadPath = builtOnFirstUse(() => z.strictObject({ id: ApplicationId, uploadId: UploadId }));
export type UploadPath = z.infer<typeof UploadPath>;

export const AttachmentPath = builtOnFirstUse(() => z.strictObject({ id: ApplicationId, attachmentId: UploadId }));
export type AttachmentPath = z.infer<typeof AttachmentPath>;

export const uploadStates = ['pending', 'clean', 'rejected'] as const;
export type UploadState = (typeof uploadStates)[number];

/** Why an upload was refused; each has a lv/en message saying what to do (schemas/messages.ts). */
export const rejectionReasons = ['malware', 'type_mismatch', 'size_mismatch', 'encrypted_pdf', 'unsupported', 'scan_failed'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];
