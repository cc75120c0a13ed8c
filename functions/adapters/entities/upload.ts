/**
 * An evidence upload (UPLOAD#<id>), the quota counted against its owner (an application's or a draft's), and an
 * attachment: a clean upload attached to an application, in the application's partition.
 */
// ownerOfUpload from the promote step's module: the promote function's store uses these, and its bundle holds no more.
import { ownerOfUpload } from '../../core/promote-upload';
import type { Attachment, Upload } from '../../core/uploads';
import { attachmentKey, draftUploadIndexKeys, draftUploadQuotaKey, uploadKey, uploadQuotaKey, type Entity } from '../keys';
import { storedAsItself, type Item } from './item';

/** The upload's item; while it belongs to a draft, it is listed under the draft (gsi1), so the draft finds its uploads. */
export const uploadItems = storedAsItself<Upload>('upload', (upload) => ({
  ...uploadKey(upload.id),
  ...(upload.draftId !== undefined && draftUploadIndexKeys(upload.draftId, upload.id)),
}));

export const attachmentItems = storedAsItself<Attachment>('attachment', (attachment) => attachmentKey(attachment.applicationId, attachment.id));

/** The quota item of an upload's owner: an application's or a draft's. */
export const quotaKeyOf = (upload: Upload) => {
  const owner = ownerOfUpload(upload);
  return owner.kind === 'application' ? uploadQuotaKey(owner.id) : draftUploadQuotaKey(owner.id);
};

/** An application's quota item as counted from the files it holds (a draft's files handed over on submission). */
export const applicationQuotaItem = (applicationId: string, files: readonly { size: number }[]): Item => ({
  ...uploadQuotaKey(applicationId),
  entity: 'upload-quota' satisfies Entity,
  files: files.length,
  bytes: files.reduce((total, file) => total + file.size, 0),
});
