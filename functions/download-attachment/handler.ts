import { downloadRoute } from '../http/download';
import { downloadAttachmentRoute } from '../../infra/routes';

/** GET /staff/applications/{id}/attachments/{attachmentId}: 303 to a download link that lives 60 s; the read is recorded on the timeline. */
export const handler = downloadRoute(downloadAttachmentRoute);
