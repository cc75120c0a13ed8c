import { AttachmentPath } from '../../schemas/uploads';
import { attachmentLink } from '../core/uploads';
import { httpRoute, json } from '../http/route';
import { uploadDeps } from '../upload-wiring';
import { issuers } from '../wiring';

/** GET /staff/applications/{id}/attachments/{attachmentId}: 303 to a download link that lives 60 s; the read is recorded on the timeline. */
export const handler = httpRoute(
  { roles: ['staff'], issuers, path: AttachmentPath },
  async ({ principal, path }) => {
    const { url } = await attachmentLink(uploadDeps, principal, path.id, path.attachmentId);
    return json(303, null, { location: url, 'cache-control': 'no-store' });
  },
);
