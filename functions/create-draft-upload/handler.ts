import { DraftIdPath } from '../../schemas/drafts';
import { UploadRequest } from '../../schemas/uploads';
import { createDraftUpload } from '../core/drafts';
import { httpRoute, json } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { uploadDeps } from '../upload-wiring';
import { issuers } from '../settings';
import { createDraftUploadRoute } from '../../infra/routes';

/** createDraftUploadRoute (infra/routes.ts): 201 with the ticket, `Location` naming the upload's status. */
export const handler = httpRoute({ routes: [createDraftUploadRoute], issuers, path: DraftIdPath, body: UploadRequest }, async ({ principal, path, body }) => {
  const ticket = await createDraftUpload({ ...draftDeps, uploads: uploadDeps }, principal, path.id, body);
  return json(201, ticket, { location: `/drafts/${path.id}/uploads/${ticket.uploadId}` });
});
