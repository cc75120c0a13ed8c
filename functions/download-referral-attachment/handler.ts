import { downloadRoute } from '../http/download';
import { downloadReferralAttachmentRoute } from '../../infra/routes';

/**
 * GET /referrals/{id}/attachments/{attachmentId}: for an officer of the referring organisation, a file their
 * organisation uploaded and attached; 303 to a link that lives 60 s, the read recorded as `viewed_by_referrer`.
 */
export const handler = downloadRoute(downloadReferralAttachmentRoute);
