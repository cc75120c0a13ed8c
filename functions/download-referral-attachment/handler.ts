import { referrerKinds } from '../../schemas/services';
import { downloadRoute } from '../http/download';

/**
 * GET /referrals/{id}/attachments/{attachmentId}: for an officer of the referring organisation, a file their
 * organisation uploaded and attached; 303 to a link that lives 60 s, the read recorded as `viewed_by_referrer`.
 */
export const handler = downloadRoute(referrerKinds);
