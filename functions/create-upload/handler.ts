import { ApplicationIdPath } from '../../schemas/lifecycle';
import { UploadRequest } from '../../schemas/uploads';
import { readLink } from '../core/access';
import { createUpload } from '../core/uploads';
import { httpRoute, json } from '../http/route';
import { uploadDeps } from '../upload-wiring';
import { issuers } from '../settings';
import { createApplicationUploadRoute, createReferralUploadRoute } from '../../infra/routes';

/** Both upload routes (infra/routes.ts): 201 with the ticket, `Location` under the path the caller reads it by. */
export const handler = httpRoute(
  { routes: [createApplicationUploadRoute, createReferralUploadRoute], issuers, path: ApplicationIdPath, body: UploadRequest },
  async ({ principal, path, body }) => {
    const ticket = await createUpload(uploadDeps, principal, path.id, body);
    return json(201, ticket, { location: `${readLink(principal, path.id)}/uploads/${ticket.uploadId}` });
  },
);
