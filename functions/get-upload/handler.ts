import { localise, violation } from '../../schemas/messages';
import { referrerKinds } from '../../schemas/services';
import { UploadPath } from '../../schemas/uploads';
import { createUploadRepository } from '../adapters/upload-repository';
import { uploadStatus } from '../core/uploads';
import { httpRoute, json } from '../http/route';
import { issuers } from '../settings';
import { documentClient, tableName } from '../wiring/table';

// The state lives in the table: no S3 client here.
const uploads = { store: createUploadRepository(documentClient, tableName) };

/** GET /applications/{id}/uploads/{uploadId}: pending, clean, or rejected with what to do (lv/en). */
export const handler = httpRoute(
  { roles: ['citizen', ...referrerKinds], issuers, path: UploadPath },
  async ({ principal, path, language }) => {
    const { reason, ...status } = await uploadStatus(uploads, principal, path.id, path.uploadId);
    const message = reason && localise(violation([], `rejected_${reason}`), language).message;
    return json(200, { ...status, ...(reason && { reason: { code: reason, message } }) });
  },
);
