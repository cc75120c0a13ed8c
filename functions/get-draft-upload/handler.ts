import { DraftUploadPath } from '../../schemas/drafts';
import { createUploadRepository } from '../adapters/upload-repository';
import { draftUploadStatus } from '../core/drafts';
import { uploadStatusResponse } from '../http/responses';
import { httpRoute } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { documentClient, tableName } from '../wiring/table';
import { getDraftUploadRoute } from '../../infra/routes';

// The state lives in the table: no S3 client here.
const uploads = { store: createUploadRepository(documentClient, tableName) };

/** getDraftUploadRoute (infra/routes.ts): the status with its reason in the caller's language. */
export const handler = httpRoute({ routes: [getDraftUploadRoute], issuers, path: DraftUploadPath }, async ({ principal, path, language }) =>
  uploadStatusResponse(await draftUploadStatus({ ...draftDeps, uploads }, principal, path.id, path.uploadId), language),
);
