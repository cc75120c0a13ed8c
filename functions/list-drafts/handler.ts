import { listDrafts } from '../core/drafts';
import { httpRoute, json } from '../http/route';
import { draftDeps } from '../wiring/drafts';
import { issuers } from '../settings';
import { listDraftsRoute } from '../../infra/routes';

/** listDraftsRoute (infra/routes.ts). */
export const handler = httpRoute({ routes: [listDraftsRoute], issuers }, async ({ principal }) => json(200, { items: await listDrafts(draftDeps, principal) }));
