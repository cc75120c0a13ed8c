import { downloadRoute } from '../http/download';
import { downloadAttachmentRoute } from '../../infra/routes';

/** downloadAttachmentRoute (infra/routes.ts), wired as every attachment download is (../http/download.ts). */
export const handler = downloadRoute(downloadAttachmentRoute);
