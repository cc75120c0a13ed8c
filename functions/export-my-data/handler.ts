import { MyDataQuery } from '../../schemas/personal-data';
import { exportDownloadHeaders, exportOwnData } from '../core/personal-data';
import { httpRoute, json } from '../http/route';
import { personalDataDeps } from '../wiring/personal-data';
import { issuers } from '../settings';
import { exportMyDataRoute } from '../../infra/routes';

/** exportMyDataRoute (infra/routes.ts): never cached; `?download=true` adds the headers that make it a file. */
export const handler = httpRoute({ routes: [exportMyDataRoute], issuers, query: MyDataQuery }, async ({ principal, query }) => {
  const exported = await exportOwnData(personalDataDeps, principal);
  return json(200, exported, { 'cache-control': 'no-store', ...(query.download && exportDownloadHeaders(exported.generatedAt)) });
});
