import { downloadRoute } from '../http/download';
import { downloadReferralAttachmentRoute } from '../../infra/routes';

/** downloadReferralAttachmentRoute (infra/routes.ts), wired as every attachment download is (../http/download.ts). */
export const handler = downloadRoute(downloadReferralAttachmentRoute);
