/**
 * Your data: what the agency holds about the signed-in person, to save as one JSON file (GDPR Art. 15 and 20),
 * the very document `GET /me/data` answers (docs/retention.md).
 */
import { exportDownloadHeaders, exportOwnData } from '../../core/personal-data';
import type { PageContext, PageRoute, WebResponse } from '../app';

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
  { name: 'my-data', paths: { lv: '/mani-dati', en: '/en/your-data' }, get: page, signIn: true },
  { name: 'my-data-download', paths: { lv: '/mani-dati/lejupielade', en: '/en/your-data/download' }, get: download, signIn: true },
];
