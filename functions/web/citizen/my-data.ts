/**
 * Your data: what the agency holds about the signed-in person, to save as one JSON file (GDPR Art. 15 and 20),
 * the very document `GET /me/data` answers (docs/retention.md).
 */
import { exportDownloadHeaders, exportOwnData } from '../../core/personal-data';
import type { PageContext, PageRoute, WebResponse } from '../app';
import { listed } from '../page-table';

const page = async ({ t, href, render }: PageContext) =>
  render('my-data', { title: t.myDataTitle, downloadHref: href('my-data-download'), backHref: href('applications') });

/** The file itself: JSON, never cached, never framed or sniffed as anything else. */
const download = async ({ deps, principal }: PageContext): Promise<WebResponse> => {
  const exported = await exportOwnData(deps.personalData, principal);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      ...exportDownloadHeaders(exported.generatedAt),
    },
    body: JSON.stringify(exported, null, 2),
  };
};

export const myDataPages: readonly PageRoute[] = [
  { ...listed('my-data'), get: page },
  { ...listed('my-data-download'), get: download },
];
