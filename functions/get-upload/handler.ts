import { UploadPath } from '../../schemas/uploads';
import { createUploadRepository } from '../adapters/upload-repository';
import { uploadStatus } from '../core/uploads';
import { uploadStatusResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { issuers } from '../settings';
import { documentClient, tableName } from '../wiring/table';
import { getApplicationUploadRoute, getReferralUploadRoute } from '../../infra/routes';

// The state lives in the table: no S3 client here.
const uploads = { store: createUploadRepository(documentClient, tableName) };

/** Both upload status routes (infra/routes.ts): the status with its reason in the caller's language. */
export const handler = httpRoute(
  { routes: [getApplicationUploadRoute, getReferralUploadRoute], issuers, path: UploadPath },
  async ({ principal, path, language }) => uploadStatusResponse(await uploadStatus(uploads, principal, path.id, path.uploadId), language),
);
