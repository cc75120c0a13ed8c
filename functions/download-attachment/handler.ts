import { referrerKinds } from '../../schemas/services';
import { AttachmentPath } from '../../schemas/uploads';
import { attachmentLink } from '../core/uploads';
import { httpRoute, json } from '../http/route';
import { uploadDeps } from '../upload-wiring';
import { issuers } from '../wiring';

/**
 * GET /staff/applications/{id}/attachments/{attachmentId} (and /referrals/…): 303 to a download
 * link that lives 60 s. Staff reads are recorded on the timeline.
 */
export const handler = httpRoute(
  { roles: ['staff', ...referrerKinds], issuers, path: AttachmentPath },
  async ({ principal, path }) => {
    const { url } = await attachmentLink(uploadDeps, principal, path.id, path.attachmentId);
    return json(303, null, { location: url, 'cache-control': 'no-store' });
  },
);
