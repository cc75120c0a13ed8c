import { DataExportRequest } from '../../schemas/retention';
import { exportDownloadHeaders, exportPersonData } from '../core/personal-data';
import { httpRoute, json } from '../http/route';
import { personalDataDeps } from '../wiring/personal-data';
import { issuers } from '../settings';
import { exportPersonDataRoute } from '../../infra/routes';

/** exportPersonDataRoute (infra/routes.ts): never cached, always a file to save. */
export const handler = httpRoute({ routes: [exportPersonDataRoute], issuers, body: DataExportRequest }, async ({ principal, body }) => {
  const exported = await exportPersonData(personalDataDeps, principal, body.personalCode);
  return json(200, exported, { 'cache-control': 'no-store', ...exportDownloadHeaders(exported.generatedAt) });
});
