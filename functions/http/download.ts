/** The download routes of attachments: one chain, for staff and for referring officers, each on their own path. */
import { AttachmentPath } from '../../schemas/uploads';
import { attachmentLink } from '../core/uploads';
import type { WorkforceRole } from '../core/model';
import { uploadDeps } from '../upload-wiring';
import { issuers } from '../settings';
import { httpRoute, json, type RouteAccess } from './route';

/** 303 to a download link that lives 60 s (never cached); the read is recorded on the timeline. */
export const downloadRoute = (route: RouteAccess<WorkforceRole>) =>
  httpRoute({ routes: [route], issuers, path: AttachmentPath }, async ({ principal, path }) => {
    const { url } = await attachmentLink(uploadDeps, principal, path.id, path.attachmentId);
    return json(303, null, { location: url, 'cache-control': 'no-store' });
  });
