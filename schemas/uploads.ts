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
import { contentTypesOf, uploadLimits } from './upload-limits';

export { contentTypesOf, fileKinds, rejectionReasons, uploadLimits, uploadStates, type FileKind, type RejectionReason, type UploadState } from './upload-limits';

export const acceptedContentTypes = Object.values(contentTypesOf).flat() as [string, ...string[]];

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
